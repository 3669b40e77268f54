"""Optimizers from scratch: SGD, momentum (two forms), Nesterov, AdaGrad, RMSProp, Adam, AdamW.

Each class updates one tensor in place from its gradient, with the formulas and defaults of
torch.optim; the tests run each against torch.optim for 50 steps.
"""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable

# --8<-- [start:sgd]
import torch


class SGD:
    """w <- w - lr * g, with PyTorch's momentum buffer b <- mu * b + g (b = g at step 1)."""

    def __init__(self, lr: float, momentum: float = 0.0, nesterov: bool = False) -> None:
        self.lr, self.momentum, self.nesterov = lr, momentum, nesterov
        self.buffer: torch.Tensor | None = None

    def step(self, w: torch.Tensor, g: torch.Tensor) -> None:
        if self.momentum:
            if self.buffer is None:
                self.buffer = g.clone()
            else:
                self.buffer = self.momentum * self.buffer + g
            g = g + self.momentum * self.buffer if self.nesterov else self.buffer
        w -= self.lr * g


# --8<-- [end:sgd]


# --8<-- [start:ewa]
class MomentumEWA:
    """Momentum as an exponentially weighted average: v <- beta * v + (1 - beta) * g."""

    def __init__(self, lr: float, beta: float) -> None:
        self.lr, self.beta = lr, beta
        self.v: torch.Tensor | float = 0.0

    def step(self, w: torch.Tensor, g: torch.Tensor) -> None:
        self.v = self.beta * self.v + (1 - self.beta) * g
        w -= self.lr * self.v


# --8<-- [end:ewa]


# --8<-- [start:adagrad]
class AdaGrad:
    """Divide by the root of the sum of all squared gradients so far."""

    def __init__(self, lr: float = 0.01, eps: float = 1e-10) -> None:
        self.lr, self.eps = lr, eps
        self.sum_sq: torch.Tensor | float = 0.0

    def step(self, w: torch.Tensor, g: torch.Tensor) -> None:
        self.sum_sq = self.sum_sq + g * g
        w -= self.lr * g / (torch.sqrt(self.sum_sq) + self.eps)


# --8<-- [end:adagrad]


# --8<-- [start:rmsprop]
class RMSProp:
    """Divide by the root of a running average of squared gradients (starting from 0)."""

    def __init__(self, lr: float = 0.01, alpha: float = 0.99, eps: float = 1e-8) -> None:
        self.lr, self.alpha, self.eps = lr, alpha, eps
        self.avg_sq: torch.Tensor | float = 0.0

    def step(self, w: torch.Tensor, g: torch.Tensor) -> None:
        self.avg_sq = self.alpha * self.avg_sq + (1 - self.alpha) * g * g
        w -= self.lr * g / (torch.sqrt(self.avg_sq) + self.eps)


# --8<-- [end:rmsprop]


# --8<-- [start:adam]
class Adam:
    """Running averages of g and g^2, corrected for their start at 0.

    weight_decay adds weight_decay * w to the gradient (an L2 penalty), as torch.optim.Adam does;
    decoupled=True shrinks w directly instead, as torch.optim.AdamW does.
    """

    def __init__(
        self,
        lr: float = 0.001,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        decoupled: bool = False,
        bias_correction: bool = True,
    ) -> None:
        self.lr, (self.beta1, self.beta2), self.eps = lr, betas, eps
        self.weight_decay, self.decoupled = weight_decay, decoupled
        self.bias_correction = bias_correction
        self.m: torch.Tensor | float = 0.0
        self.v: torch.Tensor | float = 0.0
        self.t = 0

    def step(self, w: torch.Tensor, g: torch.Tensor) -> None:
        if self.decoupled:
            w *= 1 - self.lr * self.weight_decay  # (1)!
        else:
            g = g + self.weight_decay * w  # (2)!
        self.t += 1
        self.m = self.beta1 * self.m + (1 - self.beta1) * g
        self.v = self.beta2 * self.v + (1 - self.beta2) * g * g
        m_hat, v_hat = self.m, self.v
        if self.bias_correction:
            m_hat = self.m / (1 - self.beta1**self.t)
            v_hat = self.v / (1 - self.beta2**self.t)
        w -= self.lr * m_hat / (torch.sqrt(v_hat) + self.eps)


