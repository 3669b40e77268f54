"""The labels of the site's controls in this project's language.

Material translates the controls it labels itself (``partials/languages/``), but two labels come
from the config: the palette toggles' names (``theme.palette``) and the title of every heading's
permalink (the toc extension's ``permalink_title``). Both sit in lists that ``INHERIT`` replaces
whole, so a language's config could not change them without repeating the palette and every
Markdown extension. Each project names them under ``extra.ui`` instead, and this hook puts them
in place before any page is rendered. ``material_translation`` gives the other hooks Material's
own words for a control (hooks/notebooks.py labels mkdocs-jupyter's copy buttons with them).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

TRANSLATION = '{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}'


def project_ui(config: MkDocsConfig) -> dict:
    ui = config.extra.get("ui") or {}
    palette = config.theme["palette"]
    if set(ui) != {"palette", "permalink"} or len(ui["palette"]) != len(palette):
        raise PluginError(
            f"{config.config_file_path}: extra.ui must give 'permalink' and one 'palette' name "
            f"per theme.palette entry ({len(palette)})"
        )
    return ui


def material_translation(config: MkDocsConfig, key: str) -> str:
    """Material's text for `key` (such as 'clipboard.copy') in this project's language."""
    return config.theme.get_env().from_string(TRANSLATION).render(config=config, key=key)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    ui = project_ui(config)
    for option, name in zip(config.theme["palette"], ui["palette"], strict=True):
        option["toggle"]["name"] = name
    config.mdx_configs["toc"] = {
        **config.mdx_configs.get("toc", {}),
        "permalink_title": ui["permalink"],
    }
    return config
