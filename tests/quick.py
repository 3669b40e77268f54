"""The quick tier (`make check`): the build of what changed runs while pytest collects.

Collecting every check imports the test modules and torch, about as long as rebuilding one
language, and needs nothing from site/; only the verdict keys of the checks of built pages do.
So the build starts first, holding the build lock (tests/site.py), and pytest starts beside it;
tests/verdicts.py waits for that lock before it computes a key. A failing build stops the checks
and prints its log; a passing one prints what it rebuilt.
"""

from __future__ import annotations

import fcntl
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.site import BUILD_LOCK

BUILD = [sys.executable, "-m", "tests.site", "--if-changed"]
CHECKS = [sys.executable, "-m", "pytest", "--quick", "-n", "auto"]


def build_beside_checks(build: list[str], checks: list[str], lock_file: Path = BUILD_LOCK) -> int:
    """Run `build` holding the build lock, and `checks` at the same time; the exit status of the
    build if it failed (the checks are interrupted), else that of the checks."""
    lock_file.parent.mkdir(exist_ok=True)
    with tempfile.TemporaryFile("w+") as said, tempfile.TemporaryFile("w+") as log:
        with lock_file.open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            builder = subprocess.Popen(build, stdout=said, stderr=log, pass_fds=[lock.fileno()])
        # Only the build holds the lock now, until it exits.
        tests = subprocess.Popen(checks)
        failed = builder.wait() != 0
        if failed:
            tests.send_signal(signal.SIGINT)
            tests.wait()
        said.seek(0)
        log.seek(0)
        if failed:
            print(log.read() + said.read(), file=sys.stderr)
            print(
                f"the build failed (exit status {builder.returncode}): no checks ran",
                file=sys.stderr,
            )
            return builder.returncode
        print("build: " + "; ".join(said.read().splitlines()), flush=True)
        return tests.wait()


if __name__ == "__main__":
    sys.exit(build_beside_checks(BUILD, CHECKS + sys.argv[1:]))
