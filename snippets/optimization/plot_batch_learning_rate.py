"""Figure: the best learning rate and the steps it needs, against the batch size."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.optimization.batch_size import SWEEP_BATCH_SIZES, step_limit, sweep

LABELS = {
    "zh": {
        "title_lr": "最佳学习率",
        "title_steps": "达到目标所需的步数",
        "measured": "网格搜索结果",
        "linear": "与 B 成正比（线性缩放）",
        "limit": "全批量的发散上限 2/λ_max",
        "perfect": "与 1/B 成正比（完美缩放）",
        "x": "批大小 B（对数刻度）",
        "lr": "学习率（对数刻度）",
        "steps": "步数（对数刻度）",
    },
    "en": {
        "title_lr": "Best learning rate",
        "title_steps": "Steps to reach the target",
        "measured": "grid search",
        "linear": "proportional to B (linear scaling)",
        "limit": "full-batch divergence limit 2/λ_max",
        "perfect": "proportional to 1/B (perfect scaling)",
        "x": "batch size B (log scale)",
        "lr": "learning rate (log scale)",
        "steps": "steps (log scale)",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    results = sweep()
    sizes = list(SWEEP_BATCH_SIZES)
    lrs = [results[b][0] for b in sizes]
    steps = [results[b][1] for b in sizes]
    fig = Figure(figsize=(8.4, 3.6), layout="constrained")
    lr_ax, steps_ax = fig.subplots(1, 2)
    lr_ax.plot(sizes, [lrs[0] * b for b in sizes], ":", color="gray", label=text["linear"])
    lr_ax.axhline(step_limit(), color="#c62828", ls="--", lw=1, label=text["limit"])
    lr_ax.plot(sizes, lrs, "o-", color="#2e7d32", label=text["measured"])
    lr_ax.set_ylim(0.02, 3)
    lr_ax.set_ylabel(text["lr"])
    lr_ax.set_title(text["title_lr"])
    steps_ax.plot(sizes, [steps[0] / b for b in sizes], ":", color="gray", label=text["perfect"])
    steps_ax.plot(sizes, steps, "o-", color="#2e7d32", label=text["measured"])
    steps_ax.set_ylim(0.1, 300)
    steps_ax.set_ylabel(text["steps"])
    steps_ax.set_title(text["title_steps"])
    for ax in (lr_ax, steps_ax):
        ax.set_xscale("log", base=2)
        ax.set_yscale("log")
        ax.set_xlabel(text["x"])
        ax.legend(fontsize=8, loc="lower right" if ax is lr_ax else "lower left")
    return fig
