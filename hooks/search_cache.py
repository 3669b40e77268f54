"""Material's search entries of each page, kept under .cache/search/ by what they are made from.

Material's search plugin parses the HTML of every page again and segments its Chinese text with
jieba, which first loads its dictionary (0.4 s): together about 1.2 s of the 3.5 s a warm build
of one language took here (AMD EPYC), code blocks already cached by hooks/highlight_cache.py.
A page's entries depend only on its HTML, its address, title, outline and front matter, on the
dictionary jieba segments with, and on the code of Material, jieba and backrefs (Material's
regular expressions). This hook gives the plugin an index (``CachedSearchIndex``) that reads a
page's entries back from a file keyed by all of these, and makes them with the plugin's own code
only when no such file exists; an unchanged page then costs neither parsing nor segmentation,
and jieba's dictionary is not loaded at all. A page's new entries replace the file of its
earlier version, as hooks/figures.py does with drawings.

The dictionary jieba segments with is its own plus the glossary's Chinese terms, so that 交叉熵
is indexed as one word and not as 交叉 + 熵. jieba keeps one dictionary per interpreter, and
adding a word again changes the frequencies it already holds, so the terms are added once, just
before the first segmentation, tagged with a digest of the term list. An interpreter whose jieba
was taught another term list (the glossary edited under ``mkdocs serve``) segments with a
dictionary no fresh build has, so the entries it makes are not stored (those it reads are
what a fresh build makes).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

import jieba
from backrefs import bre
from cache_files import content_key, source_digest, write_whole  # hooks/ is on sys.path
from glossary import CJK, load_glossary
from material.plugins.search.plugin import SearchIndex, SearchPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "search"
CODE_VERSIONS = {name: version(name) for name in ("mkdocs-material", "jieba", "backrefs")}
HOOK_DIGEST = source_digest(__file__)
HAN = bre.compile(r"(\p{script: Han}+)", bre.UNICODE)  # what the plugin hands to jieba
TAG_PREFIX = "glossary:"


def chinese_terms(glossary: dict) -> tuple[str, ...]:
    """The glossary's Chinese words, in the glossary's order."""
    return tuple(
        word for term in glossary["terms"] for word in term["zh"].split() if CJK.search(word)
    )


def terms_tag(words: tuple[str, ...]) -> str:
    return TAG_PREFIX + content_key({"words": words})[:16]


def taught_tags() -> set[str]:
    """The term lists this interpreter's jieba has been taught (none before its first use)."""
    return {t for t in jieba.dt.user_word_tag_tab.values() if t.startswith(TAG_PREFIX)}


def outline(toc: Iterable[AnchorLink]) -> list:
    return [[item.id, item.url, outline(item.children)] for item in toc]


def entries_key(page: Page, words: tuple[str, ...]) -> str:
    meta = {name: page.meta.get(name) for name in ("title", "search", "tags")}
    return content_key(
        {
            "code": CODE_VERSIONS,
            "hook": HOOK_DIGEST,
            "words": words,
            "url": page.url,
            "title": page.title,
            "meta": meta,
            "toc": outline(page.toc),
            "content": page.content,
        }
    )


def page_prefix(lang: str, page: Page) -> str:
    """The start of the names of a page's entry files, the same for every version of the page."""
    return content_key({"lang": lang, "url": page.url})[:16]


def read_if_there(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:  # never written, or dropped by another build just now
        return None


def drop_superseded(current: Path, prefix: str) -> None:
    """Remove the entry files of earlier versions of the same page."""
    for old in CACHE_DIR.glob(f"{prefix}-*"):
        if old != current and not old.name.endswith(".partial"):
            old.unlink(missing_ok=True)


class CachedSearchIndex(SearchIndex):
    def __init__(self, words: tuple[str, ...], site_language: str, **config) -> None:
        super().__init__(**config)
        self.words = words
        self.site_language = site_language
        self.tag = terms_tag(words)
        self.taught = False

    def segments_as_a_fresh_build(self) -> bool:
        return taught_tags() <= {self.tag}

    def add_entry_from_context(self, page: Page) -> None:
        prefix = page_prefix(self.site_language, page)
        path = CACHE_DIR / f"{prefix}-{entries_key(page, self.words)}"
        if (cached := read_if_there(path)) is not None:
            self.entries.extend(json.loads(cached))
            return
        before = len(self.entries)
        super().add_entry_from_context(page)
        if self.segments_as_a_fresh_build():
            write_whole(path, json.dumps(self.entries[before:], ensure_ascii=False, default=str))
            drop_superseded(path, prefix)

    def teach_jieba(self) -> None:
        """Add the terms jieba has not been taught yet (all of them, in a fresh interpreter)."""
        known = jieba.dt.user_word_tag_tab
        for word in self.words:
            if not known.get(word, "").startswith(TAG_PREFIX):
                jieba.add_word(word, tag=self.tag)
        self.taught = True

    def _segment_chinese(self, data: str) -> str:
        if not self.taught and HAN.search(data):
            self.teach_jieba()
        return super()._segment_chinese(data)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for plugin in config.plugins.values():
        if not isinstance(plugin, SearchPlugin) or not plugin.config.enabled:
            continue
        if plugin.config.jieba_dict or plugin.config.jieba_dict_user:
            continue  # a dictionary of its own, which the cache key does not cover
        words = chinese_terms(load_glossary())
        language = config.theme["language"]
        plugin.search_index = CachedSearchIndex(words, language, **plugin.search_index.config)
    return config
