"""The downloads: an offline copy of the site and each language's book as a PDF.

`python -m tools.artefacts` makes them after the site is built (tests.site calls it):

1. every language's project is built again with Material's offline plugin (OFFLINE=true: search
   from file://, links to page.html files) into .cache/downloads/offline/, one folder with the
   default language at its root, as in site/;
2. Chromium opens each language's print page from that copy (file://), waits until MathJax has
   typeset every formula, and prints it to a PDF;
3. the PDFs go into the copy's downloads/ (so the copy's print pages link to them), the copy is
   zipped, and the zip and the PDFs are placed in site/downloads/.

The names come from `extra.downloads` in mkdocs.yml. What was made is kept in .cache/downloads/
with a hash of the site's inputs and of this file; when they have not changed, the downloads are
copied into site/ again (every build empties site/) instead of being made again.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from mkdocs.utils.yaml import get_yaml_loader, yaml_load

from tests.pages import ROOT, config_files, print_page_name, site_languages
from tests.site import SITE, build_environment, inputs_hash
from tools.chromium import CHROMIUM, CHROMIUM_ARGS, chromium_missing

DOWNLOADS = "downloads"  # the downloads' folder in the built site
CACHE = ROOT / ".cache" / DOWNLOADS
OFFLINE = CACHE / "offline"
STATE = CACHE / "state.json"
BUILDER = ROOT / "tools" / "build.py"

ARCHIVE_FOLDER = "dlkb"
# Page size and margins come from the stylesheets' @page rules (A4, page numbers at the foot).
PDF_OPTIONS = {
    "prefer_css_page_size": True,
    "print_background": True,
    "outline": True,
    "tagged": True,
}
TYPESET_TIMEOUT_MS = 300_000


def download_names() -> dict[str, str]:
    """`extra.downloads`: the archive's file name and the PDF's, with {lang} for the language."""
    with (ROOT / "mkdocs.yml").open("rb") as handle:
        return yaml_load(handle, get_yaml_loader())["extra"]["downloads"]


def pdf_name(lang: str) -> str:
    return download_names()["pdf"].replace("{lang}", lang)


def artefact_names() -> list[str]:
    """Every file placed in site/downloads/."""
    codes = [language["lang"] for language in site_languages()]
    return [download_names()["offline"]] + [pdf_name(code) for code in codes]


def artefacts_key() -> str:
    digest = hashlib.sha256(inputs_hash().encode())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def build_offline_copy(target: Path) -> None:
    """Every language's project built with the offline plugin into target/<prefix>."""
    shutil.rmtree(target, ignore_errors=True)
    projects = [
        f"{config}={target / language['prefix']}"
        for config, language in zip(config_files(), site_languages(), strict=True)
    ]
    environment = {**build_environment(), "OFFLINE": "true"}
    command = [sys.executable, str(BUILDER), *projects]
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"the offline build failed: {' '.join(command)}")


async def print_book(browser, page_file: Path, pdf: Path) -> None:
    """One language's print page, typeset, printed to `pdf`."""
    page = await browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    await page.goto(page_file.as_uri(), wait_until="load", timeout=TYPESET_TIMEOUT_MS)
    await page.wait_for_function(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise",
        timeout=TYPESET_TIMEOUT_MS,
    )
    await page.evaluate("() => MathJax.startup.promise")
    failed = await page.evaluate("() => document.querySelectorAll('mjx-merror').length")
    if errors or failed:
        raise SystemExit(f"{page_file}: {failed} formulas failed to typeset; errors: {errors}")
    await page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    await page.pdf(path=str(pdf), **PDF_OPTIONS)
    await page.close()


async def print_books(books: dict[Path, Path]) -> None:
    """Every language's book at once: each page prints in its own renderer process."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            await asyncio.gather(*(print_book(browser, page, pdf) for page, pdf in books.items()))
        finally:
            await browser.close()


def zip_folder(folder: Path, archive: Path) -> None:
    """A zip of `folder` under ARCHIVE_FOLDER/, entries sorted and dated by SOURCE_DATE_EPOCH."""
    epoch = int(build_environment()["SOURCE_DATE_EPOCH"])
    stamp = time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as handle:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(
                f"{ARCHIVE_FOLDER}/{path.relative_to(folder).as_posix()}", stamp
            )
            entry.external_attr = 0o644 << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            handle.writestr(entry, path.read_bytes())


def cjk_font_missing() -> str | None:
    """Why Chromium would print Chinese as empty boxes here, or None."""
    if shutil.which("fc-list"):
        found = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True)
        if found.stdout.strip():
            return None
    return "no font with Chinese glyphs (apt-get install fonts-noto-cjk)"


def unpack_offline_copy(target: Path) -> Path:
    """The published archive unpacked into `target`; returns the copy's root folder."""
    with zipfile.ZipFile(SITE / "downloads" / download_names()["offline"]) as archive:
        archive.extractall(target)
    return target / ARCHIVE_FOLDER


def make_artefacts() -> None:
    if reason := chromium_missing() or cjk_font_missing():
        raise SystemExit(f"cannot print the books to PDF: {reason}")
    build_offline_copy(OFFLINE)
    downloads = OFFLINE / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    books = {
        OFFLINE / language["prefix"] / f"{print_page_name()}.html": downloads
        / pdf_name(language["lang"])
        for language in site_languages()
    }
    asyncio.run(print_books(books))
    zip_folder(OFFLINE, CACHE / download_names()["offline"])
    for pdf in books.values():
        shutil.copy2(pdf, CACHE / pdf.name)


def read_state() -> dict:
    try:
        return json.loads(STATE.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


def artefacts_made() -> bool:
    return all((CACHE / name).is_file() for name in artefact_names())


def place_artefacts(stale_ok: bool = False) -> str:
    """Put the downloads into site/downloads/, making them first when their inputs changed.

    With `stale_ok` (the quick tier), downloads made from earlier inputs are placed as they are,
    and only missing ones are made. Returns what was done, for the build's log.
    """
    current = read_state().get("key") == artefacts_key() and artefacts_made()
    if current:
        done = "downloads unchanged: copied into site/downloads/"
    elif stale_ok and artefacts_made():
        done = "downloads are from earlier inputs (`make test` makes them again): copied"
    else:
        CACHE.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        make_artefacts()
        STATE.write_text(json.dumps({"key": artefacts_key()}), encoding="utf-8")
        done = f"downloads made in {time.perf_counter() - start:.0f} s"
    target = SITE / DOWNLOADS
    target.mkdir(parents=True, exist_ok=True)
    for name in artefact_names():
        shutil.copy2(CACHE / name, target / name)
    return done


if __name__ == "__main__":
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    print(place_artefacts(stale_ok="--stale-ok" in sys.argv[1:]))
