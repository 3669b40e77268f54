"""Run a command and print how long it took: python tools/timed.py LABEL -- CMD ..."""

from __future__ import annotations

import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    label, command = argv[0], argv[argv.index("--") + 1 :]
    start = time.perf_counter()
    code = subprocess.call(command)
    print(f"{label}: {time.perf_counter() - start:.1f} s (exit {code})")
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
