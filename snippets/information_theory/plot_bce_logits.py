"""Figure: BCE of a confident wrong prediction, via sigmoid + BCELoss and via BCEWithLogitsLoss."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure
from torch import nn

LABELS = {
    "zh": {
        "title": "目标为 0 时的二元交叉熵",
        "x": "logit z",
        "y": "损失",
        "bce": "sigmoid + BCELoss",
        "logits": "BCEWithLogitsLoss",
    },
    "en": {
        "title": "Binary cross-entropy for target 0",
        "x": "logit z",
        "y": "loss",
        "bce": "sigmoid + BCELoss",
        "logits": "BCEWithLogitsLoss",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    z = torch.linspace(0, 40, 801)
    target = torch.zeros_like(z)
    via_probability = nn.BCELoss(reduction="none")(torch.sigmoid(z), target)
    on_logits = nn.BCEWithLogitsLoss(reduction="none")(z, target)
    fig = Figure(figsize=(6.4, 3.2))
    ax = fig.subplots()
    ax.plot(z, via_probability, color="#e53935", label=text["bce"])
    ax.plot(z, on_logits, color="#3f51b5", ls="--", label=text["logits"])
    ax.set_title(text["title"])
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.legend()
    return fig
