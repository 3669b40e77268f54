"""Figure: the inscribed ball's share of the cube, and nearest / farthest distance, against d."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.overview.ml_vs_dl import (
    ball_fraction_exact,
    ball_fraction_sampled,
    nearest_over_farthest,
)

LABELS = {
    "zh": {
        "d": "维数 d",
        "ball_title": "内切球占立方体的体积比例",
        "exact": "公式",
        "sampled": "100000 个均匀点中落在球内的比例",
        "ratio_title": "最近距离 / 最远距离（1000 个随机点）",
        "ratio": "最近 / 最远",
    },
    "en": {
        "d": "dimension d",
        "ball_title": "share of the cube inside its ball",
        "exact": "formula",
        "sampled": "share of 100000 uniform points inside",
        "ratio_title": "nearest / farthest distance (1000 random points)",
        "ratio": "nearest / farthest",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(9.0, 3.6), layout="constrained")
    left, right = fig.subplots(1, 2)

    dims = list(range(1, 21))
    left.semilogy(
        dims, [ball_fraction_exact(d) for d in dims], color="#1565c0", label=text["exact"]
    )
    sampled = [(d, ball_fraction_sampled(d)) for d in dims]
    sampled = [(d, s) for d, s in sampled if s > 0]
    left.semilogy(*zip(*sampled, strict=True), "o", color="#e65100", ms=4, label=text["sampled"])
    left.set_xlabel(text["d"])
    left.set_xticks([1, 5, 10, 15, 20])
    left.set_title(text["ball_title"], fontsize=10)
    left.legend(fontsize=8)

    dims = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
    right.semilogx(dims, [nearest_over_farthest(d) for d in dims], "o-", color="#2e7d32")
    right.set_ylim(0, 1)
    right.set_xlabel(text["d"])
    right.set_ylabel(text["ratio"])
    right.set_title(text["ratio_title"], fontsize=10)
    return fig
