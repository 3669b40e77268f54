"""Evidence for choosing activations: gradients through deep stacks, and saturating outputs."""

from __future__ import annotations

# --8<-- [start:gradients]
from collections.abc import Callable

import torch
from torch import nn


def make_mlp(
    activation: type[nn.Module],
    depth: int = 10,
    width: int = 64,
) -> nn.Sequential:
    """`depth` linear layers with `activation` in between."""
    layers: list[nn.Module] = []
    for _ in range(depth):
        linear = nn.Linear(width, width)
        if activation is nn.ReLU:
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")  # He
        else:
            nn.init.xavier_normal_(linear.weight)  # Glorot
        nn.init.zeros_(linear.bias)
        layers += [linear, activation()]
    return nn.Sequential(*layers[:-1])  # no activation after the last layer


def layer_gradient_norms(net: nn.Sequential, batch: int = 128) -> list[float]:
    """Weight-gradient norm of each linear layer after one backward pass."""
    width = net[0].in_features
    x, target = torch.randn(batch, width), torch.randn(batch, width)
    nn.functional.mse_loss(net(x), target).backward()
    return [m.weight.grad.norm().item() for m in net if isinstance(m, nn.Linear)]


# --8<-- [end:gradients]


# --8<-- [start:softplus]
def softplus(x: torch.Tensor) -> torch.Tensor:
    """log(1 + e^x) as max(x, 0) + log(1 + e^-|x|), so that nothing overflows."""
    positive_part = (x + x.abs()) / 2  # (1)!
    return positive_part + torch.log1p(torch.exp(-x.abs()))


# --8<-- [end:softplus]


# --8<-- [start:bce]
def loss_and_gradient(
    loss_of_logit: Callable[[torch.Tensor], torch.Tensor],
    logit: float,
) -> tuple[float, float]:
    """The loss at one logit and its derivative with respect to that logit."""
    z = torch.tensor([logit], requires_grad=True)
    loss = loss_of_logit(z)
    loss.backward()
    return loss.item(), z.grad.item()


def sigmoid_then_bce(z: torch.Tensor, label: float) -> torch.Tensor:
    return nn.BCELoss()(torch.sigmoid(z), torch.tensor([label]))


def bce_with_logits(z: torch.Tensor, label: float) -> torch.Tensor:
    return nn.BCEWithLogitsLoss()(z, torch.tensor([label]))


# --8<-- [end:bce]


def gradient_norms_for(activation: type[nn.Module], seed: int = 0) -> list[float]:
    torch.manual_seed(seed)
    return layer_gradient_norms(make_mlp(activation))


def first_to_last_ratio(activation: type[nn.Module]) -> float:
    norms = gradient_norms_for(activation)
    return norms[0] / norms[-1]


def shrink_per_layer(activation: type[nn.Module]) -> float:
    """Geometric-mean factor by which the gradient norm changes from one layer to the previous."""
    norms = gradient_norms_for(activation)
    return (norms[0] / norms[-1]) ** (1 / (len(norms) - 1))


def derivative_max(
    fn: Callable[[torch.Tensor], torch.Tensor], lo: float = -6.0, hi: float = 6.0, steps: int = 1201
) -> float:
    """Largest f'(x) on a grid, by autograd."""
    x = torch.linspace(lo, hi, steps, requires_grad=True)
    (grad,) = torch.autograd.grad(fn(x).sum(), x)
    return grad.max().item()


def step(x: torch.Tensor) -> torch.Tensor:
    return torch.heaviside(x, torch.tensor(0.5))


def step_derivative_max(h: float = 1e-3) -> float:
    """Largest central difference of the step function on a grid that avoids the jump at 0."""
    x = torch.linspace(-6.0, 6.0, 1200)
    return ((step(x + h) - step(x - h)) / (2 * h)).abs().max().item()


# Quoted in the chapter's summary table and on the choosing page.
STEP_DERIVATIVE_MAX = step_derivative_max()
SIGMOID_DERIVATIVE_MAX = derivative_max(torch.sigmoid)
TANH_DERIVATIVE_MAX = derivative_max(torch.tanh)
RELU_DERIVATIVE_MAX = derivative_max(torch.relu)
LEAKY_RELU_DERIVATIVE_MAX = derivative_max(nn.functional.leaky_relu)
ELU_DERIVATIVE_MAX = derivative_max(nn.functional.elu)

SIGMOID_SHRINK_PER_LAYER = shrink_per_layer(nn.Sigmoid)
TANH_SHRINK_PER_LAYER = shrink_per_layer(nn.Tanh)
RELU_SHRINK_PER_LAYER = shrink_per_layer(nn.ReLU)
LINEAR_SHRINK_PER_LAYER = shrink_per_layer(nn.Identity)  # same layers, no activation
SATURATED_BCE_LOSS, SATURATED_BCE_GRADIENT = loss_and_gradient(
    lambda z: sigmoid_then_bce(z, 0.0), 20.0
)
FUSED_BCE_LOSS, FUSED_BCE_GRADIENT = loss_and_gradient(lambda z: bce_with_logits(z, 0.0), 20.0)


def bce_gradient_at_probability(logit: float, label: float) -> float:
    """d BCELoss / d p at p = sigmoid(logit): the factor before sigmoid's backward."""
    p = torch.sigmoid(torch.tensor([logit])).requires_grad_(True)
    nn.BCELoss()(p, torch.tensor([label])).backward()
    return p.grad.item()


def sigmoid_local_gradient(logit: float) -> float:
    """sigma(z)(1 - sigma(z)) in float32: 0 once sigma(z) rounds to 1."""
    s = torch.sigmoid(torch.tensor(logit))
    return (s * (1 - s)).item()


def softplus_gradient(x: float) -> float:
    point = torch.tensor(x, requires_grad=True)
    softplus(point).backward()
    return point.grad.item()


SOFTPLUS_GRADIENT_AT_0 = softplus_gradient(0.0)
SATURATED_BCE_PROBABILITY_GRADIENT = bce_gradient_at_probability(20.0, 0.0)
SIGMOID_LOCAL_GRADIENT_AT_20 = sigmoid_local_gradient(20.0)
MULTI_LABEL_PROBABILITY_SUM = torch.sigmoid(torch.tensor([2.0, 1.0, -1.0])).sum().item()


if __name__ == "__main__":
    # --8<-- [start:gradients_demo]
    for activation in (nn.Sigmoid, nn.Tanh, nn.ReLU):
        torch.manual_seed(0)
        norms = layer_gradient_norms(make_mlp(activation))
        ratio = norms[0] / norms[-1]
        print(f"{activation.__name__:8} first layer / last layer = {ratio:.1e}")
    # --8<-- [end:gradients_demo]

    # --8<-- [start:softplus_demo]
    print(softplus(torch.tensor([-5.0, 0.0, 5.0])))
    # --8<-- [end:softplus_demo]

    # --8<-- [start:bce_demo]
    print(loss_and_gradient(lambda z: sigmoid_then_bce(z, 0.0), 20.0))  # (1)!
    print(loss_and_gradient(lambda z: bce_with_logits(z, 0.0), 20.0))  # (2)!
    # --8<-- [end:bce_demo]

    # --8<-- [start:multi_label]
    label_logits = torch.tensor([2.0, 1.0, -1.0])
    print(torch.sigmoid(label_logits))  # (1)!
    print(torch.softmax(label_logits, dim=-1))  # (2)!
    # --8<-- [end:multi_label]
