"""pytest plugin, loaded with -p: one closing line, code blocks found / run / skipped."""

from __future__ import annotations

import matplotlib

from tests import counts
from tests.pages import markdown_pages

matplotlib.use("Agg")

_inline = {"run": 0, "skipped": 0}


def _is_markdown_block(nodeid: str) -> bool:
    return ".md::line " in nodeid


def pytest_runtest_logreport(report) -> None:
    if not _is_markdown_block(report.nodeid):
        return
    if report.skipped:
        _inline["skipped"] += 1
    elif report.when == "call" and report.passed:
        _inline["run"] += 1


def pytest_terminal_summary(terminalreporter) -> None:
    found = sum(len(page.fences()) for page in markdown_pages())
    included = counts.included_run
    run = included["python"] + included["shell"] + _inline["run"]
    skipped = counts.included_skipped + _inline["skipped"]
    terminalreporter.write_line(
        f"code blocks: {found} found / {run} run / {skipped} skipped"
        f" (included from snippets/: {included['python']} python, {included['shell']} shell;"
        f" inline: {_inline['run']})"
    )
