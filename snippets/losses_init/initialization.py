"""Weight initialization: symmetry, Xavier and He, gain, fan modes, PyTorch's defaults."""

from __future__ import annotations

# --8<-- [start:symmetry]
import math
from functools import cache

import torch
from torch import nn


def tiny_mlp(fill: float | None) -> nn.Sequential:
    """3 inputs, 4 tanh hidden units, 1 output; every parameter set to `fill` unless it is None."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 4), nn.Tanh(), nn.Linear(4, 1))
    if fill is not None:
        for parameter in model.parameters():
            nn.init.constant_(parameter, fill)
    return model


def regression_data() -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(1)
    x = torch.randn(32, 3, generator=generator)
    return x, torch.randn(32, 1, generator=generator)


def train(model: nn.Sequential, steps: int) -> nn.Sequential:
    x, y = regression_data()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
    return model


def hidden_units_identical(model: nn.Sequential) -> bool:
    """Do all rows of the first weight matrix (one row per hidden unit) agree?"""
    w = model[0].weight
    return torch.allclose(w, w[:1].expand_as(w))


# --8<-- [end:symmetry]


# --8<-- [start:formulas]
def xavier_std(fan_in: int, fan_out: int, gain: float = 1.0) -> float:
    return gain * math.sqrt(2.0 / (fan_in + fan_out))


def xavier_limit(fan_in: int, fan_out: int, gain: float = 1.0) -> float:
    return gain * math.sqrt(6.0 / (fan_in + fan_out))  # (1)!


def kaiming_std(fan: int, gain: float = math.sqrt(2.0)) -> float:
    return gain / math.sqrt(fan)


def kaiming_limit(fan: int, gain: float = math.sqrt(2.0)) -> float:
    return gain * math.sqrt(3.0 / fan)


def sample(init: str, shape: tuple[int, ...], seed: int = 0, **kwargs: object) -> torch.Tensor:
    """A tensor filled by nn.init.<init>_ with a seeded generator."""
    tensor = torch.empty(shape)
    getattr(nn.init, f"{init}_")(tensor, generator=torch.Generator().manual_seed(seed), **kwargs)
    return tensor


# --8<-- [end:formulas]


def std_tolerance(n: int, std: float, z: float = 5.0) -> float:
    """z standard errors of the sample standard deviation of n normal values."""
    return z * std / math.sqrt(2 * n)


def uniform_variance_tolerance(n: int, limit: float, z: float = 5.0) -> float:
    """z standard errors of the mean of x^2 for n values from U(-limit, limit)."""
    return z * limit**2 * math.sqrt(4 / 45) / math.sqrt(n)


# Defaults of nn.Linear, read from torch/nn/modules/linear.py: kaiming_uniform_(a=sqrt(5)).
LINEAR_IN, LINEAR_OUT = 400, 300
DEFAULT_GAIN = math.sqrt(2.0 / (1 + 5))
DEFAULT_LIMIT = 1 / math.sqrt(LINEAR_IN)
DEFAULT_STD = 1 / math.sqrt(3 * LINEAR_IN)
HE_STD_LINEAR = kaiming_std(LINEAR_IN)
XAVIER_STD_LINEAR = xavier_std(LINEAR_IN, LINEAR_OUT)
DEFAULT_OVER_HE = DEFAULT_STD / HE_STD_LINEAR


def default_linear(seed: int = 0) -> nn.Linear:
    torch.manual_seed(seed)
    return nn.Linear(LINEAR_IN, LINEAR_OUT)


def default_weight_std() -> float:
    return default_linear().weight.std().item()


GAIN_TANH = nn.init.calculate_gain("tanh")
GAIN_RELU = nn.init.calculate_gain("relu")
GAIN_LEAKY_DEFAULT = nn.init.calculate_gain("leaky_relu")
GAIN_SELU = nn.init.calculate_gain("selu")

FAN_IN_STD = kaiming_std(100)
FAN_OUT_STD = kaiming_std(400)
CONV_FAN_IN = 64 * 3 * 3
CONV_FAN_OUT = 128 * 3 * 3
CONV_FAN_IN_STD = kaiming_std(CONV_FAN_IN)
CONV_FAN_OUT_STD = kaiming_std(CONV_FAN_OUT)

EXERCISE_LINEAR_LIMIT = 1 / math.sqrt(1024)
EXERCISE_LINEAR_STD = 1 / math.sqrt(3 * 1024)
EXERCISE_HE_STD = kaiming_std(1024)


def relu_second_moment(n: int = 100_000) -> float:
    """E[relu(a)^2] for a ~ N(0, 1), by sampling."""
    a = torch.randn(n, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    return torch.relu(a).pow(2).mean().item()


# --8<-- [start:deep]
SCHEMES = ("std 1", "std 0.01", "default", "xavier", "he")


def init_weight(weight: torch.Tensor, scheme: str, generator: torch.Generator) -> None:
    if scheme == "std 1":
        nn.init.normal_(weight, std=1.0, generator=generator)
    elif scheme == "std 0.01":
        nn.init.normal_(weight, std=0.01, generator=generator)
    elif scheme == "default":  # what nn.Linear does in reset_parameters
        nn.init.kaiming_uniform_(weight, a=math.sqrt(5), generator=generator)
    elif scheme == "xavier":
        nn.init.xavier_normal_(weight, generator=generator)
    elif scheme == "xavier tanh gain":
        nn.init.xavier_normal_(weight, gain=5 / 3, generator=generator)
    else:
        nn.init.kaiming_normal_(weight, nonlinearity="relu", generator=generator)


@torch.no_grad()
def layer_stds(activation: str, scheme: str, depth: int = 20, width: int = 256) -> list[float]:
    """Standard deviation of each layer's output in a deep MLP with zero biases."""
    generator = torch.Generator().manual_seed(0)
    h = torch.randn(256, width, generator=generator)
    f = torch.tanh if activation == "tanh" else torch.relu
    stds = []
    for _ in range(depth):
        weight = torch.empty(width, width)
        init_weight(weight, scheme, generator)
        h = f(h @ weight.T)
        stds.append(h.std().item())
    return stds


