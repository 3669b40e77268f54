"""Figure: polynomials of degree 1, 3 and 9 fitted to ten noisy points of a sine."""

from __future__ import annotations

import math

import torch
from matplotlib.figure import Figure

from snippets.optimization.regularization import (
    DEGREES,
    evaluate_polynomial,
    fit_polynomial,
    polynomial_errors,
    x_train,
    y_train,
)

LABELS = {
    "zh": {
        "title": "{d} 次多项式：训练 MSE {t:.3f}，验证 MSE {v:.3f}",
        "truth": "sin(2πx)",
        "train": "训练点",
    },
    "en": {
        "title": "degree {d}: train MSE {t:.3f}, validation {v:.3f}",
        "truth": "sin(2πx)",
        "train": "training points",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(9.6, 3.2), layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)
    grid = torch.linspace(0, 1, 400, dtype=torch.float64)
    for ax, degree in zip(axes, DEGREES, strict=True):
        c = fit_polynomial(x_train, y_train, degree)
        train_mse, val_mse = polynomial_errors(degree)
        ax.plot(grid, torch.sin(2 * math.pi * grid), color="#9e9e9e", lw=1, label=text["truth"])
        ax.plot(grid, evaluate_polynomial(c, grid), color="#1565c0", lw=1.6)
        ax.plot(x_train, y_train, "o", color="#e65100", ms=5, label=text["train"])
        ax.set_title(text["title"].format(d=degree, t=train_mse, v=val_mse), fontsize=9)
        ax.set_xlabel("x")
    axes[0].set_ylim(-2, 2)
    axes[0].legend(fontsize=8, loc="lower left")
    return fig
