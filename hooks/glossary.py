"""One glossary (includes/glossary.yml) for every page.

Each term has a Chinese and an English name, a one-line definition in each language, the page
and heading that explain it, and optionally an abbreviation (``abbr``) written the same in both
languages, the Chinese variants the tests reject (``avoid``) and the forms matched on pages
(``match``). This hook

1. checks the file when the build starts: every entry has both names and both definitions and a
   ``page`` of the form ``path.md#id``; a bad entry fails the build, naming the term (MkDocs'
   own anchor validation then checks every ``page`` link in the glossary table);
2. renders the glossary table where a page contains ``<!-- glossary-table -->``: the term in the
   page's language, its other-language name, its definition and a link to where it is
   explained; Chinese rows in pinyin order (from the GB2312 code order, which sorts its 3,755
   common characters by pinyin; ``RARE_CHARACTERS`` places the few others), English rows
   alphabetically;
3. registers a Python-Markdown extension (``GlossaryTooltips``) whose Treeprocessor wraps the
   first use of each term on a page in ``<abbr title="other name: definition" tabindex="0">``,
   which Material's ``content.tooltips`` shows on hover and on keyboard focus. It works on the
   element tree after inline parsing, so code, math, links, headings and raw HTML are never
   touched, and it needs no word boundary next to Chinese characters ("使用ReLU激活" matches).

hooks/search_cache.py teaches jieba (which segments Chinese text for the search index) the
Chinese terms, so that 交叉熵 is indexed as one word.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from page_blocks import atx_headings  # MkDocs puts a hook's own folder on sys.path

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "includes" / "glossary.yml"
LANGS = ("zh", "en")
TABLE_MARKER = "<!-- glossary-table -->"
TABLE_HEADER = {
    "zh": "| 术语 | English | 释义 | 详见 |\n|---|---|---|---|",
    "en": "| Term | 中文 | Definition | Explained in |\n|---|---|---|---|",
}
TITLE_FORMAT = {"zh": "{other}：{definition}", "en": "{other}: {definition}"}
# Characters outside GB2312's pinyin-ordered first level, each mapped to a first-level character
# read the same way, so that 熵 (shāng) sorts with 商.
RARE_CHARACTERS = {"熵": "商"}
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z0-9]")
# A Latin form never matches inside a longer Latin word ("ReLU" not in "ReLUs6", "bit" not in
# "bits" unless the plural is asked for); Chinese characters next to it are no boundary.
WORD = "A-Za-z0-9_"
STASH = re.compile("\x02[^\x03]*\x03")  # Python-Markdown's placeholders for raw HTML
SKIPPED_TAGS = {"a", "abbr", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4",
                "h5", "h6", "svg", "math", "button", "textarea"}  # fmt: skip
SKIPPED_CLASSES = {"arithmatex", "admonition-title", "headerlink", "glossary-off"}
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # C parser where PyYAML has it
HEADING_WITH_ID = re.compile(r"^(.*?)\s*\{\s*#([A-Za-z0-9_-]+)\s*\}$")


class GlossaryError(ValueError):
    pass


def load_glossary(path: Path = GLOSSARY) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=FAST_LOADER)


def problems(glossary: dict) -> list[str]:
    """What is wrong with the entries themselves (names, definitions, the form of page)."""
    found = []
    for index, term in enumerate(glossary.get("terms") or []):
        name = f"term {index + 1} ({term.get('en') or term.get('zh') or '?'})"
        for lang in LANGS:
            if not isinstance(term.get(lang), str) or not term[lang].strip():
                found.append(f"{name}: no {lang} name")
            definition = (term.get("def") or {}).get(lang)
            if not isinstance(definition, str) or not definition.strip():
                found.append(f"{name}: no {lang} definition (def: {{{lang}: …}})")
            elif "\n" in definition.strip() or "$" in definition:
                found.append(f"{name}: the {lang} definition must be one line without math")
        page = term.get("page")
        if not isinstance(page, str) or not re.fullmatch(r"[\w/.-]+\.md#[A-Za-z0-9_-]+", page):
            found.append(f"{name}: page must be 'path/to/page.md#heading-id', not {page!r}")
    return found


def heading_titles(docs: Path, lang: str) -> dict[str, dict[str, tuple[int, str]]]:
    """{page path: {heading id: (level, heading text)}} for the Markdown pages of one language."""
    pages = {}
    for path in sorted((docs / lang).rglob("*.md")):
        headings = {}
        for level, text in atx_headings(path.read_text(encoding="utf-8")):
            match = HEADING_WITH_ID.match(text)
            if match:
                headings[match.group(2)] = (level, match.group(1))
        pages[path.relative_to(docs / lang).as_posix()] = headings
    return pages


def dangling_pages(glossary: dict, docs: Path) -> list[str]:
    """Every ``page`` that names no page or no heading id, in either language."""
    found = []
    for lang in LANGS:
        headings = heading_titles(docs, lang)
        for term in glossary.get("terms") or []:
            path, _, anchor = str(term.get("page", "")).partition("#")
            if path not in headings:
                found.append(f"{term.get('en')}: docs/{lang}/{path} does not exist")
            elif anchor not in headings[path]:
                found.append(f"{term.get('en')}: docs/{lang}/{path} has no heading #{anchor}")
    return found


# --- Sorting ---------------------------------------------------------------------------------


def pinyin_key(text: str) -> tuple:
    """Latin-initial terms first (alphabetically), then Chinese ones in pinyin order."""
    key = []
    for char in text:
        char = RARE_CHARACTERS.get(char, char)
        if CJK.match(char):
            try:
                key.append((1, char.encode("gb2312")))
            except UnicodeEncodeError:
                key.append((2, char.encode("utf-8")))
        elif char.strip():
            key.append((0, char.lower().encode("utf-8")))
    return tuple(key)


def unsortable_characters(glossary: dict) -> list[str]:
    """Chinese characters that GB2312's first level does not place; add them to RARE_CHARACTERS."""
    found = set()
    for term in glossary["terms"]:
        for char in term["zh"]:
            if not CJK.match(RARE_CHARACTERS.get(char, char)):
                continue
            try:
                code = RARE_CHARACTERS.get(char, char).encode("gb2312")
            except UnicodeEncodeError:
                found.add(char)
                continue
            if not 0xB0 <= code[0] <= 0xD7:  # rows 0xD8 on are the second level, by radical
                found.add(char)
    return sorted(found)