# --8<-- [end:deep]


@cache
def cached_layer_stds(activation: str, scheme: str) -> tuple[float, ...]:
    return tuple(layer_stds(activation, scheme))


def last_std(activation: str, scheme: str) -> float:
    return cached_layer_stds(activation, scheme)[-1]


@torch.no_grad()
def tanh_saturated_share(scheme: str, depth: int = 20, width: int = 256) -> float:
    """Share of last-layer tanh outputs with |h| > 0.99."""
    generator = torch.Generator().manual_seed(0)
    h = torch.randn(256, width, generator=generator)
    for _ in range(depth):
        weight = torch.empty(width, width)
        init_weight(weight, scheme, generator)
        h = torch.tanh(h @ weight.T)
    return (h.abs() > 0.99).double().mean().item()


def tanh_std1_last() -> float:
    return last_std("tanh", "std 1")


def tanh_std1_saturated() -> float:
    return tanh_saturated_share("std 1")


def tanh_xavier_last() -> float:
    return last_std("tanh", "xavier")


def tanh_xavier_gain_last() -> float:
    return last_std("tanh", "xavier tanh gain")


def tanh_he_last() -> float:
    return last_std("tanh", "he")


def tanh_default_last() -> float:
    return last_std("tanh", "default")


def relu_he_last() -> float:
    return last_std("relu", "he")


def relu_xavier_last() -> float:
    return last_std("relu", "xavier")


def relu_default_last() -> float:
    return last_std("relu", "default")


def relu_std1_last() -> float:
    return last_std("relu", "std 1")


def relu_small_last() -> float:
    return last_std("relu", "std 0.01")


