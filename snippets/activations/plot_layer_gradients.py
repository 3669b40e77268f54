"""Figure: gradient norm of each layer of a 10-layer MLP, for sigmoid, tanh and ReLU."""

from __future__ import annotations

from matplotlib.figure import Figure
from torch import nn

from snippets.activations.choosing import gradient_norms_for

LABELS = {
    "zh": {"layer": "第几层（1 = 最靠近输入）", "norm": "权重梯度的范数（对数刻度）"},
    "en": {"layer": "layer (1 = next to the input)", "norm": "weight-gradient norm (log scale)"},
}

STYLES = {nn.Sigmoid: "#c62828", nn.Tanh: "#f9a825", nn.ReLU: "#3f51b5"}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    for activation, color in STYLES.items():
        norms = gradient_norms_for(activation)
        layers = range(1, len(norms) + 1)
        ax.plot(layers, norms, marker="o", color=color, label=activation.__name__)
    ax.set_yscale("log")
    ax.set_xticks(range(1, 11))
    ax.set_xlabel(text["layer"])
    ax.set_ylabel(text["norm"])
    ax.legend()
    return fig
