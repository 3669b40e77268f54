"""The built site (site/), built once per test session when missing or stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.pages import ROOT

SITE = ROOT / "site"
SOURCES = ("docs", "snippets", "hooks", "overrides", "includes", "mkdocs.yml")


def newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        newest = max([newest, *(f.stat().st_mtime for f in files)])
    return newest


def ensure_built() -> Path:
    marker = SITE / "search" / "search_index.json"
    if not marker.exists() or marker.stat().st_mtime < newest_source_mtime():
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    return SITE


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_language(site: Path, page: Path) -> str:
    return "en" if page.relative_to(site).parts[0] == "en" else "zh"
