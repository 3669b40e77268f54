"""Notebooks: executed at build time with a cache; repairs to mkdocs-jupyter's HTML.

1. Notebooks are committed without outputs. Each is executed with nbclient into
   .cache/notebooks, keyed by the notebook's bytes, the pinned requirements and the execution
   options, as many at once as there are cores, with OpenMP threads that sleep while they wait
   (``figures.with_sleeping_threads``); the notebook's file then points at that
   executed copy, which mkdocs-jupyter renders and offers for download.
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
5. ``copy_buttons_in_the_page_language``: mkdocs-jupyter labels each cell's copy button "Copy to
   Clipboard" and its notice "Copied!" on every page; they get Material's words for its own copy
   buttons in the page's language (``ui_strings.material_translation``).
6. ``figures_described``: nbconvert gives every output image the alt text "No description has
   been provided for this image", in English on every page. A cell that draws a figure says what
   it shows, in the notebook's language, under ``"alt"`` in its metadata; its images get that
   text, and a figure without one fails the build (``figure_descriptions``).
7. mkdocs-jupyter's own cache of the HTML it renders (``cache: true``) gets a folder per
   language and pinned requirements (``on_config``). Its key is the notebook's bytes and its
   options, not the versions of nbconvert and its templates; and after each build it deletes the
   entries that build did not use, so with one folder the English build would delete every
   Chinese entry.

The HTML is edited as a parsed document (BeautifulSoup). tests/test_notebooks.py fails when
mkdocs-jupyter stops doing what these repairs undo, so that they can be removed. Parsing a
notebook page (~1 MB) is most of the hook's time, so the repaired HTML is kept in
.cache/notebook-pages, keyed by everything the repairs read: the HTML, the page's place, the
English headings, the URLs of the pages it may link to, the copy buttons' labels, the figures'
descriptions, this file and BeautifulSoup's version (tests/test_reproducible.py compares a warm
build with a cold one).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import bs4
import nbformat
from bs4 import BeautifulSoup
from cache_files import write_whole  # MkDocs puts a hook's own folder on sys.path
from figures import with_sleeping_threads
from markdown.extensions.toc import slugify
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink
from nbclient import NotebookClient
from page_blocks import atx_headings
from ui_strings import material_translation

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "notebooks"
REPAIRED_DIR = ROOT / ".cache" / "notebook-pages"
REQUIREMENTS = ROOT / "requirements.txt"
# Timing metadata off and output streams merged, so that two runs write identical files.
EXECUTION_OPTIONS = {"timeout": 300, "record_timing": False, "coalesce_streams": True}
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]
IMAGE_TYPES = {"image/png", "image/jpeg", "image/svg+xml"}


def execution_key(notebook: Path) -> str:
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(REQUIREMENTS.read_bytes())
    digest.update(repr(sorted(EXECUTION_OPTIONS.items())).encode())
    return digest.hexdigest()[:24]


def executed_path(notebook: Path) -> Path:
    return CACHE_DIR / execution_key(notebook) / notebook.name


async def execute_into_cache(notebook: Path) -> None:
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}, **EXECUTION_OPTIONS
    )
    await client.async_execute(env=with_sleeping_threads(os.environ))
    target = executed_path(notebook)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


async def execute_all(notebooks: list[Path]) -> list[BaseException | None]:
    """Run the notebooks, as many at once as there are cores (each kernel is a process)."""
    slots = asyncio.Semaphore(os.cpu_count() or 1)

    async def execute(notebook: Path) -> None:
        async with slots:
            await execute_into_cache(notebook)

    return await asyncio.gather(*map(execute, notebooks), return_exceptions=True)


def execute_missing(notebooks: list[Path]) -> None:
    """Run the notebooks the cache has no executed copy of; every one that fails is named (a cell
    that raised, a kernel that died or timed out)."""
    missing = [notebook for notebook in notebooks if not executed_path(notebook).exists()]
    outcomes = asyncio.run(execute_all(missing)) if missing else []
    failures = [
        f"Notebook {notebook.relative_to(ROOT)} failed:\n{outcome}"
        for notebook, outcome in zip(missing, outcomes, strict=True)
        if outcome is not None
    ]
    if failures:
        raise PluginError("\n\n".join(failures))


def executed_copy(notebook: Path) -> Path:
    """Path of the executed notebook, running it first when the cache has no copy."""
    execute_missing([notebook])
    return executed_path(notebook)


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
    notebooks = [file for file in files if file.src_uri.endswith(".ipynb")]
    execute_missing([Path(config.docs_dir) / file.src_uri for file in notebooks])
    for file in notebooks:
        file.abs_src_path = str(executed_path(Path(config.docs_dir) / file.src_uri))
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


def heading_entries(page: Page, ids: list[str]) -> list[AnchorLink]:
    """The page's table of contents entries, given the English notebook's heading ids."""
    entries = flattened(list(page.toc))
    if len(ids) != len(entries):
        raise PluginError(
            f"docs/{page.file.src_uri} ({len(entries)} headings) and its English version"
            f" ({len(ids)}) differ: notebooks need the same headings in every language"
        )
    for entry, anchor in zip(entries, ids, strict=True):
        entry.id = anchor
    return entries


def cjk_heading_ids(soup: BeautifulSoup, page: Page, ids: list[str]) -> None:
    headings = [h for h in soup.find_all(HEADINGS) if h.find("a", class_="anchor-link")]
    if len(headings) != len(ids):
        raise PluginError(
            f"docs/{page.file.src_uri} ({len(headings)} headings) and its English version"
            f" ({len(ids)}) differ: notebooks need the same headings in every language"
        )
    for heading, anchor in zip(headings, ids, strict=True):
        heading["id"] = anchor
        heading.find("a", class_="anchor-link")["href"] = f"#{anchor}"


def inline_css_to_file(soup: BeautifulSoup, page: Page) -> str | None:
    """Move the page's inline CSS into .cache/notebook-pages/notebook.<hash>.css, link that
    file from the page, and return its name (None when the page has no inline CSS)."""
    styles = soup.find_all("style")
    if not styles:
        return None
    css = "\n".join(style.get_text() for style in styles)
    name = f"notebook.{hashlib.sha256(css.encode()).hexdigest()[:10]}.css"
    write_whole(REPAIRED_DIR / name, css)
    for style in styles:
        style.decompose()
    depth = page.file.dest_uri.count("/")
    link = soup.new_tag("link", rel="stylesheet", href="../" * depth + f"assets/stylesheets/{name}")
    soup.insert(0, link)
    return name


def copy_css_to_site(name: str | None, site_dir: Path) -> None:
    if name is None:
        return
    target = site_dir / "assets" / "stylesheets" / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((REPAIRED_DIR / name).read_bytes())


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


def page_urls(page: Page, files: Files) -> dict[str, str]:
    """{a page's folder URL (other/): its URL relative to this page in this build}."""
    return {
        folder_url(file): file.url_relative_to(page.file) for file in files.documentation_pages()
    }


def links_to_pages_follow_the_build(soup: BeautifulSoup, page: Page, urls: dict[str, str]) -> None:
    """Notebooks link to other pages by their folder URLs (../other/), which MkDocs leaves as
    they are; the offline copy has no folders (other.html), so each such link is pointed at the
    page's URL in this build."""
    here = f"http://site/{folder_url(page.file)}"
    for link in soup.find_all("a", href=True):
        parts = urlsplit(link["href"])
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = urls.get(urlsplit(urljoin(here, parts.path)).path.lstrip("/"))
        if target is not None:
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            link["href"] = target + fragment


def copy_labels(config: MkDocsConfig) -> dict[str, str]:
    """Material's labels for a copy button and for its notice once copied, in this language."""
    return {
        "copy": material_translation(config, "clipboard.copy"),
        "copied": material_translation(config, "clipboard.copied"),
    }


def copy_buttons_in_the_page_language(soup: BeautifulSoup, labels: dict[str, str]) -> None:
    for button in soup.find_all("clipboard-copy"):
        button["aria-label"] = labels["copy"]
        for notice in button.select("span.notice"):
            notice.string = labels["copied"]


def draws_figure(cell: nbformat.NotebookNode) -> bool:
    return cell.cell_type == "code" and any(
        IMAGE_TYPES & set(output.get("data", {})) for output in cell.outputs
    )


def alt_text(cell: nbformat.NotebookNode) -> str | None:
    return cell.metadata.get("alt") or None


def figure_descriptions(page: Page, config: MkDocsConfig) -> list[str | None]:
    """Each cell's description of its figure (``"alt"`` in its metadata), None for the others;
    a cell that draws a figure without one fails the build, naming the notebook and the cells."""
    cells = nbformat.read(page.file.abs_src_path, as_version=4).cells
    undescribed = [i for i, cell in enumerate(cells) if draws_figure(cell) and not alt_text(cell)]
    if undescribed:
        source = (Path(config.docs_dir) / page.file.src_uri).relative_to(ROOT)
        raise PluginError(
            f'{source}: cells {undescribed} draw a figure but have no "alt" in their metadata '
            "(the figure's description, for readers who cannot see it)"
        )
    return [alt_text(cell) for cell in cells]


def figures_described(soup: BeautifulSoup, alts: list[str | None]) -> None:
    cells = soup.select("div.jp-Notebook > div.jp-Cell")
    for cell, alt in zip(cells, alts, strict=True):
        for image in cell.select(".jp-OutputArea img") if alt else ():
            image["alt"] = alt


def repair_inputs(page: Page, config: MkDocsConfig, files: Files) -> dict:
    """What the repairs read besides the HTML and the page's place."""
    return {
        "ids": english_heading_ids(page.file.src_uri),
        "urls": page_urls(page, files),
        "labels": copy_labels(config),
        "alts": figure_descriptions(page, config),
    }


def repaired(html: str, page: Page, inputs: dict) -> dict:
    """{"html": the repaired page, "css": the name of its stylesheet or None}."""
    soup = BeautifulSoup(html, "html.parser")
    cjk_heading_ids(soup, page, inputs["ids"])
    links_to_pages_follow_the_build(soup, page, inputs["urls"])
    copy_buttons_in_the_page_language(soup, inputs["labels"])
    figures_described(soup, inputs["alts"])
    drop_cdn_scripts(soup)
    css = inline_css_to_file(soup, page)
    for cell in soup.select("div.highlight-ipynb"):
        cell["tabindex"] = "0"
    return {"html": str(soup), "css": css}


def repair_key(html: str, page: Page, inputs: dict) -> str:
    keyed = [html, page.file.src_uri, page.file.dest_uri, inputs, bs4.__version__]
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(json.dumps(keyed, sort_keys=True).encode())
    return digest.hexdigest()[:24]


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not is_notebook(page):
        return html
    inputs = repair_inputs(page, config, files)
    heading_entries(page, inputs["ids"])
    entry = REPAIRED_DIR / f"{repair_key(html, page, inputs)}.json"
    if entry.exists():
        result = json.loads(entry.read_text(encoding="utf-8"))
    else:
        result = repaired(html, page, inputs)
        write_whole(entry, json.dumps(result))
    copy_css_to_site(result["css"], Path(config.site_dir))
    return result["html"]
