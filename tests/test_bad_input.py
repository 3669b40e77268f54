"""Bad input fails the checks with a message that names the file at fault."""

from __future__ import annotations

import sys
import types

import nbformat
import pytest

from tests import inputs, pages
from tests.numbers import mismatched_numbers
from tests.page_code import PageCodeError, run_page_includes
from tests.trimmed_project import build, write

pytestmark = pytest.mark.inputs.with_args(inputs.build_machinery)


def test_the_trimmed_project_builds(project):
    result = build(project)
    assert result.returncode == 0, result.stderr


def test_a_figure_script_that_raises_fails_the_build(project):
    write(project / "snippets/demo/__init__.py", "")
    write(
        project / "snippets/demo/plot_broken.py",
        "def make_figure(lang):\n    raise ValueError('no data')\n",
    )
    result = build(project)
    assert result.returncode != 0
    assert "snippets/demo/plot_broken.py" in result.stderr + result.stdout


def test_every_notebook_that_raises_fails_the_build_by_name(project):
    for lang in ("zh", "en"):
        for name, code in (("first", "1 / 0"), ("second", "{}['missing']")):
            notebook = nbformat.v4.new_notebook(
                cells=[nbformat.v4.new_markdown_cell(f"# {name}"), nbformat.v4.new_code_cell(code)]
            )
            nbformat.write(notebook, project / f"docs/{lang}/{name}.ipynb")
    result = build(project)
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "Notebook docs/zh/first.ipynb failed" in output and "ZeroDivisionError" in output
    assert "Notebook docs/zh/second.ipynb failed" in output and "KeyError" in output


def test_a_notebook_figure_without_a_description_fails_the_build(project):
    drawing = "import matplotlib.pyplot as plt\nplt.plot([0, 1])\nplt.show()"
    for lang in ("zh", "en"):
        cells = [nbformat.v4.new_markdown_cell("# Figure"), nbformat.v4.new_code_cell(drawing)]
        nbformat.write(nbformat.v4.new_notebook(cells=cells), project / f"docs/{lang}/drawn.ipynb")
    result = build(project)
    assert result.returncode != 0
    assert 'docs/zh/drawn.ipynb: cells [1] draw a figure but have no "alt"' in result.stderr


def test_a_page_missing_in_one_language_fails_the_build(project):
    write(project / "docs/zh/lonely.md", "# 孤单 { #lonely }\n")
    result = build(project)
    assert result.returncode != 0
    assert "docs/en/lonely.md" in result.stderr + result.stdout


def test_an_include_that_points_nowhere_fails_the_build(project):
    for lang in ("zh", "en"):
        write(
            project / f"docs/{lang}/index.md",
            '# Home { #home }\n\n```py\n--8<-- "snippets/demo/nowhere.py:main"\n```\n',
        )
    result = build(project)
    assert result.returncode != 0
    assert "snippets/demo/nowhere.py" in result.stderr + result.stdout


def test_a_broken_internal_link_fails_the_build(project):
    write(project / "docs/en/index.md", "# Home { #home }\n\nSee [this](missing.md).\n")
    result = build(project)
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "Building docs/en (mkdocs.en.yml)" in output
    assert "'index.md' contains a link 'missing.md'" in output


def test_a_link_to_a_missing_anchor_fails_the_build(project):
    write(project / "docs/zh/index.md", "# 首页 { #home }\n\n见[下文](#nowhere)。\n")
    result = build(project)
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "Building docs/zh (mkdocs.yml)" in output
    assert "'index.md' contains a link '#nowhere'" in output


def test_a_snippet_that_raises_fails_and_names_page_and_snippet(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "ROOT", tmp_path)
    write(
        tmp_path / "snippets/demo/broken.py",
        "# --8<-- [start:main]\nraise RuntimeError('boom')\n# --8<-- [end:main]\n",
    )
    page_path = tmp_path / "docs/en/demo.md"
    write(page_path, '# Demo\n\n```py\n--8<-- "snippets/demo/broken.py:main"\n```\n')
    with pytest.raises(PageCodeError, match=r"docs/en/demo\.md.*snippets/demo/broken\.py:main"):
        run_page_includes(pages.Page(page_path))


def test_output_that_differs_from_the_page_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "ROOT", tmp_path)
    write(
        tmp_path / "snippets/demo/hello.py",
        "# --8<-- [start:main]\nprint(41)\n# --8<-- [end:main]\n",
    )
    page_path = tmp_path / "docs/zh/demo.md"
    write(
        page_path,
        '# 演示\n\n```py\n--8<-- "snippets/demo/hello.py:main"\n```\n\n'
        "<!--pytest-codeblocks:expected-output-->\n```text\n42\n```\n",
    )
    with pytest.raises(PageCodeError, match=r"docs/zh/demo\.md.*output differs"):
        run_page_includes(pages.Page(page_path))


def test_a_pair_runs_its_code_once_and_checks_both_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "ROOT", tmp_path)
    runs = tmp_path / "runs.txt"
    write(
        tmp_path / "snippets/demo/count.py",
        f"# --8<-- [start:main]\nopen({str(runs)!r}, 'a').write('run ')\nprint(41)\n"
        "# --8<-- [end:main]\n",
    )
    fence = '```py\n--8<-- "snippets/demo/count.py:main"\n```\n\n'
    shows = "<!--pytest-codeblocks:expected-output-->\n```text\n{}\n```\n"
    zh, en = tmp_path / "docs/zh/demo.md", tmp_path / "docs/en/demo.md"
    write(zh, "# 演示\n\n" + fence + shows.format(41))
    write(en, "# Demo\n\n" + fence + shows.format(42))
    with pytest.raises(PageCodeError, match=r"docs/en/demo\.md.*output differs"):
        run_page_includes(pages.Page(zh), pages.Page(en))
    assert runs.read_text() == "run "


