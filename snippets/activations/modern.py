"""Activations in current use: GELU, SiLU/Swish, the SwiGLU feed-forward block, PReLU and SELU."""

from __future__ import annotations

# --8<-- [start:functions]
import math

import torch
import torch.nn.functional as F
from torch import nn


def normal_cdf(x: torch.Tensor) -> torch.Tensor:
    return 0.5 * (1 + torch.erf(x / math.sqrt(2)))


def normal_pdf(x: torch.Tensor) -> torch.Tensor:
    return torch.exp(-0.5 * x**2) / math.sqrt(2 * math.pi)


def gelu(x: torch.Tensor) -> torch.Tensor:
    return x * normal_cdf(x)


def gelu_tanh(x: torch.Tensor) -> torch.Tensor:
    inner = math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)
    return 0.5 * x * (1 + torch.tanh(inner))


def swish(x: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    return x * torch.sigmoid(beta * x)  # (1)!


# --8<-- [end:functions]


# --8<-- [start:derivatives]
def gelu_derivative(x: torch.Tensor) -> torch.Tensor:
    return normal_cdf(x) + x * normal_pdf(x)


def swish_derivative(x: torch.Tensor, beta: float = 1.0) -> torch.Tensor:
    s = torch.sigmoid(beta * x)
    return s + beta * x * s * (1 - s)


# --8<-- [end:derivatives]


# --8<-- [start:minimum]
def root(f, lo: float, hi: float) -> float:
    """Bisection: a zero of f between lo and hi, where f changes sign."""
    f_lo = f(lo)
    for _ in range(200):
        mid = (lo + hi) / 2
        if (f(mid) < 0) == (f_lo < 0):
            lo, f_lo = mid, f(mid)
        else:
            hi = mid
    return (lo + hi) / 2


def minimum(function, derivative, lo: float, hi: float) -> tuple[float, float]:
    """Where the derivative is 0 between lo and hi, and the function's value there."""
    at = root(lambda t: derivative(torch.tensor(t, dtype=torch.float64)).item(), lo, hi)
    return at, function(torch.tensor(at, dtype=torch.float64)).item()


# --8<-- [end:minimum]


# --8<-- [start:swiglu]
class SwiGLUFeedForward(nn.Module):
    """(SiLU(x W) * (x V)) W2, the feed-forward block of LLaMA-style transformers."""

    def __init__(self, d_model: int, d_hidden: int) -> None:
        super().__init__()
        self.w = nn.Linear(d_model, d_hidden, bias=False)  # (1)!
        self.v = nn.Linear(d_model, d_hidden, bias=False)  # (2)!
        self.w2 = nn.Linear(d_hidden, d_model, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w2(F.silu(self.w(x)) * self.v(x))


def llama_hidden_size(d_model: int, multiple_of: int = 256) -> int:
    """Two thirds of 4 d, rounded up to a multiple of multiple_of."""
    hidden = int(2 * (4 * d_model) / 3)
    return multiple_of * math.ceil(hidden / multiple_of)


def parameter_count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


def classic_feed_forward(d_model: int) -> nn.Module:
    """The two-matrix feed-forward block with hidden size 4 d, without biases."""
    return nn.Sequential(
        nn.Linear(d_model, 4 * d_model, bias=False),
        nn.GELU(),
        nn.Linear(4 * d_model, d_model, bias=False),
    )


# --8<-- [end:swiglu]


# --8<-- [start:selu]
def selu_moments(points: int = 240_001, half_width: float = 12.0) -> tuple[float, float]:
    """Mean and variance of SELU(z) for z ~ N(0, 1), by the trapezoidal rule."""
    z = torch.linspace(-half_width, half_width, points, dtype=torch.float64)
    density = normal_pdf(z)
    y = F.selu(z)
    mean = torch.trapezoid(y * density, z).item()
    second = torch.trapezoid(y**2 * density, z).item()
    return mean, second - mean**2


# --8<-- [end:selu]


def largest_gelu_gap(
    lo: float = -8.0, hi: float = 8.0, points: int = 160_001
) -> tuple[float, float]:
    """max |GELU(x) - its tanh approximation| on a grid, and the |x| where it sits."""
    x = torch.linspace(lo, hi, points, dtype=torch.float64)
    gap = (gelu(x) - gelu_tanh(x)).abs()
    i = gap.argmax()
    return gap[i].item(), abs(x[i].item())


GELU_TANH_MAX_GAP, GELU_TANH_GAP_AT = largest_gelu_gap()
GELU_MIN_AT, GELU_MIN = minimum(gelu, gelu_derivative, -2.0, -0.1)
SILU_MIN_AT, SILU_MIN = minimum(swish, swish_derivative, -3.0, -0.5)
GELU_DERIVATIVE_MAX = gelu_derivative(torch.linspace(-8, 8, 160_001, dtype=torch.float64)).max()
SILU_DERIVATIVE_MAX = swish_derivative(torch.linspace(-8, 8, 160_001, dtype=torch.float64)).max()
GELU_DERIVATIVE_AT_0 = gelu_derivative(torch.tensor(0.0, dtype=torch.float64)).item()

LLAMA_7B_D_MODEL = 4096
LLAMA_7B_HIDDEN = llama_hidden_size(LLAMA_7B_D_MODEL)
SMALL_D_MODEL = 768
SMALL_HIDDEN = llama_hidden_size(SMALL_D_MODEL, multiple_of=1)
SWIGLU_PARAMETERS_768 = 3 * SMALL_D_MODEL * SMALL_HIDDEN
CLASSIC_PARAMETERS_768 = 2 * SMALL_D_MODEL * 4 * SMALL_D_MODEL
SWIGLU_PARAMETERS_7B = 3 * LLAMA_7B_D_MODEL * LLAMA_7B_HIDDEN
CLASSIC_PARAMETERS_7B = 2 * LLAMA_7B_D_MODEL * 4 * LLAMA_7B_D_MODEL
SWIGLU_OVER_CLASSIC_7B = SWIGLU_PARAMETERS_7B / CLASSIC_PARAMETERS_7B
SWIGLU_EXTRA_PARAMETERS = SWIGLU_OVER_CLASSIC_7B - 1

SELU_ALPHA = 1.6732632423543772848170429916717  # the constants of torch.nn.SELU
SELU_SCALE = 1.0507009873554804934193349852946
SELU_MEAN, SELU_VARIANCE = selu_moments()
PRELU_INITIAL_SLOPE = nn.PReLU().weight.item()


if __name__ == "__main__":
    # --8<-- [start:demo_agree]
    x = torch.linspace(-6, 6, 1201, dtype=torch.float64, requires_grad=True)

    print(torch.allclose(gelu(x), F.gelu(x)))
    print(torch.allclose(gelu_tanh(x), F.gelu(x, approximate="tanh")))
    print(torch.allclose(swish(x), F.silu(x)))

    for name, function, derivative in [
        ("GELU", F.gelu, gelu_derivative),
        ("SiLU", F.silu, swish_derivative),
        ("Swish(beta=2)", lambda t: swish(t, 2.0), lambda t: swish_derivative(t, 2.0)),
    ]:
        (grad,) = torch.autograd.grad(function(x).sum(), x)
        print(name, torch.allclose(grad, derivative(x)))
    # --8<-- [end:demo_agree]

    # --8<-- [start:demo_gap]
    grid = torch.linspace(-8, 8, 160_001, dtype=torch.float64)
    gap = (gelu(grid) - gelu_tanh(grid)).abs()
    print(f"largest gap {gap.max():.2e} at |x| = {grid[gap.argmax()].abs():.2f}")
    # --8<-- [end:demo_gap]

    # --8<-- [start:demo_minimum]
    for name, function, derivative, lo, hi in [
        ("GELU", gelu, gelu_derivative, -2.0, -0.1),
        ("SiLU", swish, swish_derivative, -3.0, -0.5),
    ]:
        at, value = minimum(function, derivative, lo, hi)
        print(f"{name} min at x = {at:.4f}, value {value:.4f}")
    # --8<-- [end:demo_minimum]

    # --8<-- [start:demo_swiglu]
    torch.manual_seed(0)
    block = SwiGLUFeedForward(d_model=768, d_hidden=llama_hidden_size(768, multiple_of=1))
    tokens = torch.randn(2, 5, 768)  # (batch, sequence, d_model)
    print(block(tokens).shape)
    print(llama_hidden_size(768, multiple_of=1), parameter_count(block))
    print(parameter_count(classic_feed_forward(768)))
    print(llama_hidden_size(4096))  # (3)!
    # --8<-- [end:demo_swiglu]

    # --8<-- [start:demo_selu]
    mean, variance = selu_moments()
    print(f"mean {mean:.6f}, variance {variance:.6f}")
    # --8<-- [end:demo_selu]
