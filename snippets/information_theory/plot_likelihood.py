"""Figure: likelihood and log-likelihood of P(white) after 7 white and 3 black balls."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.information_theory.likelihood_bce import likelihood, log_likelihood, mle_closed_form

LABELS = {
    "zh": {
        "title_l": "似然函数 L(θ)",
        "title_log": "对数似然 log L(θ)",
        "x": "白球概率 θ",
    },
    "en": {
        "title_l": "Likelihood L(θ)",
        "title_log": "Log-likelihood log L(θ)",
        "x": "probability of white θ",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    thetas = torch.linspace(0.005, 0.995, 397, dtype=torch.float64)
    best = torch.tensor(mle_closed_form(), dtype=torch.float64)
    fig = Figure(figsize=(7.2, 3.0))
    axes = fig.subplots(1, 2)
    curves = ((likelihood, "title_l", (0.0, 2.8e-3)), (log_likelihood, "title_log", (-25.0, 0.0)))
    for ax, (curve, title, limits) in zip(axes, curves, strict=True):
        ax.plot(thetas, curve(thetas), color="#3f51b5")
        ax.axvline(best.item(), color="#e53935", ls="--", lw=1)
        ax.plot([best.item()], [curve(best).item()], "o", color="#e53935")
        ax.annotate(
            f"θ = {best.item():.1f}",
            (best.item(), curve(best).item()),
            xytext=(6, 6),
            textcoords="offset points",
            color="#e53935",
        )
        ax.set_ylim(*limits)
        ax.set_title(text[title])
        ax.set_xlabel(text["x"])
    axes[0].ticklabel_format(axis="y", style="sci", scilimits=(0, 0))
    return fig
