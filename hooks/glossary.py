"""One glossary (includes/glossary.yml) for every page.

Appends the abbreviation tooltips of the page's language to each page, renders the glossary
table where a page contains ``<!-- glossary-table -->``, and teaches jieba (which segments
Chinese text for the search index) every Chinese term, so that 交叉熵 is indexed as one word
and not as 交叉 + 熵.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

GLOSSARY = Path(__file__).resolve().parent.parent / "includes" / "glossary.yml"
TABLE_MARKER = "<!-- glossary-table -->"
TABLE_HEADER = {"zh": "| 中文 | English |\n|---|---|", "en": "| English | 中文 |\n|---|---|"}


def load_glossary() -> dict:
    return parsed_glossary(GLOSSARY.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def parsed_glossary(text: str) -> dict:
    """Parsed once per content: every page of a build asks for it."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def glossary_table(glossary: dict, lang: str) -> str:
    other = "en" if lang == "zh" else "zh"
    rows = sorted(glossary["terms"], key=lambda t: t[lang].lower())
    body = "\n".join(f"| {t[lang]} | {t[other]} |" for t in rows)
    return f"{TABLE_HEADER[lang]}\n{body}"


def abbreviation_lines(glossary: dict, lang: str) -> str:
    return "\n".join(f"*[{a['abbr']}]: {a[lang]}" for a in glossary["abbreviations"])


def on_config(config: MkDocsConfig) -> None:
    if config.theme["language"] != "zh":
        return
    import jieba

    for term in load_glossary()["terms"]:
        for word in term["zh"].split():
            if re.search(r"[\u4e00-\u9fff]", word):
                jieba.add_word(word)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        return markdown
    lang = config.theme["language"]
    glossary = load_glossary()
    markdown = markdown.replace(TABLE_MARKER, glossary_table(glossary, lang))
    return f"{markdown}\n\n{abbreviation_lines(glossary, lang)}\n"
