"""A real Chromium (Debian's, at /usr/bin/chromium) driven by Playwright over the built site.

Without Chromium the suite is skipped with a message saying so, except in CI (CI=true),
where a missing browser is an error.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.pages import ROOT
from tests.site import ensure_built, site_prefix
from tools.chromium import CHROMIUM, CHROMIUM_ARGS, chromium_missing

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def missing_requirement() -> str | None:
    if reason := chromium_missing():
        return reason
    if not AXE.exists():
        return f"no axe-core at {AXE.relative_to(ROOT)} (npm ci)"
    return None


def pytest_collection_modifyitems(config, items) -> None:
    reason = missing_requirement()
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        raise pytest.UsageError(f"browser suite cannot run in CI: {reason}")
    marker = pytest.mark.skip(reason=f"browser suite skipped: {reason}")
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(marker)


def pytest_terminal_summary(terminalreporter) -> None:
    reason = missing_requirement()
    if reason:
        terminalreporter.write_line(f"BROWSER SUITE SKIPPED: {reason}", yellow=True, bold=True)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under site_prefix(), as Pages does; anything outside it is a 404."""

    def translate_path(self, path: str) -> str:
        prefix = site_prefix()
        if path != prefix and not path.startswith(prefix + "/"):
            return str(Path(self.directory) / "not-under-the-site-prefix")
        return super().translate_path(path[len(prefix) :] or "/")

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(directory: Path) -> Iterator[str]:
    """Serve a built site on a free port of 127.0.0.1; yields its base URL (no trailing slash)."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{site_prefix()}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    with served(ensure_built()) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh context, for a test that writes storage or the clipboard."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture(scope="module")
def reading_context(browser):
    """One context for visits that only read: pages share its HTTP cache (MathJax, the theme's
    scripts and fonts load once per worker, not once per page), and axe-core is injected into
    every page it opens once, as an init script."""
    context = browser.new_context()
    context.add_init_script(path=str(AXE))
    yield context
    context.close()
