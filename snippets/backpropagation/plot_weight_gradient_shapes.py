"""Figure: the shapes of dL/dW = delta^T X for nn.Linear(3, 2) and a batch of 4."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

LABELS = {
    "zh": {
        "delta": "δᵀ：输出 × 批",
        "x": "X：批 × 输入",
        "grad": "∂L/∂W：输出 × 输入",
        "weight": "与 W 同形",
        "sum": "第 i 行与第 j 列相乘，\n对批中的 4 个样本求和",
    },
    "en": {
        "delta": "δᵀ: out × batch",
        "x": "X: batch × in",
        "grad": "∂L/∂W: out × in",
        "weight": "the shape of W",
        "sum": "row i times column j,\nsummed over the 4 examples",
    },
}

OUT, BATCH, IN = 2, 4, 3
ROW, COLUMN = 1, 2  # the highlighted entry (i, j), counted from 0
CELL = 0.5
HIGHLIGHT = "#ffcc80"


def draw_matrix(ax, x0: float, rows: int, cols: int, highlight) -> float:
    """Draw a grid with its top edge at y = 0; highlight(r, c) says which cells to fill."""
    for r in range(rows):
        for c in range(cols):
            fill = HIGHLIGHT if highlight(r, c) else "#e8eaf6"
            ax.add_patch(
                Rectangle((x0 + c * CELL, -(r + 1) * CELL), CELL, CELL, fc=fill, ec="#3f51b5")
            )
    return x0 + cols * CELL


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(7.2, 2.6))
    ax = fig.add_subplot()
    x = 0.0
    end = draw_matrix(ax, x, OUT, BATCH, lambda r, c: r == ROW)
    ax.text((x + end) / 2, 0.25, text["delta"], ha="center", fontsize=10)
    ax.text(end + 0.3, -CELL * 1.5, "·", ha="center", va="center", fontsize=22)
    x = end + 0.6
    end = draw_matrix(ax, x, BATCH, IN, lambda r, c: c == COLUMN)
    ax.text((x + end) / 2, 0.25, text["x"], ha="center", fontsize=10)
    ax.text(end + 0.35, -CELL * 1.5, "=", ha="center", va="center", fontsize=18)
    x = end + 0.7
    end = draw_matrix(ax, x, OUT, IN, lambda r, c: (r, c) == (ROW, COLUMN))
    ax.text((x + end) / 2, 0.25, text["grad"], ha="center", fontsize=10)
    ax.text((x + end) / 2, -OUT * CELL - 0.35, text["weight"], ha="center", va="top", fontsize=9)
    ax.annotate(
        text["sum"],
        xy=(x + (COLUMN + 0.5) * CELL, -(ROW + 0.5) * CELL),
        xytext=(end + 0.4, -BATCH * CELL + 0.2),
        fontsize=9,
        va="center",
        arrowprops={"arrowstyle": "->", "color": "#555555"},
    )
    ax.set_xlim(-0.2, end + 3.2)
    ax.set_ylim(-BATCH * CELL - 0.2, 0.7)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
