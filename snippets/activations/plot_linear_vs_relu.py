"""Figure: a stack of linear layers draws a straight line; with ReLU in between it bends."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure
from torch import nn

LABELS = {
    "zh": {
        "title_linear": "三层线性层（无激活）",
        "title_relu": "三层线性层 + ReLU",
        "x": "输入 x",
        "y": "输出",
    },
    "en": {
        "title_linear": "Three linear layers (no activation)",
        "title_relu": "Three linear layers with ReLU",
        "x": "input x",
        "y": "output",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    torch.manual_seed(3)
    layers = [nn.Linear(1, 16), nn.Linear(16, 16), nn.Linear(16, 1)]
    x = torch.linspace(-3, 3, 200).unsqueeze(1)
    with torch.no_grad():
        linear_out, relu_out = x, x
        for i, layer in enumerate(layers):
            linear_out = layer(linear_out)
            relu_out = layer(relu_out)
            if i < len(layers) - 1:
                relu_out = torch.relu(relu_out)
    fig = Figure(figsize=(7.2, 3.0))
    panels = zip(
        fig.subplots(1, 2, sharey=True),
        (linear_out, relu_out),
        ("title_linear", "title_relu"),
        strict=True,
    )
    for ax, y, title in panels:
        ax.plot(x.squeeze(), y.squeeze(), color="#3f51b5")
        ax.set_title(text[title])
        ax.set_xlabel(text["x"])
    fig.axes[0].set_ylabel(text["y"])
    return fig
