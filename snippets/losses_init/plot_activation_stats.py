"""Figure: standard deviation of each layer's output in a 20-layer MLP, per initialization."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.losses_init.initialization import SCHEMES, cached_layer_stds

LABELS = {
    "zh": {
        "layer": "层",
        "std": "该层输出的标准差（对数刻度）",
        "tanh": "tanh 网络",
        "relu": "ReLU 网络",
        "schemes": {
            "std 1": "N(0, 1)",
            "std 0.01": "N(0, 0.01²)",
            "default": "nn.Linear 默认",
            "xavier": "Xavier 正态",
            "he": "He 正态",
        },
    },
    "en": {
        "layer": "layer",
        "std": "std of the layer's output (log scale)",
        "tanh": "tanh network",
        "relu": "ReLU network",
        "schemes": {
            "std 1": "N(0, 1)",
            "std 0.01": "N(0, 0.01²)",
            "default": "nn.Linear default",
            "xavier": "Xavier normal",
            "he": "He normal",
        },
    },
}
COLORS = {
    "std 1": "#c62828",
    "std 0.01": "#6a1b9a",
    "default": "#757575",
    "xavier": "#3f51b5",
    "he": "#2e7d32",
}
MARKERS = {"std 1": "^", "std 0.01": "v", "default": "s", "xavier": "o", "he": "D"}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(8.4, 3.8), layout="constrained")
    axes = fig.subplots(1, 2)
    for ax, activation in zip(axes, ("tanh", "relu"), strict=True):
        for scheme in SCHEMES:
            stds = cached_layer_stds(activation, scheme)
            ax.plot(
                range(1, len(stds) + 1),
                stds,
                marker=MARKERS[scheme],
                markersize=3.5,
                color=COLORS[scheme],
                label=text["schemes"][scheme],
            )
        ax.set_yscale("log")
        ax.set_title(text[activation], fontsize=10)
        ax.set_xlabel(text["layer"])
        ax.set_xticks([1, 5, 10, 15, 20])
    axes[0].set_ylabel(text["std"])
    axes[1].legend(loc="upper left", fontsize=8)
    return fig
