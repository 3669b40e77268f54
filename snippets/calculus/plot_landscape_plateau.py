"""Figure: on a plateau plain gradient descent crawls; momentum builds up speed."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.loss_landscape import (
    PLATEAU_LR,
    PLATEAU_MOMENTUM,
    PLATEAU_START,
    PLATEAU_STEPS,
    descend,
    plateau,
)

LABELS = {
    "zh": {
        "title_loss": "f(w) = 1 − exp(−w²)",
        "title_steps": "损失随步数的变化",
        "w": "w",
        "loss": "损失",
        "step": "更新步数",
        "plain": "普通梯度下降",
        "momentum": "动量 β = 0.9",
        "start": "起点 w = 2.5",
    },
    "en": {
        "title_loss": "f(w) = 1 − exp(−w²)",
        "title_steps": "Loss per step",
        "w": "w",
        "loss": "loss",
        "step": "update step",
        "plain": "plain gradient descent",
        "momentum": "momentum β = 0.9",
        "start": "start w = 2.5",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    w = torch.linspace(-3, 3, 301, dtype=torch.float64)
    fig = Figure(figsize=(7.2, 3.0), layout="constrained")
    shape, steps = fig.subplots(1, 2)
    shape.plot(w, plateau(w.unsqueeze(0)), color="gray")
    shape.plot(PLATEAU_START, plateau(torch.tensor([PLATEAU_START])), "ks", label=text["start"])
    shape.set_title(text["title_loss"])
    shape.set_xlabel(text["w"])
    shape.set_ylabel(text["loss"])
    shape.legend(fontsize=8, loc="lower left")
    for key, beta, color in (("plain", 0.0, "#3f51b5"), ("momentum", PLATEAU_MOMENTUM, "#e65100")):
        path = descend(plateau, [PLATEAU_START], PLATEAU_LR, PLATEAU_STEPS, momentum=beta)
        steps.plot([plateau(p).item() for p in path], color=color, label=text[key])
    steps.set_title(text["title_steps"])
    steps.set_xlabel(text["step"])
    steps.legend(fontsize=8)
    return fig
