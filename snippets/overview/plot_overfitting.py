"""Figure: training and validation loss of the workflow page's run, with the best epoch."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.overview.workflow import run

LABELS = {
    "zh": {
        "train": "训练集损失",
        "val": "验证集损失",
        "best": "验证集损失最低：第 {e} 个 epoch",
        "epoch": "epoch",
        "loss": "交叉熵",
        "over": "过拟合：训练损失降、验证损失升",
    },
    "en": {
        "train": "training loss",
        "val": "validation loss",
        "best": "lowest validation loss: epoch {e}",
        "epoch": "epoch",
        "loss": "cross-entropy",
        "over": "overfitting: training loss falls, validation loss rises",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    result = run()
    train, val = result["history"]["train"], result["history"]["val"]
    best = result["best"]["epoch"]
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    ax = fig.subplots()
    ax.plot(train, color="#1565c0", label=text["train"])
    ax.plot(val, color="#e65100", label=text["val"])
    ax.axvline(best, color="#616161", ls=":", label=text["best"].format(e=best))
    ax.axvspan(best, len(train), color="#e65100", alpha=0.06)
    ax.text(best + 15, 1.25, text["over"], fontsize=9, color="#bf360c")
    ax.set_ylim(0, 1.4)
    ax.set_xlabel(text["epoch"])
    ax.set_ylabel(text["loss"])
    ax.legend(fontsize=8, loc="lower left")
    return fig
