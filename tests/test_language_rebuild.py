"""The quick tier rebuilds only the languages an edit touches (tests/site.py), and the site it
leaves is the one a full build makes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import inputs
from tests.site import build_site, language_hashes, rebuild_changed_languages
from tests.trimmed_project import write

pytestmark = pytest.mark.inputs.with_args(lambda **_case: inputs.build_machinery())


def built_files(project: Path) -> dict[str, bytes]:
    site = project / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def full_build(project: Path) -> dict[str, bytes]:
    build_site(project, check=True, capture_output=True)
    return built_files(project)


def edit(project: Path, lang: str) -> None:
    page = project / "docs" / lang / "index.md"
    write(page, page.read_text(encoding="utf-8") + "\nOne more sentence.\n")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_edit_rebuilds_its_language_only_and_gives_the_full_build(project, lang):
    before = full_build(project)
    built = language_hashes(project)
    edit(project, lang)
    assert {code for code, digest in language_hashes(project).items() if built[code] != digest} == {
        lang
    }
    assert rebuild_changed_languages(built, project) == [lang]
    rebuilt = built_files(project)
    other_language = {name for name in before if name.startswith("en/") == (lang == "zh")}
    assert other_language and all(rebuilt.get(name) == before[name] for name in other_language)
    assert rebuilt == full_build(project)


def test_a_shared_file_rebuilds_every_language(project):
    built = language_hashes(project)
    write(project / "includes" / "note.md", "shared\n")
    assert all(built[code] != digest for code, digest in language_hashes(project).items())
