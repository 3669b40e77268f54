"""Malformed formulas, an image that does not load, a missing anchor: the checks name the page."""

from __future__ import annotations

import pytest

from tests import inputs
from tests.browser.conftest import served
from tests.browser.test_pages import page_problems
from tests.links import broken_links
from tests.trimmed_project import build, write

BAD_PAGE = {
    "zh": "# 坏页面 { #bad }\n\n$$\n\\frac{1}{\n$$\n\n$$\nx^2^3\n$$\n\n"
    '<img src="nowhere.png" alt="不存在的图">\n\n<a href="#missing">缺失的锚点</a>\n',
    "en": "# Bad page { #bad }\n\n$$\n\\frac{1}{\n$$\n\n$$\nx^2^3\n$$\n\n"
    '<img src="nowhere.png" alt="a missing image">\n\n<a href="#missing">missing anchor</a>\n',
}


@pytest.mark.inputs.with_args(inputs.build_machinery)
def test_bad_page_is_reported_by_name(project, reading_context):
    for lang, text in BAD_PAGE.items():
        write(project / "docs" / lang / "bad.md", text)
    result = build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    with served(site) as base_url:
        problems = page_problems(reading_context, base_url, "en", "bad.md")
    assert any(p.startswith("docs/en/bad.md: MathJax errors") for p in problems), problems
    assert any(p.startswith("docs/en/bad.md: formulas MathJax left untypeset") for p in problems)
    assert any(p.startswith("docs/en/bad.md: images that did not load") for p in problems)
    assert any("bad/index.html: #missing (no #missing there)" in p for p in broken_links(site))
