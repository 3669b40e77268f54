"""Fail the build when a page exists in one language only.

mkdocs-static-i18n would otherwise fall back to the default language and hide the gap.
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


def on_config(config: MkDocsConfig) -> None:
    missing = missing_translations(Path(config.docs_dir))
    if missing:
        raise PluginError(
            "Pages missing in one language (every page needs both zh and en): " + ", ".join(missing)
        )
