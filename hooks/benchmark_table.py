"""Fill ``<!-- benchmark-table -->`` with the figures of bench/results.json, in the page's language.

The figures are measured by `make bench` (tools/bench.py); nothing here is typed by hand. Measures
with a target in bench/targets.json (which tools/bench.py reads too) say whether it was met.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

BENCH = Path(__file__).resolve().parent.parent / "bench"
RESULTS, TARGETS = BENCH / "results.json", BENCH / "targets.json"
MARKER = "<!-- benchmark-table -->"
ROWS = {
    "zh": [
        ("测量项", "结果", "目标"),
        ("冷构建（两种语言，无缓存）", "{cold_build_s} 秒"),
        ("热构建（缓存已就绪）", "{warm_build_s} 秒（三次取最快）"),
        ("同样的页面只用 MkDocs + Material 渲染", "{plain_render_s} 秒（三次取最快）"),
        ("`mkdocs serve` 下改动一页后的重建", "{serve_rebuild_s} 秒"),
        ("`make test`，完整检查（热构建之后）", "{test_command_s} 秒"),
        ("`make check`，快速检查，没有改动", "{quick_unchanged_s} 秒"),
        ("改动一页之后的 `make check`", "{quick_one_page_s} 秒（三次取最快）"),
        ("页面 HTML 中位数", "{median_page_kb} KB（共 {pages} 页）"),
        ("最重的页面", "{max_page_kb} KB（`{heaviest_page}`）"),
        ("公式最多的页面排版完成", "{mathjax_s} 秒（`{formula_page}`）"),
        ("制作下载文件（离线版构建与两本 PDF，热构建之后）", "{downloads_s} 秒"),
        ("离线版（zip，两种语言）", "{offline_zip_mb} MB"),
        ("PDF：中文 / 英文", "{pdf_zh_mb} MB / {pdf_en_mb} MB"),
    ],
    "en": [
        ("Measure", "Result", "Target"),
        ("Cold build (both languages, no cache)", "{cold_build_s} s"),
        ("Warm rebuild (caches filled)", "{warm_build_s} s (best of three)"),
        (
            "The same pages rendered by MkDocs and Material alone",
            "{plain_render_s} s (best of three)",
        ),
        ("Rebuild after editing one page under `mkdocs serve`", "{serve_rebuild_s} s"),
        ("`make test`, the full tier (after a warm build)", "{test_command_s} s"),
        ("`make check`, the quick tier, nothing changed", "{quick_unchanged_s} s"),
        ("`make check` after editing one page", "{quick_one_page_s} s (best of three)"),
        ("Median page HTML", "{median_page_kb} KB (of {pages} pages)"),
        ("Heaviest page", "{max_page_kb} KB (`{heaviest_page}`)"),
        ("MathJax done on the formula-heaviest page", "{mathjax_s} s (`{formula_page}`)"),
        ("Making the downloads (offline build, both PDFs; after a warm build)", "{downloads_s} s"),
        ("Offline copy (zip, both languages)", "{offline_zip_mb} MB"),
        ("PDF: Chinese / English", "{pdf_zh_mb} MB / {pdf_en_mb} MB"),
    ],
}
MACHINE = {"zh": "测量机器：{machine}。", "en": "Measured on {machine}."}
UNMEASURED = {"zh": "尚未测量", "en": "not measured yet"}
TARGET_WORDS = {
    "zh": {
        "at_most": "≤ {limit} 秒",
        "times": "≤ {limit} ×（{of}）",
        "met": "达到",
        "missed": "未达到",
    },
    "en": {
        "at_most": "≤ {limit} s",
        "times": "≤ {limit} × ({of})",
        "met": "met",
        "missed": "missed",
    },
}


class Measured(dict):
    """The results, with a measure that the last `make bench` did not take shown as such."""

    def __init__(self, results: dict, lang: str) -> None:
        super().__init__(results)
        self.lang = lang

    def __missing__(self, key: str) -> str:
        return UNMEASURED[self.lang]


def target_met(results: dict, measure: str, target: dict) -> bool | None:
    """Whether a measure met its target; None when it (or what it is compared with) is missing."""
    value = results.get(measure)
    base = results.get(target["times"]) if "times" in target else 1
    if not isinstance(value, int | float) or not isinstance(base, int | float):
        return None
    return value <= target["at_most"] * base


def target_cell(results: dict, measure: str, targets: dict, lang: str, names: dict) -> str:
    if measure not in targets:
        return ""
    target, words = targets[measure], TARGET_WORDS[lang]
    form = words["times"] if "times" in target else words["at_most"]
    text = form.format(limit=target["at_most"], of=names.get(target.get("times"), ""))
    met = target_met(results, measure, target)
    return text if met is None else f"{text}: {words['met' if met else 'missed']}"


def benchmark_table(results: dict, lang: str, targets: dict) -> str:
    header, *rows = ROWS[lang]
    measured = Measured(results, lang)
    names = {measure_of(value): name for name, value in rows}
    lines = [f"| {' | '.join(header)} |", "|---|---|---|"]
    for name, value in rows:
        target = target_cell(results, measure_of(value), targets, lang, names)
        lines.append(f"| {name} | {value.format_map(measured)} | {target} |")
    return MACHINE[lang].format_map(measured) + "\n\n" + "\n".join(lines)


def measure_of(template: str) -> str:
    """The measure a row shows: the first field of its template, e.g. 'cold_build_s'."""
    return template[template.index("{") + 1 : template.index("}")]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    if not RESULTS.exists():
        raise PluginError(f"{page.file.src_uri} shows benchmarks, but {RESULTS} is missing")
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    targets = json.loads(TARGETS.read_text(encoding="utf-8"))
    return markdown.replace(MARKER, benchmark_table(results, config.theme["language"], targets))
