"""Figure: gradient norm at the input of each layer of 20-layer stacks, on a log scale."""

from __future__ import annotations

from matplotlib.figure import Figure
from torch import nn

from snippets.backpropagation.vanishing_exploding import stack_grad_norms

LABELS = {
    "zh": {
        "layer": "第几层（1 = 最靠近输入）",
        "norm": "到达该层输入的梯度范数（对数刻度）",
        "sigmoid": "sigmoid，Xavier 初始化",
        "he": "ReLU，He 初始化",
        "std1": "ReLU，权重标准差 1",
    },
    "en": {
        "layer": "layer (1 = next to the input)",
        "norm": "gradient norm at the layer input (log)",
        "sigmoid": "sigmoid, Xavier initialization",
        "he": "ReLU, He initialization",
        "std1": "ReLU, weight std 1",
    },
}

SETUPS = (
    ("sigmoid", nn.Sigmoid, {}, "#c62828"),
    ("he", nn.ReLU, {}, "#3f51b5"),
    ("std1", nn.ReLU, {"weight_std": 1.0}, "#f9a825"),
)


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    for key, activation, options, color in SETUPS:
        norms = stack_grad_norms(activation, **options)
        ax.plot(range(1, len(norms) + 1), norms, marker="o", ms=3, color=color, label=text[key])
    ax.set_yscale("log")
    ax.set_xticks(range(1, 21, 2))
    ax.set_xlabel(text["layer"])
    ax.set_ylabel(text["norm"])
    ax.legend(fontsize=8)
    return fig
