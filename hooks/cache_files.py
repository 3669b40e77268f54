"""The hooks' files under .cache/: their names, and writing them, which builds running at the same
time share."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def write_whole(path: Path, text: str) -> None:
    """Write under another name first, so that another build never reads half the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def content_key(made_from: dict) -> str:
    """A file name for a result made from `made_from` (any JSON data): its SHA-256."""
    text = json.dumps(made_from, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def source_digest(path: str) -> str:
    """The SHA-256 of a file's bytes: a hook's own code, in the keys of what it caches."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
