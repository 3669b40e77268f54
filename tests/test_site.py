"""The built site: languages, language selector, per-language search, offline, weight, figures."""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path
from urllib.parse import urljoin

import pytest

from hooks.figures import cached_svgs, figure_scripts
from tests import inputs
from tests.links import parse
from tests.pages import LANGUAGES, in_another_language, print_page_name
from tests.site import ensure_built, html_pages, page_language, site_prefix

NOTEBOOK_PAGE_MAX_BYTES = 300_000
MEDIAN_PAGE_MAX_BYTES = 150_000
MATHJAX = re.compile(r"[./]*assets/mathjax/tex-chtml\.js")
OTHER_HOST = re.compile(r"^(https?:)?//")
CSS_URL = re.compile(r"url\(\s*['\"]?(https?:)?//")
SEARCH_SEPARATOR = re.compile(r"[\s\u200b\-_,:!=\[\]()\"`/]+|\.(?!\d)")

pytestmark = pytest.mark.inputs.with_args(inputs.built_site)


@pytest.fixture(scope="module")
def site() -> Path:
    return ensure_built()


def content_pages(site: Path) -> list[Path]:
    return [p for p in html_pages(site) if p.name == "index.html"]


def site_path(site: Path, page: Path) -> str:
    """URL path of a page, after the site prefix: site/en/x/index.html -> /en/x/."""
    folder = page.parent.relative_to(site).as_posix()
    return site_prefix() + ("/" if folder == "." else f"/{folder}/")


def test_html_lang_matches_the_language(site):
    for page in html_pages(site):
        assert parse(page).lang == page_language(site, page), page.relative_to(site)


def wrong_language_labels(labels: frozenset[str], lang: str) -> list[str]:
    return sorted(label for label in labels if in_another_language(label, lang))


def test_controls_are_labelled_in_the_page_language(site):
    wrong = {
        page.relative_to(site).as_posix(): found
        for page in html_pages(site)
        if (found := wrong_language_labels(parse(page).labels, page_language(site, page)))
    }
    assert wrong == {}


def test_a_label_in_the_other_language_is_found():
    assert wrong_language_labels(frozenset({"Switch to dark mode", "GitHub"}), "zh") == [
        "Switch to dark mode"
    ]
    assert wrong_language_labels(frozenset({"复制", "Copy to clipboard"}), "en") == ["复制"]


def test_language_selector_opens_the_same_page(site):
    for page in content_pages(site):
        own = site_path(site, page)
        root = site_prefix() + "/"
        bare = own.removeprefix(root).removeprefix("en/")
        expected = {"zh": root + bare, "en": root + "en/" + bare}
        links = {lang: urljoin(own, href) for lang, href in parse(page).selector.items()}
        assert links == expected, own


def test_no_resource_comes_from_another_host(site):
    offenders = [
        f"{page.relative_to(site)}: {url}"
        for page in html_pages(site)
        for url in parse(page).loaded
        if OTHER_HOST.match(url)
    ]
    for css in site.rglob("*.css"):
        if CSS_URL.search(css.read_text(encoding="utf-8", errors="ignore")):
            offenders.append(f"{css.relative_to(site)}: url() to another host")
    assert offenders == []


def test_mathjax_is_served_by_the_site(site):
    assert (site / "assets" / "mathjax" / "tex-chtml.js").is_file()
    assert (site / "assets" / "mathjax" / "output" / "chtml" / "fonts" / "woff-v2").is_dir()
    for page in content_pages(site):
        parsed = parse(page)
        if "arithmatex" in parsed.classes:
            assert any(MATHJAX.fullmatch(url) for url in parsed.loaded), page


def load_index(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["docs"]


def tokens(doc: dict) -> set[str]:
    return {t.lower() for t in SEARCH_SEPARATOR.split(doc["title"] + " " + doc["text"]) if t}


def indexed_pages(index: list[dict]) -> set[str]:
    return {d["location"].split("#")[0] for d in index}


def built_pages(site: Path, lang: str) -> set[str]:
    """Page URLs of one language, relative to that language's root, but the 404 page and the print
    page, which repeats every page (search would find everything twice)."""
    root = site / "en" if lang == "en" else site
    urls = set()
    for page in content_pages(site):
        if page_language(site, page) != lang or page.parent.name in {"404", print_page_name()}:
            continue
        rel = page.parent.relative_to(root).as_posix()
        urls.add("" if rel == "." else rel + "/")
    return urls


def test_each_language_has_its_own_search_index(site):
    zh = load_index(site / "search/search_index.json")
    en = load_index(site / "en/search/search_index.json")
    assert indexed_pages(zh) == built_pages(site, "zh")
    assert indexed_pages(en) == built_pages(site, "en")


def test_chinese_search_is_split_into_words(site):
    zh = load_index(site / "search/search_index.json")
    hits = {d["location"].split("#")[0] for d in zh if "交叉熵" in tokens(d)}
    assert "information_theory/cross_entropy_kl/" in hits


def test_english_search_finds_cross_entropy(site):
    en = load_index(site / "en/search/search_index.json")
    hits = {d["location"].split("#")[0] for d in en if {"cross", "entropy"} <= tokens(d)}
    assert "information_theory/cross_entropy_kl/" in hits


def test_page_weights(site):
    sizes = {p: p.stat().st_size for p in content_pages(site)}
    notebook_pages = [p for p in sizes if (p.parent / f"{p.parent.name}.ipynb").exists()]
    assert notebook_pages
    for page in notebook_pages:
        assert sizes[page] <= NOTEBOOK_PAGE_MAX_BYTES, (page, sizes[page])
    assert statistics.median(sizes.values()) <= MEDIAN_PAGE_MAX_BYTES


def test_figures_keep_text_as_paths(site):
    svgs = list(site.rglob("figures/**/*.svg"))
    assert svgs
    for svg in svgs:
        assert "<text" not in svg.read_text(encoding="utf-8"), svg


def test_no_notebook_checkpoints_are_published(site):
    assert not list(site.rglob(".ipynb_checkpoints"))


def figure_cache() -> inputs.Inputs | None:
    """The cached figures under their current keys, and the code those keys are made of."""
    svgs = [svg for lang in LANGUAGES for svg in cached_svgs(figure_scripts(), lang).values()]
    return inputs.with_built_site(*svgs, *inputs.files_under("snippets", "hooks"))


@pytest.mark.inputs.with_args(figure_cache)
def test_an_unchanged_rebuild_draws_no_figure(site):
    """After a build every figure is in the cache under its current key: nothing to redraw."""
    missing = [
        f"{script.name} ({lang})"
        for lang in LANGUAGES
        for script, svg in cached_svgs(figure_scripts(), lang).items()
        if not svg.exists()
    ]
    assert missing == []
