"""The glossary (includes/glossary.yml): complete entries, links that resolve, every term a page
introduces in bold listed, and the tooltip matcher of hooks/glossary.py."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

import markdown
import pytest

from hooks.glossary import (
    GlossaryTooltips,
    Matcher,
    dangling_pages,
    forms,
    glossary_table,
    load_glossary,
    pinyin_key,
    problems,
    unsortable_characters,
)
from tests.pages import DOCS, ROOT, markdown_pages

GLOSSARY = load_glossary()
PAGES = [p for p in markdown_pages() if not p.rel.endswith("/glossary.md")]

# A bold span that reads as a term, not a sentence or a label: no sentence punctuation, digits,
# math, code or links; at most 8 characters when it contains Chinese, at most 3 words otherwise,
# and not a run of capitalized words (a button or menu label such as "Select Kernel").
NOT_A_TERM = re.compile(r"[$`\[\]<>()（）。，、：；？！.,:;?!“”\"→/=\d]")
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
CJK = re.compile(r"[\u3400-\u9fff]")


def is_term_like(text: str) -> bool:
    if NOT_A_TERM.search(text):
        return False
    if CJK.search(text):
        return len(text) <= 8
    words = re.split(r"[\s-]+", text)
    return len(text.split()) <= 3 and not (len(words) > 1 and all(w[0].isupper() for w in words))


def known_names(lang: str) -> set[str]:
    names = set()
    for term in GLOSSARY["terms"]:
        names.update([term[lang], *forms(term, lang), term.get("abbr") or term[lang]])
    names.update(GLOSSARY.get("emphasis", {}).get(lang, []))
    return {n.casefold() for n in names}


def unlisted_bold_terms(text: str, lang: str, names: set[str]) -> list[str]:
    found = []
    for match in BOLD.finditer(text):
        bold = match.group(1).strip()
        if not is_term_like(bold):
            continue
        key = bold.casefold()
        singular = {key, re.sub(r"s$", "", key), re.sub(r"es$", "", key)} if lang == "en" else {key}
        if not singular & names:
            found.append(bold)
    return found


def test_every_entry_has_both_names_definitions_and_a_page():
    assert problems(GLOSSARY) == []


def test_the_glossary_has_at_least_150_terms():
    assert len(GLOSSARY["terms"]) >= 150


def test_every_page_link_names_an_existing_heading_in_both_languages():
    assert dangling_pages(GLOSSARY, DOCS) == []


def test_one_entry_per_term():
    for lang in ("zh", "en"):
        names = [t[lang].casefold() for t in GLOSSARY["terms"]]
        assert sorted({n for n in names if names.count(n) > 1}) == [], f"duplicate {lang} names"
        owner = {}
        for term in GLOSSARY["terms"]:
            for form in forms(term, lang):
                assert owner.setdefault(form.casefold(), term["en"]) == term["en"], (
                    f"'{form}' stands for both {owner[form.casefold()]} and {term['en']}"
                )


def test_avoided_variants_are_not_a_term_or_a_form():
    names = {f for t in GLOSSARY["terms"] for lang in ("zh", "en") for f in forms(t, lang)}
    avoided = {v for t in GLOSSARY["terms"] for v in t.get("avoid", [])}
    assert sorted(avoided & names) == []


def test_chinese_terms_can_be_sorted_by_pinyin():
    assert unsortable_characters(GLOSSARY) == []
    order = ["ReLU", "动量", "交叉熵", "熵", "梯度", "张量"]  # R; dòng, jiāo, shāng, tī, zhāng
    assert sorted(reversed(order), key=pinyin_key) == order


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_glossary_table_has_one_row_per_term_with_its_link(lang):
    table = glossary_table(GLOSSARY, lang, DOCS).splitlines()
    rows = table[2:]
    assert len(rows) == len(GLOSSARY["terms"])
    term = next(t for t in GLOSSARY["terms"] if t["en"] == "cross-entropy")
    row = next(r for r in rows if r.startswith(f"| {term[lang]} |"))
    assert term["def"][lang] in row
    assert "(information_theory/cross_entropy_kl.md#cross-entropy)" in row


@pytest.mark.inputs.with_args(lambda page: [page.path, ROOT / "includes" / "glossary.yml"])
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.rel)
def test_terms_a_page_introduces_in_bold_are_in_the_glossary(page):
    unlisted = unlisted_bold_terms(page.prose(), page.lang, known_names(page.lang))
    assert unlisted == [], (
        f"{page.rel}: bold {unlisted} is neither a term of includes/glossary.yml nor listed "
        "under its `emphasis:` (add the term, or the word if it only stresses a point)"
    )


# --- The bold rule on made-up text ---------------------------------------------------------


def test_the_bold_rule_catches_an_unlisted_term_and_ignores_sentences_and_labels():
    names = {"交叉熵", "gradient"}
    zh = "**交叉熵**与**置信度**。**先用 conda 装能装的。** **Select Kernel** **第 1 维**"
    assert unlisted_bold_terms(zh, "zh", names) == ["置信度"]
    en = "The **gradients** and the **Hessian**. **Update the driver.** **Driver Version**"
    assert unlisted_bold_terms(en, "en", names) == ["Hessian"]


# --- The tooltip matcher -------------------------------------------------------------------

TERMS = {
    "terms": [
        {"zh": "交叉熵", "en": "cross-entropy", "def": {"zh": "甲。", "en": "A."}},
        {"zh": "二元交叉熵", "en": "binary cross-entropy", "abbr": "BCE",
         "def": {"zh": "乙。", "en": "B."}},
        {"zh": "修正线性单元", "en": "rectified linear unit", "abbr": "ReLU",
         "def": {"zh": "丙。", "en": "C."}},
        {"zh": "梯度", "en": "gradient", "def": {"zh": "丁。", "en": "D."}},
        {"zh": "KL 散度", "en": "KL divergence", "def": {"zh": "戊。", "en": "E."}},
        {"zh": "比特", "en": "bit", "def": {"zh": "己。", "en": "F."}, "match": {"en": []}},
    ]
}  # fmt: skip


def render(text: str, lang: str) -> str:
    return markdown.markdown(
        text,
        extensions=[GlossaryTooltips(TERMS, lang), "attr_list", "pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )


def tooltips(html: str) -> list[tuple[str, str]]:
    root = etree.fromstring(f"<div>{html}</div>")
    return [(a.text, a.get("title")) for a in root.iter("abbr")]


def test_a_term_in_running_chinese_text_gets_a_tooltip():
    html = render("使用交叉熵作为损失，使用ReLU激活。", "zh")
    assert tooltips(html) == [
        ("交叉熵", "cross-entropy：甲。"),
        ("ReLU", "修正线性单元 · rectified linear unit：丙。"),
    ]
    assert 'tabindex="0"' in html


def test_only_the_first_use_on_a_page_gets_a_tooltip():
    html = render("交叉熵很常见。\n\n再说一次交叉熵，还有交叉熵。", "zh")
    assert [text for text, _ in tooltips(html)] == ["交叉熵"]
    assert html.count("交叉熵") == 3


def test_the_longest_term_wins():
    assert [t for t, _ in tooltips(render("二元交叉熵和交叉熵", "zh"))] == ["二元交叉熵", "交叉熵"]
    en = render("Binary cross-entropy is BCE; cross-entropy is more general.", "en")
    assert [t for t, _ in tooltips(en)] == ["Binary cross-entropy", "cross-entropy"]


def test_never_inside_code_headings_links_or_math():
    text = "## 交叉熵 { #x }\n\n`交叉熵` [交叉熵](a.md) $\\text{交叉熵}$\n\n```\n交叉熵\n```\n"
    assert tooltips(render(text, "zh")) == []
    assert tooltips(render("Then the real one: 交叉熵。", "zh"))[0][0] == "交叉熵"


def test_english_terms_need_word_boundaries_and_match_capitals_and_plurals():
    html = render("Gradients flow; a ReLUx or xReLU is no ReLU; a bit.", "en")
    assert tooltips(html) == [
        ("Gradients", "梯度: D."),
        ("ReLU", "rectified linear unit · 修正线性单元: C."),
    ]


def test_a_space_between_latin_and_chinese_is_optional():
    assert tooltips(render("用KL散度比较", "zh")) == [("KL散度", "KL divergence：戊。")]


def test_a_tooltip_shows_code_in_a_definition_as_plain_text():
    terms = {
        "terms": [{"zh": "张量", "en": "tensor", "def": {"zh": "`torch.Tensor`。", "en": "A."}}]
    }
    assert tooltips(markdown.markdown("张量", extensions=[GlossaryTooltips(terms, "zh")])) == [
        ("张量", "tensor：torch.Tensor。")
    ]


def test_an_empty_match_list_turns_the_tooltip_off_in_that_language():
    assert tooltips(render("one bit", "en")) == []
    assert tooltips(render("一个比特", "zh")) == [("比特", "bit：己。")]


def test_every_site_term_compiles_into_one_matcher():
    for lang in ("zh", "en"):
        matcher = Matcher(GLOSSARY, lang)
        assert matcher.regex is not None
        assert len(matcher.entries) >= len(GLOSSARY["terms"]) - 20
