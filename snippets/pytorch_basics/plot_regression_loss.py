"""Figure: training and validation loss per step, with the noise variance as the floor."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.pytorch_basics.linear_regression import (
    NOISE_VARIANCE,
    make_data,
    train_and_validate,
    train_val_split,
)

LABELS = {
    "zh": {
        "step": "更新步数",
        "loss": "均方误差（对数刻度）",
        "train": "训练损失",
        "val": "验证损失",
        "noise": "噪声方差 0.2² = 0.04",
    },
    "en": {
        "step": "update step",
        "loss": "mean squared error (log scale)",
        "train": "training loss",
        "val": "validation loss",
        "noise": "noise variance 0.2² = 0.04",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x, y = make_data()
    _, train_losses, val_losses = train_and_validate(*train_val_split(x, y))
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    ax = fig.subplots()
    ax.plot(train_losses, color="#3f51b5", label=text["train"])
    ax.plot(val_losses, color="#e65100", linestyle="--", label=text["val"])
    ax.axhline(NOISE_VARIANCE, color="gray", linestyle=":", label=text["noise"])
    ax.set_yscale("log")
    ax.set_xlabel(text["step"])
    ax.set_ylabel(text["loss"])
    ax.legend(fontsize=9)
    return fig