def huber_exercise() -> tuple[float, float, float, float]:
    """Residual 2 with width 0.5: Huber loss, Smooth L1 loss and their gradients."""
    e = torch.tensor([2.0], dtype=torch.float64, requires_grad=True)
    zero = torch.zeros(1, dtype=torch.float64)
    huber = nn.functional.huber_loss(e, zero, delta=0.5)
    smooth = nn.functional.smooth_l1_loss(e, zero, beta=0.5)
    (huber_grad,) = torch.autograd.grad(huber, e)
    (smooth_grad,) = torch.autograd.grad(smooth, e)
    return huber.item(), smooth.item(), huber_grad.item(), smooth_grad.item()


EX_HUBER, EX_SMOOTH, EX_HUBER_GRAD, EX_SMOOTH_GRAD = huber_exercise()


def uniform_logits_losses() -> tuple[float, float, float]:
    logits = torch.zeros(2, 10)
    target = torch.tensor([3, 7])
    return (
        nn.functional.cross_entropy(logits, target).item(),
        nn.functional.cross_entropy(logits, target, label_smoothing=0.1).item(),
        nn.functional.cross_entropy(logits, target, reduction="sum").item(),
    )


EX_UNIFORM_MEAN, EX_UNIFORM_SMOOTHED, EX_UNIFORM_SUM = uniform_logits_losses()

EX_POS_WEIGHT = 950 / 50
EX_BIAS_GRAD = (950 * 0.5 + 50 * (0.5 - 1)) / 1000


def zero_output_layer_steps() -> tuple[bool, bool, bool]:
    """Random hidden layer, zero output layer: W1 moves in step 1? W2 in step 1? W1 in step 2?"""
    model = tiny_mlp(fill=None)
    nn.init.zeros_(model[2].weight)
    nn.init.zeros_(model[2].bias)
    w1_start = model[0].weight.detach().clone()
    train(model, steps=1)
    w1_moved_1 = not torch.equal(model[0].weight, w1_start)
    w2_moved_1 = bool((model[2].weight != 0).all())
    train(model, steps=1)
    return w1_moved_1, w2_moved_1, not torch.equal(model[0].weight, w1_start)


