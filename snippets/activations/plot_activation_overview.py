"""Figure: the chapter's element-wise activations and their derivatives, side by side."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure
from torch import nn

LABELS = {
    "zh": {"function": "函数", "derivative": "导数", "step": "阶跃函数"},
    "en": {"function": "function", "derivative": "derivative", "step": "step"},
}

LEAKY_SLOPE = 0.1  # larger than the default 0.01 so the slope is visible


def step(x: torch.Tensor) -> torch.Tensor:
    return torch.heaviside(x, torch.tensor(0.5))


def with_derivative(fn, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    x = x.clone().requires_grad_(True)
    y = fn(x)
    (grad,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), grad


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = torch.linspace(-4, 4, 801)
    panels = [
        ("Sigmoid", torch.sigmoid),
        ("Tanh", torch.tanh),
        ("ReLU", torch.relu),
        (f"Leaky ReLU ({LEAKY_SLOPE})", lambda t: nn.functional.leaky_relu(t, LEAKY_SLOPE)),
        ("ELU", nn.functional.elu),
    ]
    fig = Figure(figsize=(7.2, 4.4), layout="constrained")
    axes = fig.subplots(2, 3, sharex=True, sharey=True).ravel()
    # The step function has no autograd derivative: it is 0 everywhere except at the jump.
    curves = [(text["step"], step(x), torch.zeros_like(x))]
    curves += [(name, *with_derivative(fn, x)) for name, fn in panels]
    for ax, (name, y, dy) in zip(axes, curves, strict=True):
        ax.plot(x, y, color="#3f51b5", label=text["function"])
        ax.plot(x, dy, color="#e65100", linestyle="--", label=text["derivative"])
        ax.set_title(name)
        ax.set_ylim(-1.6, 2.6)
    axes[0].legend(loc="upper left", fontsize=9)
    return fig
