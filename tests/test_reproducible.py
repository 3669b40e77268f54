"""Two builds of the same sources give identical files.

The second build runs in a fresh copy of the repository's files with no cache, so this also
checks that the caches (figures, executed notebooks) never serve anything stale: the site that
`make test` built, possibly from caches, must equal a cold build byte for byte.
Dates come from SOURCE_DATE_EPOCH (the Makefile sets it to the last commit's time).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pages import ROOT
from tests.site import build_site, ensure_built

KNOWN_DIFFERENCES: set[str] = set()


def repository_files() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [name for name in listed if (ROOT / name).is_file()]


def fresh_copy(target: Path) -> Path:
    for name in repository_files():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, destination)
    return target


def tree(site: Path) -> dict[str, bytes]:
    """Every built file but the downloads, which tools/artefacts.py adds after the build (the
    PDFs carry the time Chromium printed them; tests/test_downloads.py checks what they hold)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).parts[0] != "downloads"
    }


@pytest.mark.full_tier
@pytest.mark.long
def test_a_cold_build_from_a_fresh_copy_equals_the_site(tmp_path):
    site = ensure_built()
    copy = fresh_copy(tmp_path / "repo")
    build_site(copy, check=True, capture_output=True)
    built, fresh = tree(site), tree(copy / "site")
    assert sorted(built) == sorted(fresh)
    differing = sorted(name for name in built if built[name] != fresh[name])
    assert [name for name in differing if name not in KNOWN_DIFFERENCES] == []
