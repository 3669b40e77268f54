"""A page as its ordered blocks: prose, and code with the output the page shows for it.

The one place that knows how a page's code is put together. Include lines (``--8<--``) are
expanded by pymdownx.snippets' own preprocessor, configured as in mkdocs.yml's
``markdown_extensions``, so the code here is exactly the code the built page shows. The tests
(``tests/page_code.py``) run these blocks and the notebook generator (``hooks/page_notebooks.py``)
writes them into notebooks, so a reader's notebook runs what the tests ran.

Markers read from the page, as pytest-codeblocks writes them:

- ``<!--pytest.mark.skip(reason="...")-->`` on the line before a fence skips it, with a reason;
- ``<!--pytest-codeblocks:expected-output-->`` before a fence makes that fence the output of
  the code fence before it (it is not a block of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import markdown
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

ROOT = Path(__file__).resolve().parent.parent

# Fences whose body is include lines only, and the language their code runs in.
INCLUDE_SYNTAX = {"py": "python", "shell": "bash"}
INCLUDE_MARK = "--8<--"
INCLUDE_LINE = re.compile(rf'^{INCLUDE_MARK} "(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"$')
COMMENT = re.compile(r"^\s*<!--(?P<body>.*?)-->\s*$")
EXPECTED_OUTPUT = "pytest-codeblocks:expected-output"
SKIP_REASON = re.compile(r"""pytest\.mark\.skip\(reason=(['"])(?P<reason>.+?)\1\)""")


def skip_reason(marks: list[str]) -> str | None:
    """The reason of a ``pytest.mark.skip(reason=...)`` mark before a fence, if it has one."""
    for mark in marks:
        match = SKIP_REASON.search(mark)
        if match and match.group("reason").strip():
            return match.group("reason").strip()
    return None


def include_targets(body: str) -> list[tuple[str, str | None]]:
    """(path, section) of every include line of a fence body."""
    found = (INCLUDE_LINE.match(line.strip()) for line in body.splitlines())
    return [(m.group("path"), m.group("section")) for m in found if m]


@dataclass
class Block:
    """Prose (``kind == "prose"``) or one code fence (``kind == "code"``)."""

    kind: str
    lineno: int  # 1-based: the first prose line, or the fence's opening line
    text: str  # prose as written, or the fence body as written (include lines unexpanded)
    syntax: str = ""
    indent: str = ""
    code: str = ""  # what the fence shows: include lines expanded by pymdownx.snippets
    expected_output: str | None = None
    marks: list[str] = field(default_factory=list)

    @property
    def is_include(self) -> bool:
        lines = [line.strip() for line in self.text.splitlines() if line.strip()]
        return (
            self.kind == "code"
            and self.syntax in INCLUDE_SYNTAX
            and bool(lines)
            and all(INCLUDE_LINE.match(line) for line in lines)
        )

    @property
    def language(self) -> str:
        return INCLUDE_SYNTAX.get(self.syntax, self.syntax)

    @property
    def skip_reason(self) -> str | None:
        return skip_reason(self.marks)

    def includes(self) -> list[tuple[str, str | None]]:
        return include_targets(self.text)


@cache
def snippets_config(config_file: Path = ROOT / "mkdocs.yml") -> dict:
    """pymdownx.snippets' options as mkdocs.yml sets them."""
    with config_file.open("rb") as handle:
        extensions = yaml_load(handle, get_yaml_loader())["markdown_extensions"]
    for entry in extensions:
        if isinstance(entry, dict) and "pymdownx.snippets" in entry:
            return dict(entry["pymdownx.snippets"] or {})
    raise LookupError(f"{config_file} does not configure pymdownx.snippets")


def expand(text: str, root: Path = ROOT) -> str:
    """Text with its ``--8<--`` lines replaced as pymdownx.snippets replaces them in the build.

    Base paths are taken relative to ``root`` (the build runs in the project's directory), so the
    result does not depend on the current directory. A missing file or section raises
    pymdownx.snippets' ``SnippetMissingError`` (``check_paths`` is on).
    """
    lines = snippet_preprocessor(root.resolve()).run(text.splitlines())
    return "\n".join(lines).strip("\n") + "\n"


@cache
def snippet_preprocessor(root: Path):
    """pymdownx.snippets' preprocessor with mkdocs.yml's options, base paths under root."""
    options = snippets_config()
    bases = options.get("base_path", ["."])
    bases = [bases] if isinstance(bases, str) else bases
    options = {**options, "base_path": [str((root / base).resolve()) for base in bases]}
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options}
    )
    return md.preprocessors["snippet"]


def section_text(path: str, section: str | None, root: Path = ROOT) -> str:
    """The code a reader sees for one include line."""
    target = f"{path}:{section}" if section else path
    return expand(f'--8<-- "{target}"', root)


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark's block structure as markdown-it-py parses it, with admonitions (``!!!``,
    ``???``, ``???+``) and without indented code: on these pages four spaces of indentation are
    the body of an admonition or a list item, as in Python-Markdown, and the fences in them are
    still fences. Inline parsing is off: only fences and headings' text are read."""
    return MarkdownIt("commonmark").disable(["code", "inline", "text_join"]).use(admon_plugin)


