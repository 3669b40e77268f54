"""The quick tier's build runs beside pytest (tests/quick.py): the checks read site/ only after
the build has ended, and a failing build stops them with its log."""

from __future__ import annotations

import sys
import time

import pytest

from tests.pages import ROOT
from tests.quick import build_beside_checks

# The checks' side: wait as tests/verdicts.py does, then say whether the build had finished.
CHECKS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from tests.site import wait_for_build
wait_for_build(Path(sys.argv[1]))
sys.exit(0 if Path(sys.argv[2]).exists() else 3)
"""


@pytest.mark.inputs.with_args(list)
def test_the_checks_read_the_site_only_after_the_build(tmp_path, capsys):
    lock, done = tmp_path / "build.lock", tmp_path / "built"
    build = f"import time, pathlib; time.sleep(1); pathlib.Path({str(done)!r}).touch()"
    checks = [sys.executable, "-c", CHECKS, str(lock), str(done), str(ROOT)]
    assert (
        build_beside_checks([sys.executable, "-c", build + "; print('rebuilt: en')"], checks, lock)
        == 0
    )
    assert capsys.readouterr().out == "build: rebuilt: en\n"


@pytest.mark.inputs.with_args(list)
def test_a_failing_build_stops_the_checks_and_shows_its_log(tmp_path, capsys):
    build = "import sys; print('no such page: x.md', file=sys.stderr); sys.exit(4)"
    checks = [sys.executable, "-c", "import time; time.sleep(60)"]
    start = time.monotonic()
    status = build_beside_checks([sys.executable, "-c", build], checks, tmp_path / "build.lock")
    assert status == 4
    assert time.monotonic() - start < 30
    err = capsys.readouterr().err
    assert "no such page: x.md" in err and "the build failed (exit status 4)" in err
