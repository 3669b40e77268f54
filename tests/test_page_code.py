"""Every included code block on every page runs, and prints what the page says it prints."""

import pytest

from tests.page_code import run_page_includes
from tests.pages import markdown_pages

PAGES_WITH_CODE = [p for p in markdown_pages() if any(f.is_include for f in p.fences())]


@pytest.mark.parametrize("page", PAGES_WITH_CODE, ids=lambda p: p.rel)
def test_included_code_runs_as_shown(page, record_property):
    result = run_page_includes(page)
    for language, number in result.run.items():
        record_property(f"code_blocks_{language}", number)
    record_property("code_blocks_skipped", result.skipped)
