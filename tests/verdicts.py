"""pytest plugin, loaded with -p: verdicts cached by content, for the quick tier.

A check that declares what it depends on (``@pytest.mark.inputs.with_args(resolver)``, where
``resolver(**params)`` returns the files for one parametrized case) records its verdict when it
passes, under .cache/verdicts/, keyed by a hash of its node id, of every file it depends on and of
what every check depends on (the tests' own source, pyproject.toml, requirements.txt, the
Python version). Inline code blocks that pytest-codeblocks collects from a page depend on that page.

``pytest --quick`` (``make check``) leaves out (deselects) a check whose key has a verdict:
nothing it depends on changed since it last passed. A changed input gives another key, so the
check runs. Checks marked ``full_tier`` (the cold reproducible build) run only without
``--quick``. Without ``--quick``
(``make test``, CI) every check runs; passing verdicts are recorded either way, and the full tier
removes the verdicts of keys no current check has.
"""

from __future__ import annotations

import hashlib
import os
import platform
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from tests import inputs
from tests.pages import ROOT
from tests.site import wait_for_build

VERDICTS = Path(os.environ.get("VERDICTS_DIR", ROOT / ".cache" / "verdicts"))
KEY = pytest.StashKey[str]()
LEFT_OUT = pytest.StashKey[tuple[int, int]]()
PASSED = pytest.StashKey[bool]()
LAST_PASS = ROOT / ".cache" / "last-pass"
UNSTAMPED = {"node_modules"}  # installed by npm ci, like .venv


def common_inputs() -> list[Path]:
    """What every check depends on: the checkers themselves and the pinned environment."""
    tests = sorted(p for p in (ROOT / "tests").rglob("*.py") if "__pycache__" not in p.parts)
    return [*tests, ROOT / "pyproject.toml", ROOT / "requirements.txt", ROOT / "package-lock.json"]


class Digests:
    """SHA-256 of file contents, read once per session (inputs do not change during a run)."""

    def __init__(self) -> None:
        self.known: dict[Path, bytes] = {}
        self.groups: dict[tuple[Path, ...], bytes] = {}

    def of(self, path: Path) -> bytes:
        if path not in self.known:
            self.known[path] = hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b""
        return self.known[path]

    def of_group(self, group: tuple[Path, ...]) -> bytes:
        """One digest of the files of a group that many checks share, made once per session."""
        if group not in self.groups:
            digest = hashlib.sha256()
            for path in group:
                digest.update(path.as_posix().encode() + b"\0" + self.of(path))
            self.groups[group] = digest.digest()
        return self.groups[group]

    def key(self, nodeid: str, found: Iterable[inputs.Input], common: bytes) -> str:
        """The verdict's key: the check, and the content of everything it depends on."""
        digest = hashlib.sha256(f"{nodeid}\0{platform.python_version()}\0".encode() + common)
        found = list(found)
        paths = sorted({entry for entry in found if isinstance(entry, Path)})
        groups = sorted({entry for entry in found if isinstance(entry, tuple)})
        parts = [entry for entry in found if isinstance(entry, bytes)]
        for path in paths:
            digest.update(path.as_posix().encode() + b"\0" + self.of(path))
        for group in groups:
            digest.update(self.of_group(group))
        for part in parts:
            digest.update(hashlib.sha256(part).digest())
        return digest.hexdigest()


def common_digest(digests: Digests) -> bytes:
    """The part of every key that stands for what every check depends on."""
    return b"".join(digests.of(path) for path in common_inputs())