# --8<-- [end:adam]


# --8<-- [start:run]
def run(
    optimizer: object,
    grad: Callable[[torch.Tensor], torch.Tensor],
    w0: list[float],
    steps: int,
) -> torch.Tensor:
    """All iterates w_0, ..., w_steps of a from-scratch optimizer, in float64."""
    w = torch.tensor(w0, dtype=torch.float64)
    path = [w.clone()]
    for _ in range(steps):
        optimizer.step(w, grad(w))
        path.append(w.clone())
    return torch.stack(path)


def run_torch(
    make: Callable[[list[torch.Tensor]], torch.optim.Optimizer],
    loss: Callable[[torch.Tensor], torch.Tensor],
    w0: list[float],
    steps: int,
) -> torch.Tensor:
    """The same with a torch.optim optimizer and autograd."""
    w = torch.tensor(w0, dtype=torch.float64, requires_grad=True)
    optimizer = make([w])
    path = [w.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        loss(w).backward()
        optimizer.step()
        path.append(w.detach().clone())
    return torch.stack(path)


# --8<-- [end:run]


# --8<-- [start:table_setup]
def half_square(w: torch.Tensor) -> torch.Tensor:
    """y = w^2 / 2 summed over the components; its gradient is w itself."""
    return (w**2).sum() / 2


def identity_gradient(w: torch.Tensor) -> torch.Tensor:
    return w.clone()


# The one-parameter example: y = w^2 / 2 from w = 1, lr = 0.1, momentum 0.9 where used.
LR, MOMENTUM = 0.1, 0.9
TABLE_OPTIMIZERS: dict[str, Callable[[], object]] = {
    "sgd": lambda: SGD(LR),
    "momentum": lambda: SGD(LR, momentum=MOMENTUM),
    "momentum_ewa": lambda: MomentumEWA(LR, MOMENTUM),
    "nesterov": lambda: SGD(LR, momentum=MOMENTUM, nesterov=True),
    "adagrad": lambda: AdaGrad(LR),
    "rmsprop": lambda: RMSProp(LR),
    "adam": lambda: Adam(LR),
    "adam_no_correction": lambda: Adam(LR, bias_correction=False),
    "adam_l2": lambda: Adam(LR, weight_decay=0.01),
    "adamw": lambda: Adam(LR, weight_decay=0.01, decoupled=True),
}
TORCH_TABLE_OPTIMIZERS: dict[str, Callable[[list[torch.Tensor]], torch.optim.Optimizer]] = {
    "sgd": lambda p: torch.optim.SGD(p, lr=LR),
    "momentum": lambda p: torch.optim.SGD(p, lr=LR, momentum=MOMENTUM),
    "nesterov": lambda p: torch.optim.SGD(p, lr=LR, momentum=MOMENTUM, nesterov=True),
    "adagrad": lambda p: torch.optim.Adagrad(p, lr=LR),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=LR),
    "adam": lambda p: torch.optim.Adam(p, lr=LR),
    "adam_l2": lambda p: torch.optim.Adam(p, lr=LR, weight_decay=0.01),
    "adamw": lambda p: torch.optim.AdamW(p, lr=LR),
}
# --8<-- [end:table_setup]


def first_two_steps(name: str) -> tuple[float, float]:
    w = run(TABLE_OPTIMIZERS[name](), identity_gradient, [1.0], 2)
    return w[1].item(), w[2].item()


