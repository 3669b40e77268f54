"""Figure: pre-activations of a healthy neuron and of a dead one, against ReLU's flat side."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.activations.relu_family import DEAD_BIAS, neuron_and_inputs

LABELS = {
    "zh": {
        "healthy": "偏置 0：约一半输入落在右侧",
        "dead": f"偏置 {DEAD_BIAS:.0f}：全部落在左侧",
        "flat": "ReLU 输出 0、梯度 0 的区域",
        "x": "预激活 z = w·x + b",
        "count": "输入个数",
    },
    "en": {
        "healthy": "bias 0: about half the inputs on the right",
        "dead": f"bias {DEAD_BIAS:.0f}: every input on the left",
        "flat": "ReLU outputs 0, gradient 0",
        "x": "pre-activation z = w·x + b",
        "count": "inputs",
    },
}


def pre_activations(bias: float) -> torch.Tensor:
    neuron, inputs = neuron_and_inputs(bias)
    with torch.no_grad():
        return neuron(inputs).squeeze(1)


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(6.4, 3.2), layout="constrained")
    ax = fig.subplots()
    ax.axvspan(-13, 0, color="0.85", label=text["flat"])
    bins = torch.linspace(-13, 3, 65).tolist()
    ax.hist(pre_activations(0.0), bins=bins, color="#3f51b5", alpha=0.8, label=text["healthy"])
    ax.hist(pre_activations(DEAD_BIAS), bins=bins, color="#e65100", alpha=0.8, label=text["dead"])
    ax.set_xlim(-13, 3)
    ax.set_ylim(0, ax.get_ylim()[1] * 1.4)  # room for the legend above the bars
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["count"])
    ax.legend(fontsize=9, loc="upper left")
    return fig
