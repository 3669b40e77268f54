"""English uses US spelling: pages, notebooks, glossary, and the code shown on pages."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.pages import DOCS, ROOT

# British "-ise" forms; the US words that end in -ise (and their inflections) are allowed.
ISE = re.compile(r"[A-Za-z]{2,}is(?:e|es|ed|ing|er|ers|ation|ations)\b")
US_ISE = {
    "advise", "advertise", "arise", "bitwise", "chastise", "clockwise", "comprise",
    "compromise", "concise", "cruise", "demise", "despise", "devise", "disguise",
    "elementwise", "enterprise", "excise", "exercise", "expertise", "franchise", "improvise",
    "incise", "layerwise", "likewise", "merchandise", "noise", "denoise", "otherwise",
    "pairwise", "paradise", "piecewise", "pointwise", "poise", "praise", "precise", "premise",
    "promise", "raise", "revise", "rise", "rowwise", "stepwise", "sunrise", "supervise",
    "surmise", "surprise", "televise", "treatise", "wise", "channelwise", "coordinatewise",
    "counterclockwise", "anticlockwise",
}  # fmt: skip
# Other British spellings that have a US counterpart.
BRITISH = re.compile(
    r"\b(?:colou?rs?(?<!color)(?<!colors)|colour\w*|behaviour\w*|favour\w*|neighbour\w*|"
    r"flavour\w*|honour\w*|labour\w*|centre[sd]?|labell\w*|modell\w*|travell\w*|"
    r"cancell\w*|analys(?:e|ed|es|ing)|catalogue\w*|licence\w*|grey)\b",
    re.IGNORECASE,
)
ANCHOR = re.compile(r"#[\w-]+")  # heading ids and link fragments stay as they are


def base_form(word: str) -> str:
    word = word.lower()
    for ending, replacement in (("ing", "e"), ("ers", ""), ("er", ""), ("es", "e"), ("ed", "e")):
        if word.endswith("is" + ending):
            return word[: -len(ending)] + replacement
    return word


def british_words(text: str) -> list[str]:
    text = ANCHOR.sub(" ", text)
    found = [m.group(0) for m in ISE.finditer(text) if base_form(m.group(0)) not in US_ISE]
    return found + [m.group(0) for m in BRITISH.finditer(text)]


def english_sources() -> list[str]:
    files = [*sorted((DOCS / "en").rglob("*.md")), *sorted((DOCS / "en").rglob("*.ipynb"))]
    files += sorted((ROOT / "snippets").rglob("*.py"))
    rels = [p.relative_to(ROOT).as_posix() for p in files]
    return rels


def test_the_checker_knows_both_spellings():
    assert british_words("initialisation, normalised, minimising, colour, centred") == [
        "initialisation",
        "normalised",
        "minimising",
        "colour",
        "centred",
    ]
    assert british_words("initialization, noise, raised, otherwise, color, #zero-centred") == []


@pytest.mark.inputs.with_args(lambda rel: [ROOT / rel])
@pytest.mark.parametrize("rel", english_sources())
def test_english_uses_us_spelling(rel):
    text = (ROOT / rel).read_text(encoding="utf-8")
    if rel.startswith("snippets/"):
        # Chinese figure labels are not English; the rest of a snippet is.
        text = re.sub(r"[^\x00-\x7f]+", " ", text)
    assert british_words(text) == [], f"{rel}: use US spelling"


def test_glossary_english_terms_use_us_spelling():
    glossary = yaml.safe_load((ROOT / "includes" / "glossary.yml").read_text(encoding="utf-8"))
    english = " ".join(f"{t['en']} {t['def']['en']}" for t in glossary["terms"])
    assert british_words(english) == []
