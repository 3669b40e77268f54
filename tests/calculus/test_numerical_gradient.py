import math

import pytest
import torch

from snippets.calculus import numerical_gradient as ng


def test_differences_of_sin_approach_cos():
    x = torch.linspace(-3, 3, 61, dtype=torch.float64)
    torch.testing.assert_close(ng.central_difference(torch.sin, x, 1e-5), torch.cos(x))
    torch.testing.assert_close(
        ng.forward_difference(torch.sin, x, 1e-7), torch.cos(x), atol=1e-6, rtol=0
    )


def test_numerical_gradient_matches_autograd():
    torch.manual_seed(0)
    x = torch.randn(5, dtype=torch.float64)
    numeric = ng.numerical_gradient(ng.log_sum_exp, x)
    exact = ng.autograd_gradient(ng.log_sum_exp, x)
    torch.testing.assert_close(numeric, exact, atol=1e-9, rtol=0)
    torch.testing.assert_close(exact, torch.softmax(x, dim=0))


def test_numerical_gradient_works_for_matrices():
    torch.manual_seed(1)
    w = torch.randn(3, 4, dtype=torch.float64)
    numeric = ng.numerical_gradient(lambda m: (m.tanh() ** 2).sum(), w)
    exact = ng.autograd_gradient(lambda m: (m.tanh() ** 2).sum(), w)
    assert numeric.shape == w.shape
    torch.testing.assert_close(numeric, exact, atol=1e-8, rtol=0)


def test_step_sizes_grid():
    assert ng.STEP_SIZES[0].item() == pytest.approx(1e-1)
    assert ng.STEP_SIZES[-1].item() == pytest.approx(1e-12)
    assert len(ng.STEP_SIZES) == 45


def test_machine_epsilons_and_their_roots():
    assert ng.EPS_FLOAT64 == 2.0**-52
    assert ng.EPS_FLOAT32 == 2.0**-23
    assert ng.CUBE_ROOT_EPS_FLOAT64 == pytest.approx(6.06e-6, rel=1e-3)
    assert ng.SQRT_EPS_FLOAT64 == pytest.approx(1.49e-8, rel=1e-3)
    assert ng.CUBE_ROOT_EPS_FLOAT32 == pytest.approx(4.92e-3, rel=1e-3)


def test_best_steps_sit_near_the_theory():
    # The bottom of the V is flat and noisy: allow one grid point either way.
    assert math.log10(ng.BEST_H_CENTRAL_FLOAT64) == pytest.approx(-5.25, abs=0.26)
    assert math.log10(ng.BEST_H_FORWARD_FLOAT64) == pytest.approx(-8, abs=0.26)
    assert math.log10(ng.BEST_H_CENTRAL_FLOAT32) == pytest.approx(-2.25, abs=0.26)
    for best, theory in (
        (ng.BEST_H_CENTRAL_FLOAT64, ng.CUBE_ROOT_EPS_FLOAT64),
        (ng.BEST_H_FORWARD_FLOAT64, ng.SQRT_EPS_FLOAT64),
        (ng.BEST_H_CENTRAL_FLOAT32, ng.CUBE_ROOT_EPS_FLOAT32),
    ):
        assert abs(math.log10(best / theory)) < 0.5


def test_truncation_error_falls_like_h_squared_and_h():
    central_ratio = ng.ERROR_CENTRAL_FLOAT64_H_1E_2 / ng.ERROR_CENTRAL_FLOAT64_H_1E_3
    forward_ratio = ng.ERROR_FORWARD_FLOAT64_H_1E_2 / ng.ERROR_FORWARD_FLOAT64_H_1E_3
    assert central_ratio == pytest.approx(100, rel=1e-3)
    assert forward_ratio == pytest.approx(10, rel=1e-2)


def test_truncation_error_matches_taylor_prediction():
    x = ng.SAMPLE_POINTS.double()
    central = (1e-2**2 / 6 * torch.cos(x).abs()).mean().item()
    forward = (1e-2 / 2 * torch.sin(x).abs()).mean().item()
    assert ng.ERROR_CENTRAL_FLOAT64_H_1E_2 == pytest.approx(central, rel=1e-3)
    assert ng.ERROR_FORWARD_FLOAT64_H_1E_2 == pytest.approx(forward, rel=1e-2)


