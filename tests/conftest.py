"""Fixtures shared by several test modules."""

from pathlib import Path

import pytest

from tests.trimmed_project import make_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the build with one page per language and no chapters (tests/trimmed_project)."""
    return make_project(tmp_path)
