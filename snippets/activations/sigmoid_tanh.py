"""Step, sigmoid and tanh: the functions, their derivatives and where they saturate."""

from __future__ import annotations

# --8<-- [start:functions]
from collections.abc import Callable

import torch


def step(x: torch.Tensor) -> torch.Tensor:
    """1 where x >= 0, else 0."""
    return (x >= 0).to(x.dtype)


def sigmoid(x: torch.Tensor) -> torch.Tensor:
    return 1 / (1 + torch.exp(-x))


def tanh(x: torch.Tensor) -> torch.Tensor:
    return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))


def tanh_via_sigmoid(x: torch.Tensor) -> torch.Tensor:
    return 2 * sigmoid(2 * x) - 1


# --8<-- [end:functions]


# --8<-- [start:derivatives]
def step_derivative(x: torch.Tensor) -> torch.Tensor:
    """0 everywhere; at x = 0 the true derivative does not exist."""
    return torch.zeros_like(x)


def sigmoid_derivative(x: torch.Tensor) -> torch.Tensor:
    s = sigmoid(x)
    return s * (1 - s)


def tanh_derivative(x: torch.Tensor) -> torch.Tensor:
    return 1 - tanh(x) ** 2


# --8<-- [end:derivatives]


# --8<-- [start:numerical]
def numerical_derivative(
    f: Callable[[torch.Tensor], torch.Tensor], x: torch.Tensor, h: float = 1e-3
) -> torch.Tensor:
    """Central difference (f(x + h) - f(x - h)) / 2h."""
    return (f(x + h) - f(x - h)) / (2 * h)


# --8<-- [end:numerical]


# --8<-- [start:stack]
def gradient_through_stack(
    activation: Callable[[torch.Tensor], torch.Tensor], depth: int, x: float = 0.0
) -> float:
    """d/dx of activation(activation(...activation(x))), `depth` times, by autograd."""
    start = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    out = start
    for _ in range(depth):
        out = activation(out)
    out.backward()
    return start.grad.item()


# --8<-- [end:stack]


# --8<-- [start:signs]
def weight_gradient_signs(
    activation: Callable[[torch.Tensor], torch.Tensor], seed: int = 0
) -> torch.Tensor:
    """Signs of dL/dw for a neuron z = w·h whose inputs h come out of `activation`."""
    torch.manual_seed(seed)
    h = activation(torch.randn(8))
    w = torch.randn(8, requires_grad=True)
    loss = -(w @ h)  # dL/dz = -1, so dL/dw = -h
    loss.backward()
    return torch.sign(w.grad)


# --8<-- [end:signs]


SATURATION_POINTS = (0.0, 2.0, 5.0, 10.0)
DEPTH = 10

_GRID = torch.arange(-1000, 1001, dtype=torch.float64) / 100
SIGMOID_DERIVATIVE_MAX = sigmoid_derivative(_GRID).max().item()
SIGMOID_DERIVATIVE_ARGMAX = _GRID[sigmoid_derivative(_GRID).argmax()].item()
TANH_DERIVATIVE_MAX = tanh_derivative(_GRID).max().item()
TANH_DERIVATIVE_ARGMAX = _GRID[tanh_derivative(_GRID).argmax()].item()

SIGMOID_AT_5 = sigmoid(torch.tensor(5.0, dtype=torch.float64)).item()
SIGMOID_DERIVATIVE_AT_5 = sigmoid_derivative(torch.tensor(5.0, dtype=torch.float64)).item()
SIGMOID_DERIVATIVE_AT_5_SHARE_OF_PEAK = SIGMOID_DERIVATIVE_AT_5 / SIGMOID_DERIVATIVE_MAX
TANH_DERIVATIVE_AT_5 = tanh_derivative(torch.tensor(5.0, dtype=torch.float64)).item()
TANH_DERIVATIVE_AT_10 = tanh_derivative(torch.tensor(10.0, dtype=torch.float64)).item()
TANH_DERIVATIVE_AT_10_FLOAT32 = tanh_derivative(torch.tensor(10.0)).item()

SIGMOID_DEPTH_BOUND = SIGMOID_DERIVATIVE_MAX**DEPTH
SIGMOID_STACK_GRADIENT = gradient_through_stack(torch.sigmoid, DEPTH)
TANH_STACK_GRADIENT = gradient_through_stack(torch.tanh, DEPTH)


if __name__ == "__main__":
    # --8<-- [start:demo_agree]
    x = torch.linspace(-6, 6, 121, requires_grad=True)

    print(torch.allclose(sigmoid(x), torch.sigmoid(x), atol=1e-6))  # (1)!
    print(torch.allclose(tanh(x), torch.tanh(x), atol=1e-6))
    print(torch.allclose(tanh_via_sigmoid(x), torch.tanh(x), atol=1e-6))

    (grad_sigmoid,) = torch.autograd.grad(torch.sigmoid(x).sum(), x)  # (2)!
    (grad_tanh,) = torch.autograd.grad(torch.tanh(x).sum(), x)
    print(torch.allclose(sigmoid_derivative(x), grad_sigmoid, atol=1e-6))
    print(torch.allclose(tanh_derivative(x), grad_tanh, atol=1e-6))
    # --8<-- [end:demo_agree]

    # --8<-- [start:demo_step]
    points = torch.tensor([-2.0, -1.0, -0.5, 0.5, 1.0, 2.0])
    print(numerical_derivative(step, points))
    print(numerical_derivative(sigmoid, points))
    print(sigmoid_derivative(points))
    # --8<-- [end:demo_step]

    # --8<-- [start:demo_saturation]
    print("   x   sigmoid'(x)   tanh'(x)")
    for value in (0.0, 2.0, 5.0, 10.0):
        t = torch.tensor(value, dtype=torch.float64)  # (1)!
        print(f"{value:4.0f}   {sigmoid_derivative(t):.3e}   {tanh_derivative(t):.3e}")
    # --8<-- [end:demo_saturation]

    # --8<-- [start:demo_stack]
    print(f"bound 0.25**10:   {0.25**10:.2e}")
    print(f"10 sigmoids at 0: {gradient_through_stack(torch.sigmoid, 10):.2e}")  # (1)!
    print(f"10 tanhs at 0:    {gradient_through_stack(torch.tanh, 10):.2e}")  # (2)!
    # --8<-- [end:demo_stack]

    # --8<-- [start:demo_signs]
    print(weight_gradient_signs(torch.sigmoid))
    print(weight_gradient_signs(torch.tanh))
    # --8<-- [end:demo_signs]

    # --8<-- [start:demo_overflow]
    big = torch.tensor([-100.0, 100.0])
    print(tanh(big), torch.tanh(big))  # (1)!

    big.requires_grad_()
    (grad_mine,) = torch.autograd.grad(sigmoid(big).sum(), big)
    (grad_torch,) = torch.autograd.grad(torch.sigmoid(big).sum(), big)
    print(grad_mine, grad_torch)  # (2)!
    # --8<-- [end:demo_overflow]
