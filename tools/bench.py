"""Measure the build, the tests and the pages; write bench/results.json and bench/results.md.

Run with `make bench`. Measures:
- cold build: no site/, no figure or notebook cache;
- warm rebuild: the same build again, caches filled;
- plain render: the same pages built by MkDocs and Material alone (no hooks, no plugin but
  search, not strict), the yardstick for the warm rebuild; both are the best of three runs,
  taken in turn (on a shared machine one run in three can take half as long again, and a ratio
  of two single runs is mostly that noise);
- one-page rebuild as `mkdocs serve` does it: a page is edited while the server runs, and the
  time until the server has rebuilt is taken from its log;
- the test command (`make test`, the full tier), after a warm build;
- the quick tier (`make check`) with nothing changed, and after editing one page (the best of
  three edits);
- page weights (HTML of each page): median, max and the heaviest page;
- time until MathJax has typeset the page with the most formulas (headless Chromium);
- the downloads (tools/artefacts.py): the time to make them after a warm build (the offline
  build of every language and the PDFs), and the size of each.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hooks.benchmark_table import TARGETS, benchmark_table  # noqa: E402
from tests.pages import config_files, print_page_name  # noqa: E402
from tests.site import build_site  # noqa: E402
from tools.artefacts import CACHE as ARTEFACTS_CACHE  # noqa: E402
from tools.artefacts import artefact_names, download_names, pdf_name, place_artefacts  # noqa: E402
from tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

SITE = ROOT / "site"
RESULTS = ROOT / "bench" / "results.json"
TABLE = ROOT / "bench" / "results.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EDITED_PAGE = ROOT / "docs" / "en" / "activations" / "why_nonlinearity.md"


def timed(command: list[str]) -> float:
    """Seconds `command` took; when it fails, the end of what it printed comes with the error."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        said = (result.stdout + result.stderr)[-6000:]
        raise SystemExit(f"{' '.join(command)} failed (exit status {result.returncode}):\n{said}")
    return time.perf_counter() - start


def build_seconds(cold: bool) -> float:
    if cold:
        shutil.rmtree(SITE, ignore_errors=True)
        shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    start = time.perf_counter()
    build_site(check=True, capture_output=True)
    return time.perf_counter() - start


def plain_render_seconds() -> float:
    """Build the same pages with MkDocs and Material alone, into a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="plain-") as folder:
        configs = []
        for config in config_files():
            language = "zh" if config.name == "mkdocs.yml" else config.name.split(".")[1]
            theme = Path(folder) / "no-overrides"
            theme.mkdir(exist_ok=True)
            plain = {
                "INHERIT": str(config),
                "docs_dir": str(ROOT / "docs" / language),
                "site_dir": str(Path(folder) / "site" / language),
                "theme": {"name": "material", "custom_dir": str(theme), "language": language},
                "plugins": ["search"],
                "hooks": [],
                "watch": [],
                "strict": False,
            }
            path = Path(folder) / f"{language}.yml"
            path.write_text(json.dumps(plain), encoding="utf-8")  # JSON is YAML
            configs.append(str(path))
        builder = str(ROOT / "tools" / "build.py")
        return timed([sys.executable, builder, "--as-configured", *configs])


RUNS = 3  # of each measure taken as the best of several runs


def warm_and_plain_seconds() -> tuple[float, float]:
    """The warm rebuild and the plain render, each the best of RUNS, run in turn."""
    warm, plain = [], []
    for _ in range(RUNS):
        warm.append(build_seconds(cold=False))
        plain.append(plain_render_seconds())
    return min(warm), min(plain)


def quick_tier_seconds(edit: bool) -> float:
    """`make check` after `make test` recorded every verdict: as it is, or after one page edit.
    The edit is new each time (it names the moment), so no earlier run has a verdict for it."""
    if not edit:
        return timed(["make", "check"])
    original = EDITED_PAGE.read_text(encoding="utf-8")
    sentence = f"\nThis sentence was added by the benchmark at {time.time_ns()}.\n"
    try:
        EDITED_PAGE.write_text(original + sentence, "utf-8")
        return timed(["make", "check"])
    finally:
        EDITED_PAGE.write_text(original, encoding="utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_log(server: subprocess.Popen, pattern: str, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        line = server.stderr.readline()
        if re.search(pattern, line):
            return
    raise TimeoutError(f"mkdocs serve never logged {pattern!r}")


def serve_rebuild_seconds() -> float:
    """Edit one page under `mkdocs serve` and time the rebuild it triggers."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{free_port()}"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=ENV, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    original = EDITED_PAGE.read_text(encoding="utf-8")
    try:
        wait_for_log(server, r"Serving on", timeout_s=300)
        start = time.perf_counter()
        EDITED_PAGE.write_text(original + "\n", encoding="utf-8")
        wait_for_log(server, r"Reloading browsers", timeout_s=300)
        return time.perf_counter() - start
    finally:
        EDITED_PAGE.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()


