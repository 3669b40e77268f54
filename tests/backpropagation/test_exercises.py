import math

import pytest
import torch

from snippets.backpropagation import exercises as ex
from snippets.backpropagation.worked_example import BIASES, INPUTS, WEIGHTS


def test_two_paths_of_x_against_autograd():
    x = torch.tensor(-1.0, dtype=torch.float64, requires_grad=True)
    y = torch.tensor(4.0, dtype=torch.float64, requires_grad=True)
    (x * y + x**2).backward()
    assert (ex.PATHS_VIA_PRODUCT, ex.PATHS_VIA_SQUARE) == (4.0, -2.0)
    assert ex.PATHS_DF_DX == x.grad.item() == 2.0
    assert ex.PATHS_DF_DY == y.grad.item() == -1.0


def test_w5_gradient_with_another_target_against_autograd():
    p = {
        name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
        for name, value in WEIGHTS.items()
    }
    i1, i2, b1, b2 = INPUTS["i1"], INPUTS["i2"], BIASES["b1"], BIASES["b2"]
    h1 = torch.sigmoid(p["w1"] * i1 + p["w2"] * i2 + b1)
    h2 = torch.sigmoid(p["w3"] * i1 + p["w4"] * i2 + b1)
    o1 = torch.sigmoid(p["w5"] * h1 + p["w6"] * h2 + b2)
    o2 = torch.sigmoid(p["w7"] * h1 + p["w8"] * h2 + b2)
    (0.5 * (ex.NEW_TARGET_O1 - o1) ** 2 + 0.5 * (0.99 - o2) ** 2).backward()
    assert ex.W5_GRADIENT_NEW_TARGET == pytest.approx(p["w5"].grad.item(), rel=1e-12)
    assert ex.W5_UPDATED_NEW_TARGET == pytest.approx(0.4 - 0.5 * p["w5"].grad.item(), rel=1e-12)
    # Only the first factor changed: the gradient scales with out_o1 - t.
    original = ex.w5_gradient_with_target(0.01)
    assert ex.W5_GRADIENT_NEW_TARGET / original == pytest.approx(
        ex.W5_FIRST_FACTOR / (ex.W5_FIRST_FACTOR + 0.49), rel=1e-12
    )


def test_neuron_step_against_autograd_and_sgd():
    w = torch.tensor(ex.NEURON_W, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    x = torch.tensor(ex.NEURON_X)
    opt = torch.optim.SGD([w, b], lr=1.0)
    out = torch.sigmoid(w @ x + b)
    (0.5 * (out - ex.NEURON_TARGET) ** 2).backward()
    assert b.grad.item() == ex.NEURON_DELTA == 0.125
    assert w.grad.tolist() == [ex.NEURON_GRAD_W1, ex.NEURON_GRAD_W1]
    opt.step()
    assert w.tolist() == [ex.NEURON_W1_NEW, ex.NEURON_W2_NEW] == [0.75, -1.25]
    assert b.item() == ex.NEURON_B_NEW


def test_grad_accumulates_over_two_backward_calls():
    assert ex.ACCUMULATED_GRAD == 2 * ex.ONE_BACKWARD_GRAD == 14.0


def test_sigmoid_chain_gradient_against_autograd_and_the_bound():
    h0 = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    h = h0
    for _ in range(ex.CHAIN_LAYERS):
        h = torch.sigmoid(h)
    (grad,) = torch.autograd.grad(h, h0)
    assert ex.SIGMOID_CHAIN_GRADIENT == pytest.approx(grad.item(), rel=1e-12)
    assert ex.SIGMOID_CHAIN_GRADIENT < ex.SIGMOID_CHAIN_BOUND == 2.0**-20
    # The bound holds at every starting point, and is reached at none.
    for start in torch.linspace(-5, 5, 41, dtype=torch.float64):
        assert 0 < ex.sigmoid_chain_gradient(h0=start.item()) < ex.SIGMOID_CHAIN_BOUND


def test_clipping_against_clip_grad_norm():
    params = [torch.zeros(2, requires_grad=True), torch.zeros(1, requires_grad=True)]
    for p, g in zip(params, ex.CLIP_GRADS, strict=True):
        p.grad = torch.tensor(g)
    total = torch.nn.utils.clip_grad_norm_(params, ex.CLIP_MAX_NORM)
    assert total.item() == pytest.approx(ex.CLIP_TOTAL_NORM) and ex.CLIP_TOTAL_NORM == 13.0
    for p, clipped in zip(params, ex.CLIPPED, strict=True):
        torch.testing.assert_close(p.grad, torch.tensor(clipped))
    assert math.hypot(*ex.CLIPPED[0], *ex.CLIPPED[1]) == pytest.approx(ex.CLIP_MAX_NORM)
