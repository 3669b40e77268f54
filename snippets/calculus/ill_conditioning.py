"""Gradient descent on an elongated bowl: the zigzag, the step limit and the slow direction."""

from __future__ import annotations

# --8<-- [start:bowl]
import math

import torch
from torch.autograd.functional import hessian

CURVATURES = torch.tensor([2.0, 20.0], dtype=torch.float64)  # f = x^2 + 10 y^2


def bowl(p: torch.Tensor, curvatures: torch.Tensor = CURVATURES) -> torch.Tensor:
    """f(p) = sum_i curvatures_i p_i^2 / 2; its Hessian is diag(curvatures)."""
    return 0.5 * (curvatures * p**2).sum(-1)


def bowl_gradient(p: torch.Tensor, curvatures: torch.Tensor = CURVATURES) -> torch.Tensor:
    return curvatures * p


def descend(
    p0: torch.Tensor, lr: float, steps: int, curvatures: torch.Tensor = CURVATURES
) -> torch.Tensor:
    """Points p_0, ..., p_steps of gradient descent, one row each."""
    points = [p0]
    for _ in range(steps):
        points.append(points[-1] - lr * bowl_gradient(points[-1], curvatures))
    return torch.stack(points)


START = torch.tensor([-4.0, 1.0], dtype=torch.float64)
# --8<-- [end:bowl]


def hessian_eigenvalues() -> torch.Tensor:
    return torch.linalg.eigvalsh(hessian(bowl, torch.tensor([0.3, -0.7], dtype=torch.float64)))


LAMBDA_MIN = CURVATURES.min().item()
LAMBDA_MAX = CURVATURES.max().item()
CONDITION_NUMBER = LAMBDA_MAX / LAMBDA_MIN


ZIGZAG_LR = 0.09
ZIGZAG_Y_FACTOR = 1 - ZIGZAG_LR * LAMBDA_MAX
ZIGZAG_X_FACTOR = 1 - ZIGZAG_LR * LAMBDA_MIN


# --8<-- [start:factors]
def contraction_factors(lr: float, curvatures: torch.Tensor = CURVATURES) -> torch.Tensor:
    """|1 - lr * lambda| per eigendirection: what one step multiplies that coordinate by."""
    return (1 - lr * curvatures).abs()


def step_limit(curvatures: torch.Tensor = CURVATURES) -> float:
    """Every factor is below 1 exactly when lr < 2 / lambda_max."""
    return 2 / curvatures.max().item()


# --8<-- [end:factors]

STEP_LIMIT = step_limit()
JUST_BELOW = 0.095
JUST_ABOVE = 0.105
FACTOR_Y_JUST_BELOW = contraction_factors(JUST_BELOW)[1].item()
FACTOR_Y_JUST_ABOVE = contraction_factors(JUST_ABOVE)[1].item()
FACTOR_X_JUST_ABOVE = contraction_factors(JUST_ABOVE)[0].item()
FACTOR_X_SMALL, FACTOR_Y_SMALL = contraction_factors(0.02).tolist()
FACTOR_X_EDGE, FACTOR_Y_EDGE = contraction_factors(0.099).tolist()


def y_growth_after_50_steps_just_above() -> float:
    path = descend(START, JUST_ABOVE, 50)
    return abs(path[-1, 1] / path[0, 1]).item()


def y_shrink_after_50_steps_just_below() -> float:
    path = descend(START, JUST_BELOW, 50)
    return abs(path[-1, 1] / path[0, 1]).item()


def x_after_50_steps_just_below() -> float:
    return descend(START, JUST_BELOW, 50)[-1, 0].item()


# --8<-- [start:best_step]
def best_step(curvatures: torch.Tensor = CURVATURES) -> float:
    """The lr that makes the factors of the flattest and steepest directions equal."""
    return 2 / (curvatures.min().item() + curvatures.max().item())


def best_rate(curvatures: torch.Tensor = CURVATURES) -> float:
    """(kappa - 1) / (kappa + 1), the common factor at the best step."""
    kappa = curvatures.max().item() / curvatures.min().item()
    return (kappa - 1) / (kappa + 1)


def steps_to_tolerance(tol: float, curvatures: torch.Tensor = CURVATURES) -> int:
    """Steps until |p_t| <= tol * |p_0|, counted by running gradient descent at the best step."""
    lr, p = best_step(curvatures), START
    start, steps = p.norm(), 0
    while p.norm() > tol * start:
        p = p - lr * bowl_gradient(p, curvatures)
        steps += 1
    return steps


def predicted_steps(tol: float, curvatures: torch.Tensor = CURVATURES) -> int:
    """The same count from the rate: the smallest t with rate^t <= tol."""
    rate = best_rate(curvatures)
    return 1 if rate == 0 else math.ceil(math.log(tol) / math.log(rate))


def bowl_with_condition_number(kappa: float) -> torch.Tensor:
    """Curvatures (2, 2 kappa): the bowl x^2 + kappa y^2."""
    return torch.tensor([2.0, 2.0 * kappa], dtype=torch.float64)


# --8<-- [end:best_step]

TOLERANCE = 1e-6
BEST_STEP = best_step()
BEST_RATE = best_rate()
STEPS_KAPPA_10 = steps_to_tolerance(TOLERANCE)


