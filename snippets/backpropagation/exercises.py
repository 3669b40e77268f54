"""Answers to the chapter's exercises, computed."""

from __future__ import annotations

import math

import torch

from snippets.backpropagation.computational_graph import xy_plus_x_squared
from snippets.backpropagation.worked_example import WEIGHTS, forward

# 1. f(x, y) = x y + x^2 at x = -1, y = 4: the two paths of x.
_PATHS = xy_plus_x_squared(-1.0, 4.0)
PATHS_VIA_PRODUCT = _PATHS["df/dx via a"]
PATHS_VIA_SQUARE = _PATHS["df/dx via b"]
PATHS_DF_DX = _PATHS["df/dx"]
PATHS_DF_DY = _PATHS["df/dy"]

# 2. The 2-2-2 network with the target of o1 changed from 0.01 to 0.5.
NEW_TARGET_O1 = 0.5


def w5_gradient_with_target(target: float) -> float:
    """(out_o1 - t) * out_o1 (1 - out_o1) * out_h1: the forward pass does not depend on t."""
    v = forward(WEIGHTS)
    return (v["out_o1"] - target) * v["out_o1"] * (1 - v["out_o1"]) * v["out_h1"]


W5_FIRST_FACTOR = forward(WEIGHTS)["out_o1"] - NEW_TARGET_O1
W5_GRADIENT_NEW_TARGET = w5_gradient_with_target(NEW_TARGET_O1)
W5_UPDATED_NEW_TARGET = WEIGHTS["w5"] - 0.5 * W5_GRADIENT_NEW_TARGET

# 3. One sigmoid neuron, w = (1, -1), b = 0, x = (2, 2), target 0, learning rate 1.
NEURON_W = (1.0, -1.0)
NEURON_X = (2.0, 2.0)
NEURON_TARGET = 0.0


def neuron_step() -> dict[str, float]:
    z = sum(w * x for w, x in zip(NEURON_W, NEURON_X, strict=True))
    out = 1 / (1 + math.exp(-z))
    delta = (out - NEURON_TARGET) * out * (1 - out)
    grad_w = [delta * x for x in NEURON_X]
    return {
        "out": out,
        "delta": delta,
        "grad_w1": grad_w[0],
        "grad_w2": grad_w[1],
        "w1_new": NEURON_W[0] - grad_w[0],
        "w2_new": NEURON_W[1] - grad_w[1],
        "b_new": -delta,
    }


_NEURON = neuron_step()
NEURON_DELTA = _NEURON["delta"]
NEURON_GRAD_W1 = _NEURON["grad_w1"]
NEURON_W1_NEW = _NEURON["w1_new"]
NEURON_W2_NEW = _NEURON["w2_new"]
NEURON_B_NEW = _NEURON["b_new"]


# 4. Predict: two backward() calls on y = x * x + x at x = 3.
def accumulated_grad() -> float:
    x = torch.tensor(3.0, requires_grad=True)
    for _ in range(2):
        y = x * x + x
        y.backward()
    return x.grad.item()


ONE_BACKWARD_GRAD = 2 * 3.0 + 1
ACCUMULATED_GRAD = accumulated_grad()

# 5. A chain of ten sigmoids h_l = sigmoid(h_(l-1)), starting at h_0 = 0.
CHAIN_LAYERS = 10
SIGMOID_CHAIN_BOUND = 0.25**CHAIN_LAYERS


def sigmoid_chain_gradient(layers: int = CHAIN_LAYERS, h0: float = 0.0) -> float:
    """d h_L / d h_0 as the product of sigma'(h_(l-1)) = h_l (1 - h_l)."""
    h, product = h0, 1.0
    for _ in range(layers):
        h = 1 / (1 + math.exp(-h))
        product *= h * (1 - h)
    return product


SIGMOID_CHAIN_GRADIENT = sigmoid_chain_gradient()
SIGMOID_CHAIN_SHORTFALL = SIGMOID_CHAIN_BOUND / SIGMOID_CHAIN_GRADIENT

# 6. Clipping two gradients, (3, 4) and (12,), to a total norm of 6.5.
CLIP_GRADS = ([3.0, 4.0], [12.0])
CLIP_MAX_NORM = 6.5
CLIP_TOTAL_NORM = math.sqrt(sum(g * g for grad in CLIP_GRADS for g in grad))
CLIP_SCALE = min(1.0, CLIP_MAX_NORM / CLIP_TOTAL_NORM)
CLIPPED = [[g * CLIP_SCALE for g in grad] for grad in CLIP_GRADS]
CLIPPED_FIRST = CLIPPED[0][0]
CLIPPED_SECOND = CLIPPED[0][1]
CLIPPED_THIRD = CLIPPED[1][0]
