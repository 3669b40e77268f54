"""Figure: contour lines of f(x1, x2) = x1² + 3 x2² with the gradient drawn as arrows."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.derivatives_gradients import POINT, bowl, bowl_partials

LABELS = {
    "zh": {
        "gradient": "∇f：上升最快",
        "negative": "−∇f：下降最快",
        "point": "点 (1, 1)",
        "x1": "x₁",
        "x2": "x₂",
    },
    "en": {
        "gradient": "∇f: steepest ascent",
        "negative": "−∇f: steepest descent",
        "point": "point (1, 1)",
        "x1": "x₁",
        "x2": "x₂",
    },
}

ARROW_SCALE = 0.04


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x1, x2 = torch.meshgrid(
        torch.linspace(-2.6, 2.6, 200, dtype=torch.float64),
        torch.linspace(-1.6, 1.6, 200, dtype=torch.float64),
        indexing="xy",
    )
    grid = torch.stack([x1, x2], dim=-1)
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.contour(x1, x2, bowl(grid), levels=[0.25, 1, 2, 4, 6, 8], colors="#9e9e9e", linewidths=0.8)
    coarse = torch.stack(
        torch.meshgrid(
            torch.linspace(-2.0, 2.0, 9, dtype=torch.float64),
            torch.linspace(-1.2, 1.2, 7, dtype=torch.float64),
            indexing="xy",
        ),
        dim=-1,
    ).reshape(-1, 2)
    arrows = bowl_partials(coarse) * ARROW_SCALE
    ax.quiver(
        coarse[:, 0],
        coarse[:, 1],
        arrows[:, 0],
        arrows[:, 1],
        color="#7986cb",
        angles="xy",
        scale_units="xy",
        scale=1,
        width=0.004,
    )
    grad = bowl_partials(POINT) * ARROW_SCALE * 2
    for sign, color, key in ((1, "#e53935", "gradient"), (-1, "#43a047", "negative")):
        ax.quiver(
            [POINT[0]],
            [POINT[1]],
            [sign * grad[0]],
            [sign * grad[1]],
            color=color,
            angles="xy",
            scale_units="xy",
            scale=1,
            width=0.008,
            label=text[key],
        )
    ax.plot([POINT[0]], [POINT[1]], "o", color="black", markersize=5, label=text["point"])
    ax.plot([0], [0], "+", color="black", markersize=8)
    ax.set_aspect("equal")
    ax.set_xlim(-2.6, 2.6)
    ax.set_ylim(-1.6, 1.6)
    ax.set_xlabel(text["x1"])
    ax.set_ylabel(text["x2"])
    ax.grid(False)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize=8, frameon=False)
    return fig
