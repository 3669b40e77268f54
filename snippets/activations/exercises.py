"""Answers to the activation-function chapter's exercises, computed."""

from __future__ import annotations

import math

import torch
from torch import nn

from snippets.activations.choosing import bce_with_logits, loss_and_gradient
from snippets.activations.relu_family import elu, elu_derivative
from snippets.activations.sigmoid_tanh import (
    SIGMOID_DERIVATIVE_MAX,
    gradient_through_stack,
    sigmoid,
    sigmoid_derivative,
    tanh_derivative,
)
from snippets.activations.softmax import softmax, softmax_with_temperature
from snippets.activations.why_nonlinearity import merge_linear_layers

# Exercise 1: sigmoid and tanh at x = ln 3 and x = ln(3) / 2.
LN3 = torch.tensor(math.log(3), dtype=torch.float64)
SIGMOID_AT_LN3 = sigmoid(LN3).item()
SIGMOID_DERIVATIVE_AT_LN3 = sigmoid_derivative(LN3).item()
TANH_DERIVATIVE_AT_HALF_LN3 = tanh_derivative(LN3 / 2).item()


# Exercise 2: the depth at which the bound 0.25**n falls below one thousandth.
def depth_for_bound(target: float, factor: float = SIGMOID_DERIVATIVE_MAX) -> int:
    depth = 1
    while factor**depth >= target:
        depth += 1
    return depth


DEPTH_FOR_THOUSANDTH = depth_for_bound(1e-3)
BOUND_AT_THAT_DEPTH = SIGMOID_DERIVATIVE_MAX**DEPTH_FOR_THOUSANDTH
BOUND_ONE_LAYER_LESS = SIGMOID_DERIVATIVE_MAX ** (DEPTH_FOR_THOUSANDTH - 1)
STACK_GRADIENT_AT_THAT_DEPTH = gradient_through_stack(torch.sigmoid, DEPTH_FOR_THOUSANDTH)

# Exercise 3: softmax of (0, ln 2, ln 3), at T = 1 and at T = 1/2.
LOGITS = torch.tensor([0.0, math.log(2), math.log(3)], dtype=torch.float64)
PROBABILITIES = softmax(LOGITS).tolist()
P_LAST = PROBABILITIES[-1]
P_LAST_SHIFTED = softmax(LOGITS + 100).tolist()[-1]
P_LAST_AT_HALF = softmax_with_temperature(LOGITS, 0.5).tolist()[-1]


# Exercise 4: gradients of leaky_relu (slope 0.1) and elu at -2, 0 and 3 (the printed answer).
def predicted_gradients() -> tuple[list[float], list[float]]:
    x = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
    nn.functional.leaky_relu(x, negative_slope=0.1).sum().backward()
    y = torch.tensor([-2.0, 0.0, 3.0], requires_grad=True)
    nn.functional.elu(y).sum().backward()
    return x.grad.tolist(), y.grad.tolist()


ELU_DERIVATIVE_AT_MINUS_2 = elu_derivative(torch.tensor(-2.0, dtype=torch.float64)).item()
ELU_AT_MINUS_2 = elu(torch.tensor(-2.0, dtype=torch.float64)).item()


# Exercise 5: two linear layers merged into one, with and without a ReLU in between.
def two_layers() -> tuple[nn.Linear, nn.Linear]:
    with torch.random.fork_rng():  # the values are set below; keep the global generator
        first, second = nn.Linear(2, 2), nn.Linear(2, 1)
    with torch.no_grad():
        first.weight.copy_(torch.tensor([[1.0, 2.0], [0.0, 1.0]]))
        first.bias.copy_(torch.tensor([1.0, -1.0]))
        second.weight.copy_(torch.tensor([[2.0, -1.0]]))
        second.bias.copy_(torch.tensor([0.5]))
    return first, second


def merged_answers() -> dict[str, float]:
    first, second = two_layers()
    with torch.random.fork_rng():
        merged = merge_linear_layers(first, second)
    x = torch.tensor([-4.0, 1.0])
    with torch.no_grad():
        return {
            "w1": merged.weight[0, 0].item(),
            "w2": merged.weight[0, 1].item(),
            "b": merged.bias[0].item(),
            "linear": merged(x).item(),
            "relu": second(torch.relu(first(x))).item(),
        }


_MERGED = merged_answers()
MERGED_W1 = _MERGED["w1"]
MERGED_W2 = _MERGED["w2"]
MERGED_BIAS = _MERGED["b"]
MERGED_OUTPUT = _MERGED["linear"]
RELU_OUTPUT = _MERGED["relu"]

# Exercise 6: binary cross-entropy from the logit -3 with label 1.
BCE_LOSS, BCE_GRADIENT = loss_and_gradient(lambda z: bce_with_logits(z, 1.0), -3.0)