@lru_cache(maxsize=512)
def tokens(text: str) -> list[Token]:
    """The page's block tokens, nested ones included, in source order (parsed once per text;
    callers only read them)."""
    return markdown_parser().parse(text)


def split_fences(text: str) -> list[tuple[str, int, list[str], str, str]]:
    """(kind, first line number, lines, syntax, indent) runs of prose and fenced code."""
    lines = text.splitlines()
    runs: list[tuple[str, int, list[str], str, str]] = []
    start = 0
    for token in tokens(text):
        if token.type != "fence" or token.map is None:
            continue
        opening, end = token.map
        if opening > start:
            runs.append(("prose", start + 1, lines[start:opening], "", ""))
        indent = lines[opening][: len(lines[opening]) - len(lines[opening].lstrip())]
        syntax = token.info.strip().split(" ")[0].lstrip(".").strip("{}")
        runs.append(("code", opening + 1, token.content.splitlines(), syntax, indent))
        start = end
    if start < len(lines):
        runs.append(("prose", start + 1, lines[start:], "", ""))
    return runs


def atx_headings(text: str) -> list[tuple[int, str]]:
    """(level, text as written, attribute list included) of every ``#`` heading outside code."""
    found = tokens(text)
    return [
        (int(token.tag[1:]), found[i + 1].content)
        for i, token in enumerate(found)
        if token.type == "heading_open" and token.markup.startswith("#")
    ]


def trailing_comments(lines: list[str]) -> tuple[list[str], list[str]]:
    """Prose lines without the HTML comments that end them, and those comments (markers)."""
    end = len(lines)
    while end and (COMMENT.match(lines[end - 1]) or not lines[end - 1].strip()):
        end -= 1
    marks = [COMMENT.match(line).group("body").strip() for line in lines[end:] if line.strip()]
    return lines[:end], marks


def blocks_of(text: str, root: Path | None = ROOT) -> list[Block]:
    """The ordered blocks of a page's Markdown; include fences carry their code as expanded
    with ``root`` as the project's directory, or, with ``root=None``, their include lines."""
    blocks: list[Block] = []
    pending_marks: list[str] = []
    for kind, lineno, lines, syntax, indent in split_fences(text):
        if kind == "prose":
            kept, pending_marks = trailing_comments(lines)
            if any(line.strip() for line in kept):
                blocks.append(Block("prose", lineno, "\n".join(kept).strip("\n") + "\n"))
            continue
        body = "".join(f"{line}\n" for line in lines)
        marks, pending_marks = pending_marks, []
        if EXPECTED_OUTPUT in marks:
            previous = next((b for b in reversed(blocks) if b.kind == "code"), None)
            if previous is not None:
                previous.expected_output = body
                continue
        block = Block("code", lineno, body, syntax=syntax, indent=indent, marks=marks)
        block.code = expand(body, root) if block.is_include and root else body
        blocks.append(block)
    return blocks


def page_blocks(path: Path, root: Path = ROOT) -> list[Block]:
    """The ordered blocks of the page at ``path`` (a Markdown file under root/docs)."""
    return blocks_of(path.read_text(encoding="utf-8"), root)
