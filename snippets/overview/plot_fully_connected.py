"""Figure: a fully connected network 3-4-4-2, every unit joined to every unit of the next layer."""

from __future__ import annotations

from itertools import pairwise

from matplotlib.figure import Figure
from matplotlib.patches import Circle

SIZES = (3, 4, 4, 2)

LABELS = {
    "zh": ["输入层 x", "隐藏层 1", "隐藏层 2", "输出层 y"],
    "en": ["input x", "hidden layer 1", "hidden layer 2", "output y"],
}
WEIGHTS = {"zh": "W{n}：{r}×{c}，偏置 {r} 个", "en": "W{n}: {r}×{c}, {r} biases"}
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"


def positions(size: int, column: int) -> list[tuple[float, float]]:
    top = (size - 1) / 2
    return [(column * 2.0, top - i) for i in range(size)]


def make_figure(lang: str) -> Figure:
    fig = Figure(figsize=(7.2, 3.6), layout="constrained")
    ax = fig.subplots()
    columns = [positions(size, c) for c, size in enumerate(SIZES)]
    for c, (left, right) in enumerate(pairwise(columns)):
        for x0, y0 in left:
            for x1, y1 in right:
                ax.plot([x0, x1], [y0, y1], color="#90a4ae", lw=0.8, zorder=1)
        label = WEIGHTS[lang].format(n=SUBSCRIPTS[c + 1], r=len(right), c=len(left))
        ax.text(c * 2.0 + 1.0, -2.45, label, ha="center", fontsize=9)
    colors = ["#bbdefb", "#ffe0b2", "#ffe0b2", "#c8e6c9"]
    for c, column in enumerate(columns):
        for x, y in column:
            ax.add_patch(Circle((x, y), 0.22, fc=colors[c], ec="#37474f", zorder=2))
        ax.text(c * 2.0, 2.25, LABELS[lang][c], ha="center", fontsize=10)
    ax.set_xlim(-0.6, 6.6)
    ax.set_ylim(-2.8, 2.6)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
