"""Answers to the calculus chapter's exercises, computed."""

from __future__ import annotations

import math

import torch
from torch.autograd.functional import jacobian

from snippets.calculus.derivatives_gradients import bowl_partials, cube
from snippets.calculus.epochs_batches import iterations_per_epoch, last_batch_size
from snippets.calculus.gradient_descent import loss_curvature
from snippets.calculus.loss_landscape import classify_critical_point, hessian_eigenvalues
from snippets.calculus.numerical_gradient import central_difference, forward_difference

# Exercise 1: the bowl x1² + 3 x2² at (2, -1), along u = (0.6, 0.8).
POINT = torch.tensor([2.0, -1.0], dtype=torch.float64)
DIRECTION = torch.tensor([0.6, 0.8], dtype=torch.float64)
GRADIENT = bowl_partials(POINT)
GRADIENT_X1 = GRADIENT[0].item()
GRADIENT_X2 = GRADIENT[1].item()
DIRECTIONAL_DERIVATIVE = (GRADIENT @ DIRECTION).item()
STEEPEST_RATE = GRADIENT.norm().item()

# Exercise 2: x = (1, 2, 3, 4), y = 3x, the model w x and the mean squared error.
X = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
CURVATURE = loss_curvature(X)
THRESHOLD = 2 / CURVATURE
ONE_STEP_LR = 1 / CURVATURE


def error_factor(lr: float, curvature: float = CURVATURE) -> float:
    """Each step of gradient descent multiplies w - 3 by this factor."""
    return 1 - lr * curvature


FACTOR_AT_0_1 = error_factor(0.1)
FACTOR_AT_0_15 = error_factor(0.15)

# Exercise 3: differences of x³ at x = 2 with h = 0.1 (f'(2) = 12).
X3_AT = torch.tensor(2.0, dtype=torch.float64)
CENTRAL_H_0_1 = central_difference(cube, X3_AT, 0.1).item()
FORWARD_H_0_1 = forward_difference(cube, X3_AT, 0.1).item()
CENTRAL_ERROR_H_0_1 = CENTRAL_H_0_1 - 12
FORWARD_ERROR_H_0_1 = FORWARD_H_0_1 - 12
FORWARD_TO_CENTRAL_ERROR_RATIO = FORWARD_ERROR_H_0_1 / CENTRAL_ERROR_H_0_1
CENTRAL_ERROR_PREDICTED = 0.1**2 / 6 * 6  # h² f'''(x) / 6, f''' = 6


# Exercise 4: shapes of Jacobians (what the code on the page prints).
def jacobian_shapes() -> list[tuple[int, ...]]:
    w = torch.ones(3, 4)
    x = torch.arange(4.0)
    return [
        tuple(jacobian(lambda x: w @ x, x).shape),
        tuple(jacobian(lambda w: w @ x, w).shape),
        tuple(jacobian(lambda x: (w @ x).sum(), x).shape),
    ]


# Exercise 5: critical points of x³ - 3x + y².
def cubic_valley(p: torch.Tensor) -> torch.Tensor:
    return p[0] ** 3 - 3 * p[0] + p[1] ** 2


RIGHT_POINT = torch.tensor([1.0, 0.0], dtype=torch.float64)
LEFT_POINT = torch.tensor([-1.0, 0.0], dtype=torch.float64)
RIGHT_KIND = classify_critical_point(cubic_valley, RIGHT_POINT)
LEFT_KIND = classify_critical_point(cubic_valley, LEFT_POINT)
RIGHT_EIGENVALUES = hessian_eigenvalues(cubic_valley, RIGHT_POINT).tolist()
LEFT_EIGENVALUES = hessian_eigenvalues(cubic_valley, LEFT_POINT).tolist()
RIGHT_EIGENVALUE_LOW, RIGHT_EIGENVALUE_HIGH = RIGHT_EIGENVALUES
LEFT_EIGENVALUE_LOW, LEFT_EIGENVALUE_HIGH = LEFT_EIGENVALUES

# Exercise 6: 60,000 samples (the MNIST training set), batch size 128.
SAMPLES, BATCH_SIZE = 60_000, 128
ITERATIONS = iterations_per_epoch(SAMPLES, BATCH_SIZE)
ITERATIONS_DROP_LAST = iterations_per_epoch(SAMPLES, BATCH_SIZE, drop_last=True)
LAST_BATCH = last_batch_size(SAMPLES, BATCH_SIZE)
DECAY_EVERY = 1000


def epoch_of_iteration(iteration: int, iterations_per_epoch: int) -> int:
    """The epoch (counted from 1) in which the given iteration (counted from 1) runs."""
    return math.ceil(iteration / iterations_per_epoch)


FIRST_DECAY_EPOCH = epoch_of_iteration(DECAY_EVERY, ITERATIONS)
ITERATIONS_AT_256 = iterations_per_epoch(SAMPLES, 256)
FIRST_DECAY_EPOCH_AT_256 = epoch_of_iteration(DECAY_EVERY, ITERATIONS_AT_256)
