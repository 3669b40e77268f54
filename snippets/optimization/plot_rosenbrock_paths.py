"""Figure: SGD, momentum and Adam on the Rosenbrock function."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.optimization.optimizers import ROSENBROCK_START, ROSENBROCK_STEPS, rosenbrock_paths

LABELS = {
    "zh": {
        "title": f"Rosenbrock 函数上的 {ROSENBROCK_STEPS} 步（★ 为极小值 (1, 1)，圆点为终点）",
        "sgd": "SGD（lr 0.0005）",
        "momentum": "动量（lr 0.0005，0.9）",
        "adam": "Adam（lr 0.02）",
    },
    "en": {
        "title": f"{ROSENBROCK_STEPS} steps on the Rosenbrock function"
        " (★: the minimum (1, 1); dot: where each run ends)",
        "sgd": "SGD (lr 0.0005)",
        "momentum": "momentum (lr 0.0005, 0.9)",
        "adam": "Adam (lr 0.02)",
    },
}
COLORS = {"sgd": "#e65100", "momentum": "#2e7d32", "adam": "#1565c0"}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(9.0, 3.4), layout="constrained")
    axes = fig.subplots(1, 3, sharex=True, sharey=True)
    xs, ys = torch.meshgrid(torch.linspace(-2, 2, 240), torch.linspace(-1, 3, 240), indexing="xy")
    f = (1 - xs) ** 2 + 100 * (ys - xs**2) ** 2
    for ax, (name, path) in zip(axes, rosenbrock_paths().items(), strict=True):
        ax.contour(xs, ys, torch.log10(f + 1e-3), levels=15, colors="#bdbdbd", linewidths=0.7)
        ax.plot(path[:, 0], path[:, 1], "-", color=COLORS[name], lw=1.4)
        ax.plot(*path[-1], "o", color=COLORS[name], ms=5)
        ax.plot(*ROSENBROCK_START, "ko", ms=4)
        ax.plot(1, 1, "k*", ms=10)
        ax.set_title(text[name], fontsize=10)
    axes[0].set_xlim(-2, 2)
    axes[0].set_ylim(-1, 3)
    fig.suptitle(text["title"], fontsize=10)
    return fig
