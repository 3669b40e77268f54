"""Internal links, anchors and images of a built site, read from its HTML.

PageParser is the one HTML parser of the tests: what they read from a built page (ids, links,
loaded resources, <html lang>, the language selector, class names, labels) comes from it. What
it read is kept in .cache/parsed/ under a hash of the page's content and of the parser's code, so
a page is parsed once per version, not once per test process (parsing the whole site took 9 s)."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import inspect
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from hooks.cache_files import write_whole
from tests.pages import ROOT
from tests.site import site_prefix

PARSED = ROOT / ".cache" / "parsed"
LINK_ATTRIBUTES = {"a": "href", "img": "src", "link": "href", "script": "src", "source": "src"}
LOADED_ATTRIBUTES = {"link": "href"} | dict.fromkeys(
    ("script", "img", "iframe", "source", "audio", "video"), "src"
)
NOT_LOADED_RELS = {"canonical", "alternate", "prev", "next"}  # <link>s to pages, not fetched
LABEL_ATTRIBUTES = ("title", "aria-label", "placeholder")


@dataclasses.dataclass(frozen=True)
class ParsedPage:
    """What the tests read from one built page."""

    ids: frozenset[str]
    links: tuple[str, ...]
    loaded: tuple[str, ...]
    classes: frozenset[str]
    lang: str | None
    selector: dict[str, str]  # hreflang -> href of the language selector
    labels: frozenset[str]  # the controls' labels: LABEL_ATTRIBUTES outside glossary terms

    def to_json(self) -> str:
        fields = dataclasses.asdict(self)
        sets_sorted = {k: sorted(v) if isinstance(v, frozenset) else v for k, v in fields.items()}
        return json.dumps(sets_sorted)

    @classmethod
    def from_json(cls, text: str) -> ParsedPage:
        fields = json.loads(text)
        return cls(
            ids=frozenset(fields["ids"]),
            links=tuple(fields["links"]),
            loaded=tuple(fields["loaded"]),
            classes=frozenset(fields["classes"]),
            lang=fields["lang"],
            selector=fields["selector"],
            labels=frozenset(fields["labels"]),
        )


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.loaded: list[str] = []
        self.classes: set[str] = set()
        self.lang: str | None = None
        self.selector: dict[str, str] = {}  # hreflang -> href of the language selector
        self.labels: set[str] = set()

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
        if tag != "abbr":  # a glossary term's tooltip is text of the page, in both languages
            self.labels.update(values[key] for key in LABEL_ATTRIBUTES if values.get(key))
        target = values.get(LINK_ATTRIBUTES.get(tag, ""))
        if target:
            self.links.append(target)
        fetched = values.get(LOADED_ATTRIBUTES.get(tag, ""))
        if fetched and not NOT_LOADED_RELS & set((values.get("rel") or "").split()):
            self.loaded.append(fetched)

    def result(self) -> ParsedPage:
        return ParsedPage(
            frozenset(self.ids),
            tuple(self.links),
            tuple(self.loaded),
            frozenset(self.classes),
            self.lang,
            self.selector,
            frozenset(self.labels),
        )


def parse(page: Path) -> ParsedPage:
    """What the tests read from a built page; parsed once per version of the file."""
    status = page.stat()
    return parsed(page, status.st_mtime_ns, status.st_size)


@functools.cache
def parsed(page: Path, mtime_ns: int, size: int) -> ParsedPage:
    content = page.read_bytes()
    record = PARSED / f"{hashlib.sha256(parser_digest() + content).hexdigest()}.json"
    if record.is_file():
        return ParsedPage.from_json(record.read_text(encoding="utf-8"))
    parser = PageParser()
    parser.feed(content.decode("utf-8"))
    result = parser.result()
    write_whole(record, result.to_json())
    return result


@functools.cache
def parser_digest() -> bytes:
    """Stands for the parser's code in the cache's keys: a changed parser parses again."""
    code = inspect.getsource(PageParser) + inspect.getsource(ParsedPage)
    return hashlib.sha256(code.encode()).digest()


def target_file(site: Path, page: Path, link: str, prefix: str) -> tuple[Path, str] | None:
    """The file and fragment a relative link points to, for a site served under `prefix`; None
    for other hosts and schemes."""
    return link_target(site, page_address(site, page, prefix), link, prefix)


def page_address(site: Path, page: Path, prefix: str) -> str:
    """A page's URL on a made-up host, against which its links resolve (dot segments too)."""
    return f"http://site{prefix}/{page.relative_to(site).as_posix()}"


def link_target(site: Path, address: str, link: str, prefix: str) -> tuple[Path, str] | None:
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
        return None
    path = unquote(urlsplit(urljoin(address, parts.path or address)).path)
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
        address = page_address(site, page, prefix)
        for link in dict.fromkeys(parsed.links):
            resolved = link_target(site, address, link, prefix)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists():
                problems.append(f"{page.relative_to(site)}: {link} (no such file)")
            elif fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if fragment not in ids:
                    problems.append(f"{page.relative_to(site)}: {link} (no #{fragment} there)")
    return problems
