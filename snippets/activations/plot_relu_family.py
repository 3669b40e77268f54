"""Figure: ReLU, Leaky ReLU and ELU, each with its derivative."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.activations.relu_family import (
    elu,
    elu_derivative,
    leaky_relu,
    leaky_relu_derivative,
    relu,
    relu_derivative,
)

FIGURE_NEGATIVE_SLOPE = 0.1  # ten times PyTorch's default, so that the slope is visible

LABELS = {
    "zh": {"function": "函数", "derivative": "导数", "x": "输入 x"},
    "en": {"function": "function", "derivative": "derivative", "x": "input x"},
}
FUNCTION_COLOR = "#3f51b5"
DERIVATIVE_COLOR = "#e65100"


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = torch.linspace(-4, 3, 701, dtype=torch.float64)
    left, right = x[x <= 0], x[x > 0]
    slope = FIGURE_NEGATIVE_SLOPE
    panels = [
        ("ReLU", relu, relu_derivative),
        (
            f"Leaky ReLU (negative_slope={slope})",
            lambda t: leaky_relu(t, slope),
            lambda t: leaky_relu_derivative(t, slope),
        ),
        ("ELU (alpha=1.0)", elu, elu_derivative),
    ]
    fig = Figure(figsize=(8.4, 3.0), layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)
    for ax, (title, function, derivative) in zip(axes, panels, strict=True):
        ax.plot(x, function(x), color=FUNCTION_COLOR, label=text["function"])
        for part in (left, right):  # two pieces, so a jump is not drawn as a vertical line
            ax.plot(part, derivative(part), "--", color=DERIVATIVE_COLOR, label=text["derivative"])
        ax.axhline(0, color="0.5", lw=0.6)
        ax.set_title(title, fontsize=10)
        ax.set_xlabel(text["x"])
    axes[0].set_ylim(-1.3, 2.3)
    handles, labels = axes[0].get_legend_handles_labels()
    axes[0].legend(handles[:2], labels[:2], loc="upper left", fontsize=9)
    return fig
