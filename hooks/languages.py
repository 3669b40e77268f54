"""Tie the language projects together: where each lives, what links them, that they match.

The languages are listed once, under ``extra.languages`` in mkdocs.yml. Each is its own MkDocs
project: ``mkdocs.yml`` for the first (the default, served at ``/``), ``mkdocs.<lang>.yml`` for
the others, which inherit it (``INHERIT:``) and are built into ``site/<prefix>``. This hook

1. appends the project's prefix to ``site_url``, so canonical links and the sitemap are right;
2. fills Material's ``extra.alternate`` with every language. Each entry's ``root`` is the path
   from this project's root to that language's root; ``overrides/partials/alternate.html`` links
   every page to the same page in the other language with it, computed at build time, so the
   selector works without JavaScript, a server or a ``site_url`` (from ``file://`` too). Each
   ``link`` names the root's ``index.html`` rather than its folder: Material's script takes the
   head's alternate links as language roots and reroutes clicks on links under such a root
   through its sitemap (to the root itself when no ``site_url`` made the sitemap absolute); a
   root written as a file has no links under it, so the selector's own links stand;
3. fails the build when a page exists in one language only, or when the navigations differ in
   shape (pages, order, sections, titles), naming the first difference;
4. under ``mkdocs serve`` of the default project, builds the other languages into the served
   folder and watches their pages and configs, so one server shows them all; after an edit it
   renders again only the pages the edit changes (see ``on_serve``). The server's builder is
   replaced: hooks are loaded afresh for every rebuild, so they cannot remember that they are
   serving.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File
from yaml_env_tag import add_env_tag

ROOT = Path(__file__).resolve().parent.parent
PAGE_SUFFIXES = {".md", ".ipynb"}
WATCHED = ("docs", "snippets", "includes", "hooks", "overrides")
UNWATCHED_PARTS = {"__pycache__", ".ipynb_checkpoints"}
INCLUDED = re.compile(r'--8<--\s+"([^":]+)')
log = logging.getLogger(f"mkdocs.hooks.{__name__}")


def languages(config: MkDocsConfig) -> list[dict]:
    return list(config.extra["languages"])


def project_language(config: MkDocsConfig) -> dict:
    code = config.theme["language"]
    for language in languages(config):
        if language["lang"] == code:
            return language
    raise PluginError(f"theme.language '{code}' is not listed under extra.languages")


def config_file(lang: str, default_lang: str) -> Path:
    return ROOT / ("mkdocs.yml" if lang == default_lang else f"mkdocs.{lang}.yml")


def relative_root(own_prefix: str, other_prefix: str) -> str:
    """From one language's root to another's: '' to 'en/' is 'en/', 'en/' to '' is '../'."""
    return "../" * own_prefix.count("/") + other_prefix


def alternates(config: MkDocsConfig) -> list[dict]:
    own = project_language(config)["prefix"]
    entries = []
    for language in languages(config):
        root = relative_root(own, language["prefix"])
        entries.append({**language, "root": root, "link": root + "index.html"})
    return entries


def pages_of(language_dir: Path) -> set[Path]:
    return {
        path.relative_to(language_dir)
        for path in language_dir.rglob("*")
        if path.suffix in PAGE_SUFFIXES and ".ipynb_checkpoints" not in path.parts
    }


def missing_translations(docs_root: Path, codes: list[str]) -> list[str]:
    trees = {lang: pages_of(docs_root / lang) for lang in codes}
    everything = set().union(*trees.values())
    return sorted(
        f"docs/{lang}/{page.as_posix()}" for lang in codes for page in everything - trees[lang]
    )


def nav_shape(nav: list, where: str = "nav") -> list[tuple[str, str]]:
    """(position, what stands there) for every entry: a page with or without a title, a section."""
    shape = []
    for index, entry in enumerate(nav, start=1):
        position = f"{where} {index}"
        if isinstance(entry, str):
            shape.append((position, f"page {entry} (no title)"))
            continue
        ((title, target),) = entry.items()
        if not str(title).strip():
            shape.append((position, f"an empty title for {target}"))
        elif isinstance(target, list):
            shape.append((position, f"a section of {len(target)} entries"))
            shape += nav_shape(target, f"{position} >")
        else:
            shape.append((position, f"page {target} (titled)"))
    return shape


def first_nav_difference(navs: dict[str, list]) -> str | None:
    (first, reference), *others = navs.items()
    expected = nav_shape(reference)
    for lang, nav in others:
        actual = nav_shape(nav)
        for (position, want), (_, got) in zip(expected, actual, strict=False):
            if want != got:
                return f"{position}: {first} has {want}, {lang} has {got}"
        if len(expected) != len(actual):
            longer, extra = (first, expected) if len(expected) > len(actual) else (lang, actual)
            position, what = extra[min(len(expected), len(actual))]
            return f"{position}: only {longer} has {what}"
    return None


class NavLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Reads a config file as MkDocs does (with its !ENV tag), at the C parser's speed."""


add_env_tag(NavLoader)


def read_nav(path: Path) -> list:
    """The nav written in this config file itself: an inherited one would hide a missing one."""
    return yaml.load(path.read_text(encoding="utf-8"), NavLoader).get("nav") or []


