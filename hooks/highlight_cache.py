"""Highlighted code blocks kept under .cache/highlight/ by what they are made from.

Pygments highlights every code block of every page again in each build: 600 blocks per
language, about 1.2 s of the 4.7 s a warm build of the English pages took here (AMD EPYC). What
pymdownx.highlight makes of a block depends only on its arguments (the code, its language,
options, classes, attributes, title and the block's number on the page, which ``line_spans``
puts into the HTML), on the highlighter's settings and on the code of Pygments and
pymdown-extensions. This hook puts a ``pymdownx.highlight`` extension with the same settings in
the place of the configured one; its highlighter (``CachedHighlight``) reads the HTML of a block
back from a file keyed by all of these. Nothing is stored for inline code (an element, not text)
or for a block whose highlighting put HTML into Markdown's stash (a title in ``html`` mode),
which a file cannot bring back.
"""

from __future__ import annotations

import inspect
from importlib.metadata import version
from pathlib import Path

from cache_files import content_key, source_digest, write_whole  # hooks/ is on sys.path
from mkdocs.config.defaults import MkDocsConfig
from pymdownx.highlight import Highlight, HighlightExtension

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "highlight"
CODE_VERSIONS = {name: version(name) for name in ("pygments", "pymdown-extensions")}
HOOK_DIGEST = source_digest(__file__)
HIGHLIGHT = inspect.signature(Highlight.highlight)
NAME = "pymdownx.highlight"


class CachedHighlight(Highlight):
    def block_key(self, arguments: dict) -> str:
        settings = {name: value for name, value in vars(self).items() if name != "md"}
        return content_key(
            {
                "code": CODE_VERSIONS,
                "hook": HOOK_DIGEST,
                "settings": settings,
                "arguments": {name: v for name, v in arguments.items() if name != "self"},
            }
        )

    def highlight(self, *args, **kwargs):
        bound = HIGHLIGHT.bind(self, *args, **kwargs)
        bound.apply_defaults()
        if bound.arguments["inline"]:
            return super().highlight(*args, **kwargs)
        path = CACHE_DIR / self.block_key(bound.arguments)
        if path.exists():
            return path.read_text(encoding="utf-8")
        stashed = self.md.htmlStash.html_counter
        html = super().highlight(*args, **kwargs)
        if self.md.htmlStash.html_counter == stashed:
            write_whole(path, html)
        return html


class CachedHighlightExtension(HighlightExtension):
    def get_pymdownx_highlighter(self):
        return CachedHighlight


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    extensions = config.markdown_extensions
    for index, extension in enumerate(extensions):
        if extension == NAME or isinstance(extension, HighlightExtension):
            extensions[index] = CachedHighlightExtension(**config.mdx_configs.get(NAME, {}))
    return config