# --- The table -------------------------------------------------------------------------------


def display_name(term: dict, lang: str) -> str:
    abbr = term.get("abbr")
    return (
        f"{term[lang]}（{abbr}）"
        if abbr and lang == "zh"
        else (f"{term[lang]} ({abbr})" if abbr else term[lang])
    )


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def glossary_table(glossary: dict, lang: str, docs: Path, depth: int = 0) -> str:
    other = "en" if lang == "zh" else "zh"
    titles = heading_titles(docs, lang)
    key = (lambda t: pinyin_key(t["zh"])) if lang == "zh" else (lambda t: t["en"].lower())
    rows = []
    for term in sorted(glossary["terms"], key=key):
        path, _, anchor = term["page"].partition("#")
        headings = titles.get(path, {})
        level, heading = headings.get(anchor, (1, path))
        page_title = next((text for lvl, text in headings.values() if lvl == 1), path)
        where = heading if level == 1 else f"{page_title} › {heading}"
        link = "../" * depth + term["page"]
        rows.append(
            f"| {cell(display_name(term, lang))} | {cell(display_name(term, other))} "
            f"| {cell(term['def'][lang])} | [{cell(where)}]({link}) |"
        )
    return f"{TABLE_HEADER[lang]}\n" + "\n".join(rows)


