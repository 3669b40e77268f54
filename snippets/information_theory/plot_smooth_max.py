"""Figure: t * logsumexp((0, x) / t) for three temperatures, next to max(0, x)."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.information_theory.numerics import smooth_max

LABELS = {
    "zh": {"x": "x", "y": "平滑最大值", "max": "max(0, x)"},
    "en": {"x": "x", "y": "smooth maximum", "max": "max(0, x)"},
}
TEMPERATURES = (1.0, 0.5, 0.1)
COLORS = ("#3f51b5", "#7e57c2", "#e65100")


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = torch.linspace(-3, 3, 601, dtype=torch.float64)
    pairs = torch.stack([torch.zeros_like(x), x], dim=1)
    fig = Figure(figsize=(6.0, 3.4), layout="constrained")
    ax = fig.subplots()
    ax.plot(x, torch.relu(x), color="0.2", lw=1.2, ls="--", label=text["max"])
    for t, color in zip(TEMPERATURES, COLORS, strict=True):
        ax.plot(x, smooth_max(pairs, t, dim=1), color=color, label=f"t = {t}")
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.set_ylim(-0.2, 3.2)
    ax.legend(loc="upper left", fontsize=9)
    return fig