SGD_W1, SGD_W2 = first_two_steps("sgd")
MOMENTUM_W1, MOMENTUM_W2 = first_two_steps("momentum")
EWA_W1, EWA_W2 = first_two_steps("momentum_ewa")
NESTEROV_W1, NESTEROV_W2 = first_two_steps("nesterov")
ADAGRAD_W1, ADAGRAD_W2 = first_two_steps("adagrad")
RMSPROP_W1, RMSPROP_W2 = first_two_steps("rmsprop")
ADAM_W1, ADAM_W2 = first_two_steps("adam")
ADAM_RAW_W1, ADAM_RAW_W2 = first_two_steps("adam_no_correction")
ADAM_L2_W1, ADAM_L2_W2 = first_two_steps("adam_l2")
ADAMW_W1, ADAMW_W2 = first_two_steps("adamw")
ADAM_RAW_FIRST_STEP = 1 - ADAM_RAW_W1
ADAMW_DEFAULT_WEIGHT_DECAY = inspect.signature(torch.optim.AdamW).parameters["weight_decay"].default
SGD_DEFAULT_LR = inspect.signature(torch.optim.SGD).parameters["lr"].default
RMSPROP_FIRST_STEP = 1 - RMSPROP_W1
RMSPROP_FIRST_STEP_OVER_LR = RMSPROP_FIRST_STEP / LR


# --8<-- [start:adam_scale_fn]
def adam_first_step(grad_scale: float, lr: float = LR) -> float:
    """Size of Adam's first step on y = grad_scale * w^2 / 2 from w = 1."""
    w = run(Adam(lr), lambda w: grad_scale * w, [1.0], 1)
    return (w[0] - w[1]).item()


# --8<-- [end:adam_scale_fn]


ADAM_FIRST_STEP_SMALL_GRAD = adam_first_step(0.001)
ADAM_FIRST_STEP_LARGE_GRAD = adam_first_step(1000.0)
SGD_FIRST_STEP_SMALL_GRAD = LR * 0.001


def uncorrected_step_factor(t: int, betas: tuple[float, float] = (0.9, 0.999)) -> float:
    """How much larger Adam's step is at step t without bias correction (constant gradient)."""
    beta1, beta2 = betas
    return (1 - beta1**t) / math.sqrt(1 - beta2**t)


UNCORRECTED_FACTOR_T1 = uncorrected_step_factor(1)
UNCORRECTED_PEAK_STEP = max(range(1, 2001), key=uncorrected_step_factor)
UNCORRECTED_FACTOR_PEAK = uncorrected_step_factor(UNCORRECTED_PEAK_STEP)
UNCORRECTED_FACTOR_T1000 = uncorrected_step_factor(1000)

# --- Ill-conditioned quadratic f(x, y) = (x^2 + kappa * y^2) / 2 -----------------------------


def quadratic(kappa: float) -> Callable[[torch.Tensor], torch.Tensor]:
    """f(w) = (w_0^2 + kappa * w_1^2) / 2: curvatures 1 and kappa, condition number kappa."""
    scale = torch.tensor([1.0, kappa], dtype=torch.float64)
    return lambda w: (scale * w**2).sum() / 2


# --8<-- [start:condition_fn]
def quadratic_gradient(kappa: float) -> Callable[[torch.Tensor], torch.Tensor]:
    """Gradient (w_0, kappa * w_1) of f(w) = (w_0^2 + kappa * w_1^2) / 2."""
    scale = torch.tensor([1.0, kappa], dtype=torch.float64)
    return lambda w: scale * w


def best_gd_rate(kappa: float) -> float:
    """Error factor per step of plain GD with its best lr 2 / (1 + kappa)."""
    return (kappa - 1) / (kappa + 1)


def gd_steps_to_tolerance(kappa: float, tol: float = 1e-3, max_steps: int = 100_000) -> int:
    """Steps of plain GD with lr = 2 / (1 + kappa) from (1, 1) until |w| < tol * |w_0|."""
    w = torch.tensor([1.0, 1.0], dtype=torch.float64)
    start, grad, lr = w.norm().item(), quadratic_gradient(kappa), 2 / (1 + kappa)
    for step in range(1, max_steps + 1):
        w = w - lr * grad(w)
        if w.norm().item() < tol * start:
            return step
    raise RuntimeError("did not converge")


# --8<-- [end:condition_fn]