# --- Tooltips --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    key: str  # the term's English name: one tooltip per term and page
    name: str  # the term in the page's language
    title: str


def forms(term: dict, lang: str) -> list[str]:
    """The strings that stand for a term in pages of one language."""
    match = term.get("match") or {}
    if lang in match:
        return list(match[lang] or [])
    found = [term[lang]]
    if term.get("abbr"):
        found.append(term["abbr"])
    return [f for f in found if f]


def form_pattern(form: str, lang: str, group: str) -> str:
    """A regular expression for one form, its match marked by the empty group ``group``: Latin
    edges need a word boundary, CJK edges do not; the space between a Latin and a Chinese part is
    optional; lower-case forms also match capitalized, and English ones in the plural. A form
    written ``re:…`` is a regular expression as it stands, for a word whose other senses must be
    ruled out (``re:梯度累积(?!成)``).

    The pattern starts with the form's first character and puts the group after it, so that the
    regex engine can reject an alternative by its first character alone: in one alternation of
    hundreds of forms, that is the difference between seconds and tenths of a second per build.
    The left edge of a Latin form is tested once for all of them (``Matcher``)."""
    if form.startswith("re:"):
        return f"(?P<{group}>{form[3:]})"
    parts = []
    for i, char in enumerate(form):
        if char == " ":
            before, after = form[i - 1], form[i + 1] if i + 1 < len(form) else ""
            parts.append(" ?" if CJK.match(before) or CJK.match(after) else r"\s+")
        elif i == 0 and char.islower():
            parts.append(f"[{char}{char.upper()}]")
        else:
            parts.append(re.escape(char))
    first, rest = parts[0], "".join(parts[1:])
    if lang == "en" and form[-1].isalpha() and form.islower():
        rest += "(?:s|es)?"
    right_edge = f"(?![{WORD}])" if LATIN.match(form[-1]) else ""
    return f"{first}(?P<{group}>){rest}{right_edge}"


def form_kind(form: str) -> str:
    """Which branch of the matcher a form joins: written as a regex, Latin-initial, or other."""
    if form.startswith("re:"):
        return "written"
    return "latin" if LATIN.match(form[0]) else "other"


def alternation(patterns: list[tuple[int, str]]) -> str:
    """One pattern of many, the longest form first: at one position the longest form wins."""
    return "|".join(pattern for _, pattern in sorted(patterns, key=lambda p: -p[0]))


class Matcher:
    """Finds terms in text, longest form first, each term once."""

    def __init__(self, glossary: dict, lang: str) -> None:
        other = "en" if lang == "zh" else "zh"
        self.entries: dict[str, Entry] = {}
        patterns: dict[str, list[tuple[int, str]]] = {"written": [], "latin": [], "other": []}
        for term in glossary.get("terms") or []:
            names = [term[other]] if term[other] != term[lang] else []
            if term.get("abbr") and term["abbr"] not in (term[lang], term[other]):
                names.insert(0, term[lang])
            definition = term["def"][lang].replace("`", "")  # a tooltip shows plain text
            title = (
                TITLE_FORMAT[lang].format(other=" · ".join(names), definition=definition)
                if names
                else definition
            )
            for form in forms(term, lang):
                group = f"t{len(self.entries)}"
                self.entries[group] = Entry(term["en"], term[lang], title)
                patterns[form_kind(form)].append((len(form), form_pattern(form, lang, group)))
        # A Latin form never starts inside a Latin word: one test, before any of them is tried.
        latin = f"(?<![{WORD}-])(?:{alternation(patterns['latin'])})" if patterns["latin"] else ""
        branches = [alternation(patterns["written"]), latin, alternation(patterns["other"])]
        branches = [branch for branch in branches if branch]
        self.regex = re.compile("|".join(branches)) if branches else None

    def split(self, text: str, seen: set[str]) -> list[str | tuple[str, Entry]]:
        """Text cut into plain strings and (matched text, entry) for first uses."""
        if not self.regex or not text:
            return [text]
        pieces: list[str | tuple[str, Entry]] = []
        plain_start = 0
        for stash_or_text in _outside_stash(text):
            start, end = stash_or_text
            for match in self.regex.finditer(text, start, end):
                entry = self.entries[match.lastgroup]
                if entry.key in seen:
                    continue
                seen.add(entry.key)
                pieces.append(text[plain_start : match.start()])
                pieces.append((match.group(), entry))
                plain_start = match.end()
        pieces.append(text[plain_start:])
        return pieces


