"""Run a page's included code the way a reader would: fence after fence in one session."""

from __future__ import annotations

import contextlib
import io
import traceback

import matplotlib

from tests.pages import Fence, Page, expanded_code

matplotlib.use("Agg")


class PageCodeError(AssertionError):
    pass


def run_fence(fence: Fence, namespace: dict, page: Page) -> str:
    code = expanded_code(fence)
    sources = ", ".join(f"{path}:{section}" for path, section in fence.includes())
    where = f"{page.rel}, fence at line {fence.lineno} ({sources})"
    stdout = io.StringIO()
    try:
        compiled = compile(code, where, "exec")
        with contextlib.redirect_stdout(stdout):
            exec(compiled, namespace)
    except Exception as error:
        raise PageCodeError(
            f"{where} raised {type(error).__name__}: {error}\n{traceback.format_exc()}"
        ) from error
    printed = stdout.getvalue()
    if fence.expected_output is not None and printed.strip() != fence.expected_output.strip():
        raise PageCodeError(
            f"{where}: output differs from the page.\n--- page shows\n{fence.expected_output}"
            f"--- code prints\n{printed}"
        )
    return printed


def run_page_includes(page: Page) -> int:
    """Execute every include fence of a page in order; returns how many ran."""
    namespace: dict = {"__name__": "__page__"}
    fences = [f for f in page.fences() if f.is_include]
    for fence in fences:
        run_fence(fence, namespace, page)
    return len(fences)
