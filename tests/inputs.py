"""What each cached check depends on (see tests/verdicts.py): files, or bytes standing for a part
of a file. Each function returns everything a check reads, or None when that cannot be known yet
(the built site is out of date), in which case the check runs and records nothing."""

from __future__ import annotations

from pathlib import Path

from hooks.figures import imported_snippet_modules
from tests.links import parse, target_file
from tests.pages import DOCS, ROOT, Page, config_files
from tests.site import SITE, is_current, site_prefix

Inputs = list[Path | bytes]
BUILD_MACHINERY = ("hooks", "overrides", "includes", "tools/build.py")


def files_under(*names: str) -> list[Path]:
    found = []
    for name in names:
        path = ROOT / name
        found += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return [p for p in found if "__pycache__" not in p.parts]


def with_imports(paths: list[Path]) -> list[Path]:
    """Python files and every snippets module they import, transitively."""
    found = list(paths)
    for path in paths:
        if path.suffix == ".py" and path.is_file():
            found += imported_snippet_modules(path)
    return found


def page_code(*pages: Page) -> Inputs:
    """A page's included code and number checks: the pages, the included files, the modules the
    checks name, and every snippets module those import."""
    included = [ROOT / path for page in pages for path, _ in page.include_targets()]
    checked = [
        ROOT / "snippets" / (match.group("module").replace(".", "/") + ".py")
        for page in pages
        for match in page.checks()
    ]
    return [page.path for page in pages] + with_imports(included + checked)


def code_signature(page: Page) -> bytes:
    """What of a page the code checks read: its fences and its number checks, not its prose."""
    fences = [(f.syntax, f.code, f.expected_output, f.marks) for f in page.fences()]
    checks = [match.group(0) for match in page.checks()]
    return repr((page.rel, fences, checks)).encode()


def all_page_code(pages: tuple[Page, ...]) -> Inputs:
    return [*files_under("snippets"), *(code_signature(page) for page in pages)]


def chapter_tests(test_file: Path) -> Inputs | None:
    """A chapter's own tests (tests/<chapter>/): that chapter's snippets and pages, and every
    snippets module the test imports."""
    chapter = test_file.parent.name
    if test_file.parent.parent != ROOT / "tests" or not (ROOT / "snippets" / chapter).is_dir():
        return None
    pages = [p for lang in DOCS.iterdir() for p in files_under(f"docs/{lang.name}/{chapter}")]
    return with_imports([test_file, *files_under(f"snippets/{chapter}")]) + pages


def built_page(lang: str, url_path: str) -> Inputs | None:
    """A built page as a browser loads it: its HTML, every local file the HTML refers to, and the
    language's assets (theme, MathJax, site CSS and JS, which load further files themselves)."""
    if not is_current():
        return None
    html = SITE / url_path.lstrip("/") / "index.html"
    if not html.is_file():
        return None
    referenced = [target_file(SITE, html, link, site_prefix()) for link in parse(html).loaded]
    local = [target for target, _ in filter(None, referenced) if target.is_file()]
    assets = SITE / ("" if lang == "zh" else lang) / "assets"
    return [html, *local, *sorted(p for p in assets.rglob("*") if p.is_file())]


def build_machinery() -> Inputs:
    """What a build of a trimmed project (tests/trimmed_project.py) reads from the repository."""
    shared = files_under(*BUILD_MACHINERY, "snippets/__init__.py", "snippets/plotting.py")
    return shared + config_files()


def notebook(path: Path) -> Inputs:
    return [path, ROOT / "hooks" / "notebooks.py"]
