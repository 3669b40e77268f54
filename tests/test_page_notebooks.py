"""The notebooks generated from pages (hooks/page_notebooks.py): valid, the page's code, and run.

Each is checked against the page it came from: its code cells are the page's Python include
fences as hooks/page_blocks.py expands them (the code tests/page_code.py runs), in page order.
A sample of them is executed with nbclient and must print what the page shows; with
ALL_NOTEBOOKS=1 every one is (about 5 s each on two cores).
"""

from __future__ import annotations

import os
import posixpath

import nbformat
import pytest
from nbclient import NotebookClient

from hooks.page_blocks import page_blocks
from hooks.page_notebooks import is_cell
from tests import inputs
from tests.pages import DOCS, markdown_pages, site_languages
from tests.site import SITE, ensure_built, is_current

PREFIX = {language["lang"]: language["prefix"] for language in site_languages()}
PAGES = [p for p in markdown_pages() if any(is_cell(b) for b in p.blocks())]
NOTEBOOK_HOOKS = ("hooks/page_notebooks.py", "hooks/page_blocks.py", "mkdocs.yml")
EXECUTED = {"zh/activations/softmax.md", "en/pytorch_basics/autograd.md"}


def notebook_path(site, page):
    rel = page.path.relative_to(DOCS / page.lang)
    folder = rel.parent if rel.stem == "index" else rel.parent / rel.stem
    return site / PREFIX[page.lang] / folder / f"{rel.stem}.ipynb"


def page_html(site, page):
    return notebook_path(site, page).with_name("index.html").read_text(encoding="utf-8")


def built_notebook(page) -> inputs.Inputs | None:
    """The page's code, and the notebook and page the build made of it."""
    if not is_current():
        return None
    notebook = notebook_path(SITE, page)
    return [*inputs.page_code(page), notebook, notebook.with_name("index.html")]


@pytest.fixture(scope="module")
def site():
    return ensure_built()


def test_every_page_with_python_code_has_a_notebook():
    assert len(PAGES) > 50
    assert not [p for p in PAGES if p.path.suffix != ".md"]


@pytest.mark.inputs.with_args(built_notebook)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.rel)
def test_the_notebook_holds_the_page_code_and_is_linked(site, page):
    path = notebook_path(site, page)
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    blocks = [b for b in page_blocks(page.path) if is_cell(b)]
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == [b.code.rstrip("\n") for b in blocks]
    shown = [[o.text for o in cell.outputs] for cell in code]
    assert shown == [[b.expected_output] if b.expected_output else [] for b in blocks]
    first = notebook.cells[0]
    assert first.cell_type == "markdown" and "pip install" in first.source
    if any("import torch" in b.code for b in blocks):
        assert "torch==" in first.source
    assert f'href="{path.name}"' in page_html(site, page)
    assert "<!--" not in "".join(c.source for c in notebook.cells if c.cell_type == "markdown")


def test_committed_notebooks_are_not_generated_again(site):
    for notebook in DOCS.glob("*/**/*.ipynb"):
        rel = notebook.relative_to(DOCS / notebook.parts[len(DOCS.parts)])
        generated = site / PREFIX[notebook.parts[len(DOCS.parts)]] / rel.with_suffix("") / rel.name
        assert generated.exists(), "mkdocs-jupyter's own download copy is there"
        assert nbformat.read(generated, as_version=4).cells[0].get("id") != "about"


def test_figures_and_links_point_into_the_site(site):
    page = next(p for p in PAGES if p.rel == "docs/en/activations/sigmoid_tanh.md")
    path = notebook_path(site, page)
    text = "".join(c.source for c in nbformat.read(path, as_version=4).cells)
    site_url = os.environ.get("SITE_URL", "")
    figure = "figures/activations/step_sigmoid_tanh.svg"
    expected = (
        site_url.rstrip("/") + "/en/" + figure if site_url else posixpath.join("../..", figure)
    )
    assert f"]({expected})" in text
    assert '<a id="saturation"></a>' in text


def executed_pages():
    if os.environ.get("ALL_NOTEBOOKS") == "1":
        return PAGES
    return [p for p in PAGES if p.path.relative_to(DOCS).as_posix() in EXECUTED]


def notebook_inputs(page) -> list:
    return inputs.page_code(page) + inputs.files_under(*NOTEBOOK_HOOKS)


@pytest.mark.inputs.with_args(notebook_inputs)
@pytest.mark.parametrize("page", executed_pages(), ids=lambda p: p.rel)
def test_the_notebook_runs_and_prints_what_the_page_shows(site, page, tmp_path):
    notebook = nbformat.read(notebook_path(site, page), as_version=4)
    expected = [
        "".join(o.text for o in cell.outputs) for cell in notebook.cells if cell.cell_type == "code"
    ]
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(tmp_path)}},
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    client.execute()
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    for cell, shown in zip(code, expected, strict=True):
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        if shown:
            assert printed.strip() == shown.strip(), cell.source
