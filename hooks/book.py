"""The print page: the whole book on one page, in this project's language.

mkdocs-print-site-plugin renders it from every page in nav order. This hook gives the plugin this
language's titles from ``extra.book`` (a plugin's options cannot differ per language under
``INHERIT``, which replaces the whole plugin list); it records for the print page's banner the
path from this project's root to the downloads and whether this is the offline copy; and it turns
the plugin off under ``mkdocs serve``: the print page renders every page again after each edit,
and a dirty build of one page would make a print page of that page alone. Its ``on_config`` runs
before the plugin's, which reads these options. After the plugin, it fixes three things the plugin
does not do for this site: a relative base URL, links to pages left out of the book, and the
language of its section headings' permalink title. It also gives the plugin a faster
``update_anchor_ids`` with the same result (seconds of every build).
"""

from __future__ import annotations

import re
from pathlib import Path

from languages import project_language, relative_root  # a hook's folder is on sys.path
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs_print_site_plugin import urls
from mkdocs_print_site_plugin.exclude import exclude
from mkdocs_print_site_plugin.urls import get_page_key
from offline import offline_plugin_enabled
from ui_strings import project_ui

PLUGIN = "print-site"
serving = False
excluded_pages: list[Page] = []

# The plugin's own pattern and tags (mkdocs-print-site-plugin 2.9, urls.update_anchor_ids).
TAG_WITH_ID = re.compile(r"<([^\s]+).*?id=\"([^\"]*?)\".*?>", flags=re.IGNORECASE)
ID_ATTRIBUTE = re.compile(r'id="', flags=re.IGNORECASE)
RENAMED_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"}
PLUGIN_UPDATE_ANCHOR_IDS = urls.update_anchor_ids


def update_anchor_ids(page_html: str, page_key: str) -> str:
    """The plugin's ``update_anchor_ids``, giving the same result in a fraction of the time.

    The plugin runs its pattern from every ``<`` of a page, and from each it scans to the end of
    the line: seconds per build on pages with long lines. A match cannot start on a line with no
    ``id="`` after it (neither ``[^\\s]`` nor ``.`` crosses a newline), so each search here starts
    on the next line that has one. The matches, and so the result, are the plugin's;
    tests/test_book.py compares the two on every built page.
    """
    matches, position = [], 0
    while found := ID_ATTRIBUTE.search(page_html, position):
        line_start = page_html.rfind("\n", 0, found.start()) + 1
        match = TAG_WITH_ID.search(page_html, max(position, line_start))
        if not match:
            break
        matches.append(match)
        position = match.end()
    for match in matches:
        tag, anchor = match.groups()
        if tag in RENAMED_TAGS:
            page_html = page_html.replace(
                match.group(), match.group().replace(anchor, f"{page_key}-{anchor}")
            )
    return page_html


urls.update_anchor_ids = update_anchor_ids


def on_startup(command: str, dirty: bool) -> None:
    global serving
    serving = command == "serve"


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    options = config.plugins[PLUGIN].config
    if serving:
        options["enabled"] = False
        return config
    book = config.extra["book"]
    options["print_page_title"] = book["title"]
    options["toc_title"] = book["toc_title"]
    book["downloads"] = relative_root(project_language(config)["prefix"], "") + "downloads/"
    book["in_offline_copy"] = offline_plugin_enabled(config)
    return config


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """The plugin renders the print page with the context of 404.html, whose base URL is
    absolute (a 404 page is served at any path). Once 404.html is rendered, the print page gets
    a relative one, like every other page, so the theme's links and its search index resolve
    from file:// and under any prefix."""
    plugin = config.plugins[PLUGIN]
    if template_name == "404.html" and plugin.config["enabled"]:
        plugin.context["base_url"] = get_relative_url(".", plugin.print_page.url)
    return output


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    excluded_pages.clear()
    patterns = config.plugins[PLUGIN].config["exclude"]
    excluded_pages.extend(page for page in nav.pages if exclude(page.file.src_path, patterns))
    return nav


# The plugin's link on each section's heading (mkdocs-print-site-plugin 2.9, renderer.py).
PLUGIN_SECTION_PERMALINK = "title='Permanent link'"


def links_to_pages_left_out(html: str, plugin) -> str:
    """Links to pages left out of the book (the notebooks, About) go to those pages on the site.

    The plugin turns every link to another page into a link to that page's part of the print
    page, `#<page key>` or `#<page key>-<anchor>`, also when the page was left out, so such links
    would lead nowhere.
    """
    for page in excluded_pages:
        key, target = get_page_key(page.url), page.file.url_relative_to(plugin.print_file)
        html = html.replace(f'href="#{key}"', f'href="{target}"')
        html = html.replace(f'href="#{key}-', f'href="{target}#')
    return html


@event_priority(-100)
def on_post_build(config: MkDocsConfig) -> None:
    """Runs after the plugin has written the print page: the links to pages left out of the book
    are pointed at the site, and the plugin's section headings get the permalink title in this
    language, as every other heading has (hooks/ui_strings.py); the plugin writes it in English."""
    plugin = config.plugins[PLUGIN]
    if not plugin.config["enabled"]:
        return
    printed = Path(plugin.print_file.abs_dest_path)
    html = links_to_pages_left_out(printed.read_text(encoding="utf-8"), plugin)
    html = html.replace(PLUGIN_SECTION_PERMALINK, f"title='{project_ui(config)['permalink']}'")
    printed.write_text(html, encoding="utf-8")
