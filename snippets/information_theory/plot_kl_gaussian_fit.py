"""Figure: a Gaussian fitted to two peaks by forward KL (covers both), reverse KL (picks one)."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.information_theory.cross_entropy_kl import (
    GRID,
    bimodal_log_density,
    fit_gaussian,
    normal_log_density,
)

LABELS = {
    "zh": {
        "forward": "最小化 KL(p ‖ q)",
        "reverse": "最小化 KL(q ‖ p)",
        "p": "双峰分布 p",
        "q": "高斯分布 q",
        "x": "x",
        "y": "概率密度",
    },
    "en": {
        "forward": "minimizing KL(p ‖ q)",
        "reverse": "minimizing KL(q ‖ p)",
        "p": "two-peaked p",
        "q": "Gaussian q",
        "x": "x",
        "y": "density",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = GRID[(GRID >= -6) & (GRID <= 6)]
    p = bimodal_log_density(x).exp()
    fig = Figure(figsize=(7.2, 3.0))
    for ax, direction in zip(fig.subplots(1, 2, sharey=True), ("forward", "reverse"), strict=True):
        mean, std = fit_gaussian(direction)
        q = normal_log_density(x, torch.tensor(mean), torch.tensor(std)).exp()
        ax.fill_between(x, p, color="#9fa8da", alpha=0.6, label=text["p"])
        ax.plot(x, q, color="#e91e63", label=text["q"])
        ax.set_title(text[direction])
        ax.set_xlabel(text["x"])
    fig.axes[0].set_ylabel(text["y"])
    fig.axes[0].legend(loc="upper left")
    return fig
