"""What each cached check depends on (see tests/verdicts.py): files, groups of files (tuples)
that many checks share, or bytes standing for a part of a file. Each function returns everything
a check reads, or None when that cannot be known yet (the built site is out of date), in which
case the check runs and records nothing."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from hooks.figures import imported_names, imported_snippet_modules
from tests.links import parse, target_file
from tests.pages import DOCS, ROOT, Page, config_files, site_languages
from tests.site import SITE, is_current, site_prefix
from tools.artefacts import DOWNLOADS

Input = Path | tuple[Path, ...] | bytes
Inputs = list[Input]
BUILD_MACHINERY = ("hooks", "overrides", "includes", "tools/build.py")
PAGES_MODULE = "tests.pages"


def files_under(*names: str) -> list[Path]:
    found = []
    for name in names:
        path = ROOT / name
        found += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    return [p for p in found if "__pycache__" not in p.parts]


@cache
def snippet_imports(path: Path) -> frozenset[Path]:
    """The snippets modules a Python file imports, transitively (inputs do not change during a
    run)."""
    return frozenset(imported_snippet_modules(path))


def with_imports(paths: list[Path]) -> list[Path]:
    """Python files and every snippets module they import, transitively."""
    found = list(paths)
    for path in paths:
        if path.suffix == ".py" and path.is_file():
            found += snippet_imports(path)
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


def reads_pages(test_file: Path) -> bool:
    """Whether a test module reads pages: the tests read them through tests.pages."""
    return PAGES_MODULE in imported_names(test_file.read_text(encoding="utf-8"))


@cache
def chapter_tests(test_file: Path) -> Inputs | None:
    """A chapter's own tests (tests/<chapter>/): that chapter's snippets, every snippets module
    the test imports, and the chapter's pages when the test reads pages."""
    chapter = test_file.parent.name
    if test_file.parent.parent != ROOT / "tests" or not (ROOT / "snippets" / chapter).is_dir():
        return None
    code = with_imports([test_file, *files_under(f"snippets/{chapter}")])
    if not reads_pages(test_file):
        return code
    return code + [p for lang in DOCS.iterdir() for p in files_under(f"docs/{lang.name}/{chapter}")]


def built_page(lang: str, url_path: str) -> Inputs | None:
    """A built page as a browser loads it: its HTML, every local file the HTML refers to, and the
    language's assets (theme, MathJax, site CSS and JS, which load further files themselves)."""
    if not is_current():
        return None
    html = SITE / url_path.lstrip("/") / "index.html"
    if not html.is_file():
        return None
    return [html, *loaded_files(html), language_assets(lang)]


@cache
def language_assets(lang: str) -> tuple[Path, ...]:
    """The language's theme, MathJax, site CSS and JS: what its pages load further themselves.
    One group (a tuple), which a key hashes once per run rather than once per browser check."""
    assets = SITE / language_prefix(lang) / "assets"
    return tuple(sorted(p for p in assets.rglob("*") if p.is_file()))


def loaded_files(html: Path) -> list[Path]:
    """The local files a built page loads."""
    referenced = [target_file(SITE, html, link, site_prefix()) for link in parse(html).loaded]
    local = sorted({target for target, _ in filter(None, referenced)})
    return [target for target in local if target.is_relative_to(SITE)]


@cache
def language_prefix(lang: str) -> str:
    return next(language["prefix"] for language in site_languages() if language["lang"] == lang)


def language_page(lang: str, path: str) -> Inputs | None:
    """A built page given by its language and its path below the language's root."""
    return built_page(lang, language_prefix(lang) + path)


def built_pages(*pages: tuple[str, str]) -> Inputs | None:
    """Several built pages, (language, path) as for language_page, for a check that visits them
    all."""
    found = [language_page(lang, path) for lang, path in pages]
    return None if None in found else [path for page in found for path in page]


def search(lang: str) -> Inputs | None:
    """A search typed on the language's home page: that page and the language's search index."""
    home = language_page(lang, "")
    index = SITE / language_prefix(lang) / "search" / "search_index.json"
    return None if home is None else [*home, index]


@cache
def built_site() -> Inputs | None:
    """Every file of the built site but the downloads (whose checks are not cached): what a
    site-wide check of the built pages reads."""
    if not is_current():
        return None
    files = sorted(p for p in SITE.rglob("*") if p.is_file())
    return [p for p in files if p.relative_to(SITE).parts[0] != DOWNLOADS]


def with_built_site(*paths: Path) -> Inputs | None:
    """The built site and source files a check also reads."""
    site = built_site()
    return None if site is None else [*site, *paths]


@cache
def build_machinery() -> Inputs:
    """What a build of a trimmed project (tests/trimmed_project.py) reads from the repository."""
    shared = files_under(*BUILD_MACHINERY, "snippets/__init__.py", "snippets/plotting.py")
    return shared + config_files()


def notebook(path: Path) -> Inputs:
    return [path, ROOT / "hooks" / "notebooks.py"]
