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
   folder after each of its builds and watches their pages and configs, so one server shows
   them all (the server's builder is wrapped: hooks are loaded afresh for every rebuild, so
   they cannot remember that they are serving).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.utils.yaml import get_yaml_loader, yaml_load

ROOT = Path(__file__).resolve().parent.parent
PAGE_SUFFIXES = {".md", ".ipynb"}
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


def read_nav(path: Path) -> list:
    """The nav written in this config file itself: an inherited one would hide a missing one."""
    return yaml_load(path.read_text(encoding="utf-8"), get_yaml_loader()).get("nav") or []


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


def build_language(language: dict, default: str, served_dir: str, site_url: str) -> None:
    config = load_config(
        str(config_file(language["lang"], default)),
        site_dir=os.path.join(served_dir, language["prefix"]),
    )
    config.site_url = site_url
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder) -> LiveReloadServer:
    """Build the other languages now (MkDocs built this one already) and after every rebuild."""
    others, default = other_languages(config), languages(config)[0]["lang"]
    if not others:
        return server

    def build_others() -> None:
        for language in others:
            build_language(language, default, server.root, config.site_url)

    def build_all() -> None:
        builder()
        build_others()

    build_others()
    server.builder = build_all
    for language in others:
        server.watch(str(ROOT / "docs" / language["lang"]))
        server.watch(str(config_file(language["lang"], default)))
    return server
