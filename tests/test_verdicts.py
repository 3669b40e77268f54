"""The quick tier's cache is safe: a change re-runs exactly the checks that read it, and a fault
injected into a changed input fails instead of being hidden by an old verdict."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests import inputs, site
from tests.browser.test_pages import all_pages, page_url
from tests.pages import ROOT, config_files, markdown_pages, page_pairs, site_languages
from tests.verdicts import Digests, common_digest

SNIPPET = ROOT / "snippets" / "activations" / "softmax.py"
READS_THE_PROJECT = pytest.mark.inputs.with_args(
    lambda: inputs.with_built_site(*inputs.files_under("docs", "snippets"))
)
FIGURE = "figures/activations/softmax_temperature.svg"
STYLESHEET = "assets/stylesheets/extra.css"


class Changed(Digests):
    """Digests as they would be after `path` was edited."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def of(self, path: Path) -> bytes:
        return b"edited" if path == self.path else super().of(path)


def keys(digests: Digests, checks: dict[str, list]) -> dict[str, str]:
    common = common_digest(digests)
    return {name: digests.key(name, found, common) for name, found in checks.items()}


def rerun_after_editing(path: Path, checks: dict[str, list]) -> set[str]:
    before, after = keys(Digests(), checks), keys(Changed(path), checks)
    return {name for name in checks if before[name] != after[name]}


@pytest.fixture(scope="module")
def page_checks() -> dict[str, list]:
    return {f"code {zh.rel}": inputs.page_code(zh, en) for zh, en in page_pairs()}


@pytest.fixture(scope="module")
def browser_checks() -> dict[str, list]:
    site.ensure_built()
    site.is_current.cache_clear()
    checks = {
        f"browser {lang} {source}": inputs.built_page(lang, page_url(lang, source))
        for lang, source in all_pages()
    }
    assert None not in checks.values()
    return checks


def modules_using(snippet: Path) -> set[str]:
    """The snippet and the snippets modules whose source imports it by name."""
    dotted = snippet.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
    package, name = dotted.rsplit(".", 1)
    spellings = (f"import {dotted}", f"from {dotted} import", f"from {package} import {name}")
    importers = {
        path.relative_to(ROOT / "snippets").with_suffix("").as_posix().replace("/", ".")
        for path in (ROOT / "snippets").rglob("*.py")
        if any(spelling in path.read_text(encoding="utf-8") for spelling in spellings)
    }
    return importers | {dotted.removeprefix("snippets.")}


@READS_THE_PROJECT
def test_editing_a_snippet_reruns_the_code_of_exactly_the_pages_that_use_it(page_checks):
    modules = modules_using(SNIPPET)
    files = {f"snippets/{module.replace('.', '/')}.py" for module in modules}
    using = {
        f"code {zh.rel}"
        for zh, en in page_pairs()
        if any(path in files for path, _ in zh.include_targets())
        or any(m.group("module") in modules for m in zh.checks() + en.checks())
    }
    assert len(using) > 1, f"no page uses {SNIPPET}"
    assert rerun_after_editing(SNIPPET, page_checks) == using


@READS_THE_PROJECT
def test_a_new_figure_reruns_the_browser_checks_of_exactly_the_pages_that_show_it(browser_checks):
    for language in site_languages():
        showing = {
            f"browser {page.lang} {page.path.relative_to(ROOT / 'docs' / page.lang).as_posix()}"
            for page in markdown_pages()
            if page.lang == language["lang"] and any(src.endswith(FIGURE) for src in page.figures())
        }
        assert len(showing) == 1, f"{FIGURE} should be on one {language['lang']} page"
        svg = site.SITE / language["prefix"] / FIGURE
        assert rerun_after_editing(svg, browser_checks) == showing


@READS_THE_PROJECT
def test_editing_the_stylesheet_reruns_every_browser_check_and_no_page_code(
    browser_checks, page_checks
):
    for language in site_languages():
        stylesheet = site.SITE / language["prefix"] / STYLESHEET
        of_language = {name for name in browser_checks if name.split()[1] == language["lang"]}
        assert rerun_after_editing(stylesheet, browser_checks) == of_language
        assert rerun_after_editing(stylesheet, page_checks) == set()


@READS_THE_PROJECT
def test_a_new_dependency_pin_reruns_every_check(browser_checks, page_checks):
    everything = {**browser_checks, **page_checks}
    assert rerun_after_editing(ROOT / "requirements.txt", everything) == set(everything)


CHECK = """
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data.txt"


@pytest.mark.inputs.with_args(lambda: [DATA])
def test_data_is_good():
    assert DATA.read_text() == "good"
"""


def quick_run(folder: Path, verdicts: Path) -> subprocess.CompletedProcess:
    plugins = ["-p", "tests.verdicts", "-p", "no:cacheprovider"]
    return subprocess.run(
        [sys.executable, "-m", "pytest", *plugins, "--quick", "-rs", "test_check.py"],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(ROOT), "VERDICTS_DIR": str(verdicts)},
        capture_output=True,
        text=True,
    )


