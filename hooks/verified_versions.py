"""State on every page with code which versions the tests ran it with.

The versions are read from the environment that builds the site, never typed by hand.
"""

from __future__ import annotations

import platform
from importlib.metadata import version

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

NOTE = {
    "zh": ("运行环境", "本页代码由测试在 PyTorch {torch}、Python {python} 下运行并核对。"),
    "en": (
        "Environment",
        "The code on this page is run and checked by the tests with PyTorch {torch} and"
        " Python {python}.",
    ),
}


def tested_versions() -> dict[str, str]:
    python = ".".join(platform.python_version_tuple()[:2])
    return {"torch": version("torch").split("+")[0], "python": python}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if '--8<-- "snippets/' not in markdown:
        return markdown
    lang = config.plugins["i18n"].current_language
    title, text = NOTE[lang]
    return f'{markdown}\n\n!!! info "{title}"\n    {text.format(**tested_versions())}\n'
