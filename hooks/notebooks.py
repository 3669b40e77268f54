"""Render notebooks in both languages with mkdocs-jupyter, executed at build time with a cache.

1. mkdocs-static-i18n rebuilds the file list after mkdocs-jupyter has wrapped notebooks, so
   notebooks end up copied as downloads instead of rendered (mkdocs-static-i18n issue 198).
   This hook runs after both and wraps them again, keeping the URL that i18n gave them.
2. Notebooks are committed without outputs. Each is executed with nbclient into
   .cache/notebooks, keyed by the notebook's bytes and the pinned requirements, and that
   executed copy is what mkdocs-jupyter renders and offers for download.
3. mkdocs-jupyter inlines ~600 KB of CSS and loads MathJax and Mermaid from a CDN in every
   notebook page. The CSS moves into one content-hashed file; the CDN scripts are removed
   (the site's own MathJax typesets notebook math). Code cells, which scroll sideways, are
   made reachable by keyboard.
4. Headings get the ids of the English notebook, in both languages: mkdocs-jupyter gives a
   Chinese heading an empty id while its table of contents links to ``#_1``, ``#_2``, ...
   The two notebooks must have the same headings in the same order.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import nbformat
from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "notebooks"
REQUIREMENTS = ROOT / "requirements.txt"
# Timing metadata off and output streams merged, so that two runs write identical files.
EXECUTION_OPTIONS = {"timeout": 300, "record_timing": False, "coalesce_streams": True}

STYLE_BLOCK = re.compile(r'<style type="text/css">(.*?)</style>', re.S)
EXTERNAL_SCRIPT = re.compile(r'<script[^>]*\bsrc="(?:https?://[^"]*)?"[^>]*>\s*</script>', re.S)
CDN_MODULE_SCRIPT = re.compile(
    r'<script type="module">(?:(?!</script>).)*https?://.*?</script>', re.S
)
NOTEBOOK_HEADING = re.compile(
    r'(<h[1-6] id=")[^"]*(">.*?<a class="anchor-link" href="#)[^"]*(">)', re.S
)
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.M)
CODE_CELL = '<div class="highlight-ipynb'
MATHJAX_CONFIG_SCRIPT = re.compile(r'<script type="text/x-mathjax-config">.*?</script>', re.S)


def execution_key(notebook: Path) -> str:
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(REQUIREMENTS.read_bytes())
    digest.update(repr(sorted(EXECUTION_OPTIONS.items())).encode())
    return digest.hexdigest()[:24]


def executed_copy(notebook: Path) -> Path:
    """Path of the executed notebook, running it first when the cache has no copy."""
    target = CACHE_DIR / execution_key(notebook) / notebook.name
    if target.exists():
        return target
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}, **EXECUTION_OPTIONS
    )
    try:
        client.execute()
    except CellExecutionError as error:
        raise PluginError(f"Notebook {notebook.relative_to(ROOT)} failed:\n{error}") from error
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return target


class ExecutedNotebook(File):
    """A notebook that MkDocs treats as a page, read from its executed copy."""

    def is_documentation_page(self) -> bool:
        return True


def as_executed_page(file: File, config: MkDocsConfig) -> ExecutedNotebook:
    """Same file as mkdocs-static-i18n made it (URL, locale), rendered as a page."""
    page_file = ExecutedNotebook.__new__(ExecutedNotebook)
    vars(page_file).update(vars(file))
    page_file.abs_src_path = str(executed_copy(Path(file.abs_src_path)))
    page_file.alternates = notebook_alternates(file, config)
    return page_file


def notebook_alternates(file: File, config: MkDocsConfig) -> dict[str, File]:
    """The same notebook page in every language, for Material's language selector.

    mkdocs-static-i18n computed them while notebooks were still plain files, so they point
    at the home page; the URL of a notebook page is the same in every language but its prefix.
    """
    i18n = config.plugins["i18n"]
    own_prefix = (
        "" if i18n.current_language == i18n.default_language else f"{i18n.current_language}/"
    )
    bare_dest = file.dest_uri.removeprefix(own_prefix)
    alternates = {}
    for lang in i18n.build_languages:
        prefix = "" if lang == i18n.default_language else f"{lang}/"
        alternate = File.generated(config, f"{lang}/{file.src_uri.split('/', 1)[1]}", content=b"")
        alternate.dest_uri = prefix + bare_dest
        alternates[lang] = alternate
    return alternates


@event_priority(-200)  # after mkdocs-static-i18n (-100) has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    # Replace in place: the list is mkdocs-static-i18n's own Files subclass, which resolves
    # nav entries and links to the right language; a new Files() would lose that.
    for file in list(files):
        if file.src_uri.endswith(".ipynb") and not isinstance(file, ExecutedNotebook):
            files.remove(file)
            files.append(as_executed_page(file, config))
    return files


def english_heading_ids(notebook: Path) -> list[str]:
    """Heading ids of the English version of a notebook, as its table of contents makes them."""
    relative = notebook.relative_to(ROOT / "docs").parts[1:]
    english = nbformat.read(ROOT / "docs" / "en" / Path(*relative), as_version=4)
    texts = [
        match.group(1)
        for cell in english.cells
        if cell.cell_type == "markdown"
        for match in MARKDOWN_HEADING.finditer(cell.source)
    ]
    return [slugify(text, "-") for text in texts]


def flattened(toc: list[AnchorLink]) -> list[AnchorLink]:
    return [entry for item in toc for entry in [item, *flattened(item.children)]]


@event_priority(-200)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not isinstance(page.file, ExecutedNotebook):
        return html
    source = ROOT / "docs" / page.file.src_uri
    ids = english_heading_ids(source)
    entries = flattened(list(page.toc))
    headings = NOTEBOOK_HEADING.findall(html)
    if not (len(ids) == len(entries) == len(headings)):
        raise PluginError(
            f"{source.relative_to(ROOT)} has {len(headings)} headings but its English version"
            f" has {len(ids)}: notebooks must have the same headings in both languages"
        )
    for entry, anchor in zip(entries, ids, strict=True):
        entry.id = anchor
    fresh = iter(ids)
    return NOTEBOOK_HEADING.sub(lambda m: f"{m[1]}{(a := next(fresh))}{m[2]}{a}{m[3]}", html)


def move_inline_css(html: str, page: Page, site_dir: Path) -> str:
    blocks = STYLE_BLOCK.findall(html)
    if not blocks:
        return html
    css = "\n".join(blocks)
    name = f"notebook.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
    target = site_dir / "assets" / "stylesheets" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_text(css, encoding="utf-8")
    depth = page.file.dest_uri.count("/")
    href = "../" * depth + f"assets/stylesheets/{name}"
    html = STYLE_BLOCK.sub("", html)
    return html.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)


@event_priority(-200)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not isinstance(page.file, ExecutedNotebook):
        return output
    for pattern in (EXTERNAL_SCRIPT, CDN_MODULE_SCRIPT, MATHJAX_CONFIG_SCRIPT):
        output = pattern.sub("", output)
    output = output.replace(CODE_CELL, f'{CODE_CELL[:4]} tabindex="0"{CODE_CELL[4:]}')
    return move_inline_css(output, page, Path(config.site_dir))
