"""Notebooks: committed without outputs, present in both languages, and they run cleanly."""

from __future__ import annotations

from types import SimpleNamespace

import nbformat
import pytest
from bs4 import BeautifulSoup

from hooks.notebooks import executed_copy, loads_from_another_host, repair_key
from tests import inputs
from tests.pages import DOCS, ROOT, notebooks
from tests.site import ensure_built, page_language

NOTEBOOKS = notebooks()
COPY_LABELS = {"zh": "复制", "en": "Copy to clipboard"}  # Material's, for its own copy buttons


def test_there_are_notebooks_in_both_languages():
    zh = {p.relative_to(DOCS / "zh") for p in NOTEBOOKS if p.is_relative_to(DOCS / "zh")}
    en = {p.relative_to(DOCS / "en") for p in NOTEBOOKS if p.is_relative_to(DOCS / "en")}
    assert zh and zh == en


@pytest.mark.inputs.with_args(lambda path: [path])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert dirty == [], f"{path.relative_to(ROOT)}: clear the outputs of cells {dirty}"


@pytest.mark.inputs.with_args(inputs.notebook)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_runs_without_errors(path):
    executed = nbformat.read(executed_copy(path), as_version=4)
    errors = [
        out.get("ename")
        for cell in executed.cells
        if cell.cell_type == "code"
        for out in cell.outputs
        if out.output_type == "error"
    ]
    assert errors == []
    code_cells = [c for c in executed.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code_cells)


# mkdocs-jupyter's behaviour that hooks/notebooks.py repairs. When one of these fails, upstream
# has changed: remove the matching repair from the hook.


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> BeautifulSoup:
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 标题\n\n## 数据\n\n$x^2$"),
            nbformat.v4.new_code_cell("x = 1"),
        ]
    )
    path = tmp_path_factory.mktemp("nb") / "probe.ipynb"
    nbformat.write(notebook, path)
    from mkdocs_jupyter import convert  # nbconvert takes a second to import: only when used

    return BeautifulSoup(convert.nb2html(str(path), execute=False), "html.parser")


@pytest.mark.inputs.with_args(list)
def test_mkdocs_jupyter_still_gives_chinese_headings_empty_ids(converted):
    assert [h.get("id") for h in converted.find_all(["h1", "h2"])] == ["", ""]


@pytest.mark.inputs.with_args(list)
def test_mkdocs_jupyter_still_inlines_its_css_and_loads_scripts_from_a_cdn(converted):
    assert sum(len(style.get_text()) for style in converted.find_all("style")) > 100_000
    assert any(loads_from_another_host(script) for script in converted.find_all("script"))


@pytest.mark.inputs.with_args(list)
def test_mkdocs_jupyter_still_labels_its_copy_buttons_in_english(converted):
    buttons = converted.find_all("clipboard-copy")
    assert [button["aria-label"] for button in buttons] == ["Copy to Clipboard"]
    assert buttons[0].select_one("span.notice").get_text() == "Copied!"


def test_built_notebook_pages_have_the_repairs():
    site = ensure_built()
    pages = sorted(site.glob("**/mlp_moons/index.html"))
    assert len(pages) == 2
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.find_all("style"), page
        assert not any(loads_from_another_host(s) for s in soup.find_all("script")), page
        assert soup.find("h2", id="data"), page
        labels = {button["aria-label"] for button in soup.find_all("clipboard-copy")}
        assert labels == {COPY_LABELS[page_language(site, page)]}, page


@pytest.mark.inputs.with_args(lambda: [ROOT / "hooks" / "notebooks.py"])
def test_repaired_notebook_html_is_kept_under_every_input_the_repairs_read():
    def page(src_uri: str, dest_uri: str) -> SimpleNamespace:
        return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, dest_uri=dest_uri))

    here = page("a/nb.ipynb", "a/nb/index.html")
    html, ids, urls = "<h1>标题</h1>", ["title"], {"b/": "../../b/"}
    labels = {"copy": "复制", "copied": "已复制"}
    key = repair_key(html, here, ids, urls, labels)
    assert repair_key(html, here, ids, urls, labels) == key
    changed = [
        repair_key(html + " ", here, ids, urls, labels),
        repair_key(html, page("c/nb.ipynb", "a/nb/index.html"), ids, urls, labels),
        repair_key(html, page("a/nb.ipynb", "a/nb.html"), ids, urls, labels),
        repair_key(html, here, ["heading"], urls, labels),
        repair_key(html, here, ids, {"b/": "../b.html"}, labels),
        repair_key(html, here, ids, urls, {**labels, "copy": "Copy to clipboard"}),
    ]
    assert len({key, *changed}) == 1 + len(changed)