def downloads_seconds() -> float:
    """Make the downloads again from a warm build (their cache cleared), as `make test` does."""
    shutil.rmtree(ARTEFACTS_CACHE, ignore_errors=True)
    start = time.perf_counter()
    place_artefacts()
    return time.perf_counter() - start


def download_sizes_mb() -> dict[str, float]:
    names = artefact_names()
    sizes = {name: (SITE / "downloads" / name).stat().st_size / 1e6 for name in names}
    return {
        "offline_zip_mb": round(sizes[download_names()["offline"]], 1),
        "pdf_zh_mb": round(sizes[pdf_name("zh")], 1),
        "pdf_en_mb": round(sizes[pdf_name("en")], 1),
    }


def reading_pages() -> list[Path]:
    """The pages a reader navigates; the print page, every page of a language in one for the
    PDF, is measured as the downloads are (its typesetting is a check of the full tier)."""
    return [p for p in SITE.rglob("index.html") if print_page_name() not in p.parts]


def page_weights() -> dict[str, int]:
    return {p.relative_to(SITE).as_posix(): p.stat().st_size for p in reading_pages()}


def formula_heaviest_page() -> str:
    counts = {
        p.relative_to(SITE).as_posix(): p.read_text(encoding="utf-8").count('class="arithmatex"')
        for p in reading_pages()
    }
    return max(counts, key=counts.get)


def mathjax_seconds(page: str) -> float:
    """Milliseconds from navigation start until MathJax has typeset every formula, in seconds."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{page.removesuffix('index.html')}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page()
            tab.goto(url, wait_until="load")
            tab.wait_for_function("() => window.MathJax && MathJax.startup.promise")
            elapsed_ms = tab.evaluate(
                "async () => { await MathJax.startup.promise; return performance.now(); }"
            )
            browser.close()
    finally:
        server.shutdown()
    return elapsed_ms / 1000


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = found.group(1).strip() if found else cpu
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"
    )


def measure() -> dict:
    cold = build_seconds(cold=True)
    warm, plain = warm_and_plain_seconds()
    weights = page_weights()
    heaviest = max(weights, key=weights.get)
    formula_page = formula_heaviest_page()
    results = {
        "machine": machine(),
        "cold_build_s": round(cold, 1),
        "warm_build_s": round(warm, 1),
        "plain_render_s": round(plain, 1),
        "serve_rebuild_s": round(serve_rebuild_seconds(), 1),
        "test_command_s": round(timed(["make", "test"]), 1),
        "quick_unchanged_s": round(quick_tier_seconds(edit=False), 1),
        "quick_one_page_s": round(min(quick_tier_seconds(edit=True) for _ in range(RUNS)), 1),
        "pages": len(weights),
        "median_page_kb": round(statistics.median(weights.values()) / 1000),
        "max_page_kb": round(weights[heaviest] / 1000),
        "heaviest_page": heaviest.removesuffix("index.html"),
        "formula_page": formula_page.removesuffix("index.html"),
        "mathjax_s": round(mathjax_seconds(formula_page), 2),
        "downloads_s": round(downloads_seconds(), 1),
    }
    return results | download_sizes_mb()


MEASURES = (
    "cold_build_s",
    "warm_build_s",
    "plain_render_s",
    "serve_rebuild_s",
    "test_command_s",
    "quick_unchanged_s",
    "quick_one_page_s",
    "pages",
    "median_page_kb",
    "max_page_kb",
    "heaviest_page",
    "formula_page",
    "mathjax_s",
    "downloads_s",
    "offline_zip_mb",
    "pdf_zh_mb",
    "pdf_en_mb",
)


def main() -> int:
    if not RESULTS.exists():  # the About page needs a results file while the builds run
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(
            json.dumps({"machine": machine(), **dict.fromkeys(MEASURES, "n/a")}), encoding="utf-8"
        )
    results = measure()
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    targets = json.loads(TARGETS.read_text(encoding="utf-8"))
    TABLE.write_text(benchmark_table(results, "en", targets) + "\n", encoding="utf-8")
    print(TABLE.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
