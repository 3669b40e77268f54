"""Run a page's included code the way a reader would: fence after fence in one session.

Python fences (```py) run in one namespace; shell fences (```shell) run in one bash session in
a temporary directory whose HOME is temporary too, with this environment's `python`, `pip` and
`jupyter` first on PATH. A fence skipped with a reason is not run.

The fences and their code come from hooks/page_blocks.py, which expands include lines with
pymdownx.snippets' own preprocessor: the code run here is the code the page shows, and the code
the page's generated notebook holds.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

import matplotlib
from pymdownx.snippets import SnippetMissingError

from hooks.page_blocks import Block, page_blocks
from tests import pages
from tests.pages import Page

matplotlib.use("Agg")

SHELL_TIMEOUT_S = 600
PIP_CACHE = Path(__file__).resolve().parent.parent / ".cache" / "pip"
MARKER = "::fence-boundary::"


class PageCodeError(AssertionError):
    pass


@dataclass
class PageRun:
    run: dict[str, int]
    skipped: int


def describe(fence: Block, page: Page) -> str:
    sources = ", ".join(f"{path}:{section}" for path, section in fence.includes())
    return f"{page.rel}, fence at line {fence.lineno} ({sources})"


def check_output(fence: Block, printed: str, where: str) -> None:
    if fence.expected_output is not None and printed.strip() != fence.expected_output.strip():
        raise PageCodeError(
            f"{where}: output differs from the page.\n--- page shows\n{fence.expected_output}"
            f"--- code prints\n{printed}"
        )


def run_python_fence(fence: Block, namespace: dict, page: Page) -> str:
    """Execute one fence in the page's namespace; returns what it printed."""
    where = describe(fence, page)
    stdout = io.StringIO()
    try:
        compiled = compile(fence.code, where, "exec")
        with contextlib.redirect_stdout(stdout):
            exec(compiled, namespace)
    except Exception as error:
        raise PageCodeError(
            f"{where} raised {type(error).__name__}: {error}\n{traceback.format_exc()}"
        ) from error
    return stdout.getvalue()


def shell_environment(home: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "HOME": str(home),
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "PIP_CACHE_DIR": str(PIP_CACHE),  # downloads survive the temporary HOME
    }


def run_shell_fences(fences: list[Block], page: Page) -> list[str]:
    """One bash session for the page, in a fresh directory; returns what each fence printed."""
    script = ["set -euo pipefail"]
    for fence in fences:
        script += [f"echo '{MARKER}'", fence.code]
    with tempfile.TemporaryDirectory(prefix="page-shell-") as workdir:
        home = Path(workdir) / "home"
        home.mkdir()
        result = subprocess.run(
            ["bash", "-c", "\n".join(script)],
            cwd=workdir,
            env=shell_environment(home),
            capture_output=True,
            text=True,
            timeout=SHELL_TIMEOUT_S,
        )
    outputs = result.stdout.split(f"{MARKER}\n")[1:]
    if result.returncode != 0:
        failed = fences[max(len(outputs) - 1, 0)]
        raise PageCodeError(
            f"{describe(failed, page)} exited with {result.returncode}:\n{result.stderr[-3000:]}"
        )
    return outputs


def include_blocks(page: Page) -> list[Block]:
    """The page's include fences, in page order, with the code pymdownx.snippets shows."""
    try:
        blocks = page_blocks(page.path, pages.ROOT)
    except SnippetMissingError as error:
        raise PageCodeError(f"{page.rel}: {error}") from error
    return [block for block in blocks if block.is_include]


def runnable_includes(page: Page, language: str) -> list[Block]:
    return [f for f in include_blocks(page) if not f.skip_reason and f.language == language]


def python_outputs(page: Page) -> list[str]:
    """Execute the page's Python include fences in order in one namespace; what each printed."""
    namespace: dict = {"__name__": "__page__"}
    return [run_python_fence(fence, namespace, page) for fence in runnable_includes(page, "python")]


def check_outputs(page: Page, language: str, outputs: list[str], ran_on: Page) -> None:
    fences, ran = runnable_includes(page, language), runnable_includes(ran_on, language)
    if [f.code for f in fences] != [f.code for f in ran]:
        raise PageCodeError(f"{page.rel} and {ran_on.rel} include different {language} code")
    for fence, printed in zip(fences, outputs, strict=True):
        check_output(fence, printed, describe(fence, page))


def run_page_includes(*pages: Page) -> PageRun:
    """Execute the include fences of the first page in order, and compare what they print with
    the expected output of every page given: the pages of a zh/en pair include the same code, so
    it runs once for both. Returns what ran and what was skipped."""
    page = pages[0]
    fences = include_blocks(page)
    runnable = [f for f in fences if not f.skip_reason]
    check_python_includes(*pages)
    shell = runnable_includes(page, "bash")
    if shell:
        outputs = run_shell_fences(shell, page)
        for other in pages:
            check_outputs(other, "bash", outputs, page)
    run = {"python": (len(runnable) - len(shell)) * len(pages), "shell": len(shell) * len(pages)}
    return PageRun(run=run, skipped=(len(fences) - len(runnable)) * len(pages))


def check_python_includes(*pages: Page) -> None:
    """Run the first page's Python include fences once; check every page's expected outputs."""
    outputs = python_outputs(pages[0])
    for page in pages:
        check_outputs(page, "python", outputs, pages[0])
