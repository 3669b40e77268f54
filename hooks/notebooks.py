"""Notebooks: executed at build time with a cache; repairs to mkdocs-jupyter's HTML.

1. Notebooks are committed without outputs. Each is executed with nbclient into
   .cache/notebooks, keyed by the notebook's bytes, the pinned requirements and the execution
   options; the notebook's file then points at that executed copy, which mkdocs-jupyter renders
   and offers for download.
2. ``cjk_heading_ids``: mkdocs-jupyter gives a heading without ASCII letters an empty id while
   its table of contents links to ``#_1``, ``#_2``, ... Every heading gets the id of the same
   heading in the English notebook (both languages have the same headings in the same order).
3. ``inline_css_to_file`` and ``drop_cdn_scripts``: mkdocs-jupyter inlines ~600 KB of nbconvert's
   CSS into every notebook page and loads MathJax 2 and Mermaid from a CDN; it has no option to
   turn either off (``custom_mathjax_url`` only changes MathJax's address, and the site serves
   its own MathJax 3). The CSS moves into one content-hashed file, the CDN scripts are dropped,
   and code cells, which scroll sideways, become reachable by keyboard.
4. ``links_to_pages_follow_the_build``: links to other pages, written as the hosted site's
   folder URLs, point at the page's URL in this build (``page.html`` in the offline copy).
5. mkdocs-jupyter's own cache of the HTML it renders (``cache: true``) gets a folder per
   language and pinned requirements (``on_config``). Its key is the notebook's bytes and its
   options, not the versions of nbconvert and its templates; and after each build it deletes the
   entries that build did not use, so with one folder the English build would delete every
   Chinese entry.

The HTML is edited as a parsed document (BeautifulSoup). tests/test_notebooks.py fails when
mkdocs-jupyter stops doing what these repairs undo, so that they can be removed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import nbformat
from bs4 import BeautifulSoup
from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from page_blocks import atx_headings  # MkDocs puts a hook's own folder on sys.path

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "notebooks"
REQUIREMENTS = ROOT / "requirements.txt"
# Timing metadata off and output streams merged, so that two runs write identical files.
EXECUTION_OPTIONS = {"timeout": 300, "record_timing": False, "coalesce_streams": True}
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    options = config.plugins["mkdocs-jupyter"].config
    if options["cache"]:
        pins = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()[:16]
        folder = ROOT / ".cache" / "mkdocs-jupyter" / f"{config.theme['language']}-{pins}"
        options["cache_dir"] = str(folder)
    return config


def is_notebook(page: Page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files:
        if file.src_uri.endswith(".ipynb"):
            file.abs_src_path = str(executed_copy(Path(config.docs_dir) / file.src_uri))
    return files


def english_heading_ids(src_uri: str) -> list[str]:
    """Heading ids of the English version of a notebook, as a table of contents makes them."""
    english = nbformat.read(ROOT / "docs" / "en" / src_uri, as_version=4)
    texts = [
        text
        for cell in english.cells
        if cell.cell_type == "markdown"
        for _, text in atx_headings(cell.source)
    ]
    return [slugify(text, "-") for text in texts]


def flattened(toc: list[AnchorLink]) -> list[AnchorLink]:
    return [entry for item in toc for entry in [item, *flattened(item.children)]]


def cjk_heading_ids(soup: BeautifulSoup, page: Page) -> None:
    ids = english_heading_ids(page.file.src_uri)
    entries = flattened(list(page.toc))
    headings = [h for h in soup.find_all(HEADINGS) if h.find("a", class_="anchor-link")]
    if not (len(ids) == len(entries) == len(headings)):
        raise PluginError(
            f"docs/{page.file.src_uri} ({len(headings)} headings) and its English version"
            f" ({len(ids)}) differ: notebooks need the same headings in every language"
        )
    for heading, entry, anchor in zip(headings, entries, ids, strict=True):
        heading["id"] = anchor
        heading.find("a", class_="anchor-link")["href"] = f"#{anchor}"
        entry.id = anchor


def inline_css_to_file(soup: BeautifulSoup, page: Page, site_dir: Path) -> None:
    styles = soup.find_all("style")
    if not styles:
        return
    css = "\n".join(style.get_text() for style in styles)
    name = f"notebook.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
    target = site_dir / "assets" / "stylesheets" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        target.write_text(css, encoding="utf-8")
    for style in styles:
        style.decompose()
    depth = page.file.dest_uri.count("/")
    link = soup.new_tag("link", rel="stylesheet", href="../" * depth + f"assets/stylesheets/{name}")
    soup.insert(0, link)


def loads_from_another_host(script) -> bool:
    source = script.get("src")
    if source is not None:
        return bool(urlsplit(source).netloc)
    return script.get("type") == "module" and "https://" in script.get_text()


def drop_cdn_scripts(soup: BeautifulSoup) -> None:
    for script in soup.find_all("script"):
        if loads_from_another_host(script) or script.get("type") == "text/x-mathjax-config":
            script.decompose()


def folder_url(file: File) -> str:
    """A page's URL on the hosted site, where every page is a folder: a/b.md -> a/b/."""
    stem = file.src_uri.rsplit(".", 1)[0]
    return stem.removesuffix("index") if stem.split("/")[-1] == "index" else stem + "/"


def links_to_pages_follow_the_build(soup: BeautifulSoup, page: Page, files: Files) -> None:
    """Notebooks link to other pages by their folder URLs (../other/), which MkDocs leaves as
    they are; the offline copy has no folders (other.html), so each such link is pointed at the
    page's URL in this build."""
    pages = {folder_url(file): file for file in files.documentation_pages()}
    here = f"http://site/{folder_url(page.file)}"
    for link in soup.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = pages.get(urlsplit(urljoin(here, parts.path)).path.lstrip("/"))
        if target is not None:
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            link["href"] = target.url_relative_to(page.file) + fragment


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_notebook(page):
        return html
    soup = BeautifulSoup(html, "html.parser")
    cjk_heading_ids(soup, page)
    links_to_pages_follow_the_build(soup, page, files)
    drop_cdn_scripts(soup)
    inline_css_to_file(soup, page, Path(config.site_dir))
    for cell in soup.select("div.highlight-ipynb"):
        cell["tabindex"] = "0"
    return str(soup)
