"""Figure: nn.CrossEntropyLoss on logits vs on softmax probabilities, as the correct logit grows."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure
from torch import nn

from snippets.information_theory.cross_entropy_loss import probability_input_loss_floor

LABELS = {
    "zh": {
        "title_loss": "损失",
        "title_grad": "损失对该 logit 的梯度（绝对值）",
        "x": "正确类别的 logit（另两个为 0）",
        "right": "传入 logit（正确）",
        "bug": "传入 softmax 概率（错误）",
        "floor": "错误用法的下限",
    },
    "en": {
        "title_loss": "Loss",
        "title_grad": "|gradient of the loss w.r.t. that logit|",
        "x": "correct-class logit (the other two are 0)",
        "right": "logits in (right)",
        "bug": "softmax probabilities in (wrong)",
        "floor": "floor of the wrong usage",
    },
}


def loss_and_grad_curves(
    correct_logit: torch.Tensor, softmax_first: bool
) -> tuple[torch.Tensor, torch.Tensor]:
    """Per-sample loss and d loss / d z_y for logits (z_y, 0, 0) and target class 0."""
    z_y = correct_logit.clone().requires_grad_(True)
    zeros = torch.zeros(len(z_y), 2)
    logits = torch.cat([z_y.unsqueeze(1), zeros], dim=1)
    inputs = torch.softmax(logits, dim=1) if softmax_first else logits
    target = torch.zeros(len(z_y), dtype=torch.long)
    losses = nn.CrossEntropyLoss(reduction="none")(inputs, target)
    losses.sum().backward()
    return losses.detach(), z_y.grad.abs()


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    correct_logit = torch.linspace(-6, 10, 321)
    fig = Figure(figsize=(7.2, 3.0))
    loss_ax, grad_ax = fig.subplots(1, 2)
    for softmax_first, color, key in ((False, "#3f51b5", "right"), (True, "#e53935", "bug")):
        loss, grad = loss_and_grad_curves(correct_logit, softmax_first)
        loss_ax.plot(correct_logit, loss, color=color, label=text[key])
        grad_ax.plot(correct_logit, grad, color=color, label=text[key])
    loss_ax.axhline(probability_input_loss_floor(3), color="#e53935", ls=":", lw=1)
    loss_ax.annotate(
        text["floor"],
        (8, probability_input_loss_floor(3)),
        xytext=(9.8, 2.4),
        ha="right",
        color="#e53935",
        fontsize=9,
        arrowprops={"arrowstyle": "->", "color": "#e53935"},
    )
    loss_ax.set_title(text["title_loss"])
    grad_ax.set_title(text["title_grad"])
    for ax in (loss_ax, grad_ax):
        ax.set_xlabel(text["x"], fontsize=9)
    grad_ax.legend(fontsize=8)
    return fig
