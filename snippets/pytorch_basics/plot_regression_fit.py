"""Figure: the training and validation points, the true line and the fitted line."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.pytorch_basics.linear_regression import (
    TRUE_B,
    TRUE_W,
    make_data,
    train_and_validate,
    train_val_split,
)

LABELS = {
    "zh": {
        "train": "训练集（80 个点）",
        "val": "验证集（20 个点）",
        "true": "真实直线 y = 3x + 0.8",
        "fit": "拟合直线 y = {w:.3f}x + {b:.3f}",
    },
    "en": {
        "train": "training set (80 points)",
        "val": "validation set (20 points)",
        "true": "true line y = 3x + 0.8",
        "fit": "fitted line y = {w:.3f}x + {b:.3f}",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x, y = make_data()
    x_train, y_train, x_val, y_val = train_val_split(x, y)
    model, _, _ = train_and_validate(x_train, y_train, x_val, y_val)
    w, b = model.weight.item(), model.bias.item()
    grid = torch.linspace(-1, 1, 2)
    fig = Figure(figsize=(6.4, 3.8), layout="constrained")
    ax = fig.subplots()
    ax.scatter(x_train, y_train, s=14, color="#3f51b5", alpha=0.7, label=text["train"])
    ax.scatter(x_val, y_val, s=28, marker="^", color="#e65100", label=text["val"])
    ax.plot(grid, TRUE_W * grid + TRUE_B, "--", color="gray", label=text["true"])
    ax.plot(grid, w * grid + b, color="#1a237e", linewidth=1.5, label=text["fit"].format(w=w, b=b))
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.legend(fontsize=9, loc="upper left")
    return fig
