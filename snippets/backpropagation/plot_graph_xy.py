"""Figure: the graph of f = x*y + x**2 with forward values and backward gradients."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch

from snippets.backpropagation.computational_graph import xy_plus_x_squared

LABELS = {
    "zh": {"forward": "前向：数值", "backward": "反向：梯度 ∂f/∂·", "sum": "两条路径相加"},
    "en": {
        "forward": "forward: values",
        "backward": "backward: gradients ∂f/∂·",
        "sum": "two paths add",
    },
}

FORWARD, BACKWARD = "#1b5e20", "#c62828"
NODES = {"x": (0.0, 0.4), "y": (0.0, 2.3), "a": (2.6, 1.9), "b": (2.6, 0.0), "f": (5.0, 0.95)}
SYMBOLS = {"a": "×", "b": "( )²", "f": "+"}
EDGES = [("x", "a"), ("y", "a"), ("x", "b"), ("a", "f"), ("b", "f")]
RADIUS = 0.38


def edge_gradient(values: dict[str, float], source: str, target: str) -> float:
    """The gradient that flows back along one edge."""
    if source == "x":
        return values["df/dx via a" if target == "a" else "df/dx via b"]
    if source == "y":
        return values["df/dy"]
    return values[f"df/d{source}"]


def node_gradient_label(values: dict[str, float], name: str) -> str:
    if name == "f":
        return "∂f/∂f = 1"
    if name == "x":
        return (
            f"∂f/∂x = {values['df/dx via a']:g} + {values['df/dx via b']:g} = {values['df/dx']:g}"
        )
    return f"∂f/∂{name} = {values[f'df/d{name}']:g}"


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    values = xy_plus_x_squared(3.0, 2.0)
    fig = Figure(figsize=(7.2, 3.6))
    ax = fig.add_subplot()
    for name, (cx, cy) in NODES.items():
        if name in ("x", "y"):
            ax.add_patch(
                FancyBboxPatch(
                    (cx - 0.4, cy - 0.28),
                    0.8,
                    0.56,
                    boxstyle="round,pad=0.05",
                    fc="#e8eaf6",
                    ec="#3f51b5",
                )
            )
            ax.text(cx, cy, name, ha="center", va="center", fontsize=14, style="italic")
        else:
            ax.add_patch(Circle((cx, cy), RADIUS, fc="#fff8e1", ec="#f57f17"))
            ax.text(cx, cy, SYMBOLS[name], ha="center", va="center", fontsize=13)
        label = f"{name} = {values[name]:g}"
        ax.text(cx, cy + 0.52, label, ha="center", color=FORWARD, fontsize=11)
        grad = node_gradient_label(values, name)
        ax.text(cx, cy - 0.62, grad, ha="center", color=BACKWARD, fontsize=11)
    for source, target in EDGES:
        (x0, y0), (x1, y1) = NODES[source], NODES[target]
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={"arrowstyle": "-|>", "color": "#455a64", "shrinkA": 24, "shrinkB": 20},
        )
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        ax.text(
            mx,
            my - 0.05,
            f"← {edge_gradient(values, source, target):g}",
            ha="center",
            va="top",
            color=BACKWARD,
            fontsize=10,
            bbox={"fc": "white", "ec": "none", "pad": 1},
        )
    ax.text(0.0, -0.6, f"({text['sum']})", ha="center", color=BACKWARD, fontsize=10)
    ax.text(6.0, 2.6, text["forward"], color=FORWARD, ha="right", fontsize=10)
    ax.text(6.0, 2.35, text["backward"], color=BACKWARD, ha="right", fontsize=10)
    ax.set_xlim(-1.0, 6.1)
    ax.set_ylim(-0.9, 2.95)
    ax.set_aspect("equal")
    ax.axis("off")
    return fig
