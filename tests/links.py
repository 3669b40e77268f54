"""Internal links, anchors and images of a built site, read from its HTML.

PageParser is the one HTML parser of the tests: what they read from a built page (ids, links,
loaded resources, <html lang>, the language selector, class names) comes from it."""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.site import site_prefix

LINK_ATTRIBUTES = {"a": "href", "img": "src", "link": "href", "script": "src", "source": "src"}
LOADED_ATTRIBUTES = {"link": "href"} | dict.fromkeys(
    ("script", "img", "iframe", "source", "audio", "video"), "src"
)
NOT_LOADED_RELS = {"canonical", "alternate", "prev", "next"}  # <link>s to pages, not fetched


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loaded: list[str] = []
        self.classes: set[str] = set()
        self.lang: str | None = None
        self.selector: dict[str, str] = {}  # hreflang -> href of the language selector

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        self.classes.update(classes)
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "a" and "md-select__link" in classes and values.get("hreflang"):
            self.selector[values["hreflang"]] = values.get("href") or ""
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(values[key])
        target = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if target:
            self.links.append(target)
        fetched = values.get(LOADED_ATTRIBUTES.get(tag, ""))
        if fetched and not NOT_LOADED_RELS & set((values.get("rel") or "").split()):
            self.loaded.append(fetched)


def parse(page: Path) -> PageParser:
    """What the tests read from a built page; parsed once per version of the file (callers only
    read the result)."""
    status = page.stat()
    return parsed(page, status.st_mtime_ns, status.st_size)


@functools.cache
def parsed(page: Path, mtime_ns: int, size: int) -> PageParser:
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, page: Path, link: str, prefix: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points to, for a site served under `prefix`; None
    for other hosts and schemes."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
        return None
    page_url = f"http://site{prefix}/{page.relative_to(site).as_posix()}"  # dot segments resolve
    path = unquote(urlsplit(urljoin(page_url, parts.path or page_url)).path)
    if not path.startswith(prefix + "/"):
        return site / "outside-the-site" / path.lstrip("/"), ""
    target = site / path.removeprefix(prefix).lstrip("/")
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


def broken_links(site: Path, prefix: str | None = None) -> list[str]:
    """Links, #anchors and images of a built site that resolve to nothing; the site is served
    under site_prefix() unless `prefix` is given ('' for a copy opened from file://)."""
    prefix = site_prefix() if prefix is None else prefix
    pages = {page: parse(page) for page in sorted(site.rglob("*.html"))}
    problems = []
    for page, parsed in pages.items():
        for link in parsed.links:
            resolved = target_file(site, page, link, prefix)
            if resolved is None:
                continue
            target, fragment = resolved
            where = f"{page.relative_to(site)}: {link}"
            if not target.exists():
                problems.append(f"{where} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    problems.append(f"{where} (no #{fragment} there)")
    return problems
