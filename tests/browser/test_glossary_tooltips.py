"""Glossary tooltips in a real browser: hovering over or focusing the first use of a term shows
its other-language name and its definition, in running Chinese text as in English."""

from __future__ import annotations

import re

import pytest

from hooks.glossary import load_glossary
from tests import inputs
from tests.browser.test_interaction import language_root
from tests.pages import ROOT

# (language, page, the term's English name, the text shown on the page)
CASES = [
    # Chinese terms with Chinese characters on both sides ("函数要让梯度顺利穿过", "的信息量讲起"),
    # where Markdown's abbr, which needs a word boundary, finds nothing
    ("zh", "activations/choosing/", "gradient", "梯度"),
    ("zh", "information_theory/entropy/", "information content", "信息量"),
    ("en", "activations/choosing/", "hidden layer", "hidden layers"),
]
GLOSSARY = {t["en"]: t for t in load_glossary()["terms"]}
CJK = "[\u3400-\u9fff]"


def tooltip_text(page) -> str:
    tip = page.locator(".md-tooltip2--active")
    tip.wait_for(state="visible", timeout=5_000)
    return tip.inner_text()


def tooltip_inputs(lang: str, path: str, **_case) -> inputs.Inputs | None:
    """The page, and the glossary the expected tooltip text is read from."""
    page = inputs.language_page(lang, path)
    return None if page is None else [*page, ROOT / "includes" / "glossary.yml"]


@pytest.mark.inputs.with_args(tooltip_inputs)
@pytest.mark.parametrize("how", ["hover", "focus"])
@pytest.mark.parametrize(("lang", "path", "term", "shown"), CASES, ids=lambda x: str(x))
def test_a_glossary_term_shows_its_tooltip(context, base_url, lang, path, term, shown, how):
    entry = GLOSSARY[term]
    other = "en" if lang == "zh" else "zh"
    page = context.new_page()
    page.goto(language_root(base_url, lang) + path)
    abbr = page.locator("article abbr").filter(has_text=re.compile(f"^{shown}$")).first
    assert abbr.inner_text() == shown
    if lang == "zh":  # inside running Chinese text: Chinese characters on both sides
        around = abbr.evaluate(
            "e => [e.previousSibling?.textContent.slice(-1), e.nextSibling?.textContent[0]]"
        )
        assert all(re.match(CJK, c or "") for c in around), around
    assert abbr.get_attribute("tabindex") == "0"
    if how == "hover":
        abbr.hover()
    else:
        abbr.focus()
    text = tooltip_text(page)
    assert entry[other] in text and entry["def"][lang] in text, text
    page.close()


@pytest.mark.inputs.with_args(lambda: inputs.language_page("en", "activations/choosing/"))
def test_keyboard_tab_reaches_a_term(context, base_url):
    page = context.new_page()
    page.goto(language_root(base_url, "en") + "activations/choosing/")
    # Tab from the element just before the term lands on the term.
    page.evaluate(
        """() => {
            const abbr = document.querySelector('article abbr');
            const before = document.createElement('span');
            before.tabIndex = 0;
            abbr.before(before);
            before.focus();
        }"""
    )
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.tagName") == "ABBR"
    assert page.locator(".md-tooltip2--active").count() == 1
    page.close()
