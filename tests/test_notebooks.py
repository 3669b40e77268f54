"""Notebooks: committed without outputs, present in both languages, and they run cleanly."""

from __future__ import annotations

import nbformat
import pytest

from hooks.notebooks import executed_copy
from tests.pages import DOCS, ROOT, notebooks

NOTEBOOKS = notebooks()


def test_there_are_notebooks_in_both_languages():
    zh = {p.relative_to(DOCS / "zh") for p in NOTEBOOKS if p.is_relative_to(DOCS / "zh")}
    en = {p.relative_to(DOCS / "en") for p in NOTEBOOKS if p.is_relative_to(DOCS / "en")}
    assert zh and zh == en


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    dirty = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert dirty == [], f"{path.relative_to(ROOT)}: clear the outputs of cells {dirty}"


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
