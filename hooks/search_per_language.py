"""Give each language its own search index.

mkdocs-static-i18n writes one index holding every language (its issues 129 and 271), so a
reader of the Chinese site gets English results and the other way round. After the last
language is built, this hook splits site/search/search_index.json into one index per
language root (site/search/ and site/en/search/), and points the search of non-default
language pages at their own root through Material's ``__config.base``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

INDEX = Path("search") / "search_index.json"
CONFIG_SCRIPT = re.compile(
    r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S
)


def language_prefixes(config: MkDocsConfig) -> dict[str, str]:
    i18n = config.plugins["i18n"]
    return {
        lang: "" if lang == i18n.default_language else f"{lang}/" for lang in i18n.build_languages
    }


def split_index(index: dict, prefixes: dict[str, str]) -> dict[str, dict]:
    """One index per language; locations made relative to that language's root."""
    others = [p for p in prefixes.values() if p]
    split = {}
    for lang, prefix in prefixes.items():
        if prefix:
            docs = [
                {**doc, "location": doc["location"].removeprefix(prefix)}
                for doc in index["docs"]
                if doc["location"].startswith(prefix)
            ]
        else:
            docs = [
                doc
                for doc in index["docs"]
                if not any(doc["location"].startswith(p) for p in others)
            ]
        split[lang] = {**index, "docs": docs}
    return split


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if config.plugins["i18n"].building:
        return
    site = Path(config.site_dir)
    index = json.loads((site / INDEX).read_text(encoding="utf-8"))
    for lang, part in split_index(index, language_prefixes(config)).items():
        prefix = language_prefixes(config)[lang]
        target = site / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


@event_priority(-200)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    lang = config.plugins["i18n"].current_language
    prefix = language_prefixes(config)[lang]
    if not prefix:
        return output

    def rebase(match: re.Match) -> str:
        app = json.loads(match.group(2))
        app["base"] = f"{app['base']}/{prefix}"
        return match.group(1) + json.dumps(app, ensure_ascii=False) + match.group(3)

    return CONFIG_SCRIPT.sub(rebase, output, count=1)
