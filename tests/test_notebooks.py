"""Notebooks: committed without outputs, present in both languages, and they run cleanly."""

from __future__ import annotations

from types import SimpleNamespace

import nbformat
import pytest
from bs4 import BeautifulSoup

from hooks.notebooks import executed_copy, loads_from_another_host, repair_key
from tests import inputs
from tests.pages import DOCS, ROOT, in_another_language, notebooks
from tests.site import ensure_built, page_language

NOTEBOOKS = notebooks()
# A 1x1 PNG, as a cell that draws a figure has it among its outputs
PNG_OUTPUT = nbformat.v4.new_output(
    "display_data",
    data={
        "image/png": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
        "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
        "text/plain": "<Figure>",
    },
)
PLACEHOLDER_ALT = "No description has been provided for this image"  # nbconvert's
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
            nbformat.v4.new_code_cell("x = 1", outputs=[PNG_OUTPUT]),
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


@pytest.mark.inputs.with_args(list)
def test_nbconvert_still_gives_every_image_its_placeholder_description(converted):
    assert [image["alt"] for image in converted.find_all("img")] == [PLACEHOLDER_ALT]


def test_every_figure_in_a_notebook_page_is_described_in_its_language():
    site = ensure_built()
    found = {}
    for notebook in NOTEBOOKS:
        lang, *place = notebook.relative_to(DOCS).with_suffix("").parts
        page = site / inputs.language_prefix(lang) / "/".join(place) / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        alts = [image.get("alt", "") for image in soup.select(".jp-OutputArea img")]
        assert alts, page
        found[page] = [
            alt for alt in alts if alt == PLACEHOLDER_ALT or in_another_language(alt, lang)
        ]
    assert {page: alts for page, alts in found.items() if alts} == {}


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

    here, html = page("a/nb.ipynb", "a/nb/index.html"), "<h1>标题</h1>"
    inputs = {
        "ids": ["title"],
        "urls": {"b/": "../../b/"},
        "labels": {"copy": "复制", "copied": "已复制"},
        "alts": [None, "一条下降的曲线"],
    }
    key = repair_key(html, here, inputs)
    assert repair_key(html, here, dict(inputs)) == key
    changed = [
        repair_key(html + " ", here, inputs),
        repair_key(html, page("c/nb.ipynb", "a/nb/index.html"), inputs),
        repair_key(html, page("a/nb.ipynb", "a/nb.html"), inputs),
        repair_key(html, here, {**inputs, "ids": ["heading"]}),
        repair_key(html, here, {**inputs, "urls": {"b/": "../b.html"}}),
        repair_key(html, here, {**inputs, "labels": {"copy": "Copy", "copied": "已复制"}}),
        repair_key(html, here, {**inputs, "alts": [None, "一条上升的曲线"]}),
    ]
    assert len({key, *changed}) == 1 + len(changed)
