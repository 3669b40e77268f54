"""Figure: GELU and SiLU next to ReLU, with their derivatives and their minima."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.activations.modern import (
    GELU_MIN,
    GELU_MIN_AT,
    SILU_MIN,
    SILU_MIN_AT,
    gelu,
    gelu_derivative,
    swish,
    swish_derivative,
)

LABELS = {
    "zh": {
        "functions": "函数",
        "derivatives": "导数",
        "x": "输入 x",
        "minimum": "最小值",
        "relu": "ReLU（参照）",
    },
    "en": {
        "functions": "functions",
        "derivatives": "derivatives",
        "x": "input x",
        "minimum": "minimum",
        "relu": "ReLU (for reference)",
    },
}
GELU_COLOR = "#3f51b5"
SILU_COLOR = "#e65100"


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = torch.linspace(-5, 3, 801, dtype=torch.float64)
    left, right = x[x <= 0], x[x > 0]
    fig = Figure(figsize=(8.0, 3.4), layout="constrained")
    ax_f, ax_d = fig.subplots(1, 2)

    ax_f.plot(x, torch.relu(x), color="0.6", lw=1.2, ls=":", label=text["relu"])
    ax_f.plot(x, gelu(x), color=GELU_COLOR, label="GELU")
    ax_f.plot(x, swish(x), color=SILU_COLOR, label="SiLU")
    ax_f.plot([GELU_MIN_AT], [GELU_MIN], "o", color=GELU_COLOR, ms=5)
    ax_f.plot([SILU_MIN_AT], [SILU_MIN], "o", color=SILU_COLOR, ms=5)
    ax_f.annotate(
        f"{text['minimum']} ({GELU_MIN_AT:.2f}, {GELU_MIN:.2f})",
        (GELU_MIN_AT, GELU_MIN),
        xytext=(-2.2, 1.0),
        fontsize=8,
        color=GELU_COLOR,
        arrowprops={"arrowstyle": "-", "color": GELU_COLOR, "lw": 0.6},
    )
    ax_f.annotate(
        f"{text['minimum']} ({SILU_MIN_AT:.2f}, {SILU_MIN:.2f})",
        (SILU_MIN_AT, SILU_MIN),
        xytext=(-4.9, -0.9),
        fontsize=8,
        color=SILU_COLOR,
        arrowprops={"arrowstyle": "-", "color": SILU_COLOR, "lw": 0.6},
    )
    ax_f.set_ylim(-1.1, 3.1)
    ax_f.set_title(text["functions"], fontsize=10)
    ax_f.legend(loc="upper left", fontsize=8)

    for part in (left, right):  # two pieces, so ReLU's jump is not drawn as a vertical line
        ax_d.plot(part, (part > 0).double(), color="0.6", lw=1.2, ls=":")
    ax_d.plot(x, gelu_derivative(x), color=GELU_COLOR, label="GELU′")
    ax_d.plot(x, swish_derivative(x), color=SILU_COLOR, label="SiLU′")
    ax_d.set_ylim(-0.3, 1.3)
    ax_d.set_title(text["derivatives"], fontsize=10)
    ax_d.legend(loc="upper left", fontsize=8)

    for ax in (ax_f, ax_d):
        ax.axhline(0, color="0.5", lw=0.6)
        ax.axvline(0, color="0.5", lw=0.6)
        ax.set_xlabel(text["x"])
    return fig
