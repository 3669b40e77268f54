"""Figure: the entropy of a coin peaks at 1 bit for a fair coin and falls to 0 at p = 0 or 1."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.information_theory.entropy import binary_entropy

LABELS = {
    "zh": {"x": "正面朝上的概率 p", "y": "熵 H（比特）", "fair": "公平硬币", "biased": "p = 0.9"},
    "en": {
        "x": "probability of heads p",
        "y": "entropy H (bits)",
        "fair": "fair coin",
        "biased": "p = 0.9",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    p = torch.linspace(0.0, 1.0, 401)
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(p, binary_entropy(p), color="#3f51b5")
    for x, key in ((0.5, "fair"), (0.9, "biased")):
        y = binary_entropy(torch.tensor(x)).item()
        ax.scatter([x], [y], color="#e91e63", zorder=3)
        ax.annotate(f"{text[key]}: {y:.3f}", (x, y), xytext=(8, 6), textcoords="offset points")
    ax.set_ylim(0, 1.12)
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    return fig
