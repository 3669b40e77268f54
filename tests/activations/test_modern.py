import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.activations import modern as md

GRID = torch.linspace(-8, 8, 4001, dtype=torch.float64)


def autograd_derivative(f, x: torch.Tensor) -> torch.Tensor:
    x = x.clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    return grad


def test_functions_match_torch():
    torch.testing.assert_close(md.gelu(GRID), F.gelu(GRID))
    torch.testing.assert_close(md.gelu(GRID), nn.GELU()(GRID))
    torch.testing.assert_close(md.gelu_tanh(GRID), F.gelu(GRID, approximate="tanh"))
    torch.testing.assert_close(md.swish(GRID), F.silu(GRID))
    torch.testing.assert_close(md.swish(GRID), nn.SiLU()(GRID))
    torch.testing.assert_close(md.normal_cdf(GRID), torch.special.ndtr(GRID))


@pytest.mark.parametrize(
    ("derivative", "function"),
    [
        (md.gelu_derivative, F.gelu),
        (md.gelu_derivative, md.gelu),
        (md.swish_derivative, F.silu),
        (lambda x: md.swish_derivative(x, 2.0), lambda x: md.swish(x, 2.0)),
        (lambda x: md.swish_derivative(x, 0.5), lambda x: md.swish(x, 0.5)),
    ],
)
def test_derivatives_match_autograd(derivative, function):
    torch.testing.assert_close(derivative(GRID), autograd_derivative(function, GRID))


def test_swish_limits():
    # beta -> 0: x/2; beta large: ReLU
    torch.testing.assert_close(md.swish(GRID, 1e-9), GRID / 2)
    torch.testing.assert_close(md.swish(GRID, 200.0), torch.relu(GRID), atol=2e-3, rtol=0)


def test_sigmoid_approximation_of_the_normal_cdf():
    gap = (md.normal_cdf(GRID) - torch.sigmoid(1.702 * GRID)).abs().max().item()
    assert gap < 0.01


def test_gelu_tanh_gap():
    assert md.GELU_TANH_MAX_GAP == pytest.approx(4.73e-4, rel=1e-3)
    assert md.GELU_TANH_GAP_AT == pytest.approx(2.70, abs=0.01)
    fine = torch.linspace(-20, 20, 400_001, dtype=torch.float64)
    gap = (F.gelu(fine) - F.gelu(fine, approximate="tanh")).abs()
    assert gap.max().item() == pytest.approx(md.GELU_TANH_MAX_GAP, rel=1e-6)
    # the gap is even, because both forms satisfy f(x) - f(-x) = x
    torch.testing.assert_close(md.gelu(GRID) - md.gelu(-GRID), GRID)
    torch.testing.assert_close(md.gelu_tanh(GRID) - md.gelu_tanh(-GRID), GRID)


def test_minima():
    for at, value, function in [
        (md.GELU_MIN_AT, md.GELU_MIN, F.gelu),
        (md.SILU_MIN_AT, md.SILU_MIN, F.silu),
    ]:
        t = torch.tensor(at, dtype=torch.float64, requires_grad=True)
        (grad,) = torch.autograd.grad(function(t), t)
        assert abs(grad.item()) < 1e-12
        assert function(GRID).min().item() >= value
        assert function(t).item() == pytest.approx(value, abs=1e-15)
    assert md.GELU_MIN_AT == pytest.approx(-0.7518, abs=1e-4)
    assert md.GELU_MIN == pytest.approx(-0.16997, abs=1e-5)
    assert md.SILU_MIN_AT == pytest.approx(-1.27846, abs=1e-5)
    # at the minimum, sigma(x) = 1 + 1/x, so SiLU(x) = x + 1
    assert md.SILU_MIN == pytest.approx(md.SILU_MIN_AT + 1, abs=1e-14)


def test_derivative_facts():
    assert md.GELU_DERIVATIVE_AT_0 == 0.5
    torch.testing.assert_close(autograd_derivative(F.silu, torch.zeros(1)), torch.tensor([0.5]))
    assert float(md.GELU_DERIVATIVE_MAX) == pytest.approx(1.1289, abs=1e-4)
    assert float(md.SILU_DERIVATIVE_MAX) == pytest.approx(1.0998, abs=1e-4)
    assert autograd_derivative(F.gelu, GRID).min() < 0
    assert autograd_derivative(F.silu, GRID).min() < 0


def test_swiglu_block():
    torch.manual_seed(0)
    block = md.SwiGLUFeedForward(16, 24)
    x = torch.randn(3, 16)
    expected = (F.silu(x @ block.w.weight.T) * (x @ block.v.weight.T)) @ block.w2.weight.T
    torch.testing.assert_close(block(x), expected)
    assert block(torch.randn(2, 5, 16)).shape == (2, 5, 16)
    assert md.parameter_count(block) == 3 * 16 * 24


def test_hidden_sizes_and_parameter_counts():
    assert md.llama_hidden_size(4096) == 11008 == md.LLAMA_7B_HIDDEN
    assert md.llama_hidden_size(768, multiple_of=1) == 2048 == md.SMALL_HIDDEN
    assert md.SWIGLU_PARAMETERS_768 == md.CLASSIC_PARAMETERS_768 == 4_718_592
    assert md.parameter_count(md.classic_feed_forward(768)) == md.CLASSIC_PARAMETERS_768
    assert md.parameter_count(md.SwiGLUFeedForward(768, 2048)) == md.SWIGLU_PARAMETERS_768
    assert md.SWIGLU_PARAMETERS_7B == 135_266_304
    assert md.CLASSIC_PARAMETERS_7B == 134_217_728
    assert md.SWIGLU_OVER_CLASSIC_7B == pytest.approx(1.0078125)


def test_selu_constants_and_fixed_point():
    selu = nn.SELU()
    x = torch.tensor([-1.0, 2.0], dtype=torch.float64)
    expected = md.SELU_SCALE * torch.where(x > 0, x, md.SELU_ALPHA * torch.expm1(x))
    torch.testing.assert_close(selu(x), expected)
    assert abs(md.SELU_MEAN) < 1e-8
    assert md.SELU_VARIANCE == pytest.approx(1.0, abs=1e-8)
    # without the scale, the variance would not be 1
    z = torch.linspace(-12, 12, 240_001, dtype=torch.float64)
    elu_like = F.elu(z, alpha=md.SELU_ALPHA)
    second = torch.trapezoid(elu_like**2 * md.normal_pdf(z), z).item()
    assert abs(second - 1) > 0.05


def test_prelu_learns_its_slope():
    prelu = nn.PReLU()
    assert md.PRELU_INITIAL_SLOPE == 0.25
    x = torch.tensor([-2.0, 3.0])
    torch.testing.assert_close(prelu(x), torch.tensor([-0.5, 3.0]), check_dtype=False)
    prelu(x).sum().backward()
    torch.testing.assert_close(prelu.weight.grad, torch.tensor([-2.0]))
    assert math.isclose(prelu.weight.item(), 0.25)
