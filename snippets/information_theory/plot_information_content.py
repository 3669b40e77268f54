"""Figure: information content -log2 p grows without bound as an event gets rarer."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.information_theory.entropy import information_content

LABELS = {
    "zh": {"x": "概率 p(x)", "y": "信息量 I(x)（比特）"},
    "en": {"x": "probability p(x)", "y": "information content I(x) (bits)"},
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    p = torch.linspace(0.01, 1.0, 400)
    marked = torch.tensor([0.125, 0.25, 0.5, 1.0])
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(p, information_content(p), color="#3f51b5", label=r"$I(x) = -\log_2 p(x)$")
    ax.scatter(marked, information_content(marked), color="#e91e63", zorder=3)
    for x, y in zip(marked.tolist(), information_content(marked).tolist(), strict=True):
        offset = (-90, 10) if x == 1.0 else (8, 4)
        ax.annotate(f"p = {x:g}, I = {y:g}", (x, y), xytext=offset, textcoords="offset points")
    ax.set_xlim(0, 1.03)
    ax.set_ylim(0, 7)
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.legend()
    return fig
