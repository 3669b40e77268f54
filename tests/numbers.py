"""Numbers in prose: each carries a check that names the snippet value it states."""

from __future__ import annotations

import functools
import importlib
import re
from decimal import Decimal

from tests.pages import CHECKED_NUMBER, Page

INLINE_CODE = re.compile(r"`[^`\n]*`")
INLINE_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]*\$", re.S)
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
LINK_TARGET = re.compile(r"\]\([^)]*\)")
AUTOLINK = re.compile(r"<https?://[^>]*>")
VERSION = re.compile(r"\b(?:Python|PyTorch|torch|CUDA|cuDNN|MathJax|MkDocs)\s+\d+(?:\.\d+)+")
DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.])")


@functools.cache
def snippet_value(module: str, name: str) -> float:
    """The value a check names; computed once per test process (both pages of a pair ask)."""
    target = getattr(importlib.import_module(f"snippets.{module}"), name)
    value = target() if callable(target) else target
    return float(value.item() if hasattr(value, "item") else value)


# A `≈` check states a value that depends on round-off (the CPU's kernels, the thread count, a
# reduction order): it passes when the value is within this factor of the written number.
APPROX_FACTOR = 2.0


def tolerance(written: str) -> float:
    exponent = Decimal(written.replace("−", "-")).as_tuple().exponent
    return 0.5 * 10.0**exponent * (1 + 1e-9)


def agrees(written: str, actual: float, kind: str) -> bool:
    """`=`: equal to the digits written; `≈`: same sign, within APPROX_FACTOR of the written one."""
    stated = float(written)
    if kind == "≈":
        return stated * actual > 0 and 1 / APPROX_FACTOR <= actual / stated <= APPROX_FACTOR
    return abs(actual - stated) <= tolerance(written)


def mismatched_numbers(page: Page) -> list[str]:
    problems = []
    for match in page.checks():
        written = match.group("number").replace("−", "-")
        scale = 100.0 if match.group("percent") else 1.0
        ref = f"{match.group('module')}:{match.group('name')}"
        try:
            actual = snippet_value(match.group("module"), match.group("name")) * scale
        except Exception as error:
            problems.append(f"{page.rel}: check {ref} failed to evaluate: {error!r}")
            continue
        kind = match.group("kind")
        if not agrees(written, actual, kind):
            said = "about " if kind == "≈" else ""
            problems.append(f"{page.rel}: prose says {said}{written} but {ref} is {actual:.10g}")
    return problems


def unchecked_decimals(page: Page) -> list[str]:
    text = CHECKED_NUMBER.sub("", page.prose())
    for pattern in (HTML_COMMENT, AUTOLINK, INLINE_CODE, INLINE_MATH, LINK_TARGET, VERSION):
        text = pattern.sub(" ", text)
    return [f"{page.rel}: '{m.group(0)}' has no check" for m in DECIMAL.finditer(text)]
