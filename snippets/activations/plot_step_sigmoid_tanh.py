"""Figure: step, sigmoid and tanh, each with its derivative."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.activations.sigmoid_tanh import (
    sigmoid,
    sigmoid_derivative,
    step,
    step_derivative,
    tanh_derivative,
)

LABELS = {
    "zh": {"function": "函数", "derivative": "导数", "x": "输入 x", "step": "阶跃函数"},
    "en": {"function": "function", "derivative": "derivative", "x": "input x", "step": "step"},
}
FUNCTION_COLOR = "#3f51b5"
DERIVATIVE_COLOR = "#e65100"


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = torch.linspace(-6, 6, 601, dtype=torch.float64)
    left, right = x[x < 0], x[x >= 0]
    panels = [
        (text["step"], None, step_derivative),
        ("sigmoid", sigmoid, sigmoid_derivative),
        ("tanh", torch.tanh, tanh_derivative),
    ]
    fig = Figure(figsize=(8.4, 3.0))
    axes = fig.subplots(1, 3, sharey=True)
    for ax, (title, function, derivative) in zip(axes, panels, strict=True):
        if function is None:  # draw the jump of the step without a vertical line
            ax.plot(left, step(left), color=FUNCTION_COLOR, label=text["function"])
            ax.plot(right, step(right), color=FUNCTION_COLOR)
            ax.plot([0, 0], [0, 1], "o", color=FUNCTION_COLOR, mfc="white", ms=5)
            ax.plot([0], [1], "o", color=FUNCTION_COLOR, ms=5)
        else:
            ax.plot(x, function(x), color=FUNCTION_COLOR, label=text["function"])
        ax.plot(x, derivative(x), "--", color=DERIVATIVE_COLOR, label=text["derivative"])
        ax.axhline(0, color="0.5", lw=0.6)
        ax.set_title(title)
        ax.set_xlabel(text["x"])
    axes[0].set_ylim(-1.15, 1.15)
    axes[0].legend(loc="upper left", fontsize=9)
    return fig
