"""Draw every figure script (snippets/<chapter>/plot_<name>.py) as SVG during the build.

A page shows the figure as ``figures/<chapter>/<name>.svg`` relative to its language root,
e.g. ``![...](../figures/activations/sigmoid.svg)`` from ``docs/zh/activations/x.md``.
SVGs are cached under .cache/figures by a hash of the script, the snippet modules it imports,
the shared style, the renderer, the pinned requirements (torch, matplotlib, mplfonts, ...) and
the language: an unchanged rebuild draws nothing. Missing drawings are rendered by one fresh
interpreter per core; every script that raises is reported, and the build fails naming them.
Nothing is written into docs/.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "figures"
RENDERER = ROOT / "hooks" / "render_figures.py"
STYLE = ROOT / "snippets" / "plotting.py"
REQUIREMENTS = ROOT / "requirements.txt"
SLEEPING_THREADS = {"OMP_WAIT_POLICY": "PASSIVE"}


def figure_scripts() -> list[Path]:
    return sorted(ROOT.glob("snippets/*/plot_*.py"))


def figure_uri(script: Path) -> str:
    return f"figures/{script.parent.name}/{script.stem.removeprefix('plot_')}.svg"


@functools.cache
def imported_names(source: str) -> tuple[str, ...]:
    """Every module name an import in this source mentions (parsed once per content)."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names += [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
    return tuple(names)


def imported_snippet_modules(script: Path) -> set[Path]:
    """Files of the snippets package that a script imports, followed transitively."""
    seen: set[Path] = set()
    pending = [script]
    while pending:
        source = pending.pop().read_text(encoding="utf-8")
        for name in imported_names(source) if "snippets" in source else ():
            if not name.startswith("snippets"):
                continue
            candidate = ROOT.joinpath(*name.split(".")).with_suffix(".py")
            if candidate.is_file() and candidate not in seen:
                seen.add(candidate)
                pending.append(candidate)
    return seen


def cache_key(script: Path, lang: str) -> str:
    digest = hashlib.sha256()
    for path in [script, STYLE, RENDERER, REQUIREMENTS, *sorted(imported_snippet_modules(script))]:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(f"lang={lang}".encode())
    return digest.hexdigest()[:24]


def cached_svgs(scripts: list[Path], lang: str) -> dict[Path, Path]:
    return {
        script: CACHE_DIR / f"{script.stem}-{lang}-{cache_key(script, lang)}.svg"
        for script in scripts
    }


def with_sleeping_threads(environment: Mapping[str, str]) -> dict[str, str]:
    """`environment` with OpenMP threads that sleep while they wait for work, unless it says
    otherwise (also for notebook kernels and test workers). By default a waiting thread spins,
    and with one interpreter per core each of torch's threads spun on a core another interpreter
    needed: 51 drawings took 13.9 s and 26 s of CPU in two interpreters, 10.1 s and 17.6 s with
    waiting threads asleep (the same number of threads)."""
    return {**SLEEPING_THREADS, **environment}


def run_renderers(jobs: list[dict]) -> list[str]:
    """Render the jobs in one interpreter per core; returns the error report of each that failed."""
    workers = max(1, min(os.cpu_count() or 1, len(jobs)))
    environment = with_sleeping_threads(os.environ)
    running = []
    with tempfile.TemporaryDirectory(prefix="figures-") as folder:
        for index in range(workers):
            jobs_file = Path(folder) / f"jobs-{index}.json"
            jobs_file.write_text(json.dumps(jobs[index::workers]), encoding="utf-8")
            command = [sys.executable, str(RENDERER), str(jobs_file)]
            running.append(
                subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env=environment)
            )
        reports = [process.communicate()[1] for process in running]
    return [
        report.strip()
        for process, report in zip(running, reports, strict=True)
        if process.returncode
    ]


def render_missing(svgs: dict[Path, Path], lang: str) -> None:
    jobs = [
        {"script": str(script), "lang": lang, "out": str(svg)}
        for script, svg in svgs.items()
        if not svg.exists()
    ]
    if not jobs:
        return
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    failures = run_renderers(jobs)
    if failures:
        raise PluginError("\n\n".join(failures))
    for job in jobs:
        drop_superseded(Path(job["out"]))


def drop_superseded(current: Path) -> None:
    """Remove cached drawings of the same script and language made from older sources."""
    prefix = current.name.rsplit("-", 1)[0]
    for old in CACHE_DIR.glob(f"{prefix}-*.svg"):
        if old != current and old.name.rsplit("-", 1)[0] == prefix:
            old.unlink(missing_ok=True)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = config.theme["language"]
    svgs = cached_svgs(figure_scripts(), lang)
    render_missing(svgs, lang)
    for script, svg in svgs.items():
        files.append(File.generated(config, figure_uri(script), content=svg.read_bytes()))
    return files
