"""ReLU, Leaky ReLU and ELU: the functions, their derivatives and the dying-ReLU problem."""

from __future__ import annotations

from collections.abc import Callable

# --8<-- [start:functions]
import torch
import torch.nn.functional as F
from torch import nn


def relu(x: torch.Tensor) -> torch.Tensor:
    return torch.where(x > 0, x, torch.zeros_like(x))


def leaky_relu(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    return torch.where(x > 0, x, negative_slope * x)


def elu(x: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    return torch.where(x > 0, x, alpha * torch.expm1(x.clamp(max=0)))  # (1)!


# --8<-- [end:functions]


# --8<-- [start:derivatives]
def relu_derivative(x: torch.Tensor) -> torch.Tensor:
    return (x > 0).to(x.dtype)


def leaky_relu_derivative(x: torch.Tensor, negative_slope: float = 0.01) -> torch.Tensor:
    return torch.where(x > 0, 1.0, negative_slope).to(x.dtype)


def elu_derivative(x: torch.Tensor, alpha: float = 1.0) -> torch.Tensor:
    return torch.where(x > 0, torch.ones_like(x), alpha * torch.exp(x.clamp(max=0)))


# --8<-- [end:derivatives]


# --8<-- [start:dying]
def neuron_and_inputs(bias: float, seed: int = 0) -> tuple[nn.Linear, torch.Tensor]:
    """A neuron with 3 inputs and the given bias, and 1000 standard-normal inputs for it."""
    torch.manual_seed(seed)
    neuron = nn.Linear(3, 1)
    with torch.no_grad():
        neuron.bias.fill_(bias)
    return neuron, torch.randn(1000, 3)


# --8<-- [end:dying]


def bias_gradient(activation: Callable[[torch.Tensor], torch.Tensor], bias: float) -> float:
    """d mean(activation(neuron(inputs))) / d bias."""
    neuron, inputs = neuron_and_inputs(bias)
    activation(neuron(inputs)).mean().backward()
    return neuron.bias.grad.item()


def largest_pre_activation(bias: float) -> float:
    neuron, inputs = neuron_and_inputs(bias)
    with torch.no_grad():
        return neuron(inputs).max().item()


def autograd_derivative_at_zero(function: Callable[[torch.Tensor], torch.Tensor]) -> float:
    zero = torch.tensor(0.0, requires_grad=True)
    (grad,) = torch.autograd.grad(function(zero), zero)
    return grad.item()


LEAKY_RELU_DEFAULT_SLOPE = nn.LeakyReLU().negative_slope
ELU_DEFAULT_ALPHA = nn.ELU().alpha

RELU_GRADIENT_AT_ZERO = autograd_derivative_at_zero(torch.relu)
CLAMP_GRADIENT_AT_ZERO = autograd_derivative_at_zero(lambda t: t.clamp(min=0))
MAXIMUM_GRADIENT_AT_ZERO = autograd_derivative_at_zero(
    lambda t: torch.maximum(t, torch.zeros_like(t))
)
LEAKY_RELU_GRADIENT_AT_ZERO = autograd_derivative_at_zero(F.leaky_relu)
ELU_GRADIENT_AT_ZERO = autograd_derivative_at_zero(F.elu)
ELU_ALPHA_2_GRADIENT_AT_ZERO = autograd_derivative_at_zero(lambda t: F.elu(t, alpha=2.0))

ELU_AT_MINUS_5 = F.elu(torch.tensor(-5.0, dtype=torch.float64)).item()
ELU_AT_MINUS_10 = F.elu(torch.tensor(-10.0, dtype=torch.float64)).item()
ELU_DERIVATIVE_AT_MINUS_10 = elu_derivative(torch.tensor(-10.0, dtype=torch.float64)).item()

DEAD_BIAS = -10.0
DEAD_LARGEST_PRE_ACTIVATION = largest_pre_activation(DEAD_BIAS)
RELU_BIAS_GRADIENT = bias_gradient(torch.relu, DEAD_BIAS)
LEAKY_BIAS_GRADIENT = bias_gradient(F.leaky_relu, DEAD_BIAS)
HEALTHY_RELU_BIAS_GRADIENT = bias_gradient(torch.relu, 0.0)


if __name__ == "__main__":
    # --8<-- [start:demo_agree]
    x = (torch.arange(-30, 31) / 10).requires_grad_()  # (1)!

    print(torch.allclose(relu(x), nn.ReLU()(x)))
    print(torch.allclose(leaky_relu(x), nn.LeakyReLU()(x)))
    print(torch.allclose(elu(x), nn.ELU()(x)))
    print(torch.allclose(elu(x, alpha=0.5), F.elu(x, alpha=0.5)))

    for module, derivative in [
        (nn.ReLU(), relu_derivative),
        (nn.LeakyReLU(), leaky_relu_derivative),
        (nn.ELU(), elu_derivative),
    ]:
        (grad,) = torch.autograd.grad(module(x).sum(), x)  # (2)!
        print(type(module).__name__, torch.allclose(grad, derivative(x)))
    # --8<-- [end:demo_agree]

    # --8<-- [start:demo_zero]
    zero = torch.tensor(0.0, requires_grad=True)
    for name, function in [
        ("torch.relu", torch.relu),
        ("clamp(min=0)", lambda t: t.clamp(min=0)),
        ("maximum(t, 0)", lambda t: torch.maximum(t, torch.zeros_like(t))),
    ]:
        (grad,) = torch.autograd.grad(function(zero), zero)
        print(f"{name:14} {grad.item()}")
    # --8<-- [end:demo_zero]

    # --8<-- [start:demo_saturation]
    print("   x   relu'  leaky'    elu(x)    elu'(x)")
    for value in (-10.0, -5.0, -2.0, 2.0, 5.0, 10.0):
        t = torch.tensor(value)
        print(
            f"{value:4.0f}   {relu_derivative(t):4.0f}   {leaky_relu_derivative(t):5.2f}"
            f"   {elu(t):7.4f}   {elu_derivative(t):.2e}"
        )
    # --8<-- [end:demo_saturation]

    # --8<-- [start:demo_dying]
    neuron, inputs = neuron_and_inputs(bias=-10.0)
    pre_activation = neuron(inputs)
    print(pre_activation.max().item() < 0)  # (1)!

    torch.relu(pre_activation).mean().backward()
    print(neuron.weight.grad, neuron.bias.grad)  # (2)!

    before = neuron.weight.detach().clone()
    torch.optim.SGD(neuron.parameters(), lr=0.1).step()
    print(torch.equal(neuron.weight, before))  # (3)!

    neuron, inputs = neuron_and_inputs(bias=-10.0)
    F.leaky_relu(neuron(inputs)).mean().backward()
    print(neuron.bias.grad)  # (4)!
    # --8<-- [end:demo_dying]

    # --8<-- [start:demo_where_nan]
    big = torch.tensor([200.0], requires_grad=True)
    naive = torch.where(big > 0, big, torch.exp(big) - 1)  # (1)!
    (grad_naive,) = torch.autograd.grad(naive.sum(), big)
    (grad_clamped,) = torch.autograd.grad(elu(big).sum(), big)
    print(grad_naive, grad_clamped)
    # --8<-- [end:demo_where_nan]
