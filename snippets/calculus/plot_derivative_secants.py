"""Figure: secant lines through f(x) = x³ turn into the tangent at x = 2 as h shrinks."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.derivatives_gradients import autograd_derivative, cube, difference_quotient

LABELS = {
    "zh": {
        "curve": "f(x) = x³",
        "secant": "割线，h = {h}，斜率 {slope:.2f}",
        "tangent": "切线，斜率 f′(2) = {slope:.0f}",
        "x": "x",
        "y": "f(x)",
    },
    "en": {
        "curve": "f(x) = x³",
        "secant": "secant, h = {h}, slope {slope:.2f}",
        "tangent": "tangent, slope f′(2) = {slope:.0f}",
        "x": "x",
        "y": "f(x)",
    },
}

X0 = 2.0
STEPS = (1.0, 0.5, 0.1)
COLORS = ("#9fa8da", "#5c6bc0", "#283593")


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = torch.linspace(0.8, 3.2, 200, dtype=torch.float64)
    y0 = X0**3
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(x, cube(x), color="black", linewidth=2, label=text["curve"])
    for h, color in zip(STEPS, COLORS, strict=True):
        slope = difference_quotient(cube, X0, h)
        ax.plot(
            x,
            y0 + slope * (x - X0),
            color=color,
            linewidth=1.2,
            label=text["secant"].format(h=h, slope=slope),
        )
        ax.plot([X0 + h], [(X0 + h) ** 3], "o", color=color, markersize=4)
    slope = autograd_derivative(cube, X0)
    ax.plot(
        x,
        y0 + slope * (x - X0),
        color="#e53935",
        linestyle="--",
        linewidth=1.5,
        label=text["tangent"].format(slope=slope),
    )
    ax.plot([X0], [y0], "o", color="black", markersize=5)
    ax.set_ylim(-5, 30)
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.legend(loc="upper left", fontsize=9)
    return fig
