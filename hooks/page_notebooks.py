"""Every Markdown page with Python code is also offered as a Jupyter notebook, in its language.

The notebook is made at build time from the page's source (nothing is committed) by
``hooks/page_blocks.py``, the same function the tests run pages with:

- its first cell names the page, where it is hosted, and the packages the code imports, with
  their versions pinned in requirements.txt (a ``pip install`` line);
- each Python include fence becomes a code cell holding exactly the code the page shows and the
  tests run, in page order, with the output the page shows as the cell's output;
- the prose between them becomes Markdown cells: formulas as written (``$...$``, ``$$...$$``,
  which Jupyter typesets), admonitions and content tabs as block quotes with a bold title,
  heading ids as ``<a id>`` anchors so that in-page links still work, number checks and other
  HTML comments dropped; fences that are not run in a notebook (shell, text, skipped code)
  stay as fenced code in the Markdown;
- links and figures point at the site: absolute URLs under ``site_url`` when it is set (the
  deployed build sets it), otherwise relative to the notebook's place in the built site, so a
  notebook opened from inside the site folder (or the offline archive) still finds its figures.

The file is ``<page>.ipynb`` in the page's folder of the built site, and the page shows
Material's download button for it (``overrides/main.html``, as for the committed notebooks,
which are not converted again). Pages whose Python is all skipped get no notebook. Generating
is a parse and a JSON dump per page, cheap enough to keep under ``mkdocs serve``.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import posixpath
import re
import sys
import time
from pathlib import Path

import nbformat
from cache_files import write_whole  # MkDocs puts a hook's own folder on sys.path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from page_blocks import (
    INCLUDE_MARK,
    Block,
    page_blocks,
)

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
PENDING: dict[str, nbformat.NotebookNode] = {}
TIMING = {"seconds": 0.0}
TIMINGS = ROOT / ".cache" / "timings"  # the hook's own time per build, read by `make bench`

LINK = re.compile(
    r"(?P<bang>!?)\[(?P<text>[^\]]*)\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)"
)
COMMENT = re.compile(r"<!--.*?-->", re.S)
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*\{\s*#(?P<id>[\w-]+)\s*\}\s*$")
CONTAINER = re.compile(
    r"^(?P<indent>\s*)(?:(?:!!!|\?\?\?\+?)\s+(?P<kind>\w+)(?:\s+\"(?P<title>[^\"]*)\")?"
    r"|===\s+\"(?P<tab>[^\"]*)\")\s*$"
)
ABBREVIATION = re.compile(r"^\*\[[^\]]+\]:")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
TITLES = {
    "zh": {"note": "注意", "warning": "警告", "tip": "提示", "success": "答案", "info": "说明"},
    "en": {
        "note": "Note",
        "warning": "Warning",
        "tip": "Tip",
        "success": "Solution",
        "info": "Info",
    },
}
FIRST_CELL = {
    "zh": (
        "本笔记本由页面「{title}」（[在线阅读]({url})）在构建时生成：代码单元格就是页面上的代码，"
        "也是本站测试所运行的代码，按页面顺序排列。需要 Python 3.11 和以下包：\n\n"
        "```bash\npip install {packages}\n```"
    ),
    "en": (
        "This notebook is generated at build time from the page “{title}”"
        " ([read it online]({url})): its code cells are the page's code, the code the site's"
        " tests run, in page order. It needs Python 3.11 and these packages:\n\n"
        "```bash\npip install {packages}\n```"
    ),
}


def is_cell(block: Block) -> bool:
    """A fence that becomes a code cell: Python included from snippets/, not skipped."""
    return block.is_include and block.language == "python" and not block.skip_reason


def notebook_name(page: Page) -> str:
    return Path(page.file.src_uri).stem + ".ipynb"


def notebook_dir(page: Page) -> str:
    """The folder of the built site the notebook is written to: the page's own folder."""
    return posixpath.dirname(page.file.dest_uri)


def pinned_versions() -> dict[str, str]:
    pins = {}
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        name, _, version = line.partition("==")
        if version:
            pins[normalized(name)] = version.strip()
    return pins


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower().strip()


