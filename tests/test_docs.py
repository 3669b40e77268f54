"""Pages: both languages, same structure, code accounted for, numbers and terms checked."""

from __future__ import annotations

import pytest
import yaml

from hooks.figures import figure_scripts, figure_uri
from hooks.languages import missing_translations
from tests import inputs
from tests.numbers import mismatched_numbers, unchecked_decimals
from tests.pages import (
    DOCS,
    LANGUAGES,
    ROOT,
    RUNNABLE_SYNTAX,
    markdown_pages,
    page_pairs,
    section_text,
)

PAIRS = page_pairs()
PAGES = markdown_pages()
pair_ids = [zh.path.relative_to(DOCS / "zh").as_posix() for zh, _ in PAIRS]


def the_page(page) -> list:
    """The inputs of a check that reads the page alone."""
    return [page.path]


def test_every_page_exists_in_both_languages():
    assert missing_translations(DOCS, list(LANGUAGES)) == []


@pytest.mark.inputs.with_args(lambda zh, en: [zh.path, en.path])
@pytest.mark.parametrize(("zh", "en"), PAIRS, ids=pair_ids)
def test_translation_has_the_same_structure(zh, en):
    for aspect in (
        "heading_ids",
        "include_targets",
        "figures",
        "display_formulas",
    ):
        assert getattr(zh, aspect)() == getattr(en, aspect)(), (
            f"{aspect} differ between {zh.rel} and {en.rel}"
        )
    assert [m.group("kind", "module", "name") for m in zh.checks()] == [
        m.group("kind", "module", "name") for m in en.checks()
    ], f"number checks differ between {zh.rel} and {en.rel}"
    assert [f.syntax for f in zh.fences()] == [f.syntax for f in en.fences()], (
        f"code fences differ between {zh.rel} and {en.rel}"
    )


@pytest.mark.inputs.with_args(the_page)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.rel)
def test_headings_have_fixed_ids(page):
    missing = [h for h in page.heading_ids() if h.startswith("<no id")]
    assert not missing, f"{page.rel}: headings need {{ #ascii-id }}: {missing}"


@pytest.mark.inputs.with_args(the_page)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.rel)
def test_every_code_fence_is_run_or_skipped_with_a_reason(page):
    unaccounted = [
        f"{page.rel}:{fence.lineno} ```{fence.syntax}"
        for fence in page.fences()
        if not (fence.is_include or fence.syntax in RUNNABLE_SYNTAX or fence.skip_reason)
    ]
    skipped_without_reason = [
        f"{page.rel}:{fence.lineno}"
        for fence in page.fences()
        if any("skip" in m for m in fence.marks) and not fence.skip_reason
    ]
    assert not unaccounted, f"fences neither run nor skipped with a reason: {unaccounted}"
    assert not skipped_without_reason, f"skips need reason='...': {skipped_without_reason}"


@pytest.mark.inputs.with_args(lambda page: inputs.page_code(page))
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.rel)
def test_includes_resolve(page):
    for path, section in page.include_targets():
        section_text(path, section)


@pytest.mark.inputs.with_args(lambda page: [page.path, *figure_scripts()])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.rel)
def test_figures_exist_and_have_alt_text(page):
    known = {figure_uri(s) for s in figure_scripts()}
    for src, alt in zip(page.figures(), page.figure_alts(), strict=True):
        uri = src[src.index("figures/") :]
        assert uri in known, f"{page.rel}: {src} has no script snippets/…/plot_*.py"
        assert alt.strip(), f"{page.rel}: figure {src} needs alt text"


def test_every_figure_script_is_shown_in_both_languages():
    for script in figure_scripts():
        uri = figure_uri(script)
        for lang in ("zh", "en"):
            shown = any(uri in f for p in PAGES if p.lang == lang for f in p.figures())
            assert shown, f"{script.relative_to(ROOT)} is not shown on any {lang} page"


@pytest.mark.inputs.with_args(lambda zh, en: inputs.page_code(zh, en))
@pytest.mark.parametrize(("zh", "en"), PAIRS, ids=pair_ids)
def test_numbers_in_prose_match_the_code(zh, en):
    """Each value is computed once (tests.numbers caches it) and checked on both pages."""
    assert mismatched_numbers(zh) + mismatched_numbers(en) == []


@pytest.mark.inputs.with_args(the_page)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.rel)
def test_decimal_numbers_in_prose_are_checked(page):
    assert unchecked_decimals(page) == []


def test_chinese_pages_use_the_glossary_terms():
    glossary = yaml.safe_load((ROOT / "includes" / "glossary.yml").read_text(encoding="utf-8"))
    banned = {v: t["zh"] for t in glossary["terms"] for v in t.get("avoid", [])}
    found = [
        f"{p.rel}: '{variant}' (use '{term}')"
        for p in PAGES
        if p.lang == "zh"
        for variant, term in banned.items()
        if variant in p.text
    ]
    assert found == []
