"""Run every page's Python code and number checks, and print what does not match the page.

`tests/test_portable.py` runs this module in a fresh interpreter with torch's scalar kernels
(`ATEN_CPU_CAPABILITY=default`) and one thread, so that an output or a number that holds only
with this CPU's vector kernels or thread count fails on every machine, not just on another one.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import torch

from tests import pages
from tests.numbers import mismatched_numbers
from tests.page_code import PageCodeError, check_python_includes

ENVIRONMENT = {"ATEN_CPU_CAPABILITY": "default", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def problems() -> list[str]:
    found = []
    for group in pages.page_groups():
        for page in group:
            found += mismatched_numbers(page)
        try:
            check_python_includes(*group)
        except PageCodeError as error:
            found.append(str(error))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=Path, help="another project root (for the tests)")
    root = parser.parse_args().root
    if root:
        pages.ROOT, pages.DOCS = root, root / "docs"
    print(f"kernels: {torch.backends.cpu.get_cpu_capability()}, threads: {torch.get_num_threads()}")
    found = problems()
    for problem in found:
        print(problem, end="\n\n")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
