"""Run a page's included code the way a reader would: fence after fence in one session.

Python fences (```py) run in one namespace; shell fences (```shell) run in one bash session in
a temporary directory whose HOME is temporary too, with this environment's `python`, `pip` and
`jupyter` first on PATH. A fence skipped with a reason is not run.
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

from tests.pages import Fence, Page, expanded_code

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


def describe(fence: Fence, page: Page) -> str:
    sources = ", ".join(f"{path}:{section}" for path, section in fence.includes())
    return f"{page.rel}, fence at line {fence.lineno} ({sources})"


def check_output(fence: Fence, printed: str, where: str) -> None:
    if fence.expected_output is not None and printed.strip() != fence.expected_output.strip():
        raise PageCodeError(
            f"{where}: output differs from the page.\n--- page shows\n{fence.expected_output}"
            f"--- code prints\n{printed}"
        )


def run_python_fence(fence: Fence, namespace: dict, page: Page) -> None:
    where = describe(fence, page)
    stdout = io.StringIO()
    try:
        compiled = compile(expanded_code(fence), where, "exec")
        with contextlib.redirect_stdout(stdout):
            exec(compiled, namespace)
    except Exception as error:
        raise PageCodeError(
            f"{where} raised {type(error).__name__}: {error}\n{traceback.format_exc()}"
        ) from error
    check_output(fence, stdout.getvalue(), where)


def shell_environment(home: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "HOME": str(home),
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "PIP_CACHE_DIR": str(PIP_CACHE),  # downloads survive the temporary HOME
    }


def run_shell_fences(fences: list[Fence], page: Page) -> None:
    """One bash session for the page, in a fresh directory, split back into fence outputs."""
    script = ["set -euo pipefail"]
    for fence in fences:
        script += [f"echo '{MARKER}'", expanded_code(fence)]
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
    for fence, printed in zip(fences, outputs, strict=True):
        check_output(fence, printed, describe(fence, page))


def runnable_includes(page: Page, language: str) -> list[Fence]:
    return [
        f for f in page.fences() if f.is_include and not f.skip_reason and f.language == language
    ]


def run_python_includes(page: Page) -> int:
    """Execute the page's Python include fences in order in one namespace; returns how many ran."""
    namespace: dict = {"__name__": "__page__"}
    fences = runnable_includes(page, "python")
    for fence in fences:
        run_python_fence(fence, namespace, page)
    return len(fences)


def run_page_includes(page: Page) -> PageRun:
    """Execute the include fences of a page in order; returns what ran and what was skipped."""
    fences = [f for f in page.fences() if f.is_include]
    runnable = [f for f in fences if not f.skip_reason]
    run_python_includes(page)
    shell = runnable_includes(page, "bash")
    if shell:
        run_shell_fences(shell, page)
    run = {"python": len(runnable) - len(shell), "shell": len(shell)}
    return PageRun(run=run, skipped=len(fences) - len(runnable))
