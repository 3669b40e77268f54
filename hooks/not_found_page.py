"""Keep the default language's 404 page at the site root.

Every language build renders Material's 404.html to the same path, so the last language
built (English) would replace the Chinese one that GitHub Pages serves for missing pages.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

_default_language_output: dict[str, str] = {}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    i18n = config.plugins["i18n"]
    if i18n.current_language == i18n.default_language:
        _default_language_output["404.html"] = output_content
        return output_content
    return _default_language_output.get("404.html", output_content)
