"""Measure build and test times and page weights; write bench/results.md.

Cold build: no site/, no figure or notebook cache. Warm rebuild: everything cached.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
RESULTS = ROOT / "bench" / "results.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def build_seconds(cold: bool) -> float:
    if cold:
        shutil.rmtree(SITE, ignore_errors=True)
        shutil.rmtree(ROOT / ".cache", ignore_errors=True)
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict"])


def page_weights() -> dict[str, int]:
    return {p.relative_to(SITE).as_posix(): p.stat().st_size for p in SITE.rglob("index.html")}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {platform.system()}"


def main() -> int:
    cold = build_seconds(cold=True)
    warm = build_seconds(cold=False)
    tests = timed([sys.executable, "-m", "pytest"])
    weights = page_weights()
    heaviest = max(weights, key=weights.get)
    notebooks = {k: v for k, v in weights.items() if any((SITE / k).parent.glob("*.ipynb"))}
    rows = [
        ("cold build, both languages", f"{cold:.1f} s"),
        ("warm rebuild (caches filled)", f"{warm:.1f} s"),
        ("tests (pytest, after a build)", f"{tests:.1f} s"),
        ("pages", str(len(weights))),
        ("median page", f"{statistics.median(weights.values()) / 1000:.0f} KB"),
        ("heaviest page", f"{weights[heaviest] / 1000:.0f} KB ({heaviest})"),
        ("heaviest notebook page", f"{max(notebooks.values(), default=0) / 1000:.0f} KB"),
    ]
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        f"# Benchmark\n\nMachine: {machine()}.\nCommand: `make bench`.\n\n"
        f"| measure | value |\n|---|---|\n{table}\n",
        encoding="utf-8",
    )
    print(RESULTS.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
