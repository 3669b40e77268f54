"""Figure: gradient descent on x² + 10y² for four learning rates, as paths and as loss curves."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from snippets.calculus.ill_conditioning import START, best_step, bowl, bowl_gradient, descend

LABELS = {
    "zh": {
        "title_paths": "等高线、梯度场与路径",
        "title_loss": "损失随步数的变化",
        "step": "步数",
        "loss": "f（对数刻度）",
        "small": "η = 0.02，太小",
        "best": "η = 1/11 ≈ 0.091，最佳",
        "edge": "η = 0.099，贴近上限 0.1",
        "above": "η = 0.105，超过上限",
        "gradient": "−∇f（已缩短）",
    },
    "en": {
        "title_paths": "Contours, gradient field and paths",
        "title_loss": "Loss per step",
        "step": "step",
        "loss": "f (log scale)",
        "small": "η = 0.02, too small",
        "best": "η = 1/11 ≈ 0.091, best",
        "edge": "η = 0.099, close to the limit 0.1",
        "above": "η = 0.105, above the limit",
        "gradient": "−∇f (shortened)",
    },
}
RATES = (
    ("small", 0.02, "#3f51b5"),
    ("best", best_step(), "#2e7d32"),
    ("edge", 0.099, "#e65100"),
    ("above", 0.105, "#c62828"),
)
PATH_STEPS = 20
ABOVE_STEPS = 9
LOSS_STEPS = 60
ARROW_SCALE = 0.03


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(9.6, 4.0), layout="constrained")
    path_ax, loss_ax = fig.subplots(1, 2, width_ratios=(1.25, 1))
    x, y = torch.meshgrid(
        torch.linspace(-4.6, 1.6, 240, dtype=torch.float64),
        torch.linspace(-2.2, 2.2, 160, dtype=torch.float64),
        indexing="xy",
    )
    grid = torch.stack([x, y], dim=-1)
    path_ax.contour(
        x, y, bowl(grid), levels=[0.5, 2, 5, 10, 17, 26, 40], colors="#bdbdbd", linewidths=0.8
    )
    coarse = torch.stack(
        torch.meshgrid(
            torch.linspace(-4.2, 1.2, 10, dtype=torch.float64),
            torch.linspace(-1.8, 1.8, 7, dtype=torch.float64),
            indexing="xy",
        ),
        dim=-1,
    ).reshape(-1, 2)
    arrows = -bowl_gradient(coarse) * ARROW_SCALE
    path_ax.quiver(
        coarse[:, 0],
        coarse[:, 1],
        arrows[:, 0],
        arrows[:, 1],
        color="#b0bec5",
        angles="xy",
        scale_units="xy",
        scale=1,
        width=0.003,
        label=text["gradient"],
    )
    for key, lr, color in RATES:
        path = descend(START, lr, ABOVE_STEPS if key == "above" else PATH_STEPS)
        path_ax.plot(path[:, 0], path[:, 1], ".-", color=color, ms=3, lw=1, label=text[key])
        losses = bowl(descend(START, lr, LOSS_STEPS))
        loss_ax.plot(losses, color=color, lw=1.4)
    path_ax.plot([START[0]], [START[1]], "o", color="black", ms=4)
    path_ax.plot([0], [0], "+", color="black", ms=9)
    path_ax.set_aspect("equal")
    path_ax.set_xlim(-4.6, 1.6)
    path_ax.set_ylim(-2.2, 2.2)
    path_ax.set_xlabel("x")
    path_ax.set_ylabel("y")
    path_ax.set_title(text["title_paths"])
    path_ax.grid(False)
    fig.legend(loc="outside lower center", ncol=3, fontsize=8, frameon=False)
    loss_ax.set_yscale("log")
    loss_ax.set_ylim(1e-9, 1e4)
    loss_ax.set_xlabel(text["step"])
    loss_ax.set_ylabel(text["loss"])
    loss_ax.set_title(text["title_loss"])
    loss_ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    return fig
