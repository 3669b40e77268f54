"""Fail the build when a page, or a navigation title, exists in one language only.

mkdocs-static-i18n would otherwise fall back to the default language and hide the gap: a page
falls back to its Chinese version, a nav title without a translation shows in Chinese.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

LANGUAGES = ("zh", "en")
PAGE_SUFFIXES = {".md", ".ipynb"}


def pages_of(language_dir: Path) -> set[Path]:
    return {
        path.relative_to(language_dir)
        for path in language_dir.rglob("*")
        if path.suffix in PAGE_SUFFIXES and ".ipynb_checkpoints" not in path.parts
    }


def missing_translations(docs_dir: Path) -> list[str]:
    trees = {lang: pages_of(docs_dir / lang) for lang in LANGUAGES}
    everything = set().union(*trees.values())
    return sorted(
        f"docs/{lang}/{page.as_posix()}" for lang in LANGUAGES for page in everything - trees[lang]
    )


def nav_titles(nav: list) -> list[str]:
    titles = []
    for entry in nav:
        if isinstance(entry, dict):
            for title, target in entry.items():
                titles.append(title)
                if isinstance(target, list):
                    titles += nav_titles(target)
        elif isinstance(entry, list):
            titles += nav_titles(entry)
    return titles


def untranslated_nav_titles(config: MkDocsConfig) -> list[str]:
    languages = config.plugins["i18n"].config.languages
    translations = {lang.locale: lang.nav_translations or {} for lang in languages}
    default = next(lang.locale for lang in languages if lang.default)
    return [
        f"{locale}: '{title}'"
        for locale, table in translations.items()
        if locale != default
        for title in dict.fromkeys(nav_titles(config.nav or []))
        if title not in table
    ]


def on_config(config: MkDocsConfig) -> None:
    missing = missing_translations(Path(config.docs_dir))
    if missing:
        raise PluginError(
            "Pages missing in one language (every page needs both zh and en): " + ", ".join(missing)
        )
    untranslated = untranslated_nav_titles(config)
    if untranslated:
        raise PluginError(
            "Navigation titles with no translation under nav_translations in mkdocs.yml: "
            + ", ".join(untranslated)
        )
