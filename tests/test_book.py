"""hooks/book.py's faster ``update_anchor_ids`` gives exactly the print plugin's result."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.pages import ROOT, print_page_name
from tests.site import ensure_built

pytestmark = [pytest.mark.full_tier]


def book_hook() -> ModuleType:
    """hooks/book.py as MkDocs loads it: its folder on sys.path, for its sibling imports."""
    sys.path.insert(0, str(ROOT / "hooks"))
    try:
        spec = importlib.util.spec_from_file_location("book_hook", ROOT / "hooks" / "book.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "hooks"))


def built_pages() -> list[Path]:
    site = ensure_built()
    return sorted(p for p in site.rglob("index.html") if print_page_name() not in p.parts)


def test_anchor_ids_renamed_as_the_plugin_renames_them() -> None:
    book = book_hook()
    pages = built_pages()
    assert len(pages) > 100
    renamed = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = book.PLUGIN_UPDATE_ANCHOR_IDS(html, "page-key")
        assert book.update_anchor_ids(html, "page-key") == expected, page
        renamed += expected.count('id="page-key-')
    assert renamed > 1000  # the comparison covered real headings, footnotes and list items
