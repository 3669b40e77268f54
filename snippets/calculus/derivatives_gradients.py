"""Derivatives, partial derivatives and the gradient as the direction of steepest ascent."""

from __future__ import annotations

# --8<-- [start:derivative]
import math
from collections.abc import Callable

import torch

Function = Callable[[torch.Tensor], torch.Tensor]


def cube(x: torch.Tensor) -> torch.Tensor:
    return x**3


def difference_quotient(f: Function, x: float, h: float) -> float:
    """Slope of the secant through (x, f(x)) and (x + h, f(x + h))."""
    x0 = torch.tensor(x, dtype=torch.float64)
    return ((f(x0 + h) - f(x0)) / h).item()


def autograd_derivative(f: Function, x: float) -> float:
    """f'(x) by autograd."""
    x0 = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    f(x0).backward()
    return x0.grad.item()


# --8<-- [end:derivative]


# --8<-- [start:gradient]
def bowl(x: torch.Tensor) -> torch.Tensor:
    """f(x1, x2) = x1² + 3 x2²; the last axis holds (x1, x2), so batches work too."""
    return x[..., 0] ** 2 + 3 * x[..., 1] ** 2


def bowl_partials(x: torch.Tensor) -> torch.Tensor:
    """(∂f/∂x1, ∂f/∂x2) = (2 x1, 6 x2), worked out by hand."""
    return torch.stack([2 * x[..., 0], 6 * x[..., 1]], dim=-1)


def autograd_gradient(f: Function, x: torch.Tensor) -> torch.Tensor:
    """∇f(x) by autograd; it has the shape of x."""
    x = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x), x)
    return grad


# --8<-- [end:gradient]


# --8<-- [start:directions]
def unit_directions(count: int) -> tuple[torch.Tensor, torch.Tensor]:
    """`count` evenly spaced angles in degrees and the unit vectors (cos, sin) they point to."""
    degrees = torch.arange(count, dtype=torch.float64) * 360 / count
    radians = torch.deg2rad(degrees)
    return degrees, torch.stack([torch.cos(radians), torch.sin(radians)], dim=1)


def directional_derivatives(
    f: Function, point: torch.Tensor, directions: torch.Tensor
) -> torch.Tensor:
    """d/dt f(point + t u) at t = 0 for every row u of `directions`."""
    t = torch.zeros(len(directions), dtype=point.dtype, requires_grad=True)
    values = f(point + t[:, None] * directions)
    (slopes,) = torch.autograd.grad(values.sum(), t)
    return slopes


# --8<-- [end:directions]


# --8<-- [start:descent_step]
def gradient_step(f: Function, x: torch.Tensor, learning_rate: float) -> torch.Tensor:
    """One step against the gradient: x - η ∇f(x)."""
    return x - learning_rate * autograd_gradient(f, x)


# --8<-- [end:descent_step]


POINT = torch.tensor([1.0, 1.0], dtype=torch.float64)
DIRECTION_COUNT = 3600
LEARNING_RATE = 0.01

CUBE_AT_2_SLOPE = autograd_derivative(cube, 2.0)
SECANT_SLOPE_H_1 = difference_quotient(cube, 2.0, 1.0)
SECANT_SLOPE_H_0_001 = difference_quotient(cube, 2.0, 0.001)

GRADIENT_AT_POINT = autograd_gradient(bowl, POINT)
GRADIENT_X1 = GRADIENT_AT_POINT[0].item()
GRADIENT_X2 = GRADIENT_AT_POINT[1].item()
GRADIENT_NORM = GRADIENT_AT_POINT.norm().item()
GRADIENT_ANGLE_DEGREES = math.degrees(math.atan2(GRADIENT_X2, GRADIENT_X1))

_DEGREES, _DIRECTIONS = unit_directions(DIRECTION_COUNT)
_SLOPES = directional_derivatives(bowl, POINT, _DIRECTIONS)
STEEPEST_ANGLE_DEGREES = _DEGREES[_SLOPES.argmax()].item()
STEEPEST_SLOPE = _SLOPES.max().item()
SHALLOWEST_ANGLE_DEGREES = _DEGREES[_SLOPES.argmin()].item()
SHALLOWEST_SLOPE = _SLOPES.min().item()
ANGLE_TO_MINIMUM_DEGREES = math.degrees(math.atan2(-POINT[1].item(), -POINT[0].item())) + 360

F_AT_POINT = bowl(POINT).item()
F_AFTER_STEP = bowl(gradient_step(bowl, POINT, LEARNING_RATE)).item()
F_PREDICTED_AFTER_STEP = F_AT_POINT - LEARNING_RATE * GRADIENT_NORM**2
F_AFTER_UPHILL_STEP = bowl(gradient_step(bowl, POINT, -LEARNING_RATE)).item()


if __name__ == "__main__":
    # --8<-- [start:demo_derivative]
    for h in (1.0, 0.1, 0.01, 0.001):
        print(f"h = {h:<6} secant slope = {difference_quotient(cube, 2.0, h):.6f}")
    print(f"autograd: f'(2) = {autograd_derivative(cube, 2.0)}")
    # --8<-- [end:demo_derivative]

    # --8<-- [start:demo_gradient]
    point = torch.tensor([1.0, 1.0], dtype=torch.float64)
    grad = autograd_gradient(bowl, point)
    print(grad)
    print(torch.equal(grad, bowl_partials(point)))  # (1)!
    print(f"{grad.norm():.4f}")
    # --8<-- [end:demo_gradient]

    # --8<-- [start:demo_directions]
    degrees, directions = unit_directions(3600)  # (1)!
    slopes = directional_derivatives(bowl, point, directions)
    best = slopes.argmax()
    gradient_angle = math.degrees(math.atan2(grad[1], grad[0]))
    print(f"steepest direction: {degrees[best]:.1f} deg, slope {slopes[best]:.4f}")
    print(f"gradient direction: {gradient_angle:.1f} deg, norm  {grad.norm():.4f}")
    print(torch.allclose(slopes, directions @ grad))  # (2)!
    # --8<-- [end:demo_directions]

    # --8<-- [start:demo_descent]
    print(f"f before: {bowl(point):.4f}")
    print(f"f after a step against the gradient: {bowl(gradient_step(bowl, point, 0.01)):.4f}")
    print(f"f after a step along the gradient:   {bowl(gradient_step(bowl, point, -0.01)):.4f}")
    # --8<-- [end:demo_descent]
