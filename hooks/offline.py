"""The offline copy loads nothing from another host.

Material's offline plugin (on when OFFLINE=true, for tools/artefacts.py) makes search work from
file:// with iframe-worker's shim, which it would load from unpkg.com. This hook names a copy of
the shim from npm (package.json) instead, before the plugin's ``on_config`` looks for one, and
copies it into the built site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
SHIM = ROOT / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"


def offline_plugin_enabled(config: MkDocsConfig) -> bool:
    return any(
        name.endswith("offline") and plugin.config.enabled
        for name, plugin in config.plugins.items()
    )


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline_plugin_enabled(config):
        if not SHIM.is_file():
            raise PluginError(f"{SHIM.relative_to(ROOT)} is missing: run `npm ci`")
        config.extra["polyfills"] = [SHIM_URL]
    return config


def on_post_build(config: MkDocsConfig) -> None:
    if offline_plugin_enabled(config):
        target = Path(config.site_dir) / SHIM_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM, target)
