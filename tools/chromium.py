"""The Chromium the tests and the PDF build drive: Debian's, through Playwright (whose own browser
download is not used)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_missing() -> str | None:
    """Why Chromium cannot run here, or None."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return None
    return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
