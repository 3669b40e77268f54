"""Figure: gradient norm k steps back through h_t = W h_(t-1), for three spectral radii."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.backpropagation.vanishing_exploding import (
    matrix_with_spectral_radius,
    recurrence_gradient_norms,
)

LABELS = {
    "zh": {
        "steps": "往回传播的步数 k",
        "norm": "梯度范数（对数刻度）",
        "rho": "谱半径 ρ = {rho}",
        "reference": "虚线：ρᵏ 乘以 k = 0 处的范数",
    },
    "en": {
        "steps": "steps back k",
        "norm": "gradient norm (log scale)",
        "rho": "spectral radius ρ = {rho}",
        "reference": "dashed: ρᵏ times the norm at k = 0",
    },
}

STYLES = {1.1: "#c62828", 1.0: "#757575", 0.9: "#3f51b5"}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    for rho, color in STYLES.items():
        norms = recurrence_gradient_norms(matrix_with_spectral_radius(rho))
        steps = range(len(norms))
        ax.plot(steps, norms, color=color, label=text["rho"].format(rho=rho))
        ax.plot(steps, [norms[0] * rho**k for k in steps], color=color, ls="--", lw=1)
    ax.set_yscale("log")
    ax.set_xlabel(text["steps"])
    ax.set_ylabel(text["norm"])
    ax.set_title(text["reference"], fontsize=9)
    ax.legend(fontsize=8)
    return fig
