"""Page code and number checks give the same results with scalar kernels and one thread."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from tests import inputs
from tests.pages import ROOT, markdown_pages
from tests.portable import ENVIRONMENT
from tests.trimmed_project import write


def run_portable(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tests.portable", *args],
        cwd=cwd,
        env={**os.environ, **ENVIRONMENT, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )


@pytest.mark.long
@pytest.mark.inputs.with_args(lambda: inputs.all_page_code(markdown_pages()))
def test_pages_hold_with_scalar_kernels_and_one_thread(record_property):
    started = time.perf_counter()
    result = run_portable(ROOT)
    record_property("portable_seconds", round(time.perf_counter() - started, 1))
    assert result.stdout.startswith("kernels: DEFAULT, threads: 1"), result.stdout
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.inputs.with_args(list)
@pytest.mark.skipif(
    torch.backends.cpu.get_cpu_capability() == "DEFAULT",
    reason="this CPU has no vector kernels to compare with",
)
def test_a_result_that_depends_on_the_kernels_fails_naming_page_and_number(tmp_path):
    native = torch.backends.cpu.get_cpu_capability()
    write(tmp_path / "snippets/__init__.py", "")
    write(tmp_path / "snippets/demo/__init__.py", "")
    write(
        tmp_path / "snippets/demo/kernels.py",
        "# --8<-- [start:main]\nimport torch\n\nprint(torch.backends.cpu.get_cpu_capability())\n"
        "# --8<-- [end:main]\n"
        "VECTORIZED = float(torch.backends.cpu.get_cpu_capability() != 'DEFAULT')\n",
    )
    write(
        tmp_path / "docs/en/kernels.md",
        '# Kernels\n\n```py\n--8<-- "snippets/demo/kernels.py:main"\n```\n\n'
        f"<!--pytest-codeblocks:expected-output-->\n```text\n{native}\n```\n\n"
        "Vectorized: 1<!-- = demo.kernels:VECTORIZED -->.\n",
    )
    result = run_portable(tmp_path, "--root", str(tmp_path))
    assert result.returncode == 1
    assert "docs/en/kernels.md, fence at line 3" in result.stdout
    assert "output differs from the page" in result.stdout
    assert "docs/en/kernels.md: prose says 1 but demo.kernels:VECTORIZED is 0" in result.stdout
