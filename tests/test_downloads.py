"""The downloads in site/downloads/ (tools/artefacts.py): the offline copy and the two PDFs.

They are made in the build step of the full tier; the quick tier may place downloads made from
earlier sources, so these checks run in the full tier only. What only a browser shows (the copy
opened from file://, the print page on paper) is in tests/browser/test_downloads.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import get_yaml_loader, yaml_load
from pypdf import PdfReader

from tests.links import broken_links, parse
from tests.pages import DOCS, LANGUAGES, config_files, print_page_name, site_languages
from tests.site import ensure_built
from tools.artefacts import artefacts_key, pdf_name, read_state, unpack_offline_copy

pytestmark = [pytest.mark.full_tier]

OTHER_HOST = re.compile(r"^(https?:)?//")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def downloads() -> Path:
    return ensure_built() / "downloads"


@pytest.fixture(scope="module")
def offline_copy(downloads, tmp_path_factory) -> Path:
    """The published archive, unpacked."""
    ensure_built()
    return unpack_offline_copy(tmp_path_factory.mktemp("offline"))


def project(lang: str) -> dict:
    """A language's config, with what it inherits."""
    configs = dict(zip(LANGUAGES, config_files(), strict=True))
    with configs[lang].open("rb") as handle:
        return yaml_load(handle, get_yaml_loader())


def chapter_titles(lang: str) -> list[str]:
    """The titles of the nav's sections (the chapters), in order."""
    nav = project(lang)["nav"]
    return [title for entry in nav for title, target in entry.items() if isinstance(target, list)]


def test_the_downloads_were_made_from_the_sources_as_they_are():
    assert read_state().get("key") == artefacts_key(), "downloads are stale: run make test"


def test_the_offline_copy_has_every_page_of_every_language(offline_copy):
    for language in site_languages():
        docs = DOCS / language["lang"]
        for page in docs.rglob("*"):
            if page.suffix in {".md", ".ipynb"}:
                built = page.relative_to(docs).with_suffix(".html")
                assert (offline_copy / language["prefix"] / built).is_file(), built
        root = offline_copy / language["prefix"]
        assert (root / "search" / "search_index.js").is_file()
        assert (root / f"{print_page_name()}.html").is_file()


def test_the_offline_copy_links_resolve_inside_it(offline_copy):
    assert broken_links(offline_copy, prefix="") == []


def test_the_offline_copy_loads_nothing_from_another_host(offline_copy):
    offenders = [
        f"{page.relative_to(offline_copy)}: {url}"
        for page in offline_copy.rglob("*.html")
        for url in parse(page).loaded
        if OTHER_HOST.match(url)
    ]
    assert offenders == []


def test_the_offline_copy_holds_the_books(offline_copy, downloads):
    for lang in LANGUAGES:
        packed = offline_copy / "downloads" / pdf_name(lang)
        assert packed.read_bytes() == (downloads / pdf_name(lang)).read_bytes()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_book_is_a_pdf_of_every_chapter_in_order(lang, downloads):
    """The cover names the site; the PDF's outline (its bookmarks) lists every chapter in nav
    order (a chapter's title heads its section and its first page); every page starts on a new
    sheet, so there are more sheets than pages."""
    reader = PdfReader(downloads / pdf_name(lang))
    outline = [item.title.strip() for item in flat_outline(reader.outline)]
    chapters = chapter_titles(lang)
    assert chapters and list(dict.fromkeys(t for t in outline if t in chapters)) == chapters
    assert project(lang)["site_name"] in reader.pages[0].extract_text()
    page_count = sum(1 for _ in (DOCS / lang).rglob("*.md"))
    assert len(reader.pages) > page_count


def flat_outline(outline: list) -> list:
    """pypdf's outline: an entry, then a list of its children."""
    return [
        entry
        for item in outline
        for entry in (flat_outline(item) if isinstance(item, list) else [item])
    ]


def test_the_chinese_book_is_set_in_chinese(downloads):
    reader = PdfReader(downloads / pdf_name("zh"))
    text = "".join(reader.pages[index].extract_text() for index in range(5, 15))
    assert len(CJK.findall(text)) > 1000
