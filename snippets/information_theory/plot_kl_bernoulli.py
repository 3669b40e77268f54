"""Figure: KL(p || q) and KL(q || p) for two coins, as the model coin q varies."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.information_theory.cross_entropy_kl import bernoulli, kl

P_HEADS = 0.3

LABELS = {
    "zh": {"x": "模型硬币正面朝上的概率 θ", "y": "KL 散度（比特）"},
    "en": {"x": "probability of heads θ of the model coin", "y": "KL divergence (bits)"},
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    theta = torch.linspace(0.001, 0.999, 999)
    p = bernoulli(torch.tensor(P_HEADS)).expand(len(theta), 2)
    q = bernoulli(theta)
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(theta, kl(p, q), color="#3f51b5", label=r"$\mathrm{KL}(p \,\|\, q)$")
    ax.plot(theta, kl(q, p), color="#e91e63", linestyle="--", label=r"$\mathrm{KL}(q \,\|\, p)$")
    ax.axvline(P_HEADS, color="gray", linewidth=1)
    ax.text(P_HEADS + 0.02, 1.6, r"$\theta = 0.3$: $q = p$", color="gray")
    ax.set_ylim(0, 3)
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.legend(loc="upper left")
    return fig
