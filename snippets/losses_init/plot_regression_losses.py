"""Figure: L1, L2 (squared error) and Smooth L1 with their gradients."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.losses_init.regression_losses import gradient_per_element, per_element

FIGURE_BETA = 1.0

LABELS = {
    "zh": {
        "loss": "单个元素的损失",
        "gradient": "对预测值的梯度",
        "residual": "残差 ŷ − y",
        "l1": "L1：|e|",
        "mse": "L2：e²",
        "smooth_l1": f"Smooth L1（beta={FIGURE_BETA}）",
    },
    "en": {
        "loss": "loss of one element",
        "gradient": "gradient with respect to the prediction",
        "residual": "residual ŷ − y",
        "l1": "L1: |e|",
        "mse": "L2: e²",
        "smooth_l1": f"Smooth L1 (beta={FIGURE_BETA})",
    },
}
COLORS = {"l1": "#3f51b5", "mse": "#e65100", "smooth_l1": "#2e7d32"}
STYLES = {"l1": "-", "mse": "--", "smooth_l1": "-."}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    residual = torch.linspace(-3, 3, 601, dtype=torch.float64)
    left, right = residual[residual < 0], residual[residual > 0]
    fig = Figure(figsize=(8.4, 3.4), layout="constrained")
    loss_ax, grad_ax = fig.subplots(1, 2)
    for name in ("l1", "mse", "smooth_l1"):
        style = {"color": COLORS[name], "ls": STYLES[name], "lw": 2}
        loss_ax.plot(residual, per_element(name, residual, FIGURE_BETA), label=text[name], **style)
        for part in (left, right):  # two pieces, so the jump of the L1 gradient is not drawn
            grad_ax.plot(part, gradient_per_element(name, part, FIGURE_BETA), **style)
    loss_ax.set_ylim(-0.2, 4.5)
    grad_ax.set_ylim(-3.2, 3.2)
    loss_ax.set_ylabel(text["loss"])
    grad_ax.set_ylabel(text["gradient"])
    for ax in (loss_ax, grad_ax):
        ax.axhline(0, color="0.5", lw=0.6)
        ax.axvline(0, color="0.5", lw=0.6)
        ax.set_xlabel(text["residual"])
    loss_ax.legend(loc="upper center", fontsize=9)
    return fig
