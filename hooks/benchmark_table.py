"""Fill ``<!-- benchmark-table -->`` with the figures of bench/results.json, in the page's language.

The figures are measured by `make bench` (tools/bench.py); nothing here is typed by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

RESULTS = Path(__file__).resolve().parent.parent / "bench" / "results.json"
MARKER = "<!-- benchmark-table -->"
ROWS = {
    "zh": [
        ("测量项", "结果"),
        ("冷构建（两种语言，无缓存）", "{cold_build_s} 秒"),
        ("热构建（缓存已就绪）", "{warm_build_s} 秒"),
        ("`mkdocs serve` 下改动一页后的重建", "{serve_rebuild_s} 秒"),
        ("`make test`（热构建之后）", "{test_command_s} 秒"),
        ("页面 HTML 中位数", "{median_page_kb} KB（共 {pages} 页）"),
        ("最重的页面", "{max_page_kb} KB（`{heaviest_page}`）"),
        ("公式最多的页面排版完成", "{mathjax_s} 秒（`{formula_page}`）"),
    ],
    "en": [
        ("Measure", "Result"),
        ("Cold build (both languages, no cache)", "{cold_build_s} s"),
        ("Warm rebuild (caches filled)", "{warm_build_s} s"),
        ("Rebuild after editing one page under `mkdocs serve`", "{serve_rebuild_s} s"),
        ("`make test` (after a warm build)", "{test_command_s} s"),
        ("Median page HTML", "{median_page_kb} KB (of {pages} pages)"),
        ("Heaviest page", "{max_page_kb} KB (`{heaviest_page}`)"),
        ("MathJax done on the formula-heaviest page", "{mathjax_s} s (`{formula_page}`)"),
    ],
}
MACHINE = {"zh": "测量机器：{machine}。", "en": "Measured on {machine}."}


def benchmark_table(results: dict, lang: str) -> str:
    header, *rows = ROWS[lang]
    lines = [f"| {header[0]} | {header[1]} |", "|---|---|"]
    lines += [f"| {name} | {value.format(**results)} |" for name, value in rows]
    return MACHINE[lang].format(**results) + "\n\n" + "\n".join(lines)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    if not RESULTS.exists():
        raise PluginError(f"{page.file.src_uri} shows benchmarks, but {RESULTS} is missing")
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    return markdown.replace(MARKER, benchmark_table(results, config.theme["language"]))
