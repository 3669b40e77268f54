"""Figure: the 2-2-2 network with its weights, biases and forward values."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Circle

from snippets.backpropagation.worked_example import BIASES, EDGES, INPUTS, TARGETS, WEIGHTS, forward

LABELS = {
    "zh": {"input": "输入层", "hidden": "隐藏层", "output": "输出层", "target": "目标"},
    "en": {"input": "input", "hidden": "hidden", "output": "output", "target": "target"},
}

POSITIONS = {
    "i1": (0.0, 2.0), "i2": (0.0, 0.0),
    "h1": (3.0, 2.0), "h2": (3.0, 0.0),
    "o1": (6.0, 2.0), "o2": (6.0, 0.0),
}  # fmt: skip
COLORS = {"i": "#e8eaf6", "h": "#fff8e1", "o": "#e8f5e9"}
RADIUS = 0.36


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    values = forward(WEIGHTS)
    fig = Figure(figsize=(7.2, 3.6))
    ax = fig.add_subplot()
    for name, (source, target) in EDGES.items():
        (x0, y0), (x1, y1) = POSITIONS[source], POSITIONS[target]
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={"arrowstyle": "-|>", "color": "#78909c", "shrinkA": 19, "shrinkB": 19},
        )
        lx, ly = x0 + 0.3 * (x1 - x0), y0 + 0.3 * (y1 - y0)
        ax.text(
            lx,
            ly,
            f"{name} = {WEIGHTS[name]:.2f}",
            ha="center",
            va="center",
            fontsize=9,
            bbox={"fc": "white", "ec": "#b0bec5", "boxstyle": "round,pad=0.2"},
        )
    for name, (cx, cy) in POSITIONS.items():
        ax.add_patch(Circle((cx, cy), RADIUS, fc=COLORS[name[0]], ec="#37474f"))
        ax.text(cx, cy, name, ha="center", va="center", fontsize=12)
        caption = f"{INPUTS[name]:.2f}" if name in INPUTS else f"out = {values['out_' + name]:.4f}"
        above = cy > 1
        ax.text(
            cx,
            cy + (0.5 if above else -0.5),
            caption,
            ha="center",
            va="bottom" if above else "top",
            fontsize=9,
        )
        if name in TARGETS:
            ax.text(
                cx + 0.5,
                cy,
                f"{text['target']} {TARGETS[name]:.2f}",
                ha="left",
                va="center",
                fontsize=9,
                color="#2e7d32",
            )
    for x, layer, bias in ((0.0, "input", None), (3.0, "hidden", "b1"), (6.0, "output", "b2")):
        title = text[layer] if bias is None else f"{text[layer]}   {bias} = {BIASES[bias]:.2f}"
        ax.text(x, 3.05, title, ha="center", fontsize=10, color="#37474f")
    ax.set_xlim(-0.6, 7.7)
    ax.set_ylim(-0.9, 3.35)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
