"""Critical points of a loss: minima, saddle points, plateaus, and how noise and momentum help."""

from __future__ import annotations

# --8<-- [start:saddle]
from collections.abc import Callable

import torch
from torch.autograd.functional import hessian


def saddle(p: torch.Tensor) -> torch.Tensor:
    """f(x, y) = x^2 - y^2: a minimum along x, a maximum along y."""
    return p[0] ** 2 - p[1] ** 2


def hessian_eigenvalues(f: Callable, point: torch.Tensor) -> torch.Tensor:
    """Curvatures along the principal directions, in ascending order."""
    return torch.linalg.eigvalsh(hessian(f, point))


def classify_critical_point(f: Callable, point: torch.Tensor, tol: float = 1e-9) -> str:
    """Second-derivative test; eigenvalues within tol of 0 leave it undecided."""
    eigenvalues = hessian_eigenvalues(f, point)
    if (eigenvalues > tol).any() and (eigenvalues < -tol).any():
        return "saddle point"
    if (eigenvalues > tol).all():
        return "minimum"
    if (eigenvalues < -tol).all():
        return "maximum"
    return "inconclusive (zero curvature)"  # (1)!


# --8<-- [end:saddle]

ORIGIN = torch.zeros(2, dtype=torch.float64)


def saddle_eigenvalues() -> torch.Tensor:
    return hessian_eigenvalues(saddle, ORIGIN)


def saddle_eigenvalue_low() -> float:
    return saddle_eigenvalues()[0].item()


def saddle_eigenvalue_high() -> float:
    return saddle_eigenvalues()[1].item()


# --8<-- [start:descend]
def descend(
    f: Callable,
    start: list[float],
    lr: float,
    steps: int,
    momentum: float = 0.0,
    noise: float = 0.0,
    seed: int = 0,
) -> torch.Tensor:
    """Points visited by gradient descent, one row per step (row 0 is the start)."""
    generator = torch.Generator().manual_seed(seed)
    p = torch.tensor(start, dtype=torch.float64)
    velocity = torch.zeros_like(p)
    path = [p]
    for _ in range(steps):
        q = p.clone().requires_grad_()
        (grad,) = torch.autograd.grad(f(q), q)
        grad = grad + noise * torch.randn(p.shape, generator=generator, dtype=p.dtype)  # (1)!
        velocity = momentum * velocity + grad  # (2)!
        p = p - lr * velocity
        path.append(p)
    return torch.stack(path)


# --8<-- [end:descend]


# --8<-- [start:non_convex]
def non_convex(p: torch.Tensor) -> torch.Tensor:
    """f(w) = w^4 - 3 w^2 + w: two valleys of different depth."""
    w = p[0]
    return w**4 - 3 * w**2 + w


# --8<-- [end:non_convex]

NON_CONVEX_LR, NON_CONVEX_STEPS = 0.02, 200
NON_CONVEX_STARTS = (0.0, 0.5)


def non_convex_end(start: float) -> float:
    return descend(non_convex, [start], NON_CONVEX_LR, NON_CONVEX_STEPS)[-1, 0].item()


def left_minimum() -> float:
    return non_convex_end(NON_CONVEX_STARTS[0])


def right_minimum() -> float:
    return non_convex_end(NON_CONVEX_STARTS[1])


def left_minimum_loss() -> float:
    return non_convex(torch.tensor([left_minimum()])).item()


def right_minimum_loss() -> float:
    return non_convex(torch.tensor([right_minimum()])).item()


def non_convex_curvature_at_zero() -> float:
    return hessian_eigenvalues(non_convex, torch.zeros(1, dtype=torch.float64))[0].item()


# --8<-- [start:two_valleys]
def two_valleys(p: torch.Tensor) -> torch.Tensor:
    """f(x, y) = x^2 + (y^2 - 1)^2 / 4: minima at (0, 1) and (0, -1), a saddle at (0, 0)."""
    return p[0] ** 2 + (p[1] ** 2 - 1) ** 2 / 4


# --8<-- [end:two_valleys]

