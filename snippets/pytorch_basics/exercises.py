"""Answers to the PyTorch-essentials chapter's exercises, computed."""

from __future__ import annotations

import math

import torch
from torch import nn

from snippets.pytorch_basics.autograd import double_until
from snippets.pytorch_basics.modules import count_parameters

# Exercise 1: uint8 arithmetic and type promotion.
_BYTE = torch.tensor([200], dtype=torch.uint8)
UINT8_TIMES_INT = (_BYTE * 2).item()
UINT8_TIMES_FLOAT = (_BYTE * 2.0).item()
UINT8_TIMES_INT_DTYPE = (_BYTE * 2).dtype
UINT8_TIMES_FLOAT_DTYPE = (_BYTE * 2.0).dtype

# Exercise 2: strides after permute.
_GRID = torch.arange(24).reshape(2, 3, 4)
_PERMUTED = _GRID.permute(2, 0, 1)
PERMUTED_SHAPE = tuple(_PERMUTED.shape)
PERMUTED_STRIDES = _PERMUTED.stride()
PERMUTED_IS_CONTIGUOUS = _PERMUTED.is_contiguous()
PERMUTED_ELEMENT = _PERMUTED[1, 0, 2].item()


# Exercise 3: an in-place update under no_grad, then a write through detach().
def in_place_answer() -> tuple[list[float], bool, bool, bool]:
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    with torch.no_grad():
        w.mul_(3)
    d = w.detach()
    d.add_(1)
    return w.tolist(), w.is_leaf, w.requires_grad, d.requires_grad


# Exercise 4: gradients through double_until(x, 10).
def doubling_answer(x: float) -> tuple[float, float]:
    """Output and gradient of double_until at x."""
    t = torch.tensor(x, requires_grad=True)
    y = double_until(t, 10.0)
    y.backward()
    return y.item(), t.grad.item()


OUTPUT_FROM_0_7, GRADIENT_FROM_0_7 = doubling_answer(0.7)
OUTPUT_FROM_10, GRADIENT_FROM_10 = doubling_answer(10.0)
DOUBLINGS_FROM_0_7 = round(math.log2(GRADIENT_FROM_0_7))


# Exercise 5: backward() on a vector with an upstream gradient.
def vector_backward() -> list[float]:
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    (x**3).backward(torch.tensor([1.0, 0.0, 0.5]))
    return x.grad.tolist()


VECTOR_GRADIENT = vector_backward()
VECTOR_GRADIENT_LAST = VECTOR_GRADIENT[-1]


# Exercise 6: a 784-128-10 network (on the meta device: shapes only, no random numbers drawn).
def mnist_mlp(device: str = "meta") -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(784, 128, device=device), nn.ReLU(), nn.Linear(128, 10, device=device)
    )


_MLP = mnist_mlp()
FIRST_LAYER_PARAMETERS = count_parameters(_MLP[0])
SECOND_LAYER_PARAMETERS = count_parameters(_MLP[2])
MLP_PARAMETERS = count_parameters(_MLP)
SECOND_WEIGHT_SHAPE = tuple(_MLP[2].weight.shape)
STATE_DICT_KEYS = list(_MLP.state_dict())
