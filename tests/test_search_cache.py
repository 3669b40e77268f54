"""hooks/search_cache.py: a page's search entries read back from .cache/search/ are the ones
Material's plugin makes, and an edit to what they are made from makes them again."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

import pytest

from tests import inputs
from tests.site import BUILDER, build_environment
from tests.trimmed_project import build, write

pytestmark = pytest.mark.inputs.with_args(lambda **_case: inputs.build_machinery())

ZH_PAGE = "# 首页 { #home }\n\n交叉熵衡量两个分布的差别。\n"
NEW_TERM = """
  - zh: 反向传播算法
    en: backpropagation algorithm
    def:
      zh: 按链式法则从输出到输入逐层求梯度的算法。
      en: The algorithm that applies the chain rule from the output back to the inputs.
    page: index.md#home
"""


def cached_files(project: Path) -> dict[str, int]:
    """{entry file: its mtime in ns} under the project's .cache/search/."""
    folder = project / ".cache" / "search"
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} if folder.exists() else {}


def pages_of(files: Iterable[str]) -> set[str]:
    """The pages (language and address: the start of the name) entry files belong to."""
    return {name.split("-")[0] for name in files}


def search_index(project: Path, lang: str) -> bytes:
    prefix = "" if lang == "zh" else "en/"
    return (project / "site" / prefix / "search" / "search_index.json").read_bytes()


def indexed_words(project: Path, lang: str) -> set[str]:
    """The segments the index holds: jieba's words are separated by zero-width spaces."""
    docs = json.loads(search_index(project, lang))["docs"]
    return {word for doc in docs for word in f"{doc['title']}\u200b{doc['text']}".split("\u200b")}


def built(project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def chinese_project(project: Path) -> Path:
    write(project / "docs" / "zh" / "index.md", ZH_PAGE)
    return project


def test_an_unchanged_page_is_read_back_and_indexed_as_before(chinese_project):
    built(chinese_project)
    first = {lang: search_index(chinese_project, lang) for lang in ("zh", "en")}
    files = cached_files(chinese_project)
    built(chinese_project)
    assert files and cached_files(chinese_project) == files  # read, none written again
    assert {lang: search_index(chinese_project, lang) for lang in ("zh", "en")} == first
    assert "交叉熵" in indexed_words(chinese_project, "zh")  # a glossary term, one segment


def test_an_edited_page_is_indexed_again_and_the_others_are_not(chinese_project):
    built(chinese_project)
    english, files = search_index(chinese_project, "en"), cached_files(chinese_project)
    page = chinese_project / "docs" / "zh" / "index.md"
    write(page, ZH_PAGE + "\n梯度下降沿负梯度方向更新参数。\n")
    built(chinese_project)
    now = cached_files(chinese_project)
    kept, dropped, added = set(files) & set(now), set(files) - set(now), set(now) - set(files)
    assert {name: now[name] for name in kept} == {name: files[name] for name in kept}
    assert dropped and pages_of(added) == pages_of(dropped)  # the new version replaced the old
    assert search_index(chinese_project, "en") == english
    assert "梯度下降" in indexed_words(chinese_project, "zh")


def test_a_new_glossary_term_reindexes_every_page(chinese_project):
    built(chinese_project)
    files = cached_files(chinese_project)
    write(chinese_project / "docs" / "zh" / "index.md", ZH_PAGE + "\n反向传播算法求出梯度。\n")
    glossary = chinese_project / "includes" / "glossary.yml"
    write(glossary, glossary.read_text(encoding="utf-8") + NEW_TERM)
    built(chinese_project)
    now = cached_files(chinese_project)
    assert not set(now) & set(files) and pages_of(now) == pages_of(files)
    assert "反向传播算法" in indexed_words(chinese_project, "zh")


def test_a_glossary_edited_under_serve_leaves_the_cache_as_it_was(chinese_project):
    """Two builds in one interpreter, as `mkdocs serve` does, with the glossary edited between:
    the second segments with a dictionary taught both term lists, which no fresh build has."""
    glossary = chinese_project / "includes" / "glossary.yml"
    two_builds = f"""
import os, sys
sys.path.insert(0, {str(BUILDER.parent)!r})
from build import build
count = lambda: len(os.listdir(".cache/search"))
assert build("mkdocs.yml") == 0
print(count())
with open({str(glossary)!r}, "a", encoding="utf-8") as file:
    file.write({NEW_TERM!r})
assert build("mkdocs.yml") == 0
print(count())
"""
    result = subprocess.run(
        [sys.executable, "-c", two_builds],
        cwd=chinese_project,
        env=build_environment(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.split()
    assert first == second  # the second build wrote no entries
    built(chinese_project)
    cached_index = search_index(chinese_project, "zh")
    for path in (chinese_project / ".cache" / "search").iterdir():
        path.unlink()
    built(chinese_project)
    assert search_index(chinese_project, "zh") == cached_index
