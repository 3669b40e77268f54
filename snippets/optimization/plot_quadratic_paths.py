"""Figure: optimizer paths on an ill-conditioned quadratic; plain GD against kappa."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.optimization.optimizers import (
    KAPPA,
    KAPPAS,
    QUADRATIC_START,
    quadratic_gradient,
    quadratic_paths,
)

LABELS = {
    "zh": {
        "paths": f"f = (x² + {KAPPA:g} y²) / 2 上的 40 步",
        "sgd": "SGD（lr 0.07）",
        "momentum": "动量（lr 0.02，0.8）",
        "rmsprop": "RMSProp（lr 0.1）",
        "adam": "Adam（lr 0.2）",
        "rate": "普通梯度下降（最佳学习率）",
        "step": "步数",
        "distance": "到极小值的距离（对数刻度）",
        "kappa": "条件数 κ = {k:g}",
    },
    "en": {
        "paths": f"40 steps on f = (x² + {KAPPA:g} y²) / 2",
        "sgd": "SGD (lr 0.07)",
        "momentum": "momentum (lr 0.02, 0.8)",
        "rmsprop": "RMSProp (lr 0.1)",
        "adam": "Adam (lr 0.2)",
        "rate": "plain gradient descent (best lr)",
        "step": "step",
        "distance": "distance to the minimum (log scale)",
        "kappa": "condition number κ = {k:g}",
    },
}
COLORS = {"sgd": "#e65100", "momentum": "#2e7d32", "rmsprop": "#6a1b9a", "adam": "#1565c0"}


def gd_distances(kappa: float, steps: int = 400) -> list[float]:
    grad, lr = quadratic_gradient(kappa), 2 / (1 + kappa)
    w = torch.tensor([1.0, 1.0], dtype=torch.float64)
    out = [w.norm().item()]
    for _ in range(steps):
        w = w - lr * grad(w)
        out.append(max(w.norm().item(), 1e-17))
    return out


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(9.0, 3.6), layout="constrained")
    left, right = fig.subplots(1, 2, width_ratios=[1.5, 1])
    xs, ys = torch.meshgrid(
        torch.linspace(-4.5, 1.5, 200), torch.linspace(-1.5, 1.5, 120), indexing="xy"
    )
    left.contour(xs, ys, (xs**2 + KAPPA * ys**2) / 2, levels=12, colors="#bdbdbd", linewidths=0.7)
    for name, path in quadratic_paths().items():
        on_top = 3 if name == "rmsprop" else 2  # its diagonal first step lies under Adam's path
        left.plot(
            path[:, 0],
            path[:, 1],
            ".-",
            color=COLORS[name],
            ms=3,
            lw=1,
            label=text[name],
            zorder=on_top,
        )
    left.plot(*QUADRATIC_START, "ko", ms=4)
    left.plot(0, 0, "k*", ms=9)
    left.set_title(text["paths"], fontsize=10)
    left.set_aspect("equal")
    left.legend(fontsize=8, loc="lower right")
    for kappa, color in zip(KAPPAS, ("#9e9e9e", "#5c6bc0", "#1a237e"), strict=True):
        right.semilogy(gd_distances(kappa), color=color, label=text["kappa"].format(k=kappa))
    right.set_ylim(1e-6, 3)
    right.set_title(text["rate"], fontsize=10)
    right.set_xlabel(text["step"])
    right.set_ylabel(text["distance"])
    right.legend(fontsize=8)
    return fig
