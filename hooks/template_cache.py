"""Compile the theme's templates once, not in every build.

MkDocs makes a new Jinja environment for every build, so Material's templates are parsed and
compiled again each time (about a second of a warm rebuild, most of a one-page rebuild under
`mkdocs serve`). Jinja's own bytecode cache keeps the compiled templates in .cache/jinja; Jinja
checks each entry against the template's source, so an edited template is compiled afresh.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "jinja"


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(CACHE_DIR))
    return env