ESCAPE_LR, ESCAPE_STEPS, ESCAPE_NOISE = 0.1, 200, 1e-3


def two_valleys_saddle_value() -> float:
    return two_valleys(ORIGIN).item()


def two_valleys_eigenvalue_low() -> float:
    return hessian_eigenvalues(two_valleys, ORIGIN)[0].item()


def loss_after_plain_descent_from_saddle() -> float:
    end = descend(two_valleys, [0.0, 0.0], ESCAPE_LR, ESCAPE_STEPS)[-1]
    return two_valleys(end).item()


def loss_after_noisy_descent_from_saddle() -> float:
    end = descend(two_valleys, [0.0, 0.0], ESCAPE_LR, ESCAPE_STEPS, noise=ESCAPE_NOISE)[-1]
    return two_valleys(end).item()


# --8<-- [start:plateau]
def plateau(p: torch.Tensor) -> torch.Tensor:
    """f(w) = 1 - exp(-w^2): a narrow valley at 0, almost flat once |w| > 2."""
    return 1 - torch.exp(-(p[0] ** 2))


def steps_to_reach(f: Callable, path: torch.Tensor, target: float) -> int:
    """First step at which the loss drops below target."""
    for step, point in enumerate(path):
        if f(point).item() < target:
            return step
    raise ValueError(f"loss never dropped below {target}")


# --8<-- [end:plateau]

PLATEAU_START, PLATEAU_LR, PLATEAU_STEPS, PLATEAU_TARGET = 2.5, 0.1, 400, 0.01
PLATEAU_MOMENTUM = 0.9


def plateau_gradient_at_start() -> float:
    p = torch.tensor([PLATEAU_START], requires_grad=True)
    plateau(p).backward()
    return p.grad.item()


def plateau_steps(momentum: float) -> int:
    path = descend(plateau, [PLATEAU_START], PLATEAU_LR, PLATEAU_STEPS, momentum=momentum)
    return steps_to_reach(plateau, path, PLATEAU_TARGET)


def plateau_steps_plain() -> int:
    return plateau_steps(0.0)


def plateau_steps_momentum() -> int:
    return plateau_steps(PLATEAU_MOMENTUM)


def momentum_rebound() -> float:
    """Highest loss momentum climbs back to after first overshooting the bottom at w = 0."""
    path = descend(plateau, [PLATEAU_START], PLATEAU_LR, PLATEAU_STEPS, momentum=PLATEAU_MOMENTUM)
    overshoot = int((path[:, 0] < 0).nonzero()[0])
    return max(plateau(p).item() for p in path[overshoot:])


if __name__ == "__main__":
    # --8<-- [start:saddle_demo]
    origin = torch.zeros(2)
    grad = torch.autograd.functional.jacobian(saddle, origin)
    print("gradient:", grad)
    print("Hessian eigenvalues:", hessian_eigenvalues(saddle, origin))
    print(classify_critical_point(saddle, origin))
    # --8<-- [end:saddle_demo]

    # --8<-- [start:non_convex_demo]
    for start in (0.0, 0.5):
        w = descend(non_convex, [start], lr=0.02, steps=200)[-1]
        print(f"start {start}: ends at w = {w.item():+.4f}, loss = {non_convex(w).item():.4f}")
    # --8<-- [end:non_convex_demo]

    # --8<-- [start:escape_demo]
    plain = descend(two_valleys, [0.0, 0.0], lr=0.1, steps=200)
    noisy = descend(two_valleys, [0.0, 0.0], lr=0.1, steps=200, noise=1e-3)
    for name, path in (("plain", plain), ("noisy", noisy)):
        end = path[-1]
        print(f"{name}: y = {end[1].item():+.2f}, loss = {two_valleys(end).item():.4f}")
    # --8<-- [end:escape_demo]

    # --8<-- [start:plateau_demo]
    for beta in (0.0, 0.9):
        path = descend(plateau, [2.5], lr=0.1, steps=400, momentum=beta)
        print(f"momentum {beta}: loss < 0.01 after {steps_to_reach(plateau, path, 0.01)} steps")
    # --8<-- [end:plateau_demo]
