"""The downloads in a real browser: the offline copy opened from file://, and the print page as
Chromium lays it out on paper (what the PDF is printed from)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_interaction import SEARCHES, TOP_RESULTS, search_results
from tests.pages import DOCS, print_page_name, site_languages
from tests.site import ensure_built
from tools.artefacts import unpack_offline_copy

pytestmark = [pytest.mark.full_tier]

FORMULA_PAGE = "information_theory/cross_entropy_kl"
FIGURE_PAGE = "activations/sigmoid_tanh"
TYPESET = "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
TYPESET_TIMEOUT_MS = 300_000
# The content width of an A4 page with the stylesheet's 15 mm margins, in CSS pixels (96 per inch)
PAPER_WIDTH_PX = round((210 - 2 * 15) / 25.4 * 96)


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory) -> Path:
    """The published archive, unpacked."""
    ensure_built()
    return unpack_offline_copy(tmp_path_factory.mktemp("offline"))


@pytest.fixture
def offline_page(browser):
    """A page that may load only file:// URLs; anything else is recorded and refused."""
    context = browser.new_context()
    other_hosts: list[str] = []

    def refuse(route) -> None:
        other_hosts.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith("file://"), refuse)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert other_hosts == [], "the offline copy asked another host"
    assert errors == [], "scripts failed in the offline copy"


PREFIXES = {language["lang"]: language["prefix"] for language in site_languages()}


def language_root(copy: Path, lang: str) -> Path:
    return copy / PREFIXES[lang]


def offline_file(lang: str, url: str) -> str:
    """A page's file in the offline copy, from its folder URL: a/ is a/index.html or a.html."""
    if (DOCS / lang / url / "index.md").exists():
        return url + "index.html"
    return url.rstrip("/") + ".html"


def test_the_offline_copy_navigates_between_pages(offline_copy, offline_page):
    offline_page.goto((offline_copy / "index.html").as_uri())
    offline_page.locator(".md-nav--primary a.md-nav__link[href$='.html']").nth(1).click()
    offline_page.wait_for_load_state("load")
    assert offline_page.url.startswith("file://") and offline_page.url.endswith(".html")
    assert offline_page.url != (offline_copy / "index.html").as_uri()
    assert offline_page.locator("article h1").count() == 1


@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [(lang, query, expected) for lang, cases in SEARCHES.items() for query, expected in cases],
    ids=lambda x: str(x),
)
def test_search_works_in_the_offline_copy(offline_copy, offline_page, lang, query, expected):
    root = language_root(offline_copy, lang)
    offline_page.goto((root / "index.html").as_uri())
    results = [url.split("?")[0].split("#")[0] for url in search_results(offline_page, query)]
    assert (root / offline_file(lang, expected)).as_uri() in results[:TOP_RESULTS], results


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_formulas_and_figures_render_in_the_offline_copy(offline_copy, offline_page, lang):
    root = language_root(offline_copy, lang)
    offline_page.goto((root / f"{FORMULA_PAGE}.html").as_uri())
    offline_page.wait_for_function(TYPESET)
    offline_page.evaluate("() => MathJax.startup.promise")
    assert offline_page.locator("mjx-container").count() > 0
    assert offline_page.locator("mjx-merror").count() == 0
    offline_page.goto((root / f"{FIGURE_PAGE}.html").as_uri())
    figures = offline_page.locator("article img[src$='.svg']")
    assert figures.count() > 0
    widths = figures.evaluate_all("images => images.map(image => image.naturalWidth)")
    assert all(width > 0 for width in widths), widths


def test_the_language_selector_stays_inside_the_offline_copy(offline_copy, offline_page):
    page = f"{FORMULA_PAGE}.html"
    offline_page.goto((language_root(offline_copy, "zh") / page).as_uri())
    english = offline_page.locator("a.md-select__link[hreflang=en]")
    offline_page.goto(english.evaluate("link => link.href"))
    assert offline_page.url == (language_root(offline_copy, "en") / page).as_uri()
    assert offline_page.evaluate("document.documentElement.lang") == "en"


@pytest.fixture(scope="module")
def printed(browser, base_url):
    """Each language's print page, typeset and laid out for paper."""
    context = browser.new_context(viewport={"width": PAPER_WIDTH_PX, "height": 1000})
    pages = {}
    for language in site_languages():
        page = context.new_page()
        page.goto(
            f"{base_url}/{language['prefix']}{print_page_name()}/", timeout=TYPESET_TIMEOUT_MS
        )
        page.wait_for_function(TYPESET, timeout=TYPESET_TIMEOUT_MS)
        page.evaluate("() => MathJax.startup.promise")
        page.emulate_media(media="print")
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        pages[language["lang"]] = page
    yield pages
    context.close()


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_the_print_page_typesets_every_formula(printed, lang):
    page = printed[lang]
    assert page.locator("mjx-merror").count() == 0
    assert page.locator("mjx-container").count() == page.locator(".arithmatex").count() > 100


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_no_code_line_is_cut_off_on_paper(printed, lang):
    clipped = printed[lang].evaluate(
        """() => [...document.querySelectorAll('#print-site-page pre > code')]
            .filter(code => code.scrollWidth > code.clientWidth + 1)
            .map(code => code.textContent.split('\\n')[0])"""
    )
    assert clipped == []


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_every_page_of_the_book_starts_on_a_new_sheet(printed, lang):
    breaks = printed[lang].evaluate(
        """() => [...document.querySelectorAll('#print-site-page section.print-page')]
            .slice(1).map(section => getComputedStyle(section).breakBefore)"""
    )
    assert breaks and set(breaks) == {"page"}


@pytest.mark.parametrize("lang", list(PREFIXES))
def test_collapsed_blocks_open_and_figures_load_for_printing(printed, lang):
    page = printed[lang]
    assert page.locator("#print-site-page details:not([open])").count() == 0
    widths = page.locator("#print-site-page img[src$='.svg']").evaluate_all(
        "images => images.map(image => image.complete ? image.naturalWidth : 0)"
    )
    assert widths and all(width > 0 for width in widths)
