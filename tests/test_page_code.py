"""Every included code block on every page runs, and prints what the page says it prints.

The zh and en pages of a pair include the same code: it runs once, and what it prints is compared
with the expected output of both pages.
"""

import pytest

from tests import inputs
from tests.page_code import run_page_includes
from tests.pages import Page, page_pairs


def pair_case(pair: tuple[Page, Page]):
    """A pair as a test case; pages with shell sessions (venvs, pip installs) start first."""
    shell = any(fence.is_include and fence.language == "bash" for fence in pair[0].fences())
    marks = [pytest.mark.long] if shell else []
    return pytest.param(pair, marks=marks, id=pair[0].rel.split("/", 2)[2])


PAIRS_WITH_CODE = [
    pair_case(pair) for pair in page_pairs() if any(f.is_include for f in pair[0].fences())
]


@pytest.mark.inputs.with_args(lambda pair: inputs.page_code(*pair))
@pytest.mark.parametrize("pair", PAIRS_WITH_CODE)
def test_included_code_runs_as_shown(pair, record_property):
    result = run_page_includes(*pair)
    for language, number in result.run.items():
        record_property(f"code_blocks_{language}", number)
    record_property("code_blocks_skipped", result.skipped)
