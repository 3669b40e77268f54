"""Figure: FLOPs of jacfwd and jacrev for g: R^64 -> R^m as the number of outputs m grows."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.backpropagation.autodiff_modes import jacobian_flops

LABELS = {
    "zh": {
        "outputs": "输出个数 m（输入固定为 n = 64）",
        "flops": "求整个雅可比矩阵的浮点运算数",
        "jacfwd": "前向模式 jacfwd：n 次 JVP",
        "jacrev": "反向模式 jacrev：m 次 VJP",
        "equal": "m = n",
    },
    "en": {
        "outputs": "number of outputs m (inputs fixed at n = 64)",
        "flops": "FLOPs for the whole Jacobian",
        "jacfwd": "forward mode, jacfwd: n JVPs",
        "jacrev": "reverse mode, jacrev: m VJPs",
        "equal": "m = n",
    },
}

N_IN = 64
OUTPUTS = [2**k for k in range(11)]


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    costs = [jacobian_flops(N_IN, m) for m in OUTPUTS]
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(OUTPUTS, [c["jacfwd"] for c in costs], marker="o", ms=3, color="#3f51b5",
            label=text["jacfwd"])  # fmt: skip
    ax.plot(OUTPUTS, [c["jacrev"] for c in costs], marker="s", ms=3, color="#c62828",
            label=text["jacrev"])  # fmt: skip
    ax.axvline(N_IN, color="#777777", ls="--", lw=1)
    ax.text(N_IN * 1.15, 3e4, text["equal"], color="#555555", fontsize=9)
    ax.set_xscale("log", base=2)
    ax.set_yscale("log")
    ax.set_xlabel(text["outputs"])
    ax.set_ylabel(text["flops"])
    ax.legend(fontsize=8)
    return fig
