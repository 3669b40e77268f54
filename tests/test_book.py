"""hooks/book.py's faster ``update_anchor_ids`` gives exactly the print plugin's result."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.book import PLUGIN_UPDATE_ANCHOR_IDS, update_anchor_ids
from tests.pages import print_page_name
from tests.site import ensure_built

pytestmark = [pytest.mark.full_tier]


def built_pages() -> list[Path]:
    site = ensure_built()
    return sorted(p for p in site.rglob("index.html") if print_page_name() not in p.parts)


def test_anchor_ids_renamed_as_the_plugin_renames_them() -> None:
    assert PLUGIN_UPDATE_ANCHOR_IDS.__module__ == "mkdocs_print_site_plugin.urls"
    pages = built_pages()
    assert len(pages) > 100
    renamed = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        expected = PLUGIN_UPDATE_ANCHOR_IDS(html, "page-key")
        assert update_anchor_ids(html, "page-key") == expected, page
        renamed += expected.count('id="page-key-')
    assert renamed > 1000  # the comparison covered real headings, footnotes and list items
