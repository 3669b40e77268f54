"""What a reader does on the site: search, switch colour scheme, copy code."""

from __future__ import annotations

import pytest

from tests import inputs
from tests.pages import ROOT, Page, expanded_code

# Per language: (query, page that must be among the first results)
SEARCHES = {
    "zh": [
        ("交叉熵", "information_theory/cross_entropy_kl/"),
        ("激活函数", "activations/"),
        ("KL 散度", "information_theory/cross_entropy_kl/"),
        ("似然", "information_theory/likelihood_bce/"),
        ("非线性", "activations/why_nonlinearity/"),
    ],
    "en": [
        ("cross entropy", "information_theory/cross_entropy_kl/"),
        ("activation function", "activations/"),
        ("KL divergence", "information_theory/cross_entropy_kl/"),
        ("likelihood", "information_theory/likelihood_bce/"),
        ("non-linearity", "activations/why_nonlinearity/"),
    ],
}
TOP_RESULTS = 5


def language_root(base_url: str, lang: str) -> str:
    return f"{base_url}/{inputs.language_prefix(lang)}"


def search_results(page, query: str) -> list[str]:
    """The results of one query, entered as an IME does: the whole text, then one key event
    (Material searches on keyup). Typed key by key, every prefix is a search of its own, and the
    first results shown can be a prefix's, or none while the last query's are drawn."""
    box = page.locator("input.md-search__input")
    if box.input_value():
        box.fill("")
        box.press("End")
        page.wait_for_selector(".md-search-result__item", state="detached", timeout=10_000)
    box.click()
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.href)"
    )


@pytest.mark.inputs.with_args(inputs.search)
@pytest.mark.parametrize("lang", SEARCHES)
def test_search_finds_the_pages_in_the_readers_language(context, base_url, lang):
    """One page load per language (the search index is read once), one query after another."""
    page = context.new_page()
    root = language_root(base_url, lang)
    page.goto(root)
    other_root = language_root(base_url, "en")
    problems = []
    for query, expected in SEARCHES[lang]:
        pages = [r.split("?")[0].split("#")[0] for r in search_results(page, query)]
        if root + expected not in pages[:TOP_RESULTS]:
            problems.append(f"'{query}' on {root}: {expected} not in {pages[:TOP_RESULTS]}")
        in_english = [r.startswith(other_root) for r in pages]
        if not (all(in_english) if lang == "en" else not any(in_english)):
            problems.append(f"'{query}' on {root} found pages of another language: {pages}")
    assert problems == []
    page.close()


@pytest.mark.inputs.with_args(lambda: inputs.language_page("zh", ""))
def test_colour_scheme_toggle_switches_and_back(context, base_url):
    page = context.new_page()
    page.goto(base_url + "/")
    scheme = "() => document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate(scheme)
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert {before, after} == {"default", "slate"}
    assert page.evaluate(scheme) == before
    page.close()


COPIED_FROM = "activations/why_nonlinearity"


def copy_button_inputs(lang: str) -> inputs.Inputs | None:
    shown = inputs.language_page(lang, COPIED_FROM + "/")
    source = inputs.page_code(Page(ROOT / "docs" / lang / f"{COPIED_FROM}.md"))
    return None if shown is None else [*shown, *source]


@pytest.mark.inputs.with_args(copy_button_inputs)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_button_copies_the_code_shown(context, base_url, lang):
    source = Page(ROOT / "docs" / lang / f"{COPIED_FROM}.md")
    fence = next(f for f in source.fences() if f.is_include)
    page = context.new_page()
    page.goto(language_root(base_url, lang) + COPIED_FROM + "/")
    page.locator("#__code_0").hover()
    page.locator('button[data-clipboard-target="#__code_0 > code"]').click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    shown = expanded_code(fence)
    strip = lambda text: [line.split("  # (")[0].rstrip() for line in text.strip().splitlines()]  # noqa: E731
    assert strip(copied) == strip(shown)
    page.close()


SWITCHED_ON = "activations/softmax/"


@pytest.mark.inputs.with_args(
    lambda start, target: inputs.built_pages((start, SWITCHED_ON), (target, SWITCHED_ON))
)
@pytest.mark.parametrize(("start", "target"), [("zh", "en"), ("en", "zh")])
def test_clicking_the_language_selector_opens_the_same_page(context, base_url, start, target):
    """Clicked, not just read: Material's script may reroute clicks on links to another language."""
    path = SWITCHED_ON
    page = context.new_page()
    page.goto(language_root(base_url, start) + path)
    page.locator(".md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_load_state()
    assert page.url == language_root(base_url, target) + path
    page.close()
