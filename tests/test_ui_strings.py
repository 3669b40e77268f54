"""hooks/ui_strings.py: a project that does not name its controls' labels fails, naming its file."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks.ui_strings import project_ui

TWO_TOGGLES = [{"toggle": {}}, {"toggle": {}}]


def project(extra: dict) -> SimpleNamespace:
    return SimpleNamespace(
        extra=extra, theme={"palette": TWO_TOGGLES}, config_file_path="mkdocs.xx.yml"
    )


@pytest.mark.parametrize(
    "extra",
    [{}, {"ui": {"palette": ["dark"], "permalink": "link"}}, {"ui": {"palette": ["a", "b"]}}],
    ids=["no ui", "one name for two toggles", "no permalink"],
)
def test_missing_labels_fail_naming_the_config(extra):
    with pytest.raises(PluginError, match=r"mkdocs\.xx\.yml: extra\.ui"):
        project_ui(project(extra))


def test_complete_labels_are_returned():
    ui = {"palette": ["暗", "亮"], "permalink": "永久链接"}
    assert project_ui(project({"ui": ui})) == ui
