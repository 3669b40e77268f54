"""Figure: a sigmoid neuron learns logical AND by gradient descent on squared error."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.backpropagation.perceptron import AND_TARGETS, TRAIN_STEPS, train_on_and

LABELS = {
    "zh": {
        "title_loss": "平均损失",
        "title_out": "四个输入的输出",
        "step": "迭代次数",
        "loss": "E",
        "out": "out",
    },
    "en": {
        "title_loss": "Mean loss",
        "title_out": "Output for each input",
        "step": "step",
        "loss": "E",
        "out": "out",
    },
}
CURVES = {  # input rows of AND_INPUTS: label, color; (0, 1) and (1, 0) coincide
    0: ("(0, 0)", "#c62828"),
    1: ("(0, 1), (1, 0)", "#ef6c00"),
    3: ("(1, 1)", "#2e7d32"),
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    _, _, outputs = train_on_and(TRAIN_STEPS)
    losses = (0.5 * (outputs - AND_TARGETS) ** 2).mean(dim=1)
    fig = Figure(figsize=(7.2, 3.0), layout="constrained")
    loss_ax, out_ax = fig.subplots(1, 2)
    loss_ax.plot(losses, color="#3f51b5")
    loss_ax.set_yscale("log")
    loss_ax.set_title(text["title_loss"])
    loss_ax.set_ylabel(text["loss"])

    for row, (label, color) in CURVES.items():
        out_ax.plot(outputs[:, row], color=color, label=label)
    for target in (0.0, 1.0):
        out_ax.axhline(target, color="#9e9e9e", linestyle="--", linewidth=1)
    out_ax.set_ylim(-0.05, 1.05)
    out_ax.set_title(text["title_out"])
    out_ax.set_ylabel(text["out"])
    out_ax.legend(fontsize=8, loc="center right")
    for ax in (loss_ax, out_ax):
        ax.set_xlabel(text["step"])
    return fig
