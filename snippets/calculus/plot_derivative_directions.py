"""Figure: the directional derivative against the angle of the direction, peaking at ∇f."""

from __future__ import annotations

from matplotlib.figure import Figure

from snippets.calculus.derivatives_gradients import (
    GRADIENT_ANGLE_DEGREES,
    GRADIENT_NORM,
    POINT,
    bowl,
    directional_derivatives,
    unit_directions,
)

LABELS = {
    "zh": {
        "slope": "沿方向 u 的方向导数",
        "norm": "±‖∇f‖ = ±{norm:.2f}",
        "gradient": "梯度方向 {angle:.1f}°",
        "negative": "负梯度方向 {angle:.1f}°",
        "x": "方向 u 的角度（度）",
        "y": "方向导数",
    },
    "en": {
        "slope": "directional derivative along u",
        "norm": "±‖∇f‖ = ±{norm:.2f}",
        "gradient": "gradient direction {angle:.1f}°",
        "negative": "negative gradient {angle:.1f}°",
        "x": "angle of the direction u (degrees)",
        "y": "directional derivative",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    degrees, directions = unit_directions(360)
    slopes = directional_derivatives(bowl, POINT, directions).detach()
    fig = Figure(figsize=(6.4, 3.6))
    ax = fig.subplots()
    ax.plot(degrees, slopes, color="#3f51b5", label=text["slope"])
    for level in (GRADIENT_NORM, -GRADIENT_NORM):
        ax.axhline(level, color="#e53935", linestyle=":", linewidth=1)
    ax.lines[-1].set_label(text["norm"].format(norm=GRADIENT_NORM))
    ax.axvline(
        GRADIENT_ANGLE_DEGREES,
        color="#e53935",
        linestyle="--",
        linewidth=1,
        label=text["gradient"].format(angle=GRADIENT_ANGLE_DEGREES),
    )
    ax.axvline(
        GRADIENT_ANGLE_DEGREES + 180,
        color="#43a047",
        linestyle="--",
        linewidth=1,
        label=text["negative"].format(angle=GRADIENT_ANGLE_DEGREES + 180),
    )
    ax.set_xticks(range(0, 361, 45))
    ax.set_xlim(0, 360)
    ax.set_xlabel(text["x"])
    ax.set_ylabel(text["y"])
    ax.legend(loc="upper right", fontsize=8, framealpha=0.9)
    return fig