STEPS_KAPPA_1 = steps_to_tolerance(TOLERANCE, bowl_with_condition_number(1))
STEPS_KAPPA_100 = steps_to_tolerance(TOLERANCE, bowl_with_condition_number(100))
STEPS_KAPPA_1000 = steps_to_tolerance(TOLERANCE, bowl_with_condition_number(1000))
RATE_KAPPA_100 = best_rate(bowl_with_condition_number(100))


def rule_of_thumb_steps(kappa: float = CONDITION_NUMBER, tol: float = TOLERANCE) -> float:
    """For large kappa, ln(1/tol) / ln((kappa+1)/(kappa-1)) is about (kappa / 2) ln(1/tol)."""
    return kappa / 2 * math.log(1 / tol)


def slow_factor_at_one_over_lambda_max() -> float:
    """lr = 1 / lambda_max removes the steep direction in one step; x keeps 1 - 1/kappa."""
    return contraction_factors(1 / LAMBDA_MAX)[0].item()


# --8<-- [start:rotated]
def rotation(degrees: float) -> torch.Tensor:
    a = math.radians(degrees)
    return torch.tensor(
        [[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]], dtype=torch.float64
    )


R = rotation(30)
H_ROTATED = R @ torch.diag(CURVATURES) @ R.T


def rotated_bowl(p: torch.Tensor) -> torch.Tensor:
    return 0.5 * p @ H_ROTATED @ p


def descend_rotated(p0: torch.Tensor, lr: float, steps: int) -> torch.Tensor:
    points = [p0]
    for _ in range(steps):
        points.append(points[-1] - lr * H_ROTATED @ points[-1])
    return torch.stack(points)


# --8<-- [end:rotated]


# --8<-- [start:features]
def mse_hessian(x: torch.Tensor) -> torch.Tensor:
    """The Hessian of mean((x w - y)^2) in w is 2 x^T x / N, whatever y is."""
    return 2 * x.T @ x / len(x)


def condition_number(h: torch.Tensor) -> float:
    eigenvalues = torch.linalg.eigvalsh(h)
    return (eigenvalues.max() / eigenvalues.min()).item()


generator = torch.Generator().manual_seed(0)
features = torch.randn(1000, 2, generator=generator, dtype=torch.float64)
features = features * torch.tensor([1.0, 10.0], dtype=torch.float64)  # (1)!
standardized = (features - features.mean(0)) / features.std(0)
# --8<-- [end:features]

KAPPA_RAW_FEATURES = condition_number(mse_hessian(features))
KAPPA_STANDARDIZED = condition_number(mse_hessian(standardized))


def raw_feature_steps_estimate() -> float:
    return rule_of_thumb_steps(KAPPA_RAW_FEATURES)


if __name__ == "__main__":
    # --8<-- [start:bowl_demo]
    h = hessian(bowl, torch.tensor([0.3, -0.7], dtype=torch.float64))
    eigenvalues = torch.linalg.eigvalsh(h)
    print(h)
    print(
        f"eigenvalues: {eigenvalues.tolist()}, kappa = {eigenvalues.max() / eigenvalues.min():.0f}"
    )
    # --8<-- [end:bowl_demo]

    # --8<-- [start:zigzag_demo]
    for step, point in enumerate(descend(START, lr=0.09, steps=4)):
        print(f"step {step}: x = {point[0]:+.4f}, y = {point[1]:+.4f}")
    # --8<-- [end:zigzag_demo]

    # --8<-- [start:factors_demo]
    print(f"step limit 2 / lambda_max = {step_limit():.3f}")
    for lr in (0.02, 0.05, 0.095, 0.105):
        fx, fy = contraction_factors(lr).tolist()
        y50 = descend(START, lr, 50)[-1, 1].abs()
        print(f"lr = {lr:.3f}: |1 - lr*2| = {fx:.3f}, |1 - lr*20| = {fy:.3f}, |y_50| = {y50:.2e}")
    # --8<-- [end:factors_demo]

    # --8<-- [start:best_step_demo]
    print(f"best lr = {best_step():.4f}, rate = {best_rate():.4f}")
    for kappa in (1, 10, 100, 1000):
        c = bowl_with_condition_number(kappa)
        print(
            f"kappa = {kappa:4d}: {steps_to_tolerance(1e-6, c):4d} steps, "
            f"predicted {predicted_steps(1e-6, c):4d}"
        )
    # --8<-- [end:best_step_demo]

    # --8<-- [start:rotated_demo]
    h = hessian(rotated_bowl, torch.zeros(2, dtype=torch.float64))
    print(f"Hessian eigenvalues: {torch.linalg.eigvalsh(h).round(decimals=6).tolist()}")
    rotated = descend_rotated(R @ START, lr=0.09, steps=20).norm(dim=1)
    aligned = descend(START, lr=0.09, steps=20).norm(dim=1)
    print(f"same distances to the minimum: {torch.allclose(rotated, aligned)}")
    # --8<-- [end:rotated_demo]

    # --8<-- [start:features_demo]
    print(f"raw features:          kappa = {condition_number(mse_hessian(features)):.1f}")
    print(f"standardized features: kappa = {condition_number(mse_hessian(standardized)):.3f}")
    # --8<-- [end:features_demo]
