"""The built site (site/), built once per test session when missing or stale."""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from pathlib import Path

from tests.pages import ROOT

SITE = ROOT / "site"
SOURCES = ("docs", "snippets", "hooks", "overrides", "includes", "bench", "mkdocs.yml")


def newest_source_mtime() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        newest = max([newest, *(f.stat().st_mtime for f in files)])
    return newest


def ensure_built() -> Path:
    """Build site/ unless it is newer than every source; one process builds at a time."""
    lock = ROOT / ".cache" / "site-build.lock"
    lock.parent.mkdir(exist_ok=True)
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        build_if_stale()
    return SITE


def build_if_stale() -> None:
    marker = SITE / "search" / "search_index.json"
    if not marker.exists() or marker.stat().st_mtime < newest_source_mtime():
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=ROOT,
            check=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_language(site: Path, page: Path) -> str:
    return "en" if page.relative_to(site).parts[0] == "en" else "zh"