def installed_names() -> list[str]:
    """The folders of installed distributions' metadata (name and version) on sys.path."""
    return sorted(
        str(path)
        for entry in sys.path
        if Path(entry).is_dir()
        for path in Path(entry).glob("*.dist-info")
    )


@functools.cache
def installed_distributions() -> dict[str, list[str]]:
    """Module name -> distributions. Reading every distribution's file list takes 0.4 s, so the
    map is kept in .cache/, keyed by the installed distributions and their versions."""
    key = hashlib.sha256("\n".join(installed_names()).encode()).hexdigest()[:24]
    kept = ROOT / ".cache" / "distributions" / f"{key}.json"
    if kept.exists():
        return json.loads(kept.read_text(encoding="utf-8"))
    distributions = importlib.metadata.packages_distributions()
    write_whole(kept, json.dumps(distributions, sort_keys=True))
    return distributions


@functools.cache
def imported_modules(source: str) -> frozenset[str]:
    """Top-level modules a code cell imports (parsed once per process: both languages' pages
    hold the same cells)."""
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module.split(".")[0])
    return frozenset(modules)


def packages(cells: list[str]) -> list[str]:
    """`name==version` for every distribution the code imports (the standard library aside)."""
    modules = {module for source in cells for module in imported_modules(source)}
    distributions = installed_distributions()
    pins, found = pinned_versions(), set()
    for module in modules - set(sys.stdlib_module_names):
        for distribution in distributions.get(module, [module]):
            version = pins.get(normalized(distribution))
            found.add(f"{distribution}=={version}" if version else distribution)
    return sorted(found, key=str.lower)


