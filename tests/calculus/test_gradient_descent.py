import math
from itertools import pairwise

import pytest
import torch
from torch.autograd.functional import hessian

from snippets.calculus import gradient_descent as gd


def test_grid_search_finds_w_equal_2():
    assert gd.BEST_W_ON_GRID == pytest.approx(2.0, abs=1e-9)
    assert gd.GRID_POINTS == 61
    torch.testing.assert_close(
        gd.loss_on_grid(gd.GRID).min(), torch.tensor(0.0, dtype=torch.float64)
    )


def test_loss_formula_and_its_value_at_zero():
    w = 0.7
    expected = torch.nn.functional.mse_loss(w * gd.X, gd.Y)
    torch.testing.assert_close(gd.mse_loss(w), expected)
    assert gd.LOSS_AT_ZERO == pytest.approx(56 / 3)


def test_grid_search_cost_grows_exponentially():
    assert gd.grid_evaluations(2) == 61**2
    assert gd.digits_of_ten_parameter_grid() == len(str(61**10)) == 18


@pytest.mark.parametrize("w", [-1.0, 0.0, 0.5, 2.0, 3.3])
def test_hand_gradient_matches_autograd(w):
    weight = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    gd.mse_loss(weight).backward()
    torch.testing.assert_close(torch.tensor(gd.loss_gradient(w), dtype=torch.float64), weight.grad)


def test_gradient_at_half_is_minus_14():
    assert gd.GRADIENT_AT_HALF == pytest.approx(-14.0)


def test_full_batch_descent_converges():
    ws = gd.gradient_descent(0.0, 0.05, 20)
    assert ws[1] == pytest.approx(gd.FIRST_STEP_W) == pytest.approx(28 / 30)
    assert abs(ws[-1] - 2) < 1e-5
    losses = [gd.mse_loss(w).item() for w in ws]
    assert all(b < a for a, b in pairwise(losses))


def test_minibatch_with_all_samples_equals_full_batch():
    full = gd.gradient_descent(0.0, 0.05, 5)
    batched = gd.minibatch_gradient_descent(0.0, 0.05, 5, batch_size=3)
    assert batched == pytest.approx(full)


def test_update_counts_per_epoch():
    for size, updates in ((3, 1), (2, 2), (1, 3)):
        assert len(gd.minibatch_gradient_descent(0.0, 0.05, 1, batch_size=size)) == 1 + updates


def test_sgd_gets_further_in_one_epoch():
    assert gd.sgd_loss_after_one_epoch() < gd.full_batch_loss_after_one_epoch()
    assert gd.full_batch_loss_after_one_epoch() == pytest.approx(5.30963, rel=1e-5)


def test_curvature_matches_autograd_hessian():
    h = hessian(gd.mse_loss, torch.tensor(0.3, dtype=torch.float64))
    torch.testing.assert_close(h, torch.tensor(28 / 3, dtype=torch.float64))
    assert gd.CURVATURE == pytest.approx(28 / 3)


def test_divergence_threshold_is_3_over_14():
    assert gd.THRESHOLD == pytest.approx(3 / 14)
    assert gd.THRESHOLD == pytest.approx(0.2143, abs=5e-5)


def test_error_shrinks_by_the_predicted_factor():
    for lr in (0.01, 0.1, 0.21, 0.22):
        ws = gd.gradient_descent(0.0, lr, 3)
        for before, after in pairwise(ws):
            assert after - 2 == pytest.approx(gd.error_factor(lr) * (before - 2))


def test_just_below_threshold_converges_and_just_above_diverges():
    below = gd.gradient_descent(0.0, 0.21, 200)
    above = gd.gradient_descent(0.0, 0.22, 200)
    assert abs(below[-1] - 2) < 1e-3
    assert abs(above[-1] - 2) > 1e3
    assert abs(gd.FACTOR_BELOW) < 1 < abs(gd.FACTOR_ABOVE)


def test_exactly_at_threshold_oscillates_forever():
    ws = gd.gradient_descent(0.0, gd.THRESHOLD, 100)
    assert abs(ws[-1] - 2) == pytest.approx(2.0)


def test_inverse_curvature_converges_in_one_step():
    ws = gd.gradient_descent(0.0, gd.ONE_STEP_LR, 1)
    assert ws[1] == pytest.approx(2.0, abs=1e-12)
    assert gd.ONE_STEP_LR == pytest.approx(3 / 28)


def test_factors_for_the_figure_rates():
    assert gd.FACTOR_SMALL == pytest.approx(1 - 0.01 * 28 / 3)
    assert gd.FACTOR_GOOD == pytest.approx(1 / 15)
    assert gd.FACTOR_LARGE < -1


def test_larger_inputs_and_summed_loss_lower_the_threshold():
    assert gd.THRESHOLD_FOR_TEN_TIMES_X == pytest.approx(gd.THRESHOLD / 100)
    assert gd.threshold_with_summed_loss() == pytest.approx(1 / 14)
    summed = [0.0]
    for _ in range(50):
        w = torch.tensor(summed[-1], dtype=torch.float64, requires_grad=True)
        ((w * gd.X - gd.Y) ** 2).sum().backward()
        summed.append(summed[-1] - 0.1 * w.grad.item())
    assert abs(summed[-1] - 2) > 1e3  # lr 0.1 is fine for the mean, too large for the sum


def test_autograd_loop_matches_hand_loop():
    assert gd.autograd_descent(0.0, 0.05, 20) == pytest.approx(gd.gradient_descent(0.0, 0.05, 20))


def test_forgetting_zero_grad_keeps_w_swinging():
    swing = gd.swing_without_zero_grad()
    assert swing > 2
    assert math.isfinite(swing)


def test_sgd_wanders_when_samples_disagree():
    assert gd.best_w_for_noisy_data() == pytest.approx(29 / 14)
    full = gd.minibatch_gradient_descent(2.0, 0.05, 100, batch_size=3, y=gd.NOISY_Y)
    assert full[-1] == pytest.approx(29 / 14)
    assert gd.sgd_wander_on_noisy_data() > 0.1


def test_sgd_leads_per_update_because_each_sample_has_its_own_factor():
    # Error w - 2 after 6 updates from w = 0: two SGD epochs (any order) vs six full-batch steps.
    sgd_error = -2 * gd.SGD_EPOCH_ERROR_FACTOR**2
    full_error = -2 * gd.error_factor(0.05) ** 6
    sgd_w = gd.minibatch_gradient_descent(0.0, 0.05, 2, batch_size=1)[6]
    full_w = gd.gradient_descent(0.0, 0.05, 6)[6]
    assert sgd_w - 2 == pytest.approx(sgd_error)
    assert full_w - 2 == pytest.approx(full_error)
    assert gd.FULL_TO_SGD_LOSS_RATIO_AFTER_6 == pytest.approx((full_error / sgd_error) ** 2)
    assert gd.SGD_EPOCH_ERROR_FACTOR == pytest.approx(0.9 * 0.6 * 0.1)
    assert gd.FULL_BATCH_THREE_STEPS_ERROR_FACTOR == pytest.approx((1 - 0.05 * 28 / 3) ** 3)


def test_optimizer_zero_grad_sets_grad_to_none_with_the_same_effect():
    w = torch.nn.Parameter(torch.tensor([1.0]))
    optimizer = torch.optim.SGD([w], lr=0.1)
    (3 * w).sum().backward()
    optimizer.zero_grad()
    assert w.grad is None
    (3 * w).sum().backward()
    assert w.grad.item() == 3.0
