"""Figure: the learning rate per epoch under six schedulers."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.optimization.lr_schedules import PLATEAU_LRS, all_curves

LABELS = {
    "zh": {
        "epoch": "epoch",
        "lr": "学习率",
        "warm-up + cosine": "预热 + 余弦（LinearLR → CosineAnnealingLR）",
        "plateau": "ReduceLROnPlateau（验证损失从第 60 个 epoch 起不再下降）",
    },
    "en": {
        "epoch": "epoch",
        "lr": "learning rate",
        "warm-up + cosine": "warm-up + cosine (LinearLR → CosineAnnealingLR)",
        "plateau": "ReduceLROnPlateau (validation loss flat from epoch 60)",
    },
}
COLORS = ("#e65100", "#6a1b9a", "#00838f", "#1565c0", "#2e7d32", "#757575")


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(7.2, 3.8), layout="constrained")
    ax = fig.subplots()
    curves = {**all_curves(), "plateau": PLATEAU_LRS}
    for (name, lrs), color in zip(curves.items(), COLORS, strict=True):
        style = "--" if name == "plateau" else "-"
        ax.plot(range(len(lrs)), lrs, style, color=color, lw=1.6, label=text.get(name, name))
    ax.set_xlabel(text["epoch"])
    ax.set_ylabel(text["lr"])
    ax.set_xlim(0, len(PLATEAU_LRS))
    ax.set_ylim(0, 0.105)
    ax.legend(fontsize=8, loc="upper right")
    return fig
