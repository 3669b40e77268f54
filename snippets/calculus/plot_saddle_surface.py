"""Figure: the saddle f(x, y) = x^2 - y^2 as a surface and as contours."""

from __future__ import annotations

import torch
from matplotlib.figure import Figure

from snippets.calculus.loss_landscape import saddle

LABELS = {
    "zh": {
        "title_surface": "曲面 f(x, y) = x² − y²",
        "title_contour": "等高线",
        "saddle": "鞍点 (0, 0)",
        "up": "沿 x：向上弯",
        "down": "沿 y：向下弯",
    },
    "en": {
        "title_surface": "Surface f(x, y) = x² − y²",
        "title_contour": "Contours",
        "saddle": "saddle point (0, 0)",
        "up": "along x: curves up",
        "down": "along y: curves down",
    },
}


def make_figure(lang: str) -> Figure:
    text = LABELS[lang]
    axis = torch.linspace(-1.5, 1.5, 41, dtype=torch.float64)
    x, y = torch.meshgrid(axis, axis, indexing="xy")
    z = saddle(torch.stack([x, y]))
    fig = Figure(figsize=(7.2, 3.4), layout="constrained")
    surface = fig.add_subplot(1, 2, 1, projection="3d")
    surface.plot_surface(x, y, z, cmap="coolwarm", alpha=0.8, linewidth=0)
    surface.plot(axis, 0 * axis, axis**2, color="#2e7d32", lw=2, label=text["up"])
    surface.plot(0 * axis, axis, -(axis**2), color="#6a1b9a", lw=2, label=text["down"])
    surface.scatter([0], [0], [0], color="black", s=30)
    surface.set_xlabel("x")
    surface.set_ylabel("y")
    surface.view_init(elev=25, azim=-60)
    surface.set_title(text["title_surface"])
    surface.legend(fontsize=8, loc="upper left")
    contour = fig.add_subplot(1, 2, 2)
    lines = contour.contour(x, y, z, levels=13, cmap="coolwarm")
    contour.clabel(lines, fontsize=7)
    contour.plot(0, 0, "ko", ms=6, label=text["saddle"])
    contour.set_aspect("equal")
    contour.set_xlabel("x")
    contour.set_ylabel("y")
    contour.set_title(text["title_contour"])
    contour.legend(fontsize=8, loc="upper right")
    return fig
