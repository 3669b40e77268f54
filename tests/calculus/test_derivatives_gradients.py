import math

import pytest
import torch

from snippets.calculus import derivatives_gradients as dg


def test_secant_slopes_approach_the_autograd_derivative():
    gaps = [abs(dg.difference_quotient(dg.cube, 2.0, h) - 12.0) for h in (1.0, 0.1, 0.01, 0.001)]
    assert gaps == sorted(gaps, reverse=True)
    assert math.isclose(dg.SECANT_SLOPE_H_1, 19.0)
    assert math.isclose(dg.SECANT_SLOPE_H_0_001, 12.006001, rel_tol=1e-9)


def test_autograd_derivative_of_cube_is_three_x_squared():
    for x in (-1.5, 0.0, 2.0, 3.0):
        assert math.isclose(dg.autograd_derivative(dg.cube, x), 3 * x**2, abs_tol=1e-12)


def test_hand_partials_match_autograd():
    torch.manual_seed(0)
    points = torch.randn(20, 2, dtype=torch.float64)
    for point in points:
        torch.testing.assert_close(dg.bowl_partials(point), dg.autograd_gradient(dg.bowl, point))


def test_gradient_at_the_example_point():
    torch.testing.assert_close(dg.GRADIENT_AT_POINT, torch.tensor([2.0, 6.0], dtype=torch.float64))
    assert math.isclose(dg.GRADIENT_NORM, math.sqrt(40))
    assert math.isclose(dg.GRADIENT_ANGLE_DEGREES, math.degrees(math.atan(3)))


def test_gradient_has_the_shape_of_its_input():
    x = torch.ones(2, dtype=torch.float64)
    assert dg.autograd_gradient(dg.bowl, x).shape == x.shape


def test_directional_derivatives_equal_dot_product_with_gradient():
    _, directions = dg.unit_directions(360)
    slopes = dg.directional_derivatives(dg.bowl, dg.POINT, directions)
    torch.testing.assert_close(slopes, directions @ dg.GRADIENT_AT_POINT)


def test_directional_derivatives_match_finite_differences():
    _, directions = dg.unit_directions(36)
    slopes = dg.directional_derivatives(dg.bowl, dg.POINT, directions)
    h = 1e-6
    finite = (dg.bowl(dg.POINT + h * directions) - dg.bowl(dg.POINT - h * directions)) / (2 * h)
    torch.testing.assert_close(slopes, finite)


def test_unit_directions_have_length_one():
    degrees, directions = dg.unit_directions(3600)
    torch.testing.assert_close(directions.norm(dim=1), torch.ones(3600, dtype=torch.float64))
    assert degrees[1].item() == 0.1


def test_steepest_direction_is_the_gradient_and_its_slope_the_norm():
    assert abs(dg.STEEPEST_ANGLE_DEGREES - dg.GRADIENT_ANGLE_DEGREES) <= 0.05
    assert abs(dg.STEEPEST_SLOPE - dg.GRADIENT_NORM) < 1e-5
    assert dg.STEEPEST_SLOPE <= dg.GRADIENT_NORM
    assert abs(dg.SHALLOWEST_ANGLE_DEGREES - (dg.GRADIENT_ANGLE_DEGREES + 180)) <= 0.05
    assert abs(dg.SHALLOWEST_SLOPE + dg.GRADIENT_NORM) < 1e-5


def test_no_direction_climbs_faster_than_the_gradient_norm():
    torch.manual_seed(1)
    point = torch.randn(2, dtype=torch.float64)
    _, directions = dg.unit_directions(720)
    slopes = dg.directional_derivatives(dg.bowl, point, directions)
    assert slopes.max() <= dg.autograd_gradient(dg.bowl, point).norm() + 1e-12


def test_step_against_gradient_lowers_f_as_first_order_predicts():
    assert dg.F_AT_POINT == 4.0
    assert math.isclose(dg.F_AFTER_STEP, 3.6112)
    assert math.isclose(dg.F_PREDICTED_AFTER_STEP, 3.6)
    assert math.isclose(dg.F_AFTER_UPHILL_STEP, 4.4112)
    step = dg.gradient_step(dg.bowl, dg.POINT, 0.01)
    torch.testing.assert_close(step, torch.tensor([0.98, 0.94], dtype=torch.float64))


def test_negative_gradient_does_not_point_at_the_minimum():
    assert dg.ANGLE_TO_MINIMUM_DEGREES == 225.0
    assert math.isclose(dg.SHALLOWEST_ANGLE_DEGREES, 251.6)


def test_the_gap_to_the_minimum_grows_with_elongation_not_with_flatness():
    def gap_degrees(curvature_ratio: float, scale: float = 1.0) -> float:
        def f(x):
            return scale * (x[..., 0] ** 2 + curvature_ratio * x[..., 1] ** 2)

        g = -dg.autograd_gradient(f, dg.POINT)
        to_minimum = -dg.POINT
        cos = (g @ to_minimum) / (g.norm() * to_minimum.norm())
        return math.degrees(math.acos(min(1.0, cos.item())))

    assert gap_degrees(1.0) == pytest.approx(0.0, abs=1e-4)
    assert gap_degrees(1.0, scale=0.01) == pytest.approx(0.0, abs=1e-4)
    assert gap_degrees(3.0) == pytest.approx(
        dg.SHALLOWEST_ANGLE_DEGREES - dg.ANGLE_TO_MINIMUM_DEGREES, abs=0.1
    )
    assert gap_degrees(3.0, scale=0.01) == pytest.approx(gap_degrees(3.0))
    assert gap_degrees(1.5) < gap_degrees(3.0) < gap_degrees(10.0)
