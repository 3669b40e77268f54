import math

import pytest
import torch
import torch.nn.functional as F

from snippets.activations import softmax as softmax_page
from snippets.information_theory import numerics as nu


def random_vectors(seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return 5 * torch.randn(200, 7, generator=g, dtype=torch.float64)


def test_logsumexp_matches_torch_also_for_huge_logits():
    z = random_vectors()
    torch.testing.assert_close(nu.logsumexp(z), torch.logsumexp(z, dim=-1))
    big = torch.tensor([1000.0, 1001.0, 1002.0], dtype=torch.float64)
    torch.testing.assert_close(nu.logsumexp(big), torch.logsumexp(big, dim=0))
    assert torch.isinf(torch.log(torch.exp(big).sum()))  # the literal formula overflows


@pytest.mark.parametrize("t", [2.0, 1.0, 0.1, 0.01])
def test_smooth_max_bounds(t):
    z = random_vectors()
    largest = z.max(dim=-1).values
    smooth = nu.smooth_max(z, t)
    assert (smooth >= largest - 1e-12).all()
    assert (smooth <= largest + t * math.log(z.shape[-1]) + 1e-12).all()


def test_upper_bound_is_reached_by_equal_entries_and_ties_give_log_of_their_number():
    equal = torch.full((6,), 2.5, dtype=torch.float64)
    assert nu.logsumexp(equal).item() == pytest.approx(2.5 + math.log(6))
    assert nu.LSE_EXAMPLE_T_001 == pytest.approx(3 + 0.01 * math.log(2), abs=1e-12)
    assert nu.LSE_EXAMPLE_VALUE == pytest.approx(math.log(math.e + math.e**2 + 2 * math.e**3))
    assert nu.LSE_EXAMPLE_UPPER == pytest.approx(3 + math.log(4))
    assert nu.LSE_EXAMPLE_T_01 == pytest.approx(
        0.1 * math.log(math.exp(10) + math.exp(20) + 2 * math.exp(30))
    )


def test_gradient_of_logsumexp_is_softmax():
    z = random_vectors()[:5].clone().requires_grad_()
    (grad,) = torch.autograd.grad(nu.logsumexp(z).sum(), z)
    torch.testing.assert_close(grad, torch.softmax(z, dim=-1))


def test_finfo_values_exactly():
    assert nu.FLOAT16_MAX == 65504.0
    assert nu.FLOAT16_TINY == 2.0**-14
    assert nu.FLOAT16_EPS == 2.0**-10
    assert nu.BFLOAT16_MAX == (2 - 2.0**-7) * 2.0**127
    assert nu.BFLOAT16_TINY == 2.0**-126 == nu.FLOAT32_TINY
    assert nu.BFLOAT16_EPS == 2.0**-7
    assert nu.FLOAT32_MAX == (2 - 2.0**-23) * 2.0**127
    assert nu.FLOAT32_EPS == 2.0**-23


def test_integers_stop_being_exact_at_one_over_eps_times_two():
    for dtype, n in [(torch.bfloat16, 256), (torch.float16, 2048), (torch.float32, 2**24)]:
        assert torch.finfo(dtype).eps * n == 2
        assert (torch.tensor(float(n), dtype=dtype) + 1).item() == n
        assert (torch.tensor(float(n - 1), dtype=dtype) + 1).item() == n


@pytest.mark.parametrize("dtype", [torch.float16, torch.bfloat16, torch.float32])
def test_exp_limits_with_torch_exp_in_the_dtype_itself(dtype):
    limit = torch.tensor(nu.largest_finite_exp_input(dtype), dtype=dtype)
    after = torch.nextafter(limit, torch.tensor(math.inf, dtype=dtype))
    assert torch.exp(limit).isfinite().item()
    assert torch.exp(after).isinf().item()
    assert limit.item() <= math.log(torch.finfo(dtype).max) < after.item()


def test_exp_limit_values():
    assert nu.FLOAT16_EXP_LIMIT == 11 + 11 / 128
    assert nu.BFLOAT16_EXP_LIMIT == 88.5
    assert nu.BFLOAT16_AFTER_EXP_LIMIT == 89.0
    assert nu.FLOAT32_EXP_LIMIT == pytest.approx(88.722832, abs=1e-6)
    assert nu.BFLOAT16_LOG_MAX == pytest.approx(88.7189, abs=1e-4)
    # the softmax page states log(max) to one decimal: the same numbers
    assert round(nu.FLOAT32_EXP_LIMIT, 1) == round(softmax_page.FLOAT32_EXP_LIMIT, 1)
    assert round(nu.FLOAT16_EXP_LIMIT, 1) == round(softmax_page.FLOAT16_EXP_LIMIT, 1)


def test_perplexity():
    assert nu.PERPLEXITY_CROSS_ENTROPY == pytest.approx(2 * math.log(2))
    assert nu.PERPLEXITY_EXAMPLE == pytest.approx(4.0)
    chosen = nu.PERPLEXITY_PROBABILITIES[torch.arange(3), nu.PERPLEXITY_TARGETS]
    geometric_mean_of_inverse = torch.exp(-chosen.log().mean()).item()
    assert nu.PERPLEXITY_EXAMPLE == pytest.approx(geometric_mean_of_inverse)
    assert nu.UNIFORM_PERPLEXITY == pytest.approx(nu.UNIFORM_VOCABULARY)
    for k in (2, 10, 1000):
        assert nu.perplexity(torch.zeros(4, k, dtype=torch.float64), torch.arange(4) % k) == (
            pytest.approx(k)
        )


def ece_by_loop(probabilities: torch.Tensor, labels: torch.Tensor, bins: int = 10) -> float:
    confidence, predicted = probabilities.max(dim=1)
    total = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = (confidence >= lo) & ((confidence < hi) if b < bins - 1 else (confidence <= hi))
        if inside.any():
            accuracy = (predicted[inside] == labels[inside]).double().mean()
            total += (
                inside.double().mean().item() * abs(accuracy - confidence[inside].mean()).item()
            )
    return total


def test_ece_matches_a_direct_loop():
    logits, _, labels = nu.synthetic_classifier(n=3000, seed=1)
    for scale in (1.0, 0.4):
        p = torch.softmax(scale * logits, dim=1)
        assert nu.expected_calibration_error(p, labels) == pytest.approx(ece_by_loop(p, labels))


def test_true_probabilities_are_calibrated_up_to_sampling_noise():
    _, true_logits, labels = nu.synthetic_classifier()
    assert nu.ECE_TRUE < 0.015
    assert nu.expected_calibration_error(torch.softmax(true_logits, dim=1), labels) < 0.015


def test_temperature_scaling_fixes_the_overconfident_model():
    assert nu.ECE_BEFORE > 0.15
    assert nu.ECE_AFTER < 0.02
    assert nu.FITTED_TEMPERATURE == pytest.approx(2.5, abs=0.1)
    assert nu.CONFIDENCE_BEFORE > nu.ACCURACY + 0.15
    assert abs(nu.CONFIDENCE_AFTER - nu.ACCURACY) < 0.01
    assert nu.NLL_AFTER < nu.NLL_BEFORE
    logits, _, labels = nu.synthetic_classifier()
    half = len(labels) // 2
    before = torch.softmax(logits[half:], dim=1)
    after = torch.softmax(logits[half:] / nu.FITTED_TEMPERATURE, dim=1)
    assert torch.equal(before.argmax(1), after.argmax(1))
    assert nu.ACCURACY == (after.argmax(1) == labels[half:]).double().mean().item()


def test_fitted_temperature_minimizes_the_cross_entropy():
    logits, _, labels = nu.synthetic_classifier()
    fit_logits, fit_labels = logits[:10_000], labels[:10_000]
    t = nu.fit_temperature(fit_logits, fit_labels)
    beta = torch.tensor(1 / t, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(F.cross_entropy(beta * fit_logits, fit_labels), beta)
    assert abs(grad.item()) < 1e-9
    nll = [F.cross_entropy(fit_logits / s, fit_labels).item() for s in (t - 0.01, t, t + 0.01)]
    assert nll[1] < nll[0] and nll[1] < nll[2]
