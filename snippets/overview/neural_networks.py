"""A neuron, a fully connected layer, linearity checked, and what stacking linear layers gives."""

from __future__ import annotations

# --8<-- [start:neuron]
import torch
from torch import nn


def neuron(x: torch.Tensor, w: torch.Tensor, b: float) -> torch.Tensor:
    """One artificial neuron: a weighted sum plus a bias, passed through an activation."""
    return torch.sigmoid(w @ x + b)


# --8<-- [end:neuron]


# --8<-- [start:linearity]
def is_additive(f, x: torch.Tensor, y: torch.Tensor) -> bool:
    """f(x + y) == f(x) + f(y)."""
    return torch.allclose(f(x + y), f(x) + f(y), atol=1e-6)


def is_homogeneous(f, x: torch.Tensor, a: float) -> bool:
    """f(a x) == a f(x)."""
    return torch.allclose(f(a * x), a * f(x), atol=1e-6)


# --8<-- [end:linearity]


# --8<-- [start:count]
def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def linear_layer_parameters(n_in: int, n_out: int) -> int:
    """A weight matrix of n_out x n_in plus n_out biases."""
    return n_in * n_out + n_out


# --8<-- [end:count]


def neuron_example() -> float:
    x = torch.tensor([1.0, 0.5, -1.0])
    w = torch.tensor([0.4, -0.2, 0.1])
    return neuron(x, w, 0.2).item()


NEURON_Z = 0.4 * 1.0 - 0.2 * 0.5 + 0.1 * -1.0 + 0.2
NEURON_OUTPUT = neuron_example()
MNIST_MLP_PARAMETERS = linear_layer_parameters(784, 256) + linear_layer_parameters(256, 10)
MNIST_FIRST_LAYER = linear_layer_parameters(784, 256)


def mnist_mlp() -> nn.Sequential:
    return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))


if __name__ == "__main__":
    # --8<-- [start:neuron_demo]
    x = torch.tensor([1.0, 0.5, -1.0])
    w = torch.tensor([0.4, -0.2, 0.1])
    print(neuron(x, w, b=0.2))
    # --8<-- [end:neuron_demo]

    # --8<-- [start:layer_demo]
    torch.manual_seed(0)
    layer = nn.Linear(3, 2)  # (1)!
    X = torch.randn(4, 3)  # a batch of 4 inputs
    by_hand = X @ layer.weight.T + layer.bias  # (2)!
    print(layer.weight.shape, layer.bias.shape)
    print(torch.allclose(layer(X), by_hand))
    # --8<-- [end:layer_demo]

    # --8<-- [start:linearity_demo]
    torch.manual_seed(0)
    x, y = torch.tensor([1.0, -2.0, 3.0]), torch.tensor([-1.0, 1.0, -1.0])
    no_bias = nn.Linear(3, 2, bias=False)
    with_bias = nn.Linear(3, 2)
    for name, f in [("Linear(bias=False)", no_bias), ("Linear", with_bias), ("ReLU", torch.relu)]:
        checks = [is_additive(f, x, y), is_homogeneous(f, x, 2.0), is_homogeneous(f, x, -1.0)]
        print(f"{name:18s}", *checks)
    # --8<-- [end:linearity_demo]

    # --8<-- [start:stack_demo]
    torch.manual_seed(0)
    first, second = nn.Linear(3, 4, bias=False), nn.Linear(4, 2, bias=False)
    stacked = nn.Sequential(first, second)  # two layers, nothing in between
    W = second.weight @ first.weight  # (1)!
    X = torch.randn(5, 3)
    print(W.shape)
    print(torch.allclose(stacked(X), X @ W.T, atol=1e-6))
    print(is_additive(stacked, x, y), is_homogeneous(stacked, x, -3.0))
    # --8<-- [end:stack_demo]

    # --8<-- [start:count_demo]
    model = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    by_formula = linear_layer_parameters(784, 256) + linear_layer_parameters(256, 10)
    print(count_parameters(model), by_formula)
    # --8<-- [end:count_demo]