KAPPA = 25.0
KAPPAS = (2.0, 10.0, 100.0)
GD_STEPS_KAPPA_2, GD_STEPS_KAPPA_10, GD_STEPS_KAPPA_100 = (gd_steps_to_tolerance(k) for k in KAPPAS)
GD_STEPS_KAPPA_1 = gd_steps_to_tolerance(1.0)
BEST_RATE_KAPPA_10 = best_gd_rate(10.0)
BEST_RATE_KAPPA_100 = best_gd_rate(100.0)
QUADRATIC_START = [-4.0, 1.0]
QUADRATIC_STEPS = 40
QUADRATIC_OPTIMIZERS: dict[str, Callable[[], object]] = {
    "sgd": lambda: SGD(0.07),
    "momentum": lambda: SGD(0.02, momentum=0.8),
    "rmsprop": lambda: RMSProp(0.1),
    "adam": lambda: Adam(0.2),
}


@functools.cache
def quadratic_paths() -> dict[str, torch.Tensor]:
    grad = quadratic_gradient(KAPPA)
    return {
        name: run(make(), grad, QUADRATIC_START, QUADRATIC_STEPS)
        for name, make in QUADRATIC_OPTIMIZERS.items()
    }


def final_distance(name: str) -> float:
    return quadratic_paths()[name][-1].norm().item()


# --- Rosenbrock f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, minimum at (1, 1) -------------------


def rosenbrock(w: torch.Tensor) -> torch.Tensor:
    return (1 - w[0]) ** 2 + 100 * (w[1] - w[0] ** 2) ** 2


def rosenbrock_gradient(w: torch.Tensor) -> torch.Tensor:
    x, y = w[0], w[1]
    return torch.stack([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])


ROSENBROCK_START = [-1.5, 2.0]
ROSENBROCK_STEPS = 2000
ROSENBROCK_OPTIMIZERS: dict[str, Callable[[], object]] = {
    "sgd": lambda: SGD(0.0005),
    "momentum": lambda: SGD(0.0005, momentum=0.9),
    "adam": lambda: Adam(0.02),
}


@functools.cache
def rosenbrock_paths() -> dict[str, torch.Tensor]:
    return {
        name: run(make(), rosenbrock_gradient, ROSENBROCK_START, ROSENBROCK_STEPS)
        for name, make in ROSENBROCK_OPTIMIZERS.items()
    }


def rosenbrock_final_distance(name: str) -> float:
    end = rosenbrock_paths()[name][-1]
    return (end - torch.tensor([1.0, 1.0], dtype=torch.float64)).norm().item()


def momentum_steps_to_sgd_end(tol: float = 0.01) -> int:
    """First step at which the momentum run is within tol of where SGD ends after 2000 steps."""
    paths = rosenbrock_paths()
    distances = (paths["momentum"] - paths["sgd"][-1]).norm(dim=1)
    return int(torch.nonzero(distances < tol)[0])


def rosenbrock_sgd_end_x() -> float:
    return rosenbrock_paths()["sgd"][-1, 0].item()


def rosenbrock_sgd_end_y() -> float:
    return rosenbrock_paths()["sgd"][-1, 1].item()


def rosenbrock_momentum_distance() -> float:
    return rosenbrock_final_distance("momentum")


def rosenbrock_adam_distance() -> float:
    return rosenbrock_final_distance("adam")


if __name__ == "__main__":
    # --8<-- [start:table]
    for name in ("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adamw"):
        ours = run(TABLE_OPTIMIZERS[name](), identity_gradient, [1.0], 2)
        theirs = run_torch(TORCH_TABLE_OPTIMIZERS[name], half_square, [1.0], 2)
        print(f"{name:9} w1 = {ours[1].item():.6g}  w2 = {ours[2].item():.6g}", end="  ")
        print("same as torch:", torch.allclose(ours, theirs, rtol=0, atol=1e-12))
    # --8<-- [end:table]

    # --8<-- [start:adam_scale]
    for scale in (0.001, 1.0, 1000.0):
        print(f"gradient x {scale:g}: Adam's first step = {adam_first_step(scale):.6f}")
    # --8<-- [end:adam_scale]

    # --8<-- [start:condition]
    for kappa in (1.0, 2.0, 10.0, 100.0):
        print(f"kappa = {kappa:5g}: {gd_steps_to_tolerance(kappa):4d} steps")
    # --8<-- [end:condition]
