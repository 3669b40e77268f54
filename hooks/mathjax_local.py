"""Serve MathJax from the site itself: no CDN, so formulas render offline and behind firewalls.

MathJax 3 comes from PyPI (the ``django-static-mathjax`` package ships its es5 build); this
hook copies the combined TeX→CHTML component and what it loads on demand into
site/assets/mathjax of each language's project.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

NEEDED = (
    "tex-chtml.js",
    "input/tex/extensions",
    "output/chtml/fonts/woff-v2",
    "ui",
    "a11y",
)


def mathjax_es5_dir() -> Path:
    import mathjax

    es5 = Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"
    if not (es5 / "tex-chtml.js").is_file():
        raise PluginError(f"MathJax not found at {es5}: is django-static-mathjax installed?")
    return es5


def copy_mathjax(target: Path) -> None:
    source = mathjax_es5_dir()
    for relative in NEEDED:
        src, dst = source / relative, target / relative
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            shutil.copy2(src, dst)


def on_post_build(config: MkDocsConfig) -> None:
    copy_mathjax(Path(config.site_dir) / "assets" / "mathjax")
