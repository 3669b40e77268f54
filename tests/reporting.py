"""pytest plugin, loaded with -p: one closing line, code blocks found / run / skipped.

Counts travel in each report's user_properties, so they add up under pytest-xdist too.
"""

from __future__ import annotations

from collections import Counter

import matplotlib

from tests.pages import markdown_pages

matplotlib.use("Agg")

_counts: Counter = Counter()


def _is_markdown_block(nodeid: str) -> bool:
    return ".md::line " in nodeid


def pytest_runtest_logreport(report) -> None:
    if report.when == "call":
        for name, value in report.user_properties:
            if name.startswith("code_blocks_"):
                _counts[name] += value
    if not _is_markdown_block(report.nodeid):
        return
    if report.skipped:
        _counts["inline_skipped"] += 1
    elif report.when == "call" and report.passed:
        _counts["inline_run"] += 1


def pytest_terminal_summary(terminalreporter) -> None:
    found = sum(len(page.fences()) for page in markdown_pages())
    python, shell = _counts["code_blocks_python"], _counts["code_blocks_shell"]
    run = python + shell + _counts["inline_run"]
    skipped = _counts["code_blocks_skipped"] + _counts["inline_skipped"]
    terminalreporter.write_line(
        f"code blocks: {found} found / {run} run / {skipped} skipped"
        f" (included from snippets/: {python} python, {shell} shell;"
        f" inline: {_counts['inline_run']})"
    )
