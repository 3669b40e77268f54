"""Figure: training and validation loss of an over-sized network on ten points."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.optimization.regularization import curve_summary, loss_curves

LABELS = {
    "zh": {
        "train": "训练损失",
        "val": "验证损失",
        "best": "验证损失最低（第 {e} 个 epoch）",
        "epoch": "epoch",
        "loss": "MSE（对数刻度）",
    },
    "en": {
        "train": "training loss",
        "val": "validation loss",
        "best": "lowest validation loss (epoch {e})",
        "epoch": "epoch",
        "loss": "MSE (log scale)",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    train, val = loss_curves()
    best = int(curve_summary()["best_epoch"])
    fig = Figure(figsize=(6.4, 3.6), layout="constrained")
    ax = fig.subplots()
    ax.semilogy(train, color="#1565c0", label=text["train"])
    ax.semilogy(val, color="#e65100", label=text["val"])
    ax.axvline(best, color="#616161", ls=":", label=text["best"].format(e=best))
    ax.set_ylim(3e-3, 1.5)
    ax.set_xlabel(text["epoch"])
    ax.set_ylabel(text["loss"])
    ax.legend(fontsize=8)
    return fig
