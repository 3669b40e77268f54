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


def interpolating_polynomial(
    nodes: torch.Tensor, values: torch.Tensor, points: torch.Tensor
) -> torch.Tensor:
    """The polynomial through (nodes, values), evaluated at points in Lagrange form.

    Degree 9 through ten points is that polynomial. Its monomial coefficients come from an
    ill-conditioned solve whose last digits vary from run to run with the LAPACK kernels; the
    Lagrange form needs no solve, so the drawing is the same on every run.
    """
    curve = torch.zeros_like(points)
    for j in range(len(nodes)):
        others = torch.cat([nodes[:j], nodes[j + 1 :]])
        basis = (points[:, None] - others).prod(dim=1) / (nodes[j] - others).prod()
        curve += values[j] * basis
    return curve


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(9.6, 3.2), layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)
    grid = torch.linspace(0, 1, 400, dtype=torch.float64)
    for ax, degree in zip(axes, DEGREES, strict=True):
        if degree == len(x_train) - 1:
            curve = interpolating_polynomial(x_train, y_train, grid)
        else:
            curve = evaluate_polynomial(fit_polynomial(x_train, y_train, degree), grid)
        train_mse, val_mse = polynomial_errors(degree)
        ax.plot(grid, torch.sin(2 * math.pi * grid), color="#9e9e9e", lw=1, label=text["truth"])
        ax.plot(grid, curve, color="#1565c0", lw=1.6)
        ax.plot(x_train, y_train, "o", color="#e65100", ms=5, label=text["train"])
        ax.set_title(text["title"].format(d=degree, t=train_mse, v=val_mse), fontsize=9)
        ax.set_xlabel("x")
    axes[0].set_ylim(-2, 2)
    axes[0].legend(fontsize=8, loc="lower left")
    return fig
