"""State on every page with code which versions the tests ran it with.

The versions are read from the environment that builds the site, never typed by hand. Pages
whose code is shell commands (the install guides) also name the tools those commands use.
"""

from __future__ import annotations

import functools
import platform
from importlib.metadata import version

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

TITLE = {"zh": "运行环境", "en": "Environment"}
NOTE = {
    "zh": "本页代码由测试在 {tools} 下运行并核对。",
    "en": "The code on this page is run and checked by the tests with {tools}.",
}
AND = {"zh": "、", "en": ", "}
PYTHON_TOOLS = ("torch",)
SHELL_TOOLS = ("pip", "ipykernel", "jupyter_client")
DISPLAY_NAMES = {"torch": "PyTorch", "jupyter_client": "jupyter_client"}


@functools.cache  # importlib.metadata searches sys.path on every call
def installed_version(package: str) -> str:
    return version(package).split("+")[0]


def tested_tools(markdown: str) -> list[str]:
    packages = list(PYTHON_TOOLS)
    if "```shell" in markdown:
        packages += SHELL_TOOLS
    python = "Python " + ".".join(platform.python_version_tuple()[:2])
    return [f"{DISPLAY_NAMES.get(p, p)} {installed_version(p)}" for p in packages] + [python]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if '--8<-- "snippets/' not in markdown:
        return markdown
    lang = config.theme["language"]
    text = NOTE[lang].format(tools=AND[lang].join(tested_tools(markdown)))
    return f'{markdown}\n\n!!! info "{TITLE[lang]}"\n    {text}\n'
