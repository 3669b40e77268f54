"""Figure: error of forward and central differences against the step size h, log-log."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.numerical_gradient import (
    STEP_SIZES,
    central_difference,
    error_curve,
    forward_difference,
)

LABELS = {
    "zh": {
        "title": "{dtype}（ε = {eps:.1e}）",
        "central": "中心差分",
        "forward": "前向差分",
        "cube_root": r"$\varepsilon^{1/3}$",
        "x": "步长 h",
        "y": "平均绝对误差",
    },
    "en": {
        "title": "{dtype} (ε = {eps:.1e})",
        "central": "central difference",
        "forward": "forward difference",
        "cube_root": r"$\varepsilon^{1/3}$",
        "x": "step size h",
        "y": "mean absolute error",
    },
}

RULES = (("central", central_difference, "#3f51b5"), ("forward", forward_difference, "#ef6c00"))


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(7.2, 3.2))
    axes = fig.subplots(1, 2, sharey=True)
    for ax, dtype in zip(axes, (torch.float64, torch.float32), strict=True):
        eps = torch.finfo(dtype).eps
        for key, rule, color in RULES:
            errors = error_curve(rule, dtype)
            ax.loglog(STEP_SIZES, errors, color=color, label=text[key])
            best = errors.argmin()
            ax.plot(STEP_SIZES[best], errors[best], "o", color=color, markersize=5)
        ax.axvline(
            eps ** (1 / 3), color="#757575", linestyle="--", linewidth=1, label=text["cube_root"]
        )
        ax.set_title(
            text["title"].format(dtype=str(dtype).removeprefix("torch."), eps=eps), fontsize=10
        )
        ax.set_xlabel(text["x"])
    axes[0].set_ylabel(text["y"])
    axes[0].legend(loc="upper center", fontsize=8)
    return fig
