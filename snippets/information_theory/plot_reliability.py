"""Figure: reliability diagrams of an overconfident classifier, before and after rescaling."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.information_theory.numerics import (
    expected_calibration_error,
    fit_temperature,
    reliability_bins,
    synthetic_classifier,
)

LABELS = {
    "zh": {
        "before": "原始输出",
        "after": "温度缩放后（T = {t:.2f}）",
        "confidence": "置信度（预测类别的概率）",
        "accuracy": "该区间内的准确率",
        "perfect": "完美校准",
        "observed": "实际准确率",
        "share": "样本占比",
    },
    "en": {
        "before": "raw outputs",
        "after": "after temperature scaling (T = {t:.2f})",
        "confidence": "confidence (probability of the predicted class)",
        "accuracy": "accuracy in the bin",
        "perfect": "perfect calibration",
        "observed": "observed accuracy",
        "share": "share of examples",
    },
}
BAR_COLOR = "#3f51b5"
GAP_COLOR = "#e65100"
BINS = 10
MIN_DRAWN = 50


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    logits, _, labels = synthetic_classifier()
    half = len(labels) // 2
    t = fit_temperature(logits[:half], labels[:half])
    panels = [
        (text["before"], torch.softmax(logits[half:], dim=1)),
        (text["after"].format(t=t), torch.softmax(logits[half:] / t, dim=1)),
    ]
    fig = Figure(figsize=(8.4, 4.2), layout="constrained")
    axes = fig.subplots(2, 2, sharex=True, height_ratios=[3, 1])
    centers = (torch.arange(BINS, dtype=torch.float64) + 0.5) / BINS
    for column, (title, probabilities) in enumerate(panels):
        ax, ax_count = axes[0, column], axes[1, column]
        confidence, accuracy, count = reliability_bins(probabilities, labels[half:], BINS)
        used = count >= MIN_DRAWN  # nearly empty bins are left out of the drawing, not the ECE
        ece = expected_calibration_error(probabilities, labels[half:])
        ax.bar(
            centers[used], accuracy[used], width=1 / BINS, color=BAR_COLOR, alpha=0.85,
            edgecolor="white", label=text["observed"],
        )  # fmt: skip
        for a, m in zip(accuracy[used], confidence[used], strict=True):
            ax.plot([m, m], [a, m], color=GAP_COLOR, lw=2)  # from the accuracy up to the diagonal
        ax.plot([0, 1], [0, 1], "--", color="0.3", lw=1, label=text["perfect"])
        ax.set_title(f"{title}\nECE = {ece:.3f}", fontsize=10)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_ylabel(text["accuracy"])
        ax.legend(loc="upper left", fontsize=8)
        ax_count.bar(centers, count / count.sum(), width=1 / BINS, color="0.6", edgecolor="white")
        ax_count.set_ylabel(text["share"], fontsize=9)
        ax_count.set_xlabel(text["confidence"])
    return fig
