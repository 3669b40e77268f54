"""Figure: the variance of the minibatch gradient against the batch size, on log-log axes."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.optimization.batch_size import N, gradient_noise, predicted_noise

LABELS = {
    "zh": {
        "with": "有放回：实测",
        "without": "无放回：实测",
        "line_with": "σ²/B",
        "line_without": "σ²/B · (N − B)/(N − 1)",
        "x": "批大小 B（对数刻度）",
        "y": "E‖g_B − g‖²（对数刻度）",
    },
    "en": {
        "with": "with replacement: measured",
        "without": "without replacement: measured",
        "line_with": "σ²/B",
        "line_without": "σ²/B · (N − B)/(N − 1)",
        "x": "batch size B (log scale)",
        "y": "E‖g_B − g‖² (log scale)",
    },
}
SIZES = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 768, 960]


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    fig = Figure(figsize=(6.4, 4.0), layout="constrained")
    ax = fig.subplots()
    dense = list(range(1, N))
    ax.plot(
        dense,
        [predicted_noise(b, True) for b in dense],
        color="#3f51b5",
        lw=1.2,
        label=text["line_with"],
    )
    ax.plot(
        dense,
        [predicted_noise(b, False) for b in dense],
        color="#e65100",
        lw=1.2,
        ls="--",
        label=text["line_without"],
    )
    ax.plot(
        SIZES,
        [gradient_noise(b, True) for b in SIZES],
        "o",
        color="#3f51b5",
        ms=5,
        label=text["with"],
    )
    ax.plot(
        SIZES,
        [gradient_noise(b, False) for b in SIZES],
        "s",
        color="#e65100",
        ms=5,
        mfc="none",
        label=text["without"],
    )
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_ylim(1e-3, 100)
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.legend(fontsize=8, loc="lower left")
    return fig
