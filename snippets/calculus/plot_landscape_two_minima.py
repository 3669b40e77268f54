"""Figure: on a non-convex loss, two nearby starts end in different minima."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.loss_landscape import (
    NON_CONVEX_LR,
    NON_CONVEX_STARTS,
    NON_CONVEX_STEPS,
    descend,
    non_convex,
)

LABELS = {
    "zh": {
        "title": "f(w) = w⁴ − 3w² + w 上的梯度下降",
        "w": "w",
        "loss": "f(w)",
        "start": "从 w = {start} 出发",
    },
    "en": {
        "title": "Gradient descent on f(w) = w⁴ − 3w² + w",
        "w": "w",
        "loss": "f(w)",
        "start": "start at w = {start}",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    w = torch.linspace(-1.9, 1.8, 300, dtype=torch.float64)
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    ax = fig.subplots()
    ax.plot(w, non_convex(w.unsqueeze(0)), color="gray")
    for start, color in zip(NON_CONVEX_STARTS, ("#3f51b5", "#e65100"), strict=True):
        path = descend(non_convex, [start], NON_CONVEX_LR, NON_CONVEX_STEPS)[:, 0]
        shown = path[:40]
        ax.plot(shown, non_convex(shown.unsqueeze(0)), "o", color=color, ms=3, alpha=0.6)
        ax.plot(
            start,
            non_convex(torch.tensor([start])),
            "s",
            color=color,
            ms=7,
            label=text["start"].format(start=start),
        )
        ax.plot(path[-1], non_convex(path[-1:]), "*", color=color, ms=14)
    ax.set_title(text["title"])
    ax.set_xlabel(text["w"])
    ax.set_ylabel(text["loss"])
    ax.legend(fontsize=9, loc="upper center")
    return fig
