"""The built site (site/), rebuilt only when a hash of its inputs changed.

`python -m tests.site` builds the site, makes the downloads (tools/artefacts.py) and records that
hash (the Makefile's build step), so the tests use the site it built; with `--if-changed` (the
quick tier) it builds only when the inputs changed, and reuses downloads made from earlier inputs.
Inside a test run the site is built at most once: pytest-xdist workers
take a lock, and a worker that finds the inputs changed after the site was checked in the same run
fails instead of rebuilding under the other worker's browser.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import json
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from urllib.parse import urlsplit

from tests.pages import ROOT, config_files, site_languages

SITE = ROOT / "site"
BUILDER = ROOT / "tools" / "build.py"
STATE = ROOT / ".cache" / "site-build.json"
BUILD_LOCK = ROOT / ".cache" / "site-build.lock"  # held by whoever builds site/
SOURCES = (
    "docs",
    "snippets",
    "hooks",
    "overrides",
    "includes",
    "bench",
    "tools/build.py",
    "requirements.txt",
)
BUILD_ENVIRONMENT = ("SITE_URL", "SOURCE_DATE_EPOCH")
IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def source_files(root: Path = ROOT) -> list[Path]:
    files = list(config_files(root))
    for name in SOURCES:
        path = root / name
        found = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        files += [p for p in found if not IGNORED_PARTS & set(p.parts) and p.suffix != ".pyc"]
    return files


def build_environment() -> dict[str, str]:
    """The environment a build runs in; dates come from the last commit, as in the Makefile."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if not environment.get("SOURCE_DATE_EPOCH"):
        last_commit = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True
        )
        environment["SOURCE_DATE_EPOCH"] = last_commit.stdout.strip() or "0"
    return environment


def inputs_hash(hashes: dict[str, str] | None = None) -> str:
    """A hash of every file the build reads and of the environment variables it depends on: of
    the languages' hashes, since every file's content is part of at least one of them."""
    hashes = language_hashes() if hashes is None else hashes
    joined = "".join(f"{lang}={digest}\0" for lang, digest in sorted(hashes.items()))
    return hashlib.sha256(joined.encode()).hexdigest()


def environment_part() -> bytes:
    environment = build_environment()
    return "".join(f"{name}={environment.get(name, '')}\0" for name in BUILD_ENVIRONMENT).encode()


def language_hashes(root: Path = ROOT) -> dict[str, str]:
    """A hash per language of what that language's build reads: every source, except that of
    another language's Markdown pages it reads only which exist (the parity check and the
    language selector), not their text."""
    digests = {language["lang"]: hashlib.sha256() for language in site_languages(root)}
    for path in source_files(root):
        parts = path.relative_to(root).parts
        content = hashlib.sha256(path.read_bytes()).digest()
        for lang, digest in digests.items():
            digest.update("/".join(parts).encode() + b"\0")
            others_page = parts[0] == "docs" and parts[1] != lang and path.suffix == ".md"
            digest.update(b"" if others_page else content)
    environment = environment_part()
    for digest in digests.values():
        digest.update(environment)
    return {lang: digest.hexdigest() for lang, digest in digests.items()}


def current_run() -> str:
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"pid-{os.getpid()}"


def read_state() -> dict:
    try:
        return json.loads(STATE.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}


@functools.cache
def is_current() -> bool:
    """Whether site/ was built from the inputs as they are now (asked once per test process)."""
    fresh = read_state().get("inputs") == inputs_hash()
    return fresh and (SITE / "search" / "search_index.json").exists()


def build_site(
    root: Path = ROOT, languages: list[str] | None = None, **options
) -> subprocess.CompletedProcess:
    """Build every language's project (or those of `languages`) into root/site, the default
    language first (it cleans)."""
    codes = [language["lang"] for language in site_languages(root)]
    configs = [
        str(config)
        for code, config in zip(codes, config_files(root), strict=True)
        if languages is None or code in languages
    ]
    return subprocess.run(
        [sys.executable, str(BUILDER), *configs], cwd=root, env=build_environment(), **options
    )


