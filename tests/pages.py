"""What the tests know about pages: their pairs, code fences, includes, figures and checks."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from hooks import page_blocks

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

HAN = re.compile(r"[\u4e00-\u9fff]")
PROPER_NAMES = frozenset({"GitHub"})  # the same in every language


def in_another_language(text: str, lang: str) -> bool:
    """Whether a label or a description is not in `lang`: in Chinese it has a Han character, in
    English none; a proper name is the same in both."""
    return text not in PROPER_NAMES and (HAN.search(text) is None) == (lang == "zh")


@cache
def parsed_config(text: bytes) -> dict:
    """A project file's YAML as MkDocs loads it (with its !ENV tags), parsed once per content."""
    return yaml_load(text, get_yaml_loader())


def main_config(root: Path) -> dict:
    return parsed_config((root / "mkdocs.yml").read_bytes())


def site_languages(root: Path = ROOT) -> list[dict]:
    """extra.languages of mkdocs.yml: the one list of languages, the default first."""
    return main_config(root)["extra"]["languages"]


def config_files(root: Path = ROOT) -> list[Path]:
    """Each language's project, in build order: mkdocs.yml, then mkdocs.<lang>.yml."""
    codes = [language["lang"] for language in site_languages(root)]
    return [root / "mkdocs.yml"] + [root / f"mkdocs.{code}.yml" for code in codes[1:]]


def print_page_name(root: Path = ROOT) -> str:
    """The print page's folder (or, in the offline copy, file stem): mkdocs-print-site-plugin's
    print_page_basename, as mkdocs.yml sets it or by its default."""
    plugins = main_config(root)["plugins"]
    options = next(entry["print-site"] for entry in plugins if "print-site" in entry)
    return options.get("print_page_basename", "print_page")


LANGUAGES = tuple(language["lang"] for language in site_languages())

RUNNABLE_SYNTAX = {"python", "bash", "sh"}
# Fences that include snippet sections, and the language their code runs in. pytest-codeblocks
# collects only python/bash/sh fences, so it leaves these to tests/page_code.py.
INCLUDE_SYNTAX, INCLUDE_LINE = page_blocks.INCLUDE_SYNTAX, page_blocks.INCLUDE_LINE
HEADING_ID = re.compile(r"\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")
FIGURE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*figures/[^)\s]+\.svg)\)")
CHECKED_NUMBER = re.compile(
    r"(?P<number>[-−]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?P<percent>%?)"
    r"<!--\s*(?P<kind>[=≈])\s*(?P<module>[\w.]+):(?P<name>\w+)\s*-->"
)
DISPLAY_MATH = re.compile(r"^\s*\$\$", re.M)


@dataclass
class Page:
    path: Path

    @property
    def rel(self) -> str:
        return self.path.relative_to(ROOT).as_posix()

    @property
    def lang(self) -> str:
        return self.path.relative_to(DOCS).parts[0]

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def blocks(self) -> list[page_blocks.Block]:
        """The page as hooks/page_blocks.py splits it with markdown-it-py: prose and fences."""
        return list(blocks_of_file(self.path, self.path.stat().st_mtime_ns))

    def fences(self) -> list[page_blocks.Block]:
        return [block for block in self.blocks() if block.kind == "code"]

    def prose(self) -> str:
        """Text outside code fences, without the marker comments that precede a fence."""
        return "\n".join(b.text for b in self.blocks() if b.kind == "prose")

    def heading_ids(self) -> list[str]:
        """The id of every heading below the title: its attribute list's ``#id``."""
        ids = []
        for level, text in page_blocks.atx_headings(self.text):
            found = HEADING_ID.search(text)
            if level >= 2:
                ids.append(found.group(1) if found else f"<no id: {text}>")
        return ids

    def figures(self) -> list[str]:
        return [m.group("src") for m in FIGURE.finditer(self.prose())]

    def figure_alts(self) -> list[str]:
        return [m.group("alt") for m in FIGURE.finditer(self.prose())]

    def checks(self) -> list[re.Match]:
        return list(CHECKED_NUMBER.finditer(self.prose()))

    def display_formulas(self) -> int:
        return len(DISPLAY_MATH.findall(self.prose())) // 2

    def include_targets(self) -> list[tuple[str, str | None]]:
        return [inc for fence in self.fences() if fence.is_include for inc in fence.includes()]


@cache
def blocks_of_file(path: Path, mtime_ns: int) -> tuple[page_blocks.Block, ...]:
    """A page's blocks as written (include lines not expanded), parsed once per version."""
    return tuple(page_blocks.blocks_of(path.read_text(encoding="utf-8"), root=None))


@cache
def markdown_pages() -> tuple[Page, ...]:
    return tuple(Page(p) for p in sorted(DOCS.glob("*/**/*.md")) if p.parts[-2] != "assets")


def page_pairs() -> list[tuple[Page, Page]]:
    zh_pages = {p.path.relative_to(DOCS / "zh"): p for p in markdown_pages() if p.lang == "zh"}
    pairs = []
    for rel, zh in zh_pages.items():
        en = DOCS / "en" / rel
        if en.exists():
            pairs.append((zh, Page(en)))
    return pairs


def page_groups() -> list[tuple[Page, ...]]:
    """Pages that share their code: each zh/en pair, and a page with no counterpart on its own."""
    pairs = page_pairs()
    paired = {page.path for pair in pairs for page in pair}
    return [*pairs, *((page,) for page in markdown_pages() if page.path not in paired)]


def notebooks() -> list[Path]:
    return sorted(DOCS.glob("*/**/*.ipynb"))


def section_text(path: str, section: str | None) -> str:
    """The code a reader sees for one include line, expanded by pymdownx.snippets itself."""
    return page_blocks.section_text(path, section, ROOT)


def expanded_code(fence: page_blocks.Block) -> str:
    """A fence's code as the page shows it (hooks/page_blocks.py, the build's own expansion)."""
    return page_blocks.expand(fence.code, ROOT)
