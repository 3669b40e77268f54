import math

import pytest
import torch

from snippets.activations import sigmoid_tanh as st

GRID = torch.linspace(-8, 8, 321, dtype=torch.float64)


def autograd_derivative(f, x: torch.Tensor) -> torch.Tensor:
    x = x.clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    return grad


def test_step_matches_heaviside():
    torch.testing.assert_close(st.step(GRID), torch.heaviside(GRID, torch.tensor(1.0).double()))


def test_step_derivative_is_zero_away_from_zero():
    away = GRID[GRID.abs() > 0.01]
    torch.testing.assert_close(st.step_derivative(away), torch.zeros_like(away))
    torch.testing.assert_close(st.numerical_derivative(st.step, away), torch.zeros_like(away))


def test_step_has_no_autograd_derivative():
    x = torch.tensor([0.5], requires_grad=True)
    assert not st.step(x).requires_grad
    with pytest.raises(RuntimeError, match="not implemented"):
        torch.heaviside(x, torch.tensor(1.0)).sum().backward()


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [(st.sigmoid, torch.sigmoid), (st.tanh, torch.tanh), (st.tanh_via_sigmoid, torch.tanh)],
)
def test_hand_formulas_match_torch(mine, theirs):
    torch.testing.assert_close(mine(GRID), theirs(GRID))
    x32 = GRID.float()
    torch.testing.assert_close(mine(x32), theirs(x32))


@pytest.mark.parametrize(
    ("derivative", "function"),
    [
        (st.sigmoid_derivative, st.sigmoid),
        (st.sigmoid_derivative, torch.sigmoid),
        (st.tanh_derivative, st.tanh),
        (st.tanh_derivative, torch.tanh),
    ],
)
def test_derivatives_match_autograd(derivative, function):
    torch.testing.assert_close(derivative(GRID), autograd_derivative(function, GRID))


def test_numerical_derivative_matches_closed_form():
    torch.testing.assert_close(
        st.numerical_derivative(st.sigmoid, GRID), st.sigmoid_derivative(GRID), atol=1e-7, rtol=0
    )


def test_ranges():
    wide = torch.linspace(-30, 30, 601, dtype=torch.float64)
    assert st.sigmoid(wide).min() > 0 and st.sigmoid(wide).max() <= 1
    assert torch.tanh(wide).min() >= -1 and torch.tanh(wide).max() <= 1
    assert st.sigmoid(torch.tensor(0.0)).item() == 0.5
    assert st.tanh(torch.tensor(0.0)).item() == 0.0


def test_derivative_maxima_are_at_zero():
    assert pytest.approx(0.25) == st.SIGMOID_DERIVATIVE_MAX
    assert st.SIGMOID_DERIVATIVE_ARGMAX == 0.0
    assert pytest.approx(1.0) == st.TANH_DERIVATIVE_MAX
    assert st.TANH_DERIVATIVE_ARGMAX == 0.0


def test_saturation_values():
    assert pytest.approx(0.99331, abs=1e-5) == st.SIGMOID_AT_5
    assert pytest.approx(0.0066481, rel=1e-4) == st.SIGMOID_DERIVATIVE_AT_5
    assert pytest.approx(1.8158e-4, rel=1e-4) == st.TANH_DERIVATIVE_AT_5
    assert pytest.approx(8.2446e-9, rel=1e-4) == st.TANH_DERIVATIVE_AT_10
    assert st.TANH_DERIVATIVE_AT_10_FLOAT32 == 0.0
    exact = [math.exp(-x) / (1 + math.exp(-x)) ** 2 for x in st.SATURATION_POINTS]
    points = torch.tensor(st.SATURATION_POINTS, dtype=torch.float64)
    torch.testing.assert_close(st.sigmoid_derivative(points).tolist(), exact)


def test_tanh_derivative_drops_below_sigmoid_derivative_far_out():
    far = torch.tensor([5.0, 10.0], dtype=torch.float64)
    assert (st.tanh_derivative(far) < st.sigmoid_derivative(far)).all()


def test_depth_bound_and_stacks():
    assert pytest.approx(9.5367e-7, rel=1e-4) == st.SIGMOID_DEPTH_BOUND
    assert 0 < st.SIGMOID_STACK_GRADIENT <= st.SIGMOID_DEPTH_BOUND
    assert pytest.approx(3.8752e-7, rel=1e-4) == st.SIGMOID_STACK_GRADIENT
    assert pytest.approx(1.0) == st.TANH_STACK_GRADIENT


def test_stack_gradient_is_product_of_local_derivatives():
    value, product = torch.tensor(0.3, dtype=torch.float64), 1.0
    for _ in range(4):
        product *= st.sigmoid_derivative(value).item()
        value = torch.sigmoid(value)
    assert st.gradient_through_stack(torch.sigmoid, 4, x=0.3) == pytest.approx(product)


def test_sigmoid_inputs_give_weight_gradients_of_one_sign():
    for seed in range(5):
        assert st.weight_gradient_signs(torch.sigmoid, seed).unique().tolist() == [-1.0]
    assert set(st.weight_gradient_signs(torch.tanh).tolist()) == {-1.0, 1.0}


def test_hand_formulas_break_at_large_inputs():
    big = torch.tensor([-100.0, 100.0], requires_grad=True)
    assert torch.isnan(st.tanh(big)).all()
    torch.testing.assert_close(torch.tanh(big), torch.tensor([-1.0, 1.0]))
    torch.testing.assert_close(st.tanh_via_sigmoid(big), torch.tensor([-1.0, 1.0]))
    (grad,) = torch.autograd.grad(st.sigmoid(big).sum(), big)
    assert torch.isnan(grad[0])
    (grad,) = torch.autograd.grad(torch.sigmoid(big).sum(), big)
    assert torch.isfinite(grad).all()


def test_torch_exp_overflows_on_a_tensor_and_rejects_a_float():
    assert torch.isinf(torch.exp(torch.tensor(100.0)))
    with pytest.raises(TypeError):
        torch.exp(100.0)
