"""Figure: the MSE of y_hat = w x over a grid of w, lowest at w = 2."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.gradient_descent import GRID, loss_on_grid

LABELS = {
    "zh": {
        "title": "逐个试 w：网格上的均方误差",
        "w": "权重 w",
        "loss": "损失 L(w)",
        "curve": "L(w)",
        "grid": "网格上的 61 个点",
        "best": "最小值 w = 2",
    },
    "en": {
        "title": "Trying every w: the MSE on a grid",
        "w": "weight w",
        "loss": "loss L(w)",
        "curve": "L(w)",
        "grid": "61 grid points",
        "best": "minimum at w = 2",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fine = torch.linspace(-1, 5, 301, dtype=torch.float64)
    losses = loss_on_grid(GRID)
    best = losses.argmin()
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    ax = fig.subplots()
    ax.plot(fine, loss_on_grid(fine), color="#3f51b5", label=text["curve"])
    ax.plot(GRID, losses, "o", color="#9fa8da", ms=3, label=text["grid"])
    ax.plot(GRID[best], losses[best], "*", color="#e65100", ms=14, label=text["best"])
    ax.set_title(text["title"])
    ax.set_xlabel(text["w"])
    ax.set_ylabel(text["loss"])
    ax.legend(fontsize=9)
    return fig
