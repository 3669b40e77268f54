import math

import pytest
import torch
from torch.autograd.functional import hessian

from snippets.calculus import ill_conditioning as ic


def test_hessian_is_diag_2_20_and_kappa_is_10():
    p = torch.tensor([0.3, -0.7], dtype=torch.float64)
    torch.testing.assert_close(
        hessian(ic.bowl, p), torch.tensor([[2.0, 0.0], [0.0, 20.0]], dtype=torch.float64)
    )
    torch.testing.assert_close(
        ic.hessian_eigenvalues(), torch.tensor([2.0, 20.0], dtype=torch.float64)
    )
    assert ic.CONDITION_NUMBER == 10


def test_bowl_is_x2_plus_10y2_and_its_gradient_matches_autograd():
    p = torch.tensor([1.5, -0.4], dtype=torch.float64, requires_grad=True)
    ic.bowl(p).backward()
    torch.testing.assert_close(p.grad, ic.bowl_gradient(p.detach()))
    assert ic.bowl(p).item() == pytest.approx(1.5**2 + 10 * 0.4**2)


def test_zigzag_y_flips_sign_x_does_not():
    path = ic.descend(ic.START, ic.ZIGZAG_LR, 6)
    assert all(x < 0 for x in path[:, 0].tolist())
    signs = torch.sign(path[:, 1]).tolist()
    assert signs == [1, -1, 1, -1, 1, -1, 1]
    torch.testing.assert_close(
        path[1:, 1] / path[:-1, 1], torch.full((6,), ic.ZIGZAG_Y_FACTOR, dtype=torch.float64)
    )
    torch.testing.assert_close(
        path[1:, 0] / path[:-1, 0], torch.full((6,), ic.ZIGZAG_X_FACTOR, dtype=torch.float64)
    )


@pytest.mark.parametrize("lr", [0.02, 0.05, 0.095, 0.105])
def test_each_step_multiplies_each_coordinate_by_its_factor(lr):
    path = ic.descend(ic.START, lr, 10)
    expected = (1 - lr * ic.CURVATURES) ** 10 * ic.START
    torch.testing.assert_close(path[-1], expected)
    torch.testing.assert_close(ic.contraction_factors(lr), (1 - lr * ic.CURVATURES).abs())


def test_step_limit_is_0_1_and_divergence_starts_just_above():
    assert ic.STEP_LIMIT == pytest.approx(0.1)
    below = ic.descend(ic.START, ic.JUST_BELOW, 200)
    above = ic.descend(ic.START, ic.JUST_ABOVE, 200)
    assert below[-1].norm() < 1e-8
    assert above[-1].norm() > 1e8
    assert ic.FACTOR_Y_JUST_ABOVE == pytest.approx(1.1)
    assert ic.FACTOR_Y_JUST_BELOW == pytest.approx(0.9)
    assert ic.y_growth_after_50_steps_just_above() == pytest.approx(1.1**50)
    at_limit = ic.descend(ic.START, ic.STEP_LIMIT, 20)
    torch.testing.assert_close(at_limit[:, 1].abs(), torch.ones(21, dtype=torch.float64))


def test_best_step_equalizes_the_two_factors():
    lr = ic.best_step()
    assert lr == pytest.approx(1 / 11)
    fx, fy = ic.contraction_factors(lr).tolist()
    assert fx == pytest.approx(fy) == pytest.approx(9 / 11) == pytest.approx(ic.BEST_RATE)
    # any other step makes the worse of the two factors larger
    for other in (0.8 * lr, 0.95 * lr, 1.05 * lr, 1.1 * lr):
        assert ic.contraction_factors(other).max() > ic.BEST_RATE


def test_at_best_step_distance_shrinks_by_exactly_the_rate():
    distances = ic.descend(ic.START, ic.best_step(), 30).norm(dim=1)
    ratios = distances[1:] / distances[:-1]
    torch.testing.assert_close(ratios, torch.full((30,), 9 / 11, dtype=torch.float64))


def test_steps_to_tolerance_counted_equals_predicted():
    assert ic.STEPS_KAPPA_10 == ic.predicted_steps(ic.TOLERANCE) == 69
    assert ic.STEPS_KAPPA_1 == 1
    assert ic.STEPS_KAPPA_100 == 691
    assert ic.STEPS_KAPPA_1000 == 6908
    for kappa, steps in ((100, ic.STEPS_KAPPA_100), (1000, ic.STEPS_KAPPA_1000)):
        assert steps == ic.predicted_steps(ic.TOLERANCE, ic.bowl_with_condition_number(kappa))
        assert steps == pytest.approx(ic.rule_of_thumb_steps(kappa), rel=0.01)
    assert ic.RATE_KAPPA_100 == pytest.approx(99 / 101)
    # one step fewer does not reach the tolerance
    path = ic.descend(ic.START, ic.best_step(), ic.STEPS_KAPPA_10 - 1)
    assert path[-1].norm() > ic.TOLERANCE * ic.START.norm()


def test_one_over_lambda_max_leaves_the_slow_factor_0_9():
    assert ic.slow_factor_at_one_over_lambda_max() == pytest.approx(1 - 1 / ic.CONDITION_NUMBER)


def test_rotated_bowl_has_the_same_eigenvalues_and_distances():
    h = hessian(ic.rotated_bowl, torch.zeros(2, dtype=torch.float64))
    torch.testing.assert_close(h, ic.H_ROTATED)
    torch.testing.assert_close(torch.linalg.eigvalsh(h), ic.CURVATURES)
    assert abs(h[0, 1].item()) > 1  # the coordinates are coupled
    rotated = ic.descend_rotated(ic.R @ ic.START, 0.09, 30).norm(dim=1)
    aligned = ic.descend(ic.START, 0.09, 30).norm(dim=1)
    torch.testing.assert_close(rotated, aligned)


def test_mse_hessian_matches_autograd_and_standardizing_fixes_kappa():
    y = torch.randn(1000, generator=torch.Generator().manual_seed(1), dtype=torch.float64)

    def loss(w):
        return ((ic.features @ w - y) ** 2).mean()

    torch.testing.assert_close(
        hessian(loss, torch.zeros(2, dtype=torch.float64)), ic.mse_hessian(ic.features)
    )
    assert 80 < ic.KAPPA_RAW_FEATURES < 120
    assert 1 <= ic.KAPPA_STANDARDIZED < 1.1
    assert math.isclose(ic.condition_number(torch.diag(ic.CURVATURES)), 10)


def test_figure_claims_near_the_limit_is_slower_than_small_and_above_turns_up():
    def loss_after(lr, steps):
        return ic.bowl(ic.descend(ic.START, lr, steps))

    assert loss_after(0.099, 60)[-1] > loss_after(0.02, 60)[-1]
    best = loss_after(ic.best_step(), 60)
    for lr in (0.02, 0.099, 0.105):
        assert best[-1] < loss_after(lr, 60)[-1]
    above = loss_after(0.105, 60)
    turn = int(above.argmin())
    assert 1 <= turn <= 5
    assert above[-1] > above[0]
    # at lr = 0.02 the steep coordinate decays without changing sign
    assert (ic.descend(ic.START, 0.02, 20)[:, 1] > 0).all()
