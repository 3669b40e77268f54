"""Drop the <link rel="alternate" hreflang> tags from page heads.

mkdocs-static-i18n points them at the same page in each language, but Material reads them as
language roots and fetches ``<link>/sitemap.xml`` from each, which is a 404 (and a console
error) on every page. The visible language selector keeps its links to the same page.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

ALTERNATE_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return ALTERNATE_LINK.sub("", output)