@pytest.mark.inputs.with_args(list)
def test_a_fault_in_a_changed_input_fails_and_an_unchanged_check_is_skipped(tmp_path):
    project, verdicts = tmp_path / "project", tmp_path / "verdicts"
    project.mkdir()
    (project / "test_check.py").write_text(CHECK, encoding="utf-8")
    data = project / "data.txt"
    data.write_text("good", encoding="utf-8")
    assert "1 passed" in quick_run(project, verdicts).stdout
    unchanged = quick_run(project, verdicts)
    assert unchanged.returncode == 0, "a run with every check left out passes"
    assert "left out 1 unchanged since their last pass" in unchanged.stdout
    data.write_text("bad", encoding="utf-8")
    failed = quick_run(project, verdicts)
    assert failed.returncode == 1 and "1 failed" in failed.stdout, failed.stdout
    assert "1 failed" in quick_run(project, verdicts).stdout, "a failure is never cached"
    data.write_text("good", encoding="utf-8")
    assert "left out 1 unchanged since their last pass" in quick_run(project, verdicts).stdout


CHAPTER_CHECK = """
from pathlib import Path

from snippets.demo import numbers

with (Path(__file__).parent / "imports.log").open("a") as log:
    log.write("imported\\n")


def test_the_number_is_two():
    assert numbers.VALUE == 2
"""


def chapter_project(folder: Path) -> Path:
    """A project with the test machinery and one chapter, demo, whose test logs each import."""
    for name in ("tests", "hooks", "tools"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    for config in config_files():
        shutil.copy(config, folder / config.relative_to(ROOT))
    for language in site_languages():
        (folder / "docs" / language["lang"]).mkdir(parents=True)
    for package in ("snippets/demo", "tests/demo"):
        (folder / package).mkdir(parents=True)
        (folder / package / "__init__.py").write_text("", encoding="utf-8")
    (folder / "snippets" / "__init__.py").write_text("", encoding="utf-8")
    (folder / "snippets" / "demo" / "numbers.py").write_text("VALUE = 2\n", encoding="utf-8")
    (folder / "tests" / "demo" / "test_numbers.py").write_text(CHAPTER_CHECK, encoding="utf-8")
    return folder


def quick_chapter_run(project: Path) -> tuple[str, int]:
    """The quick tier on the demo chapter: its output, and how often the test module was
    imported."""
    log = project / "tests" / "demo" / "imports.log"
    before = len(log.read_text().splitlines()) if log.exists() else 0
    plugins = ["-p", "tests.verdicts", "-p", "no:cacheprovider"]
    # No bytecode files: Python checks them by the source's size and time stamp in whole
    # seconds, so "VALUE = 2" written in the second "VALUE = 3" was compiled would import as 3.
    environment = {"PYTHONPATH": f"{project}{os.pathsep}{project / 'hooks'}"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *plugins, "--quick", "tests/demo"],
        cwd=project,
        env={**os.environ, **environment, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
    )
    after = len(log.read_text().splitlines()) if log.exists() else 0
    return run.stdout + run.stderr, after - before


@pytest.mark.inputs.with_args(lambda: inputs.files_under("tests", "hooks", "tools"))
def test_an_unchanged_chapter_module_is_not_imported_and_a_fault_in_its_snippet_fails(tmp_path):
    project = chapter_project(tmp_path)
    snippet = project / "snippets" / "demo" / "numbers.py"
    output, imports = quick_chapter_run(project)
    assert "1 passed" in output and imports == 1, output
    output, imports = quick_chapter_run(project)
    assert "left out 1 unchanged since their last pass (1 test modules" in output, output
    assert imports == 0, "an unchanged chapter module with a verdict is imported again"
    snippet.write_text("VALUE = 3\n", encoding="utf-8")
    output, imports = quick_chapter_run(project)
    assert "1 failed" in output and imports == 1, output
    assert "1 failed" in quick_chapter_run(project)[0], "a failure is never cached"
    snippet.write_text("VALUE = 2\n", encoding="utf-8")
    output, imports = quick_chapter_run(project)
    assert "(1 test modules of them not even imported)" in output and imports == 0, output
    (project / "snippets" / "demo" / "more.py").write_text("", encoding="utf-8")
    output, imports = quick_chapter_run(project)
    assert "1 passed" in output and imports == 1, "a new file of the chapter's snippets"


def chapter_test_modules() -> list[Path]:
    return sorted(
        path
        for path in (ROOT / "tests").glob("*/test_*.py")
        if inputs.chapter_tests(path) is not None
    )


@pytest.mark.inputs.with_args(lambda: chapter_test_modules())
def test_a_chapter_test_that_does_not_import_tests_pages_names_no_page():
    """Only chapter tests that read pages through tests.pages depend on the chapter's pages
    (inputs.chapter_tests); a test that found pages another way would keep an old verdict."""
    modules = chapter_test_modules()
    assert len(modules) > 50
    naming_pages = [
        path.relative_to(ROOT).as_posix()
        for path in modules
        if not inputs.reads_pages(path) and re.search(r"\bdocs\b|\.md\b", path.read_text("utf-8"))
    ]
    assert naming_pages == []
    assert any(inputs.reads_pages(path) for path in modules)
