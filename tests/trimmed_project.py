"""A copy of the build (hooks, theme, assets) with one page per language and no chapters."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests import pages
from tests.site import build_site

ROOT = pages.ROOT
COPIED = ("hooks", "overrides", "includes", "requirements.txt")


def make_project(tmp_path: Path) -> Path:
    for name in COPIED:
        source, target = ROOT / name, tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (tmp_path / "snippets").mkdir()
    for name in ("__init__.py", "plotting.py"):
        shutil.copy2(ROOT / "snippets" / name, tmp_path / "snippets" / name)
    for config in pages.config_files():
        text = config.read_text(encoding="utf-8")
        (tmp_path / config.name).write_text(text[: text.index("\n# Page tree")] + "\n")
    for lang in ("zh", "en"):
        write(tmp_path / "docs" / lang / "index.md", "# Home { #home }\n\nText.\n")
    return tmp_path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build(project: Path) -> subprocess.CompletedProcess:
    return build_site(project, capture_output=True, text=True)