def site_link(target: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Where a page's relative link or image points, for a reader of the notebook."""
    if re.match(r"^[a-z][a-z0-9+.-]*:|^#|^/", target):
        return target
    path, _, anchor = target.partition("#")
    source = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    file = files.get_file_from_path(source)
    if file is None:
        return target
    url = file.url
    if config.site_url:
        resolved = config.site_url.rstrip("/") + "/" + url
    else:
        resolved = posixpath.relpath(url or ".", notebook_dir(page) or ".")
        resolved += "/" if url.endswith("/") and resolved != "." else ""
        resolved = "./" if resolved == "." else resolved
    return resolved + (f"#{anchor}" if anchor else "")


def page_url(page: Page, config: MkDocsConfig) -> str:
    if config.site_url:
        return config.site_url.rstrip("/") + "/" + page.url
    return posixpath.relpath(page.url or ".", notebook_dir(page) or ".") if page.url else "./"


def fence_text(block: Block) -> str:
    """A fence that stays in the Markdown, as written, with the output the page shows."""

    def fenced(syntax: str, body: str) -> str:
        lines = [f"```{syntax}", *body.rstrip("\n").splitlines(), "```"]
        return "\n".join(block.indent + line if line else line for line in lines)

    code = fenced("bash" if block.language == "bash" else block.language, block.code)
    if block.expected_output is not None:
        code += "\n\n" + fenced("text", block.expected_output)
    return code


def jupyter_markdown(text: str, lang: str, depth: int) -> str:
    """Material's Markdown as Jupyter reads it; ``depth``: containers still open from before."""
    text = COMMENT.sub("", text)
    out: list[str] = []
    levels = [4 * (i + 1) for i in range(depth)]  # indentation of each open container's body
    in_fence = False
    for raw in text.splitlines():
        if ABBREVIATION.match(raw):
            continue
        indent = len(raw) - len(raw.lstrip())
        while levels and raw.strip() and indent < levels[-1] and not in_fence:
            levels.pop()
        body = raw[levels[-1] :] if levels and raw.startswith(" " * levels[-1]) else raw.lstrip()
        if not levels:
            body = raw
        quote = "> " * len(levels)
        if FENCE.match(body):
            in_fence = not in_fence
        container = None if in_fence else CONTAINER.match(raw)
        if container:
            kind = container.group("kind")
            title = container.group("tab") or container.group("title")
            title = title or TITLES[lang].get(kind, (kind or "").capitalize())
            out.append(f"{quote}> **{title}**")
            out.append(f"{quote}>")
            levels.append(len(container.group("indent")) + 4)
            continue
        heading = None if in_fence else HEADING.match(body)
        if heading:
            body = f'{heading["hashes"]} {heading["text"]} <a id="{heading["id"]}"></a>'
        out.append((quote + body).rstrip() if body.strip() else quote.rstrip())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip("\n")


# Cells and notebooks are written as the nbformat 4 schema has them, without nbformat's new_*
# functions and write(), which validate every cell and notebook again (half of this hook's time on
# a warm build): tests/test_page_notebooks.py validates every notebook the build writes.
def markdown_cell(source: str, cell_id: str) -> dict:
    return {"id": cell_id, "cell_type": "markdown", "metadata": {}, "source": source}


def code_cell(source: str, cell_id: str, printed: str | None) -> dict:
    outputs = (
        [] if printed is None else [{"output_type": "stream", "name": "stdout", "text": printed}]
    )
    return {
        "id": cell_id,
        "cell_type": "code",
        "metadata": {},
        "execution_count": None,
        "source": source,
        "outputs": outputs,
    }


def page_notebook(page: Page, config: MkDocsConfig, files: Files) -> nbformat.NotebookNode | None:
    if INCLUDE_MARK not in page.markdown:  # code cells come from include lines only
        return None
    blocks = page_blocks(Path(page.file.abs_src_path), ROOT)
    if not any(is_cell(block) for block in blocks):
        return None
    lang = config.theme["language"]
    cells, markdown, depth = [], [], 0

    def link(match: re.Match) -> str:
        target = site_link(match["target"], page, config, files)
        return f"{match['bang']}[{match['text']}]({target}{match['title'] or ''})"

    def flush() -> None:
        source = jupyter_markdown(LINK.sub(link, "\n\n".join(markdown)), lang, depth)
        if source:
            cells.append(markdown_cell(source, f"cell-{len(cells)}"))
        markdown.clear()

    for block in blocks:
        if not is_cell(block):
            markdown.append(block.text if block.kind == "prose" else fence_text(block))
            continue
        flush()
        depth = len(block.indent) // 4
        cells.append(
            code_cell(block.code.rstrip("\n"), f"cell-{len(cells)}", block.expected_output)
        )
    flush()
    title = next(
        (
            line.lstrip("# ").split("{")[0].strip()
            for b in blocks
            if b.kind == "prose"
            for line in b.text.splitlines()
            if line.startswith("# ")
        ),
        page.file.name,
    )
    code = [cell["source"] for cell in cells if cell["cell_type"] == "code"]
    intro = FIRST_CELL[lang].format(
        title=title, url=page_url(page, config), packages=" ".join(packages(code))
    )
    cells.insert(0, markdown_cell(intro, "about"))
    return nbformat.from_dict(
        {
            "nbformat": nbformat.v4.nbformat,
            "nbformat_minor": nbformat.v4.nbformat_minor,
            "metadata": {
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                "language_info": {"name": "python"},
            },
            "cells": cells,
        }
    )


def on_pre_build(config: MkDocsConfig) -> None:
    PENDING.clear()
    TIMING["seconds"] = 0.0


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    started = time.perf_counter()
    if page.file.src_uri.endswith(".md"):
        notebook = page_notebook(page, config, files)
        if notebook is not None:
            PENDING[posixpath.join(notebook_dir(page), notebook_name(page))] = notebook
            page.meta["notebook"] = notebook_name(page)
    TIMING["seconds"] += time.perf_counter() - started
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    started = time.perf_counter()
    for destination, notebook in sorted(PENDING.items()):
        target = Path(config.site_dir) / destination
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nbformat.v4.writes_json(notebook) + "\n", encoding="utf-8")
    seconds = TIMING["seconds"] + time.perf_counter() - started
    TIMINGS.mkdir(parents=True, exist_ok=True)
    record = {"seconds": round(seconds, 2), "notebooks": len(PENDING)}
    (TIMINGS / f"page_notebooks-{config.theme['language']}.json").write_text(json.dumps(record))
