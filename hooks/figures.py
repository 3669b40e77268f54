"""Draw every figure script (snippets/<chapter>/plot_<name>.py) as SVG during the build.

A page shows the figure as ``figures/<chapter>/<name>.svg`` relative to its language root,
e.g. ``![...](../figures/activations/sigmoid.svg)`` from ``docs/zh/activations/x.md``.
SVGs are cached under .cache/figures by a hash of the script, the snippet modules it imports,
the shared style, matplotlib's version and the language: an unchanged rebuild draws nothing.
Nothing is written into docs/.
"""

from __future__ import annotations

import ast
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import matplotlib
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
CACHE_DIR = ROOT / ".cache" / "figures"
RENDERER = ROOT / "hooks" / "render_figures.py"
STYLE = ROOT / "snippets" / "plotting.py"
LANGUAGES = ("zh", "en")


def figure_scripts() -> list[Path]:
    return sorted(ROOT.glob("snippets/*/plot_*.py"))


def figure_uri(script: Path) -> str:
    return f"figures/{script.parent.name}/{script.stem.removeprefix('plot_')}.svg"


def imported_snippet_modules(script: Path) -> set[Path]:
    """Files of the snippets package that a script imports, followed transitively."""
    seen: set[Path] = set()
    pending = [script]
    while pending:
        tree = ast.parse(pending.pop().read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if not name.startswith("snippets"):
                    continue
                candidate = ROOT.joinpath(*name.split(".")).with_suffix(".py")
                if candidate.is_file() and candidate not in seen:
                    seen.add(candidate)
                    pending.append(candidate)
    return seen


def cache_key(script: Path, lang: str) -> str:
    digest = hashlib.sha256()
    for path in [script, STYLE, RENDERER, *sorted(imported_snippet_modules(script))]:
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    digest.update(f"matplotlib={matplotlib.__version__};lang={lang}".encode())
    return digest.hexdigest()[:24]


def cached_svg(script: Path, lang: str) -> Path:
    return CACHE_DIR / f"{script.stem}-{lang}-{cache_key(script, lang)}.svg"


def render_missing(scripts: list[Path]) -> None:
    jobs = [
        {"script": str(s), "lang": lang, "out": str(cached_svg(s, lang))}
        for s in scripts
        for lang in LANGUAGES
        if not cached_svg(s, lang).exists()
    ]
    if not jobs:
        return
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(jobs, handle)
    result = subprocess.run(
        [sys.executable, str(RENDERER), handle.name], capture_output=True, text=True
    )
    Path(handle.name).unlink()
    if result.returncode != 0:
        raise PluginError(result.stderr.strip() or "figure rendering failed")
    for job in jobs:
        drop_superseded(Path(job["out"]))


def drop_superseded(current: Path) -> None:
    """Remove cached drawings of the same script and language made from older sources."""
    prefix = current.name.rsplit("-", 1)[0]
    for old in CACHE_DIR.glob(f"{prefix}-*.svg"):
        if old != current and old.name.rsplit("-", 1)[0] == prefix:
            old.unlink(missing_ok=True)


def i18n_state(config: MkDocsConfig) -> tuple[str, bool]:
    i18n = config.plugins["i18n"]
    return i18n.current_language, i18n.current_language == i18n.default_language


@event_priority(-200)  # after mkdocs-static-i18n has rebuilt the file list
def on_files(files: Files, config: MkDocsConfig) -> Files:
    scripts = figure_scripts()
    render_missing(scripts)
    lang, is_default = i18n_state(config)
    prefix = "" if is_default else f"{lang}/"
    for script in scripts:
        svg = cached_svg(script, lang)
        uri = figure_uri(script)
        figure = File.generated(config, f"{lang}/{uri}", content=svg.read_bytes())
        figure.dest_uri = prefix + uri
        files.append(figure)
    return files
