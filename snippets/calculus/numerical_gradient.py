"""Numerical gradients by finite differences, their error against the step size, gradcheck."""

from __future__ import annotations

import inspect

# --8<-- [start:differences]
from collections.abc import Callable

import torch

Function = Callable[[torch.Tensor], torch.Tensor]
Rule = Callable[[Function, torch.Tensor, float], torch.Tensor]


def forward_difference(f: Function, x: torch.Tensor, h: float) -> torch.Tensor:
    """(f(x + h) - f(x)) / h, element by element."""
    return (f(x + h) - f(x)) / h


def central_difference(f: Function, x: torch.Tensor, h: float) -> torch.Tensor:
    """(f(x + h) - f(x - h)) / 2h, element by element."""
    return (f(x + h) - f(x - h)) / (2 * h)


# --8<-- [end:differences]


# --8<-- [start:gradient]
def numerical_gradient(f: Function, x: torch.Tensor, h: float = 1e-6) -> torch.Tensor:
    """∇f(x) of a scalar f, one central difference per coordinate: 2n calls of f."""
    grad = torch.zeros_like(x)
    for i in range(x.numel()):
        step = torch.zeros_like(x)
        step.view(-1)[i] = h
        grad.view(-1)[i] = (f(x + step) - f(x - step)) / (2 * h)
    return grad


def autograd_gradient(f: Function, x: torch.Tensor) -> torch.Tensor:
    x = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x), x)
    return grad


def log_sum_exp(x: torch.Tensor) -> torch.Tensor:
    """log Σ exp(xᵢ); its gradient is softmax(x)."""
    return torch.logsumexp(x, dim=0)


# --8<-- [end:gradient]


# --8<-- [start:error_curve]
STEP_SIZES = 10.0 ** -(torch.arange(4, 49, dtype=torch.float64) / 4)  # 1e-1 … 1e-12
SAMPLE_POINTS = torch.linspace(0.5, 1.5, 101)


def mean_error(rule: Rule, h: float, dtype: torch.dtype) -> float:
    """Mean |rule(sin)(x) - cos(x)| over the sample points, computed in `dtype`."""
    x = SAMPLE_POINTS.to(dtype)
    estimate = rule(torch.sin, x, h).double()
    return (estimate - torch.cos(x.double())).abs().mean().item()


def error_curve(rule: Rule, dtype: torch.dtype) -> torch.Tensor:
    return torch.tensor([mean_error(rule, h, dtype) for h in STEP_SIZES.tolist()])


def best_step(rule: Rule, dtype: torch.dtype) -> float:
    """The step size on STEP_SIZES with the smallest mean error."""
    return STEP_SIZES[error_curve(rule, dtype).argmin()].item()


# --8<-- [end:error_curve]


# --8<-- [start:buggy]
class SquareWithWrongBackward(torch.autograd.Function):
    """Computes x², but its backward returns x instead of 2x."""

    @staticmethod
    def forward(ctx: torch.autograd.function.FunctionCtx, x: torch.Tensor) -> torch.Tensor:
        ctx.save_for_backward(x)
        return x**2

    @staticmethod
    def backward(ctx: torch.autograd.function.FunctionCtx, grad_out: torch.Tensor) -> torch.Tensor:
        (x,) = ctx.saved_tensors
        return grad_out * x


# --8<-- [end:buggy]


EPS_FLOAT64 = torch.finfo(torch.float64).eps
EPS_FLOAT32 = torch.finfo(torch.float32).eps
CUBE_ROOT_EPS_FLOAT64 = EPS_FLOAT64 ** (1 / 3)
SQRT_EPS_FLOAT64 = EPS_FLOAT64**0.5
CUBE_ROOT_EPS_FLOAT32 = EPS_FLOAT32 ** (1 / 3)

BEST_H_CENTRAL_FLOAT64 = best_step(central_difference, torch.float64)
BEST_H_FORWARD_FLOAT64 = best_step(forward_difference, torch.float64)
BEST_H_CENTRAL_FLOAT32 = best_step(central_difference, torch.float32)

ERROR_CENTRAL_FLOAT64_AT_BEST = mean_error(
    central_difference, BEST_H_CENTRAL_FLOAT64, torch.float64
)
ERROR_FORWARD_FLOAT64_AT_BEST = mean_error(
    forward_difference, BEST_H_FORWARD_FLOAT64, torch.float64
)
ERROR_CENTRAL_FLOAT32_AT_BEST = mean_error(
    central_difference, BEST_H_CENTRAL_FLOAT32, torch.float32
)
ERROR_CENTRAL_FLOAT64_H_1E_2 = mean_error(central_difference, 1e-2, torch.float64)
ERROR_CENTRAL_FLOAT64_H_1E_3 = mean_error(central_difference, 1e-3, torch.float64)
ERROR_FORWARD_FLOAT64_H_1E_2 = mean_error(forward_difference, 1e-2, torch.float64)
ERROR_FORWARD_FLOAT64_H_1E_3 = mean_error(forward_difference, 1e-3, torch.float64)
ERROR_CENTRAL_FLOAT64_H_1E_10 = mean_error(central_difference, 1e-10, torch.float64)
ERROR_RATIO_H_1E_10_TO_BEST = ERROR_CENTRAL_FLOAT64_H_1E_10 / ERROR_CENTRAL_FLOAT64_AT_BEST
ERROR_CENTRAL_FLOAT32_H_1E_6 = mean_error(central_difference, 1e-6, torch.float32)

GRADCHECK_DEFAULT_EPS = inspect.signature(torch.autograd.gradcheck).parameters["eps"].default
RELU_CENTRAL_DIFFERENCE_AT_ZERO = central_difference(torch.relu, torch.tensor(0.0), 1e-3).item()


def relu_autograd_at_zero() -> float:
    zero = torch.tensor(0.0, requires_grad=True)
    torch.relu(zero).backward()
    return zero.grad.item()


if __name__ == "__main__":
    # --8<-- [start:demo_gradient]
    torch.manual_seed(0)
    x = torch.randn(5, dtype=torch.float64)  # (1)!
    numeric = numerical_gradient(log_sum_exp, x)
    exact = autograd_gradient(log_sum_exp, x)
    print(numeric)
    print(exact)
    print(torch.allclose(numeric, exact, rtol=0, atol=1e-9))
    print(torch.allclose(exact, torch.softmax(x, dim=0)))  # (2)!
    # --8<-- [end:demo_gradient]

    # --8<-- [start:demo_error]
    for h in (1e-2, 1e-4, 1e-6, 1e-8, 1e-10):
        central = mean_error(central_difference, h, torch.float64)
        forward = mean_error(forward_difference, h, torch.float64)
        print(f"h = {h:.0e}   central {central:.0e}   forward {forward:.0e}")
    print(f"best h, central: {best_step(central_difference, torch.float64):.0e}")
    print(f"eps ** (1/3):    {torch.finfo(torch.float64).eps ** (1 / 3):.1e}")
    # --8<-- [end:demo_error]

    # --8<-- [start:demo_gradcheck]
    x = torch.randn(5, dtype=torch.float64, requires_grad=True)
    print(torch.autograd.gradcheck(log_sum_exp, (x,)))
    print(torch.autograd.gradcheck(SquareWithWrongBackward.apply, (x,), raise_exception=False))
    # --8<-- [end:demo_gradcheck]

    # --8<-- [start:demo_kink]
    zero = torch.tensor(0.0, requires_grad=True)
    print(central_difference(torch.relu, zero.detach(), 1e-3).item())
    torch.relu(zero).backward()
    print(zero.grad.item())
    # --8<-- [end:demo_kink]
