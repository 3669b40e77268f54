"""Figure: the same problem with a learning rate that is too small, good, and too large."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from snippets.calculus.gradient_descent import gradient_descent, mse_loss

LABELS = {
    "zh": {
        "title_loss": "损失",
        "title_w": "权重 w",
        "step": "更新步数",
        "loss": "损失（对数刻度）",
        "w": "w",
        "small": "η = 0.01，太小",
        "good": "η = 0.1，合适",
        "large": "η = 0.23，太大（> 3/14）",
        "target": "w = 2",
    },
    "en": {
        "title_loss": "Loss",
        "title_w": "Weight w",
        "step": "update step",
        "loss": "loss (log scale)",
        "w": "w",
        "small": "η = 0.01, too small",
        "good": "η = 0.1, good",
        "large": "η = 0.23, too large (> 3/14)",
        "target": "w = 2",
    },
}
STEPS = 12
RATES = (("small", 0.01, "#3f51b5"), ("good", 0.1, "#2e7d32"), ("large", 0.23, "#e65100"))


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(7.2, 3.2), layout="constrained")
    loss_ax, w_ax = fig.subplots(1, 2)
    for key, lr, color in RATES:
        ws = gradient_descent(0.0, lr, STEPS)
        loss_ax.plot([mse_loss(w).item() for w in ws], ".-", color=color, ms=4, label=text[key])
        w_ax.plot(ws, ".-", color=color, ms=4)
    w_ax.axhline(2, color="gray", ls="--", lw=1, label=text["target"])
    loss_ax.set_yscale("log")
    loss_ax.set_ylim(1e-10, 1e4)
    loss_ax.set_title(text["title_loss"])
    loss_ax.set_ylabel(text["loss"])
    w_ax.set_title(text["title_w"])
    w_ax.set_ylabel(text["w"])
    w_ax.legend(fontsize=8, loc="upper left")
    for ax in (loss_ax, w_ax):
        ax.set_xlabel(text["step"])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    loss_ax.legend(fontsize=8, loc="lower left")
    return fig
