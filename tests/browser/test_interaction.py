"""What a reader does on the site: search, switch colour scheme, copy code."""

from __future__ import annotations

import pytest

from tests.pages import ROOT, Page, expanded_code

# (language, query, page that must be among the first results)
SEARCHES = [
    ("zh", "交叉熵", "information_theory/cross_entropy_kl/"),
    ("zh", "激活函数", "activations/"),
    ("zh", "KL 散度", "information_theory/cross_entropy_kl/"),
    ("zh", "似然", "information_theory/likelihood_bce/"),
    ("zh", "非线性", "activations/why_nonlinearity/"),
    ("en", "cross entropy", "information_theory/cross_entropy_kl/"),
    ("en", "activation function", "activations/"),
    ("en", "KL divergence", "information_theory/cross_entropy_kl/"),
    ("en", "likelihood", "information_theory/likelihood_bce/"),
    ("en", "non-linearity", "activations/why_nonlinearity/"),
]
TOP_RESULTS = 5


def language_root(base_url: str, lang: str) -> str:
    return base_url + ("/" if lang == "zh" else "/en/")


def search_results(page, query: str) -> list[str]:
    page.click("input.md-search__input")
    page.keyboard.type(query)
    page.keyboard.press("End")  # an IME ends with a key event; Material searches on keyup
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.href)"
    )


@pytest.mark.parametrize(("lang", "query", "expected"), SEARCHES, ids=lambda x: str(x))
def test_search_finds_the_page_in_the_readers_language(context, base_url, lang, query, expected):
    page = context.new_page()
    root = language_root(base_url, lang)
    page.goto(root)
    results = search_results(page, query)
    pages = [r.split("?")[0].split("#")[0] for r in results]
    assert root + expected in pages[:TOP_RESULTS], f"'{query}' on {root}: {pages[:TOP_RESULTS]}"
    other_root = language_root(base_url, "en")
    in_english = [r.startswith(other_root) for r in pages]
    assert all(in_english) if lang == "en" else not any(in_english), pages
    page.close()


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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_button_copies_the_code_shown(context, base_url, lang):
    source = Page(ROOT / "docs" / lang / "activations" / "why_nonlinearity.md")
    fence = next(f for f in source.fences() if f.is_include)
    page = context.new_page()
    page.goto(language_root(base_url, lang) + "activations/why_nonlinearity/")
    page.locator("#__code_0").hover()
    page.locator('button[data-clipboard-target="#__code_0 > code"]').click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    shown = expanded_code(fence)
    strip = lambda text: [line.split("  # (")[0].rstrip() for line in text.strip().splitlines()]  # noqa: E731
    assert strip(copied) == strip(shown)
    page.close()


@pytest.mark.parametrize(("start", "target"), [("zh", "en"), ("en", "zh")])
def test_clicking_the_language_selector_opens_the_same_page(context, base_url, start, target):
    """Clicked, not just read: Material's script may reroute clicks on links to another language."""
    path = "activations/softmax/"
    page = context.new_page()
    page.goto(language_root(base_url, start) + path)
    page.locator(".md-select").first.hover()
    page.locator(f'a.md-select__link[hreflang="{target}"]').click()
    page.wait_for_load_state()
    assert page.url == language_root(base_url, target) + path
    page.close()