def test_errors_at_quoted_steps():
    # Round-off dominates these: they move with the CPU's sin kernel, so only their size is fixed.
    assert 1e-12 < ng.ERROR_CENTRAL_FLOAT64_AT_BEST < 1e-11
    assert 1e-9 < ng.ERROR_FORWARD_FLOAT64_AT_BEST < 1e-8
    assert 1e-6 < ng.ERROR_CENTRAL_FLOAT32_AT_BEST < 1e-5
    assert 1e-7 < ng.ERROR_CENTRAL_FLOAT64_H_1E_10 < 1e-6
    assert ng.ERROR_RATIO_H_1E_10_TO_BEST > 10_000
    assert ng.ERROR_CENTRAL_FLOAT32_H_1E_6 > 1e-3


def test_tiny_step_is_worse_than_the_best_step():
    assert ng.mean_error(ng.central_difference, 1e-10, torch.float64) > 100 * (
        ng.mean_error(ng.central_difference, ng.BEST_H_CENTRAL_FLOAT64, torch.float64)
    )


def test_step_below_float32_spacing_gives_zero_difference():
    x = ng.SAMPLE_POINTS
    torch.testing.assert_close(ng.central_difference(torch.sin, x, 1e-10), torch.zeros_like(x))


def test_gradcheck_accepts_autograd_and_rejects_the_wrong_backward():
    torch.manual_seed(0)
    x = torch.randn(5, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(ng.log_sum_exp, (x,))
    square = ng.SquareWithWrongBackward.apply
    assert not torch.autograd.gradcheck(square, (x,), raise_exception=False)
    torch.testing.assert_close(square(x), x**2)
    (grad,) = torch.autograd.grad(square(x).sum(), x)
    torch.testing.assert_close(grad, x.detach())


def test_gradcheck_default_step():
    assert ng.GRADCHECK_DEFAULT_EPS == 1e-6


def test_relu_kink_difference_and_autograd_disagree():
    assert ng.RELU_CENTRAL_DIFFERENCE_AT_ZERO == 0.5
    zero = torch.tensor(0.0, requires_grad=True)
    torch.relu(zero).backward()
    assert zero.grad.item() == 0.0


def test_relu_autograd_at_zero_is_zero():
    assert ng.relu_autograd_at_zero() == 0.0


@pytest.mark.parametrize("h", [1e-10, 1e-11, 1e-12])
def test_round_off_error_is_of_order_eps_over_h(h):
    estimate = (ng.EPS_FLOAT64 * torch.sin(ng.SAMPLE_POINTS.double()).abs() / h).mean().item()
    measured = ng.mean_error(ng.central_difference, h, torch.float64)
    assert estimate / 30 < measured < estimate


def test_gradcheck_warns_and_fails_in_float32():
    torch.manual_seed(0)
    x = torch.randn(5, requires_grad=True)
    with pytest.warns(UserWarning, match="not of double precision"):
        assert not torch.autograd.gradcheck(torch.sin, (x,), raise_exception=False)


def test_orders_of_magnitude_quoted_in_the_text():
    assert 8 < math.log10(ng.EPS_FLOAT32 / ng.EPS_FLOAT64) < 9
    ratio = ng.ERROR_FORWARD_FLOAT64_AT_BEST / ng.ERROR_CENTRAL_FLOAT64_AT_BEST
    assert 3 <= math.log10(ratio) < 4


def test_dropout_masks_agree_only_when_reseeded_before_every_call():
    dropout = torch.nn.Dropout(p=0.5)
    x = torch.ones(1000)
    torch.manual_seed(0)
    once_a, once_b = dropout(x), dropout(x)
    assert not torch.equal(once_a, once_b)
    torch.manual_seed(0)
    again_a = dropout(x)
    torch.manual_seed(0)
    again_b = dropout(x)
    assert torch.equal(again_a, again_b)
    dropout.eval()
    assert torch.equal(dropout(x), x)
