"""The README states what the repository measured and how to run it."""

import re

from tests.pages import ROOT


def test_readme_benchmark_table_is_the_measured_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- bench:start -->\n(.*)<!-- bench:end -->", readme, re.S).group(1)
    assert shown == (ROOT / "bench" / "results.md").read_text(encoding="utf-8")


def test_readme_names_the_two_commands_and_the_quick_tier():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make serve" in readme and "make test" in readme and "make check" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
