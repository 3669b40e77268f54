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

A chapter's test module (tests/<chapter>/) is not even imported when nothing it depends on
changed and all its checks have verdicts: importing them costs most of a collection (torch, and
the numbers the snippets compute at import). Its checks depend on what the module depends on
(inputs.chapter_tests), which decides what the module collects, so each collection records the
node ids of such a module under .cache/collected/, keyed by those inputs like a verdict.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import platform
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from hooks.cache_files import write_whole
from tests import inputs
from tests.pages import ROOT
from tests.site import wait_for_build

VERDICTS = Path(os.environ.get("VERDICTS_DIR", ROOT / ".cache" / "verdicts"))
COLLECTED = VERDICTS.parent / "collected"
KEY = pytest.StashKey[str]()
LEFT_OUT = pytest.StashKey[tuple[int, int, int]]()
PASSED = pytest.StashKey[bool]()
DIGESTS = pytest.StashKey["Digests"]()
NOT_IMPORTED = pytest.StashKey[list[int]]()
MODULE_ITEMS = pytest.StashKey[dict[Path, list[pytest.Item]]]()
FAILED_TO_COLLECT = pytest.StashKey[set[Path]]()
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
        self.common: bytes | None = None

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
    if digests.common is None:
        digests.common = b"".join(digests.of(path) for path in common_inputs())
    return digests.common


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


def session_digests(config: pytest.Config) -> Digests:
    if DIGESTS not in config.stash:
        config.stash[DIGESTS] = Digests()
    return config.stash[DIGESTS]


def module_record(path: Path, digests: Digests) -> Path | None:
    """Where the node ids collected from a chapter's test module are recorded for its current
    inputs; None for the other modules (what they collect depends on pages or the built site)."""
    found = inputs.chapter_tests(path)
    if found is None:
        return None
    name = f"collected {path.relative_to(ROOT).as_posix()}"
    return COLLECTED / digests.key(name, found, common_digest(digests))


def all_checks_passed(path: Path, nodeids: list[str], digests: Digests) -> bool:
    found = inputs.chapter_tests(path)
    common = common_digest(digests)
    return all((VERDICTS / digests.key(nodeid, found, common)).exists() for nodeid in nodeids)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In the quick tier, a chapter's test module whose recorded checks all have verdicts is
    not imported."""
    if not config.getoption("quick") or collection_path.suffix != ".py":
        return None
    digests = session_digests(config)
    record = module_record(collection_path, digests)
    if record is None or not record.is_file():
        return None
    nodeids = json.loads(record.read_text(encoding="utf-8"))
    if not all_checks_passed(collection_path, nodeids, digests):
        return None
    config.stash.setdefault(NOT_IMPORTED, []).append(len(nodeids))
    return True


def pytest_itemcollected(item: pytest.Item) -> None:
    module_items = item.config.stash.setdefault(MODULE_ITEMS, {})
    module_items.setdefault(Path(str(item.path)), []).append(item)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector: pytest.Collector):
    report = yield
    if report.failed:
        collector.config.stash.setdefault(FAILED_TO_COLLECT, set()).add(Path(str(collector.path)))
    return report


def whole_modules_collected(config: pytest.Config) -> bool:
    """Whether each collected module gave all its checks: no node ids named on the command line,
    no --last-failed (which collects part of a module)."""
    return not any("::" in arg for arg in config.args) and not config.getoption("lf", False)


def whole_suite_collected(config: pytest.Config) -> bool:
    """Whether this run collected every check: no paths, node ids, -k, -m or --deselect."""
    selected = any(config.getoption(name) for name in ("keyword", "markexpr", "deselect"))
    return config.args_source == pytest.Config.ArgsSource.TESTPATHS and not selected


def record_module_collections(config: pytest.Config, digests: Digests) -> None:
    """Record the node ids of each chapter test module collected whole; not of a module any of
    whose checks declares its own inputs or runs in the full tier only."""
    if not whole_modules_collected(config):
        return
    failed = config.stash.get(FAILED_TO_COLLECT, set())
    for path, items in config.stash.get(MODULE_ITEMS, {}).items():
        record = module_record(path, digests)
        if record is None or path in failed or record.is_file():
            continue
        if any(item.get_closest_marker(m) for item in items for m in ("inputs", "full_tier")):
            continue
        write_whole(record, json.dumps([item.nodeid for item in items]))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wait_for_build()  # keys of the checks of built pages read the site as the build left it
    digests = session_digests(config)
    record_module_collections(config, digests)
    common = common_digest(digests)
    for item in items:
        found = declared_inputs(item)
        if found is not None:
            item.stash[KEY] = digests.key(item.nodeid, found, common)
    if config.getoption("quick"):
        leave_out_known_verdicts(config, items)
        return
    first_worker = getattr(config, "workerinput", {}).get("workerid", "gw0") == "gw0"
    if first_worker and whole_suite_collected(config):
        remove_all_but(VERDICTS, {item.stash[KEY] for item in items if KEY in item.stash})
        records = map(module_record, config.stash.get(MODULE_ITEMS, {}), itertools.repeat(digests))
        remove_all_but(COLLECTED, {record.name for record in records if record is not None})


def remove_all_but(folder: Path, keep: set[str]) -> None:
    for old in folder.glob("*") if folder.is_dir() else ():
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
    not_imported = config.stash.get(NOT_IMPORTED, [])
    config.stash[LEFT_OUT] = (len(unchanged) + sum(not_imported), len(full_only), len(not_imported))
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
        unchanged, full_only, modules = left_out
        terminalreporter.write_line(
            f"quick tier: left out {unchanged} unchanged since their last pass "
            f"({modules} test modules of them not even imported), "
            f"{full_only} for the full tier only (make test)"
        )
