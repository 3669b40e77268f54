"""Figure: loss per update and per epoch for full-batch, mini-batch and stochastic descent."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.calculus.gradient_descent import X, minibatch_gradient_descent, mse_loss

LABELS = {
    "zh": {
        "title_step": "按更新步数",
        "title_epoch": "按 epoch（遍历数据的次数）",
        "step": "更新步数",
        "epoch": "epoch",
        "loss": "损失（对数刻度）",
        "full": "全批量（每步 3 个样本）",
        "mini": "小批量（每步 ≤ 2 个样本）",
        "sgd": "SGD（每步 1 个样本）",
    },
    "en": {
        "title_step": "Per update",
        "title_epoch": "Per epoch (passes over the data)",
        "step": "update step",
        "epoch": "epoch",
        "loss": "loss (log scale)",
        "full": "full batch (3 samples a step)",
        "mini": "mini-batch (≤ 2 samples a step)",
        "sgd": "SGD (1 sample a step)",
    },
}
EPOCHS, LR = 6, 0.05


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(7.2, 3.2), layout="constrained")
    by_step, by_epoch = fig.subplots(1, 2, sharey=True)
    for key, size, color in (("full", 3, "#3f51b5"), ("mini", 2, "#2e7d32"), ("sgd", 1, "#e65100")):
        ws = minibatch_gradient_descent(0.0, LR, EPOCHS, batch_size=size)
        losses = [mse_loss(w).item() for w in ws]
        updates_per_epoch = (len(X) + size - 1) // size
        epochs = [step / updates_per_epoch for step in range(len(ws))]
        by_step.plot(range(len(ws)), losses, ".-", color=color, ms=4, label=text[key])
        by_epoch.plot(epochs, losses, ".-", color=color, ms=4)
    by_step.set_yscale("log")
    by_step.set_xlim(0, 10)
    by_step.set_title(text["title_step"])
    by_step.set_xlabel(text["step"])
    by_step.set_ylabel(text["loss"])
    by_step.legend(fontsize=8)
    by_epoch.set_title(text["title_epoch"])
    by_epoch.set_xlabel(text["epoch"])
    return fig
