"""Figure: how fast sigmoid' and tanh' fall, and how a stack of sigmoids shrinks the gradient."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.activations.sigmoid_tanh import (
    SATURATION_POINTS,
    SIGMOID_DERIVATIVE_MAX,
    gradient_through_stack,
    sigmoid_derivative,
    tanh_derivative,
)

LABELS = {
    "zh": {
        "title_local": "导数随 |x| 增大而衰减",
        "title_depth": "连乘 sigmoid 导数",
        "x": "输入 x",
        "depth": "层数",
        "bound": "上界 0.25^层数",
        "stack": "sigmoid 堆叠（x = 0）",
        "derivative": "导数（对数刻度）",
        "gradient": "梯度（对数刻度）",
    },
    "en": {
        "title_local": "Derivatives fall as |x| grows",
        "title_depth": "Products of sigmoid derivatives",
        "x": "input x",
        "depth": "layers",
        "bound": "bound 0.25^layers",
        "stack": "stacked sigmoids (x = 0)",
        "derivative": "derivative (log scale)",
        "gradient": "gradient (log scale)",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    x = torch.linspace(0, 10, 201, dtype=torch.float64)
    marks = torch.tensor(SATURATION_POINTS, dtype=torch.float64)
    depths = list(range(1, 11))
    fig = Figure(figsize=(7.2, 3.0), layout="constrained")
    local, depth = fig.subplots(1, 2)
    for name, derivative, color in (
        ("sigmoid'", sigmoid_derivative, "#3f51b5"),
        ("tanh'", tanh_derivative, "#e65100"),
    ):
        local.plot(x, derivative(x), color=color, label=name)
        local.plot(marks, derivative(marks), "o", color=color, ms=4)
    local.set_yscale("log")
    local.set_xticks(list(SATURATION_POINTS))
    local.set_title(text["title_local"])
    local.set_xlabel(text["x"])
    local.set_ylabel(text["derivative"])
    local.legend(fontsize=9)
    bound = [SIGMOID_DERIVATIVE_MAX**n for n in depths]
    stack = [gradient_through_stack(torch.sigmoid, n) for n in depths]
    depth.plot(depths, bound, "--", color="0.4", label=text["bound"])
    depth.plot(depths, stack, "o-", color="#3f51b5", ms=4, label=text["stack"])
    depth.set_yscale("log")
    depth.set_xticks(depths)
    depth.set_title(text["title_depth"])
    depth.set_xlabel(text["depth"])
    depth.set_ylabel(text["gradient"])
    depth.legend(fontsize=9)
    return fig
