"""pytest plugin, loaded with -p: how the checks share the cores. The longest start first.

With two workers, a check that takes a minute and starts last keeps one worker busy after the
other has finished. Each run records how long every check took (pytest's cache,
.pytest_cache); the next run moves the checks that took longer than LONG_S to the front,
longest first, and leaves the others in collection order (so module fixtures are set up once).
On a machine with no record yet, checks marked ``long`` go first.

That order needs xdist to hand out checks one at a time (``--maxschedchunk=1`` in pyproject.toml).
By default its first step sends each worker a run of consecutive checks, a quarter of its share:
the first worker got the 280 longest checks, nearly all of the full tier's time, while the other
ran the short ones and waited.

The workers, and every interpreter they start (page code, notebook kernels, figure renderers,
builds), get OpenMP threads that sleep while they wait for work (hooks/figures.py,
``with_sleeping_threads``). By default a waiting thread spins: with two workers each running torch
with as many threads as there are cores, the spinning took the cores the other worker needed. On
2 cores the full tier's pytest took 584 s with spinning threads and 404 s without, with the same
number of threads, so the checks still run torch as a reader's machine does.
"""

from __future__ import annotations

import os

import pytest

from hooks.figures import with_sleeping_threads

LONG_S = 3.0
MARKED_LONG_S = 60.0
RECORD = "scheduling/durations"


_seen: dict[str, float] = {}


def pytest_configure(config: pytest.Config) -> None:
    os.environ.update(with_sleeping_threads(os.environ))  # before xdist starts the workers
    config.addinivalue_line("markers", "long: takes tens of seconds; started first")


def expected_seconds(item: pytest.Item, recorded: dict[str, float]) -> float:
    if item.nodeid in recorded:
        return recorded[item.nodeid]
    return MARKED_LONG_S if item.get_closest_marker("long") else 0.0


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    recorded = config.cache.get(RECORD, {}) if config.cache else {}
    seconds = {item.nodeid: expected_seconds(item, recorded) for item in items}
    long = [item for item in items if seconds[item.nodeid] > LONG_S]
    rest = [item for item in items if seconds[item.nodeid] <= LONG_S]
    items[:] = sorted(long, key=lambda item: -seconds[item.nodeid]) + rest


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and not report.skipped:
        _seen[report.nodeid] = report.duration


def pytest_sessionfinish(session: pytest.Session) -> None:
    """The controller (or a run without workers) records the durations its reports carried."""
    config = session.config
    if hasattr(config, "workerinput") or not getattr(config, "cache", None) or not _seen:
        return
    config.cache.set(RECORD, {**config.cache.get(RECORD, {}), **_seen})
