"""Answers to the chapter's exercises, computed."""

from __future__ import annotations

import torch
from torch import nn

from snippets.overview.history import count_parameters
from snippets.overview.ml_vs_dl import edge_for_share
from snippets.overview.neural_networks import linear_layer_parameters

MLP_100_50_10 = linear_layer_parameters(100, 50) + linear_layer_parameters(50, 10)
EDGE_10PCT_20D = edge_for_share(0.1, 20)

W1 = torch.tensor([[1.0, 2.0], [0.0, 1.0], [-1.0, 0.0]])
W2 = torch.tensor([[1.0, -1.0, 2.0]])


def merged_weight() -> list[list[float]]:
    """The single matrix equal to W2 (W1 x): W2 @ W1."""
    return (W2 @ W1).tolist()


def merged_weight_first() -> float:
    return merged_weight()[0][0]


def merged_weight_second() -> float:
    return merged_weight()[0][1]


def lenet_on_28() -> nn.Sequential:
    """LeNet-5 without padding on 28 x 28 inputs: 16 x 4 x 4 features reach the first Linear."""
    return nn.Sequential(
        nn.Conv2d(1, 6, 5),
        nn.Tanh(),
        nn.AvgPool2d(2),
        nn.Conv2d(6, 16, 5),
        nn.Tanh(),
        nn.AvgPool2d(2),
        nn.Flatten(),
        nn.Linear(16 * 4 * 4, 120),
        nn.Tanh(),
        nn.Linear(120, 84),
        nn.Tanh(),
        nn.Linear(84, 10),
    )


LENET_28_FLAT = 16 * 4 * 4
LENET_28_FIRST_LINEAR = linear_layer_parameters(16 * 4 * 4, 120)
LENET_28_TOTAL = count_parameters(lenet_on_28())


def homogeneity_prints() -> tuple[bool, bool]:
    """What the exercise's code prints: (with bias, without bias)."""
    torch.manual_seed(0)
    x = torch.randn(3)
    f = nn.Linear(3, 2)
    g = nn.Linear(3, 2, bias=False)
    return torch.allclose(f(2 * x), 2 * f(x)), torch.allclose(g(2 * x), 2 * g(x))