if __name__ == "__main__":
    # --8<-- [start:demo_symmetry]
    x, y = regression_data()
    zero = tiny_mlp(fill=0.0)
    nn.functional.mse_loss(zero(x), y).backward()
    print(zero[0].weight.grad.abs().max().item(), zero[2].weight.grad.abs().max().item())  # (1)!
    print(zero[2].bias.grad)  # (2)!

    same = tiny_mlp(fill=0.5)
    nn.functional.mse_loss(same(x), y).backward()
    print(same[0].weight.grad)  # (3)!
    train(same, steps=200)
    print(hidden_units_identical(same))  # (4)!
    print(hidden_units_identical(train(tiny_mlp(fill=None), steps=200)))
    # --8<-- [end:demo_symmetry]

    # --8<-- [start:demo_formulas]
    fan_in, fan_out = 512, 256
    shape = (fan_out, fan_in)  # (1)!
    for init, std, limit in [
        ("xavier_normal", xavier_std(fan_in, fan_out), None),
        ("xavier_uniform", xavier_std(fan_in, fan_out), xavier_limit(fan_in, fan_out)),
        ("kaiming_normal", kaiming_std(fan_in), None),
        ("kaiming_uniform", kaiming_std(fan_in), kaiming_limit(fan_in)),
    ]:
        w = sample(init, shape)  # (2)!
        line = f"{init:16} std {std:.4f}  sample/formula {w.std().item() / std:.2f}"
        if limit is not None:
            line += f"  limit {limit:.4f}  max|w|/limit {w.abs().max().item() / limit:.3f}"
        print(line)
    # --8<-- [end:demo_formulas]

    # --8<-- [start:demo_gain]
    for nonlinearity in ("linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu"):
        print(f"{nonlinearity:10} {nn.init.calculate_gain(nonlinearity):.4f}")
    print(f"{'leaky 0.2':10} {nn.init.calculate_gain('leaky_relu', 0.2):.4f}")
    # --8<-- [end:demo_gain]

    # --8<-- [start:demo_fan]
    w = torch.empty(400, 100)  # nn.Linear(100, 400).weight: (out_features, in_features)
    g = torch.Generator().manual_seed(0)
    for mode in ("fan_in", "fan_out"):
        nn.init.kaiming_normal_(w, mode=mode, nonlinearity="relu", generator=g)
        fan = 100 if mode == "fan_in" else 400
        print(f"{mode:7} formula {kaiming_std(fan):.4f}  sample {w.std().item():.3f}")  # (1)!

    conv = torch.empty(128, 64, 3, 3)  # nn.Conv2d(64, 128, 3).weight
    nn.init.kaiming_normal_(conv, nonlinearity="relu", generator=g)
    print(f"conv    formula {kaiming_std(64 * 3 * 3):.4f}  sample {conv.std().item():.3f}")
    # --8<-- [end:demo_fan]

    # --8<-- [start:demo_default]
    torch.manual_seed(0)
    layer = nn.Linear(400, 300)
    w, b = layer.weight.detach(), layer.bias.detach()
    print(f"1/sqrt(400) = {1 / math.sqrt(400):.4f}  max|w| {w.abs().max().item():.3f}")  # (1)!
    print(f"                       max|b| {b.abs().max().item():.3f}")
    print(f"1/sqrt(1200) = {1 / math.sqrt(1200):.4f}  std(w) {w.std().item():.3f}")  # (2)!
    print(f"xavier {xavier_std(400, 300):.4f}   he {kaiming_std(400):.4f}")  # (3)!
    # --8<-- [end:demo_default]

    # --8<-- [start:demo_deep]
    for activation in ("tanh", "relu"):
        for scheme in SCHEMES:
            stds = layer_stds(activation, scheme)
            print(f"{activation} {scheme:8}  layer 1: {stds[0]:.1e}  layer 20: {stds[-1]:.1e}")
    # --8<-- [end:demo_deep]

    # --8<-- [start:exercise_huber]
    e = torch.tensor([2.0], requires_grad=True)
    huber = nn.functional.huber_loss(e, torch.zeros(1), delta=0.5)
    smooth = nn.functional.smooth_l1_loss(e, torch.zeros(1), beta=0.5)
    (huber_grad,) = torch.autograd.grad(huber, e)
    (smooth_grad,) = torch.autograd.grad(smooth, e)
    print(huber.item(), smooth.item(), huber_grad.item(), smooth_grad.item())
    # --8<-- [end:exercise_huber]

    # --8<-- [start:exercise_predict]
    logits = torch.zeros(2, 10)
    target = torch.tensor([3, 7])
    print(f"{nn.functional.cross_entropy(logits, target).item():.4f}")
    print(f"{nn.functional.cross_entropy(logits, target, label_smoothing=0.1).item():.4f}")
    print(f"{nn.functional.cross_entropy(logits, target, reduction='sum').item():.4f}")
    # --8<-- [end:exercise_predict]

    # --8<-- [start:exercise_conv]
    conv = nn.Conv2d(64, 128, kernel_size=3)
    print(conv.weight.shape)  # (out_channels, in_channels, kernel height, kernel width)
    fan_in = 64 * 3 * 3  # in_channels * kernel height * kernel width
    fan_out = 128 * 3 * 3
    print(f"fan_in {fan_in}: std {math.sqrt(2 / fan_in):.4f}")
    print(f"fan_out {fan_out}: std {math.sqrt(2 / fan_out):.4f}")
    # --8<-- [end:exercise_conv]

    # --8<-- [start:exercise_default]
    fan_in = 1024
    print(f"limit {1 / math.sqrt(fan_in):.5f}  std {1 / math.sqrt(3 * fan_in):.4f}")
    print(f"He std {math.sqrt(2 / fan_in):.4f}")
    # --8<-- [end:exercise_default]