def test_a_number_that_no_longer_matches_the_code_fails(tmp_path, monkeypatch):
    module = types.ModuleType("snippets.bad_input_values")
    module.QUARTER = 0.25
    monkeypatch.setitem(sys.modules, "snippets.bad_input_values", module)
    monkeypatch.setattr(pages, "ROOT", tmp_path)
    page_path = tmp_path / "docs/en/numbers.md"
    write(page_path, "# Numbers\n\nAt most 0.4<!-- = bad_input_values:QUARTER -->.\n")
    problems = mismatched_numbers(pages.Page(page_path))
    assert problems == ["docs/en/numbers.md: prose says 0.4 but bad_input_values:QUARTER is 0.25"]


def test_a_shell_command_that_fails_names_page_and_snippet(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "ROOT", tmp_path)
    write(
        tmp_path / "snippets/demo/steps.sh",
        "# --8<-- [start:ok]\necho ready\n# --8<-- [end:ok]\n"
        "# --8<-- [start:broken]\nls does-not-exist\n# --8<-- [end:broken]\n",
    )
    page_path = tmp_path / "docs/en/steps.md"
    write(
        page_path,
        '# Steps\n\n```shell\n--8<-- "snippets/demo/steps.sh:ok"\n```\n\n'
        "<!--pytest-codeblocks:expected-output-->\n```text\nready\n```\n\n"
        '```shell\n--8<-- "snippets/demo/steps.sh:broken"\n```\n',
    )
    with pytest.raises(PageCodeError, match=r"docs/en/steps\.md.*steps\.sh:broken.*exited"):
        run_page_includes(pages.Page(page_path))


def test_shell_commands_share_one_session_in_a_temporary_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "ROOT", tmp_path)
    write(
        tmp_path / "snippets/demo/session.sh",
        "# --8<-- [start:make]\nmkdir made && export GREETING=hi\n# --8<-- [end:make]\n"
        "# --8<-- [start:use]\nls && echo $GREETING\n# --8<-- [end:use]\n",
    )
    page_path = tmp_path / "docs/zh/session.md"
    write(
        page_path,
        '# 会话\n\n```shell\n--8<-- "snippets/demo/session.sh:make"\n```\n\n'
        '```shell\n--8<-- "snippets/demo/session.sh:use"\n```\n\n'
        "<!--pytest-codeblocks:expected-output-->\n```text\nhome\nmade\nhi\n```\n",
    )
    result = run_page_includes(pages.Page(page_path))
    assert result.run == {"python": 0, "shell": 2}
    assert not (tmp_path / "made").exists()


def test_a_nav_entry_missing_in_one_language_fails_the_build(project):
    navs = {
        "mkdocs.yml": "nav:\n  - 首页: index.md\n  - 新章节:\n      - index.md\n",
        "mkdocs.en.yml": "nav:\n  - Home: index.md\n",
    }
    for name, nav in navs.items():
        config = project / name
        config.write_text(config.read_text(encoding="utf-8") + nav, encoding="utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "nav 2: only zh has a section of 1 entries" in result.stderr + result.stdout


def test_an_english_nav_inherited_from_the_chinese_one_fails_the_build(project):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - 首页: index.md\n")
    result = build(project)
    assert result.returncode != 0
    assert "nav 1: only zh has page index.md (titled)" in result.stderr + result.stdout


GLOSSARY_ENTRY = (
    "terms:\n  - zh: 首页\n    en: home\n"
    "    def: {{zh: 网站的第一页。, en: {en}}}\n    page: {page}\n"
)


def test_a_glossary_entry_without_a_definition_fails_the_build(project):
    write(project / "includes/glossary.yml", GLOSSARY_ENTRY.format(en="''", page="index.md#home"))
    result = build(project)
    assert result.returncode != 0
    output = result.stderr + result.stdout
    assert "includes/glossary.yml" in output
    assert "term 1 (home): no en definition" in output


def test_a_glossary_link_to_a_missing_heading_fails_the_build(project):
    entry = GLOSSARY_ENTRY.format(en="The first page.", page="index.md#nowhere")
    write(project / "includes/glossary.yml", entry)
    for lang in ("zh", "en"):
        write(
            project / f"docs/{lang}/glossary.md",
            "# Glossary { #glossary }\n\n<!-- glossary-table -->\n",
        )
    result = build(project)
    assert result.returncode != 0
    assert "'glossary.md' contains a link 'index.md#nowhere'" in result.stderr + result.stdout


def test_a_glossary_link_to_a_missing_page_or_heading_is_named(tmp_path):
    from hooks.glossary import dangling_pages, load_glossary

    for lang in ("zh", "en"):
        write(tmp_path / f"docs/{lang}/index.md", "# Home { #home }\n\n## Start { #start }\n")
    path = tmp_path / "glossary.yml"
    terms = [("index.md#start", "ok"), ("index.md#nowhere", "anchor"), ("gone.md#home", "page")]
    path.write_text(
        "terms:\n"
        + "".join(
            GLOSSARY_ENTRY.format(en="x.", page=page).split("terms:\n")[1].replace("home", name, 1)
            for page, name in terms
        ),
        encoding="utf-8",
    )
    assert dangling_pages(load_glossary(path), tmp_path / "docs") == [
        "anchor: docs/zh/index.md has no heading #nowhere",
        "page: docs/zh/gone.md does not exist",
        "anchor: docs/en/index.md has no heading #nowhere",
        "page: docs/en/gone.md does not exist",
    ]
