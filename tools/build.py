"""Build language projects one after another in one interpreter.

`python tools/build.py mkdocs.yml mkdocs.en.yml` does what `mkdocs build --strict -f <config>`
does for each config in turn (`<config>=<folder>` builds that project into another folder, as
`-d <folder>` does) (`--as-configured` leaves strictness to the config, for
tools/bench.py's plain render), without starting a new interpreter and importing MkDocs, Material,
Jupyter and jieba again for every language (seconds of each warm build). It stops at the first
project that fails, with MkDocs' own message and exit status.
"""

from __future__ import annotations

import logging
import sys

import click
from mkdocs.__main__ import cli


def build(project: str, strict: bool = True) -> int:
    """One `mkdocs build` of `config` or `config=site_dir`; the log handler its command line
    installs is removed after."""
    logger = logging.getLogger("mkdocs")
    handlers = list(logger.handlers)
    config, _, site_dir = project.partition("=")
    arguments = ["build", "-f", config] + (["--strict"] if strict else [])
    arguments += ["--site-dir", site_dir] if site_dir else []
    try:
        cli.main(arguments, prog_name="mkdocs", standalone_mode=False)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    finally:
        for handler in logger.handlers[len(handlers) :]:
            logger.removeHandler(handler)
    return 0


def build_all(configs: list[str], strict: bool = True) -> int:
    for config in configs:
        if status := build(config, strict):
            return status
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    as_configured = "--as-configured" in arguments
    configs = [argument for argument in arguments if argument != "--as-configured"]
    sys.exit(build_all(configs, strict=not as_configured))
