"""Shared look of every figure: fonts that cover Chinese, deterministic SVG output.

Text is stored as paths, so Chinese labels display on machines without a CJK font.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib import font_manager
from matplotlib.figure import Figure

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


def cjk_font_path() -> Path:
    import mplfonts

    return Path(mplfonts.__file__).parent / "fonts" / CJK_FONT_FILE


def register_cjk_font() -> str:
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def style_rc() -> dict[str, object]:
    return {
        "font.family": ["DejaVu Sans", register_cjk_font()],
        "font.size": 11,
        "axes.unicode_minus": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "figure.figsize": (6.4, 3.6),
        "figure.dpi": 100,
        "svg.fonttype": "path",
        "svg.hashsalt": "dlkb",
        "path.simplify": True,
    }


@contextmanager
def figure_style() -> Iterator[None]:
    with plt.rc_context(style_rc()):
        yield


def svg_bytes(fig: Figure) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue()