def _outside_stash(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for stash in STASH.finditer(text):
        spans.append((position, stash.start()))
        position = stash.end()
    spans.append((position, len(text)))
    return spans


def tooltip(text: str, entry: Entry) -> etree.Element:
    element = etree.Element("abbr", {"title": entry.title, "tabindex": "0"})
    element.text = AtomicString(text)
    return element


def skipped(element: etree.Element) -> bool:
    if element.tag in SKIPPED_TAGS:
        return True
    return bool(SKIPPED_CLASSES & set((element.get("class") or "").split()))


def annotate(root: etree.Element, matcher: Matcher, seen: set[str] | None = None) -> None:
    """Wrap first uses in ``<abbr>``, in document order, outside skipped elements."""
    seen = set() if seen is None else seen

    def pieces_of(text: str | None) -> list | None:
        if not text or isinstance(text, AtomicString):
            return None
        pieces = matcher.split(text, seen)
        return pieces if len(pieces) > 1 else None

    def visit(element: etree.Element) -> None:
        if skipped(element):
            return
        children = list(element)
        pieces = pieces_of(element.text)
        if pieces:
            element.text = pieces[0]
            for position, new in enumerate(_elements(pieces[1:])):
                element.insert(position, new)
        for child in children:
            visit(child)
            pieces = pieces_of(child.tail)
            if pieces:
                child.tail = pieces[0]
                index = list(element).index(child)
                for offset, new in enumerate(_elements(pieces[1:]), start=1):
                    element.insert(index + offset, new)

    visit(root)


def _elements(pieces: list) -> list[etree.Element]:
    """(text, entry), str, (text, entry), str, … → <abbr> elements carrying the strings as tails."""
    elements = []
    for piece in pieces:
        if isinstance(piece, tuple):
            elements.append(tooltip(*piece))
        else:
            elements[-1].tail = piece
    return elements


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: GlossaryTooltips) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.enabled:
            annotate(root, self.extension.matcher)


class GlossaryTooltips(Extension):
    """Tooltips on the first use of each glossary term in a page of one language."""

    def __init__(self, glossary: dict, lang: str) -> None:
        super().__init__()
        self.matcher = Matcher(glossary, lang)
        self.enabled = True

    def extendMarkdown(self, md) -> None:
        # After 'inline' (20), which turns text into elements; before 'prettify' (10).
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "glossary_tooltips", 15)


# --- MkDocs events ---------------------------------------------------------------------------


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    glossary = load_glossary()
    found = problems(glossary)
    if found:
        raise PluginError("includes/glossary.yml:\n  " + "\n  ".join(found))
    lang = config.theme["language"]
    config.markdown_extensions[:] = [
        e for e in config.markdown_extensions if not isinstance(e, GlossaryTooltips)
    ]
    config.markdown_extensions.append(GlossaryTooltips(glossary, lang))
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    extension = next(e for e in config.markdown_extensions if isinstance(e, GlossaryTooltips))
    extension.enabled = TABLE_MARKER not in markdown
    if TABLE_MARKER in markdown:
        docs = Path(config.docs_dir).parent
        depth = page.file.src_uri.count("/")
        table = glossary_table(load_glossary(), config.theme["language"], docs, depth)
        markdown = markdown.replace(TABLE_MARKER, table)
    return markdown
