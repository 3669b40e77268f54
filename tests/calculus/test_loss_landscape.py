import pytest
import torch
from torch.autograd.functional import hessian

from snippets.calculus import loss_landscape as ll

ORIGIN = torch.zeros(2, dtype=torch.float64)


def gradient(f, point: torch.Tensor) -> torch.Tensor:
    p = point.clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(p), p)
    return grad


def test_saddle_has_zero_gradient_and_eigenvalues_of_opposite_sign():
    torch.testing.assert_close(gradient(ll.saddle, ORIGIN), torch.zeros(2, dtype=torch.float64))
    torch.testing.assert_close(
        hessian(ll.saddle, ORIGIN), torch.tensor([[2.0, 0.0], [0.0, -2.0]], dtype=torch.float64)
    )
    assert ll.saddle_eigenvalue_low() == pytest.approx(-2.0)
    assert ll.saddle_eigenvalue_high() == pytest.approx(2.0)


def test_a_zero_eigenvalue_leaves_the_test_undecided():
    # All three have a zero Hessian at the origin: a minimum, a maximum and a saddle.
    for f in (
        lambda p: (p**4).sum(),
        lambda p: -(p**4).sum(),
        lambda p: p[0] ** 4 - p[1] ** 4,
    ):
        assert torch.equal(ll.hessian_eigenvalues(f, ORIGIN), torch.zeros(2, dtype=torch.float64))
        assert ll.classify_critical_point(f, ORIGIN) == "inconclusive (zero curvature)"
    # One zero eigenvalue next to two of opposite sign is still a saddle.
    three = torch.zeros(3, dtype=torch.float64)
    assert ll.classify_critical_point(lambda p: p[0] ** 2 - p[1] ** 2 + p[2] ** 4, three) == (
        "saddle point"
    )


def test_classify_critical_points():
    assert ll.classify_critical_point(ll.saddle, ORIGIN) == "saddle point"
    assert ll.classify_critical_point(lambda p: (p**2).sum(), ORIGIN) == "minimum"
    assert ll.classify_critical_point(lambda p: -(p**2).sum(), ORIGIN) == "maximum"
    assert ll.classify_critical_point(ll.two_valleys, ORIGIN) == "saddle point"
    valley = torch.tensor([0.0, 1.0], dtype=torch.float64)
    assert ll.classify_critical_point(ll.two_valleys, valley) == "minimum"


def test_descend_matches_a_hand_written_step():
    path = ll.descend(ll.saddle, [1.0, 0.5], lr=0.1, steps=1)
    torch.testing.assert_close(path[1], torch.tensor([1.0 - 0.2, 0.5 + 0.1], dtype=torch.float64))


def test_momentum_adds_the_previous_velocity():
    path = ll.descend(ll.saddle, [1.0, 0.0], lr=0.1, steps=2, momentum=0.9)
    grad_0, grad_1 = 2 * path[0, 0], 2 * path[1, 0]
    expected = path[1, 0] - 0.1 * (0.9 * grad_0 + grad_1)
    torch.testing.assert_close(path[2, 0], expected)


def test_two_starts_end_in_different_minima():
    left, right = ll.left_minimum(), ll.right_minimum()
    for w in (left, right):
        torch.testing.assert_close(
            gradient(ll.non_convex, torch.tensor([w], dtype=torch.float64)),
            torch.zeros(1, dtype=torch.float64),
            atol=1e-6,
            rtol=0,
        )
    assert left == pytest.approx(-1.3008, abs=1e-4)
    assert right == pytest.approx(1.1309, abs=1e-4)
    assert ll.left_minimum_loss() < ll.right_minimum_loss() < 0


def test_non_convex_curves_down_at_zero():
    h = hessian(ll.non_convex, torch.zeros(1, dtype=torch.float64))
    torch.testing.assert_close(h, torch.tensor([[-6.0]], dtype=torch.float64))
    assert ll.non_convex_curvature_at_zero() == pytest.approx(-6.0)


def test_two_valleys_saddle_and_minima():
    assert ll.two_valleys_saddle_value() == pytest.approx(0.25)
    assert ll.two_valleys_eigenvalue_low() == pytest.approx(-1.0)
    for y in (1.0, -1.0):
        point = torch.tensor([0.0, y], dtype=torch.float64)
        assert ll.two_valleys(point).item() == 0.0


def test_plain_descent_stays_at_the_saddle_and_noise_escapes():
    plain = ll.descend(ll.two_valleys, [0.0, 0.0], ll.ESCAPE_LR, ll.ESCAPE_STEPS)
    assert (plain == 0).all()
    assert ll.loss_after_plain_descent_from_saddle() == 0.25
    noisy = ll.descend(
        ll.two_valleys, [0.0, 0.0], ll.ESCAPE_LR, ll.ESCAPE_STEPS, noise=ll.ESCAPE_NOISE
    )
    assert abs(noisy[-1, 1].item()) == pytest.approx(1.0, abs=0.01)
    assert ll.loss_after_noisy_descent_from_saddle() < 1e-4


def test_descent_along_the_x_axis_ends_at_the_saddle():
    path = ll.descend(ll.two_valleys, [1.0, 0.0], ll.ESCAPE_LR, ll.ESCAPE_STEPS)
    torch.testing.assert_close(path[-1], ORIGIN)


def test_plateau_gradient_is_tiny():
    expected = 2 * 2.5 * torch.exp(torch.tensor(-(2.5**2))).item()
    assert ll.plateau_gradient_at_start() == pytest.approx(expected, rel=1e-5)
    assert ll.plateau_gradient_at_start() < 0.01


def test_momentum_crosses_the_plateau_sooner():
    assert ll.plateau_steps_plain() == 274
    assert ll.plateau_steps_momentum() == 60


def test_steps_to_reach_raises_when_never_reached():
    path = ll.descend(ll.plateau, [2.5], 0.1, 5)
    with pytest.raises(ValueError):
        ll.steps_to_reach(ll.plateau, path, 0.01)