def rebuild_changed_languages(built: dict[str, str], root: Path = ROOT) -> list[str]:
    """Build only the languages whose hash (language_hashes) differs from the one `built` records.
    The default language's build empties site/, so the folders of the languages that stay as
    they are wait in .cache/ meanwhile. Returns the languages built."""
    current, languages = language_hashes(root), site_languages(root)
    changed = [
        language
        for language in languages
        if built.get(language["lang"]) != current[language["lang"]]
    ]
    kept = (
        []
        if languages[0] not in changed
        else [lang for lang in languages[1:] if lang not in changed]
    )
    site, waiting = root / "site", root / ".cache" / "site-unchanged"
    shutil.rmtree(waiting, ignore_errors=True)
    for language in kept:
        (waiting / language["prefix"]).parent.mkdir(parents=True, exist_ok=True)
        (site / language["prefix"]).rename(waiting / language["prefix"])
    try:
        build_site(root, [language["lang"] for language in changed], check=True)
    finally:
        for language in kept:
            shutil.rmtree(site / language["prefix"], ignore_errors=True)
            (waiting / language["prefix"]).rename(site / language["prefix"])
    return [language["lang"] for language in changed]


def record_build(run: str = "") -> None:
    hashes = language_hashes()
    state = {"inputs": inputs_hash(hashes), "languages": hashes, "run": run}
    STATE.write_text(json.dumps(state), encoding="utf-8")


def build(run: str = "", stale_downloads_ok: bool = True) -> None:
    """Build site/ and place the downloads in it (tools/artefacts.py); unless
    `stale_downloads_ok`, downloads made from other inputs are made again first."""
    from tools.artefacts import place_artefacts

    build_site(check=True)
    print(place_artefacts(stale_ok=stale_downloads_ok), flush=True)
    record_build(run)


def ensure_built() -> Path:
    """The site for the current inputs; built here only when they changed since the last build."""
    STATE.parent.mkdir(exist_ok=True)
    with BUILD_LOCK.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state, current, run = read_state(), inputs_hash(), current_run()
        fresh = state.get("inputs") == current and (SITE / "search" / "search_index.json").exists()
        if not fresh:
            if state.get("run") == run:
                raise RuntimeError(
                    "the site's inputs changed during this test run; not rebuilding site/ "
                    "while other tests read it (run the tests again)"
                )
            build(run)
            warnings.warn("site/ was out of date and has been rebuilt", stacklevel=2)
        elif state.get("run") != run:
            STATE.write_text(json.dumps({**state, "run": run}), encoding="utf-8")
    return SITE


def wait_for_build(lock_file: Path = BUILD_LOCK) -> None:
    """Return once no build of site/ is under way (the quick tier builds while pytest collects,
    tests/quick.py); what a check reads from site/ is read after this."""
    lock_file.parent.mkdir(exist_ok=True)
    with lock_file.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)


def site_prefix() -> str:
    """The URL path the site lives under: '' for a local build, '/<repository>' on GitHub Pages."""
    return urlsplit(os.environ.get("SITE_URL", "")).path.rstrip("/")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_language(site: Path, page: Path) -> str:
    return "en" if page.relative_to(site).parts[0] == "en" else "zh"


def build_what_changed() -> None:
    """The quick tier's build: nothing when site/ is current, else the languages whose inputs
    changed (all of them when no earlier build recorded its languages' hashes)."""
    from tools.artefacts import place_artefacts

    built = read_state().get("languages")
    if is_current():
        print("site/ is up to date with its inputs: not rebuilt")
    elif built and (SITE / "search" / "search_index.json").exists():
        print("rebuilt: " + ", ".join(rebuild_changed_languages(built)), flush=True)
    else:
        build_site(check=True)
    print(place_artefacts(stale_ok=True))
    record_build()


if __name__ == "__main__":
    if "--if-changed" in sys.argv[1:]:
        build_what_changed()
    else:
        build(stale_downloads_ok=False)
