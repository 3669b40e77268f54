"""Figure: softmax of the same logits at several temperatures."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.activations.softmax import EXAMPLE_LOGITS, TEMPERATURES, softmax_with_temperature

LABELS = {
    "zh": {"class": "类别（logit）", "probability": "概率", "temperature": "温度 T"},
    "en": {"class": "class (logit)", "probability": "probability", "temperature": "temperature T"},
}

COLORS = ("#1a237e", "#3f51b5", "#7986cb", "#c5cae9")


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    logits = torch.tensor(EXAMPLE_LOGITS)
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    width = 0.8 / len(TEMPERATURES)
    for k, (t, color) in enumerate(zip(TEMPERATURES, COLORS, strict=True)):
        probs = softmax_with_temperature(logits, t)
        offsets = [i + (k - (len(TEMPERATURES) - 1) / 2) * width for i in range(len(logits))]
        ax.bar(offsets, probs, width=width, color=color, label=f"T = {t:g}")
    ax.axhline(1 / len(logits), color="gray", linestyle=":", linewidth=1)
    ax.set_xticks(range(len(logits)), [f"{i} ({z:g})" for i, z in enumerate(EXAMPLE_LOGITS)])
    ax.set_xlabel(text["class"])
    ax.set_ylabel(text["probability"])
    ax.set_ylim(0, 1)
    ax.legend(title=text["temperature"], fontsize=9)
    return fig
