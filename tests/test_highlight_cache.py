"""hooks/highlight_cache.py: a code block read back from .cache/highlight/ is what
pymdownx.highlight makes of it, and an edited block is highlighted again."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import inputs
from tests.trimmed_project import build, write

pytestmark = pytest.mark.inputs.with_args(lambda **_case: inputs.build_machinery())

BLOCKS = """# Home { #home }

Inline code is not stored: `#!python len(items)`.

```python title="demo.py" hl_lines="2"
import torch
x = torch.ones(3)
```

```bash
pip install torch
```
"""


def cached_blocks(project: Path) -> dict[str, int]:
    """{block file: its mtime in ns} under the project's .cache/highlight/."""
    folder = project / ".cache" / "highlight"
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} if folder.exists() else {}


def built_page(project: Path) -> str:
    result = build(project)
    assert result.returncode == 0, result.stderr
    return (project / "site" / "en" / "index.html").read_text(encoding="utf-8")


@pytest.fixture
def code_project(project: Path) -> Path:
    write(project / "docs" / "en" / "index.md", BLOCKS)
    return project


def test_a_block_read_back_is_the_one_highlighted(code_project):
    highlighted = built_page(code_project)
    files = cached_blocks(code_project)
    assert len(files) == 2  # the two blocks; not the inline code
    assert built_page(code_project) == highlighted
    assert cached_blocks(code_project) == files  # read, none written again
    assert 'class="hll"' in highlighted and "demo.py" in highlighted
    assert '<code class="language-python highlight"><span class="nb">len</span>' in highlighted


def test_an_edited_block_is_highlighted_again_and_the_others_are_not(code_project):
    built_page(code_project)
    files = cached_blocks(code_project)
    write(code_project / "docs" / "en" / "index.md", BLOCKS.replace("ones(3)", "zeros(4)"))
    highlighted = built_page(code_project)
    now = cached_blocks(code_project)
    assert len(now) == 3 and set(files) < set(now)
    assert {name: now[name] for name in files} == files
    assert '<span class="n">zeros</span>' in highlighted
    assert '<span class="n">ones</span>' not in highlighted


def test_a_changed_highlight_setting_highlights_every_block_again(code_project):
    built_page(code_project)
    files = cached_blocks(code_project)
    config = code_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "line_spans: __span" in text
    write(config, text.replace("line_spans: __span", "line_spans: __line"))
    highlighted = built_page(code_project)
    assert len(cached_blocks(code_project)) == 2 * len(files)
    assert 'id="__line-0-1"' in highlighted and 'id="__span-0-1"' not in highlighted
