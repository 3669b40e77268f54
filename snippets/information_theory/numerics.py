"""Numerics a practitioner meets: log-sum-exp, floating-point formats, perplexity, calibration."""

from __future__ import annotations

# --8<-- [start:lse]
import math

import torch
import torch.nn.functional as F


def logsumexp(z: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """log sum_i e^{z_i}, with the maximum taken out first: exp cannot overflow."""
    m = z.max(dim=dim, keepdim=True).values
    return (m + torch.log(torch.exp(z - m).sum(dim=dim, keepdim=True))).squeeze(dim)


def smooth_max(z: torch.Tensor, temperature: float, dim: int = -1) -> torch.Tensor:
    """t * logsumexp(z / t): between max(z) and max(z) + t log n."""
    return temperature * logsumexp(z / temperature, dim=dim)


# --8<-- [end:lse]


# --8<-- [start:exp_limit]
def largest_finite_exp_input(dtype: torch.dtype) -> float:
    """The largest x of the format dtype whose exp, rounded to dtype, is finite."""

    def exp_is_finite(x: torch.Tensor) -> bool:
        return torch.exp(x.double()).to(dtype).isfinite().item()  # (1)!

    up = torch.tensor(math.inf, dtype=dtype)
    down = torch.tensor(-math.inf, dtype=dtype)
    x = torch.tensor(math.log(torch.finfo(dtype).max), dtype=dtype)  # (2)!
    while not exp_is_finite(x):
        x = torch.nextafter(x, down)
    while exp_is_finite(torch.nextafter(x, up)):
        x = torch.nextafter(x, up)
    return x.item()


# --8<-- [end:exp_limit]


# --8<-- [start:perplexity]
def perplexity(logits: torch.Tensor, targets: torch.Tensor) -> float:
    """exp of the mean cross-entropy (in nats) over the predicted tokens."""
    return math.exp(F.cross_entropy(logits, targets).item())


# --8<-- [end:perplexity]


# --8<-- [start:calibration]
def reliability_bins(
    probabilities: torch.Tensor, labels: torch.Tensor, bins: int = 10
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Per confidence bin: mean confidence, accuracy and number of examples."""
    confidence, predicted = probabilities.max(dim=1)
    correct = (predicted == labels).double()
    index = (confidence * bins).long().clamp(max=bins - 1)  # bin b: [b/bins, (b+1)/bins)
    count = torch.bincount(index, minlength=bins).double()
    conf_sum = torch.bincount(index, weights=confidence, minlength=bins)
    correct_sum = torch.bincount(index, weights=correct, minlength=bins)
    safe = count.clamp(min=1)
    return conf_sum / safe, correct_sum / safe, count


def expected_calibration_error(probabilities: torch.Tensor, labels: torch.Tensor) -> float:
    """sum over bins of (share of examples) * |accuracy - mean confidence|."""
    confidence, accuracy, count = reliability_bins(probabilities, labels)
    return ((count / count.sum()) * (accuracy - confidence).abs()).sum().item()


def fit_temperature(logits: torch.Tensor, labels: torch.Tensor) -> float:
    """The T minimizing the cross-entropy of softmax(logits / T), by bisection on 1/T."""

    def slope(beta: float) -> float:  # d/d beta of the mean cross-entropy
        p = torch.softmax(beta * logits, dim=1)
        chosen = logits.gather(1, labels[:, None]).squeeze(1)
        return ((p * logits).sum(dim=1) - chosen).mean().item()

    lo, hi = 1e-3, 1e3  # the cross-entropy is convex in beta: its slope increases
    for _ in range(100):
        mid = math.sqrt(lo * hi)
        lo, hi = (mid, hi) if slope(mid) < 0 else (lo, mid)
    return 1 / math.sqrt(lo * hi)


# --8<-- [end:calibration]


# --8<-- [start:synthetic]
def synthetic_classifier(
    n: int = 20_000, classes: int = 5, overconfidence: float = 2.5, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Labels drawn from softmax(true logits); the model reports 2.5 times those logits."""
    g = torch.Generator().manual_seed(seed)
    true_logits = 2.0 * torch.randn(n, classes, generator=g, dtype=torch.float64)
    cumulative = torch.softmax(true_logits, dim=1).cumsum(dim=1)
    u = torch.rand(n, 1, generator=g, dtype=torch.float64)
    labels = (cumulative < u).sum(dim=1).clamp(max=classes - 1)  # (1)!
    return overconfidence * true_logits, true_logits, labels


# --8<-- [end:synthetic]


def calibration_experiment() -> dict[str, float | torch.Tensor]:
    """Fit T on the first half, measure on the second half."""
    logits, true_logits, labels = synthetic_classifier()
    half = len(labels) // 2
    fit, test = slice(0, half), slice(half, None)
    temperature = fit_temperature(logits[fit], labels[fit])
    before = torch.softmax(logits[test], dim=1)
    after = torch.softmax(logits[test] / temperature, dim=1)
    truth = torch.softmax(true_logits[test], dim=1)
    return {
        "temperature": temperature,
        "ece_before": expected_calibration_error(before, labels[test]),
        "ece_after": expected_calibration_error(after, labels[test]),
        "ece_true": expected_calibration_error(truth, labels[test]),
        "accuracy_before": (before.argmax(1) == labels[test]).double().mean().item(),
        "accuracy_after": (after.argmax(1) == labels[test]).double().mean().item(),
        "confidence_before": before.max(1).values.mean().item(),
        "confidence_after": after.max(1).values.mean().item(),
        "nll_before": F.cross_entropy(logits[test], labels[test]).item(),
        "nll_after": F.cross_entropy(logits[test] / temperature, labels[test]).item(),
        "top_bin_share": (before.max(1).values >= 0.9).double().mean().item(),
    }


LSE_EXAMPLE = torch.tensor([1.0, 2.0, 3.0, 3.0], dtype=torch.float64)
LSE_EXAMPLE_MAX = LSE_EXAMPLE.max().item()
LSE_EXAMPLE_VALUE = logsumexp(LSE_EXAMPLE).item()
LSE_EXAMPLE_UPPER = LSE_EXAMPLE_MAX + math.log(len(LSE_EXAMPLE))
LSE_EXAMPLE_T_01 = smooth_max(LSE_EXAMPLE, 0.1).item()
LSE_EXAMPLE_T_001 = smooth_max(LSE_EXAMPLE, 0.01).item()
LOG_2 = math.log(2)

FORMATS = {"float16": torch.float16, "bfloat16": torch.bfloat16, "float32": torch.float32}
FLOAT16_MAX = torch.finfo(torch.float16).max
FLOAT16_TINY = torch.finfo(torch.float16).tiny
FLOAT16_EPS = torch.finfo(torch.float16).eps
BFLOAT16_MAX = torch.finfo(torch.bfloat16).max
BFLOAT16_TINY = torch.finfo(torch.bfloat16).tiny
BFLOAT16_EPS = torch.finfo(torch.bfloat16).eps
FLOAT32_MAX = torch.finfo(torch.float32).max
FLOAT32_TINY = torch.finfo(torch.float32).tiny
FLOAT32_EPS = torch.finfo(torch.float32).eps
FLOAT16_EXP_LIMIT = largest_finite_exp_input(torch.float16)
BFLOAT16_EXP_LIMIT = largest_finite_exp_input(torch.bfloat16)
FLOAT32_EXP_LIMIT = largest_finite_exp_input(torch.float32)
BFLOAT16_LOG_MAX = math.log(BFLOAT16_MAX)
FLOAT16_LOG_MAX = math.log(FLOAT16_MAX)
FLOAT32_LOG_MAX = math.log(FLOAT32_MAX)
FLOAT16_SMALLEST_SUBNORMAL = 2.0**-24
BFLOAT16_SPACING_NEAR_88 = 2.0 ** (6 - 7)  # 88 lies in [2^6, 2^7): 7 fraction bits
BFLOAT16_AFTER_EXP_LIMIT = BFLOAT16_EXP_LIMIT + BFLOAT16_SPACING_NEAR_88

PERPLEXITY_PROBABILITIES = torch.tensor(
    [[1 / 2, 1 / 4, 1 / 8, 1 / 8], [1 / 4, 1 / 4, 1 / 4, 1 / 4], [1 / 8, 1 / 8, 1 / 8, 5 / 8]],
    dtype=torch.float64,
)
PERPLEXITY_TARGETS = torch.tensor([0, 1, 2])
PERPLEXITY_CROSS_ENTROPY = F.cross_entropy(
    PERPLEXITY_PROBABILITIES.log(), PERPLEXITY_TARGETS
).item()
PERPLEXITY_EXAMPLE = perplexity(PERPLEXITY_PROBABILITIES.log(), PERPLEXITY_TARGETS)
UNIFORM_VOCABULARY = 50_000
GPT2_VOCABULARY = 50_257
GPT2_UNIFORM_LOSS = math.log(GPT2_VOCABULARY)  # the loss of an untrained GPT-2-sized model
UNIFORM_PERPLEXITY = perplexity(
    torch.zeros(3, UNIFORM_VOCABULARY, dtype=torch.float64), torch.tensor([0, 7, 42])
)

_CALIBRATION = calibration_experiment()
FITTED_TEMPERATURE = _CALIBRATION["temperature"]
ECE_BEFORE = _CALIBRATION["ece_before"]
ECE_AFTER = _CALIBRATION["ece_after"]
ECE_TRUE = _CALIBRATION["ece_true"]
ACCURACY = _CALIBRATION["accuracy_before"]
CONFIDENCE_BEFORE = _CALIBRATION["confidence_before"]
CONFIDENCE_AFTER = _CALIBRATION["confidence_after"]
NLL_BEFORE = _CALIBRATION["nll_before"]
NLL_AFTER = _CALIBRATION["nll_after"]
TOP_BIN_SHARE_BEFORE = _CALIBRATION["top_bin_share"]


if __name__ == "__main__":
    # --8<-- [start:demo_lse]
    z = torch.tensor([1.0, 2.0, 3.0, 3.0], dtype=torch.float64)
    print(f"{z.max():.4f} {logsumexp(z):.4f} {z.max() + math.log(len(z)):.4f}")
    for t in (1.0, 0.1, 0.01):
        print(f"t = {t:<5}{smooth_max(z, t):.4f}")
    print(torch.allclose(logsumexp(z), torch.logsumexp(z, dim=0)))

    z.requires_grad_()
    (grad,) = torch.autograd.grad(logsumexp(z), z)
    print(grad, torch.allclose(grad, torch.softmax(z, dim=0)))  # (1)!
    # --8<-- [end:demo_lse]

    # --8<-- [start:demo_formats]
    print(f"{'':9}{'bits':>5}{'max':>12}{'tiny':>12}{'eps':>12}{'exp limit':>13}")
    for dtype in (torch.float16, torch.bfloat16, torch.float32):
        name = str(dtype).removeprefix("torch.")
        info = torch.finfo(dtype)
        limit = largest_finite_exp_input(dtype)
        print(
            f"{name:9}{info.bits:5}{info.max:12.4e}{info.tiny:12.4e}{info.eps:12.4e}{limit:13.6f}"
        )
    # --8<-- [end:demo_formats]

    # --8<-- [start:demo_overflow]
    for dtype in (torch.float16, torch.bfloat16, torch.float32):
        x = torch.tensor([11.0, 12.0, 88.0, 89.0], dtype=dtype)
        print(dtype, torch.exp(x))
    print(torch.tensor(256.0, dtype=torch.bfloat16) + 1)  # (1)!
    # --8<-- [end:demo_overflow]

    # --8<-- [start:demo_perplexity]
    probabilities = torch.tensor(
        [[1 / 2, 1 / 4, 1 / 8, 1 / 8], [1 / 4, 1 / 4, 1 / 4, 1 / 4], [1 / 8, 1 / 8, 1 / 8, 5 / 8]],
        dtype=torch.float64,
    )
    targets = torch.tensor([0, 1, 2])  # the correct tokens get 1/2, 1/4 and 1/8
    logits = probabilities.log()  # (1)!
    print(f"{F.cross_entropy(logits, targets).item():.6f} {perplexity(logits, targets):.6f}")

    uniform = torch.zeros(3, 50_000, dtype=torch.float64)  # equal logits for all tokens
    print(f"{perplexity(uniform, torch.tensor([0, 7, 42])):.6f}")
    # --8<-- [end:demo_perplexity]

    # --8<-- [start:demo_calibration]
    logits, _, labels = synthetic_classifier()
    fit, test = slice(0, 10_000), slice(10_000, None)  # (2)!
    t = fit_temperature(logits[fit], labels[fit])
    before = torch.softmax(logits[test], dim=1)
    after = torch.softmax(logits[test] / t, dim=1)
    print(f"T = {t:.3f}")
    print(f"ECE before {expected_calibration_error(before, labels[test]):.3f}")
    print(f"ECE after  {expected_calibration_error(after, labels[test]):.3f}")
    print(torch.equal(before.argmax(1), after.argmax(1)))  # (3)!
    # --8<-- [end:demo_calibration]
