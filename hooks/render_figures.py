"""Render figure scripts to SVG in a fresh interpreter (run by hooks/figures.py).

Usage: python hooks/render_figures.py JOBS.json
JOBS.json lists {"script": path, "lang": "zh"|"en", "out": path}.
Every job is tried; each script that raises is named on stderr, and the exit code is then 3.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from snippets.plotting import figure_style, svg_bytes  # noqa: E402


def load_script(script: Path):
    module_name = ".".join(script.relative_to(ROOT).with_suffix("").parts)
    spec = importlib.util.spec_from_file_location(module_name, script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(script: Path, lang: str) -> bytes:
    import matplotlib.pyplot as plt

    plt.rcdefaults()
    with figure_style():
        return svg_bytes(load_script(script).make_figure(lang))


def main(jobs_file: str) -> int:
    failed = 0
    for job in json.loads(Path(jobs_file).read_text(encoding="utf-8")):
        script = Path(job["script"])
        try:
            data = render(script, job["lang"])
        except Exception:
            failed += 1
            rel = script.relative_to(ROOT)
            print(f"Figure script {rel} (lang={job['lang']}) raised:", file=sys.stderr)
            traceback.print_exc()
            continue
        Path(job["out"]).write_bytes(data)
    return 3 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