def check_parity(config: MkDocsConfig) -> None:
    codes = [language["lang"] for language in languages(config)]
    missing = missing_translations(ROOT / "docs", codes)
    if missing:
        raise PluginError(
            "Pages missing in one language (every page needs all languages): " + ", ".join(missing)
        )
    navs = {lang: read_nav(config_file(lang, codes[0])) for lang in codes}
    difference = first_nav_difference(navs)
    if difference:
        names = ", ".join(config_file(lang, codes[0]).name for lang in codes)
        raise PluginError(f"The navigations of {names} differ in shape: {difference}")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    log.info(
        f"Building {Path(config.docs_dir).relative_to(ROOT)} ({Path(config.config_file_path).name})"
    )
    check_parity(config)
    if config.site_url:
        config.site_url = config.site_url.rstrip("/") + "/" + project_language(config)["prefix"]
    config.extra["alternate"] = alternates(config)
    return config


def other_languages(config: MkDocsConfig) -> list[dict]:
    """The languages the default project builds alongside itself under `mkdocs serve`."""
    own, everything = project_language(config)["lang"], languages(config)
    if own != everything[0]["lang"]:
        return []
    return [language for language in everything if language["lang"] != own]


class WithoutDirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build is inexact, which strict mode would abort on."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def watched_files() -> dict[Path, int]:
    """Every file a rebuild can depend on, with its modification time."""
    found = [path for name in WATCHED for path in (ROOT / name).rglob("*")]
    found += ROOT.glob("mkdocs*.yml")
    return {
        path: path.stat().st_mtime_ns
        for path in found
        if path.is_file() and not UNWATCHED_PARTS & set(path.parts)
    }


def changed_files(before: dict[Path, int], after: dict[Path, int]) -> set[Path]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def pages_to_rerender(changed: set[Path], codes: list[str]) -> dict[str, set[Path]] | None:
    """The pages of each language that these edits change, or None when only a full build will do.

    An edited page changes itself, an edited snippet every page that includes it; a figure script
    only its figure, which the figures hook redraws in any build. Anything else (a new or deleted
    file, a config, a hook, the theme, the glossary) can change every page.
    """
    pages: dict[str, set[Path]] = {code: set() for code in codes}
    snippets = set()
    for path in changed:
        parts = path.relative_to(ROOT).parts
        if path.suffix == ".md" and parts[0] == "docs" and parts[1] in pages and path.exists():
            pages[parts[1]].add(path)
        elif parts[0] == "snippets" and path.exists():
            snippets.add(path.relative_to(ROOT).as_posix())
        else:
            return None
    for code in codes if snippets else ():
        for page in (ROOT / "docs" / code).rglob("*.md"):
            if snippets & set(INCLUDED.findall(page.read_text(encoding="utf-8"))):
                pages[code].add(page)
    return pages


def served_config(language: dict, default: str, served_dir: str, serve_url: str) -> MkDocsConfig:
    config = load_config(
        str(config_file(language["lang"], default)),
        site_dir=os.path.join(served_dir, language["prefix"]),
    )
    config.site_url = serve_url
    return config


def build_served(config: MkDocsConfig, serve_url: str) -> None:
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config, serve_url=serve_url)
    finally:
        config.plugins.on_shutdown()


def rerender(config: MkDocsConfig, pages: set[Path], serve_url: str) -> None:
    """A dirty build of one project: only `pages` are rendered again (their old HTML is removed,
    which is how MkDocs tells that a page is out of date); the search index of the last full build
    stays, since a dirty build would replace it with these pages only."""
    docs_dir = Path(config.docs_dir)
    for page in pages:
        built = File(
            page.relative_to(docs_dir).as_posix(),
            str(docs_dir),
            config.site_dir,
            config.use_directory_urls,
        )
        Path(built.abs_dest_path).unlink(missing_ok=True)
    for name, plugin in config.plugins.items():
        if name.endswith("search"):
            plugin.config.enabled = False
    log.info(f"Rendering again: {', '.join(sorted(p.relative_to(ROOT).as_posix() for p in pages))}")
    quiet = WithoutDirtyWarning()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        build(config, serve_url=serve_url, dirty=True)
    finally:
        config.plugins.on_shutdown()
        logging.getLogger("mkdocs.commands.build").removeFilter(quiet)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Serve every language from one server, and rebuild only what an edit changes.

    MkDocs built the default project already; the other languages are built now into the served
    folder. After that, an edit to pages or snippets re-renders just the pages it changes, in the
    languages it touches (a dirty build: a one-page edit shows in about a second instead of a
    full rebuild of every language); any other change rebuilds everything.
    """
    everything, default = languages(config), languages(config)[0]["lang"]
    codes = [language["lang"] for language in everything]
    serve_url, served_dir = config.site_url, server.root
    state = {"files": watched_files()}

    def build_all() -> None:
        for language in everything:
            build_served(served_config(language, default, served_dir, serve_url), serve_url)

    def rebuild() -> None:
        now = watched_files()
        pages = pages_to_rerender(changed_files(state["files"], now), codes)
        state["files"] = now
        if pages is None:
            build_all()
            return
        for language in everything:
            if pages[language["lang"]]:
                config = served_config(language, default, served_dir, serve_url)
                rerender(config, pages[language["lang"]], serve_url)

    for language in other_languages(config):
        build_served(served_config(language, default, served_dir, serve_url), serve_url)
    state["files"] = watched_files()
    server.builder = rebuild
    for name in WATCHED:
        server.watch(str(ROOT / name))
    for language in other_languages(config):
        server.watch(str(config_file(language["lang"], default)))
    return server