def declared_inputs(item: pytest.Item) -> Iterable[inputs.Input] | None:
    """What the check depends on, or None when it is not cached (it runs every time)."""
    marker = item.get_closest_marker("inputs")
    path = Path(str(item.path))
    if marker is not None:
        resolver: Callable[..., Iterable[inputs.Input] | None] = marker.args[0]
        params = item.callspec.params if hasattr(item, "callspec") else {}
        return resolver(**params)
    if path.suffix == ".md" and ".md::line" in item.nodeid:
        return [path]
    return inputs.chapter_tests(path)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--quick",
        action="store_true",
        help="the quick tier: skip checks whose inputs are unchanged since they last passed, "
        "and the full-tier-only checks",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "inputs(resolver): the files a check depends on")
    config.addinivalue_line("markers", "full_tier: runs only in the full tier (make test)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wait_for_build()  # keys of the checks of built pages read the site as the build left it
    digests = Digests()
    common = common_digest(digests)
    for item in items:
        found = declared_inputs(item)
        if found is not None:
            item.stash[KEY] = digests.key(item.nodeid, found, common)
    if config.getoption("quick"):
        leave_out_known_verdicts(config, items)
        return
    first_worker = getattr(config, "workerinput", {}).get("workerid", "gw0") == "gw0"
    if first_worker:
        keep = {item.stash[KEY] for item in items if KEY in item.stash}
        for old in VERDICTS.glob("*") if VERDICTS.is_dir() else ():
            if old.name not in keep:
                old.unlink(missing_ok=True)


def leave_out_known_verdicts(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The quick tier deselects the checks with a verdict and the full-tier-only ones, so they
    cost nothing at all. Every worker deselects the same ones: no check runs before all have
    collected. A worker sends its counts to the controller (xdist's workeroutput)."""
    full_only = [item for item in items if item.get_closest_marker("full_tier")]
    unchanged = [
        item
        for item in items
        if KEY in item.stash and (VERDICTS / item.stash[KEY]).exists() and item not in full_only
    ]
    left_out = {id(item) for item in full_only + unchanged}
    items[:] = [item for item in items if id(item) not in left_out]
    config.hook.pytest_deselected(items=full_only + unchanged)
    config.stash[LEFT_OUT] = (len(unchanged), len(full_only))
    if hasattr(config, "workeroutput"):
        config.workeroutput["left_out"] = config.stash[LEFT_OUT]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    if "left_out" in getattr(node, "workeroutput", {}):
        node.config.stash[LEFT_OUT] = tuple(node.workeroutput["left_out"])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    if KEY not in item.stash:
        return report
    if report.when == "call":
        item.stash[PASSED] = report.passed
    elif report.when == "teardown" and report.passed and item.stash.get(PASSED, False):
        VERDICTS.mkdir(parents=True, exist_ok=True)
        (VERDICTS / item.stash[KEY]).touch()
    return report


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A quick run that left out every check has nothing to report wrong. A run that passed
    stamps the tree for pytest_xdist_auto_num_workers."""
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED and LEFT_OUT in session.config.stash:
        session.exitstatus = pytest.ExitCode.OK
    if session.exitstatus == pytest.ExitCode.OK and not hasattr(session.config, "workerinput"):
        LAST_PASS.parent.mkdir(parents=True, exist_ok=True)
        LAST_PASS.write_text(tree_stamp(), encoding="utf-8")


def tree_stamp() -> str:
    """Size and modification time of every file a check can read: the project and its site."""
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*")):
        if path.name.startswith(".") or path.name in UNSTAMPED:
            continue
        for found in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if "__pycache__" not in found.parts and found.is_file():
                status = found.stat()
                digest.update(f"{found}\0{status.st_size}\0{status.st_mtime_ns}\0".encode())
    return digest.hexdigest()


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` in the quick tier: no worker processes when nothing has changed since a run
    passed, so that only the few uncached checks run (two workers would each collect every
    check first: on two cores that doubled the time); else xdist's own choice."""
    unchanged = LAST_PASS.is_file() and LAST_PASS.read_text(encoding="utf-8") == tree_stamp()
    return 0 if config.getoption("quick") and unchanged else None


def pytest_terminal_summary(terminalreporter) -> None:
    left_out = terminalreporter.config.stash.get(LEFT_OUT, None)
    if left_out is not None:
        unchanged, full_only = left_out
        terminalreporter.write_line(
            f"quick tier: left out {unchanged} unchanged since their last pass, "
            f"{full_only} for the full tier only (make test)"
        )
