"""The longest checks first, spread over two workers: xdist's own load scheduler, given the order
tests/scheduling.py makes and the options pyproject.toml sets, keeps both workers busy to the end.

The run is simulated (no processes): each worker runs what the scheduler sent it, in order, and
reports each check done when its recorded time has passed.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from xdist.scheduler import LoadScheduling

from tests import scheduling

# Shaped like the full tier's record: one cold build of minutes, some hundred checks of seconds
# (browser visits, page code), two thousand of milliseconds.
DURATIONS = [700.0] + [3.5] * 280 + [0.01] * 2000


@dataclass(eq=False)
class Worker:
    """What the scheduler needs of a worker: a name (its gateway's id), it is sent checks and
    told to shut down."""

    name: str
    queue: list[int] = field(default_factory=list)
    shutting_down: bool = False

    @property
    def gateway(self) -> SimpleNamespace:
        return SimpleNamespace(id=self.name)

    def send_runtest_some(self, indices: list[int]) -> None:
        self.queue.extend(indices)

    def shutdown(self) -> None:
        self.shutting_down = True


@dataclass
class Options:
    """The command-line options LoadScheduling reads: two local workers and a chunk size."""

    maxschedchunk: int | None

    def getvalue(self, name: str) -> list[str]:
        assert name == "tx"
        return ["2*popen"]

    def getoption(self, name: str) -> int | None:
        assert name == "maxschedchunk"
        return self.maxschedchunk


@dataclass
class Item:
    nodeid: str

    def get_closest_marker(self, name: str) -> None:
        return None


def scheduled_order(seconds: dict[str, float]) -> list[str]:
    """The node ids in the order tests/scheduling.py puts them, collected in name order, with
    `seconds` as the durations an earlier run recorded."""
    items = [Item(nodeid) for nodeid in sorted(seconds)]
    config = SimpleNamespace(cache=SimpleNamespace(get=lambda key, default: seconds))
    scheduling.pytest_collection_modifyitems(config, items)
    return [item.nodeid for item in items]


def print_nothing(*words: object) -> None:
    pass


def wall_time(maxschedchunk: int | None, durations: list[float]) -> float:
    """When the last of two workers finishes, as xdist's load scheduler hands out the checks."""
    seconds = {f"test_{i:04d}": duration for i, duration in enumerate(durations)}
    order = scheduled_order(seconds)
    scheduler = LoadScheduling(Options(maxschedchunk), log=SimpleNamespace(loadsched=print_nothing))
    workers = [Worker("gw0"), Worker("gw1")]
    for worker in workers:
        scheduler.add_node(worker)
    for worker in workers:
        scheduler.add_node_collection(worker, order)
    scheduler.schedule()
    running: list[tuple[float, str]] = []
    by_name = {worker.name: worker for worker in workers}
    for worker in workers:
        heapq.heappush(running, (seconds[order[worker.queue[0]]], worker.name))
    finished = 0.0
    while running:
        now, name = heapq.heappop(running)
        worker = by_name[name]
        done = worker.queue.pop(0)
        scheduler.mark_test_complete(worker, done, seconds[order[done]])
        finished = now
        if worker.queue:
            heapq.heappush(running, (now + seconds[order[worker.queue[0]]], name))
    assert scheduler.tests_finished, "the simulation left checks unrun"
    return finished


def best_possible(durations: list[float]) -> float:
    return max(max(durations), sum(durations) / 2)


@pytest.mark.inputs.with_args(list)
def test_the_configured_scheduler_keeps_both_workers_busy(pytestconfig):
    chunk = pytestconfig.getoption("maxschedchunk")
    assert chunk == 1, "pyproject.toml's addopts set --maxschedchunk=1"
    assert wall_time(chunk, DURATIONS) < 1.05 * best_possible(DURATIONS)


@pytest.mark.inputs.with_args(list)
def test_xdist_default_chunks_give_the_longest_checks_to_one_worker():
    """Why the option is set: xdist's first step sends each worker a run of consecutive checks,
    and longest first, that run is nearly all the work."""
    assert wall_time(None, DURATIONS) > 1.8 * best_possible(DURATIONS)
