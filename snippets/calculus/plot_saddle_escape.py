"""Figure: plain gradient descent stops at a saddle point; a little noise lets it escape."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.loss_landscape import (
    ESCAPE_LR,
    ESCAPE_NOISE,
    ESCAPE_STEPS,
    descend,
    two_valleys,
)

LABELS = {
    "zh": {
        "title": "f(x, y) = x² + (y² − 1)²/4",
        "plain": "普通梯度下降：停在鞍点",
        "noisy": "梯度加微小噪声：滑进谷底",
        "start": "起点 (1, 0)",
        "minima": "极小值 (0, ±1)",
    },
    "en": {
        "title": "f(x, y) = x² + (y² − 1)²/4",
        "plain": "plain gradient descent: stops at the saddle",
        "noisy": "tiny noise in the gradient: reaches a valley",
        "start": "start (1, 0)",
        "minima": "minima (0, ±1)",
    },
}
START = [1.0, 0.0]
LEVELS = [0, 0.02, 0.05, 0.1, 0.18, 0.25, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0]


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    axis = torch.linspace(-1.6, 1.6, 81, dtype=torch.float64)
    x, y = torch.meshgrid(axis, axis, indexing="xy")
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    ax = fig.subplots()
    z = two_valleys(torch.stack([x, y]))
    ax.contourf(x, y, z, levels=LEVELS, cmap="Greys", alpha=0.5, extend="max")
    ax.contour(x, y, z, levels=LEVELS, colors="gray", linewidths=0.4)
    plain = descend(two_valleys, START, ESCAPE_LR, ESCAPE_STEPS)
    noisy = descend(two_valleys, START, ESCAPE_LR, ESCAPE_STEPS, noise=ESCAPE_NOISE)
    ax.plot(noisy[:, 0], noisy[:, 1], ".-", color="#e65100", ms=3, lw=1, label=text["noisy"])
    ax.plot(plain[:, 0], plain[:, 1], ".-", color="#3f51b5", ms=5, lw=1.5, label=text["plain"])
    ax.plot(*START, "ks", ms=6, label=text["start"])
    ax.plot([0, 0], [1, -1], "*", color="#2e7d32", ms=13, label=text["minima"])
    ax.set_aspect("equal")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(text["title"])
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.02, 0.5))
    return fig
