"""Every page of both languages, as a reader's browser shows it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlparse

import pytest

from tests import inputs
from tests.pages import DOCS, LANGUAGES

BLOCKING_IMPACTS = {"serious", "critical"}


def page_url(lang: str, source: str) -> str:
    """Site path of a page source such as 'activations/index.md'."""
    stem = source.rsplit(".", 1)[0]
    path = "" if stem == "index" else stem.removesuffix("/index") + "/"
    return ("/" if lang == "zh" else "/en/") + path


def all_pages() -> list[tuple[str, str]]:
    sources = sorted(
        p.relative_to(DOCS / "zh").as_posix()
        for p in (DOCS / "zh").rglob("*")
        if p.suffix in {".md", ".ipynb"}
    )
    return [(lang, source) for source in sources for lang in LANGUAGES]


@dataclass
class Visit:
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    pending: set = field(default_factory=set)

    def wait_until_quiet(self, page, timeout_s: float = 10) -> None:
        """Wait for the requests still in flight (search index, fonts) to finish."""
        deadline = time.monotonic() + timeout_s
        while self.pending and time.monotonic() < deadline:
            page.wait_for_timeout(50)


def watch(page, visit: Visit) -> None:
    page.on("console", lambda m: m.type == "error" and visit.console_errors.append(m.text))
    page.on("pageerror", lambda e: visit.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: visit.failed_requests.append(f"{r.url} {r.failure}"))
    page.on(
        "response",
        lambda r: r.status >= 400 and visit.failed_requests.append(f"{r.url} {r.status}"),
    )

    def check_host(request) -> None:
        visit.pending.add(request)
        url = urlparse(request.url)
        if url.scheme in {"http", "https"} and url.hostname != "127.0.0.1":
            visit.foreign_requests.append(request.url)

    page.on("request", check_host)
    page.on("requestfinished", lambda r: visit.pending.discard(r))
    page.on("requestfailed", lambda r: visit.pending.discard(r))


def wait_for_mathjax(page) -> None:
    if page.locator(".arithmatex").count() == 0:
        return
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")


UNTYPESET_FORMULAS = """() => [...document.querySelectorAll('.arithmatex')]
    .filter(el => !el.querySelector('mjx-container')).map(el => el.textContent.slice(0, 60))"""
MATH_ERRORS = """() => [...document.querySelectorAll('mjx-merror, [data-mjx-error]')]
    .map(el => el.getAttribute('data-mjx-error') || el.textContent)"""
BROKEN_IMAGES = """() => [...document.images]
    .filter(img => !img.complete || img.naturalWidth === 0).map(img => img.src)"""
SELECTOR_LINKS = """() => Object.fromEntries([...document.querySelectorAll('a.md-select__link')]
    .map(a => [a.hreflang, a.href]))"""


def serious_accessibility_violations(page) -> list[str]:
    """axe-core's serious and critical findings; axe comes from the context's init script."""
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]


def page_problems(context, base_url: str, lang: str, source: str) -> list[str]:
    """Everything wrong with one page as a browser shows it, each line naming the page."""
    page = context.new_page()
    visit = Visit()
    watch(page, visit)
    url = base_url + page_url(lang, source)
    page.goto(url, wait_until="load")
    wait_for_mathjax(page)
    visit.wait_until_quiet(page)
    expected_selector = {other: base_url + page_url(other, source) for other in LANGUAGES}
    findings = {
        "console errors": visit.console_errors,
        "failed requests": visit.failed_requests,
        "requests to another host": visit.foreign_requests,
        "formulas MathJax left untypeset": page.evaluate(UNTYPESET_FORMULAS),
        "MathJax errors": page.evaluate(MATH_ERRORS),
        "images that did not load": page.evaluate(BROKEN_IMAGES),
        "wrong <html lang>": [] if page.get_attribute("html", "lang") == lang else [lang],
        "language selector not on the same page": []
        if page.evaluate(SELECTOR_LINKS) == expected_selector
        else [str(page.evaluate(SELECTOR_LINKS))],
        "accessibility": serious_accessibility_violations(page),
    }
    page.close()
    return [f"docs/{lang}/{source}: {kind}: {items}" for kind, items in findings.items() if items]


@pytest.mark.inputs.with_args(lambda lang, source: inputs.built_page(lang, page_url(lang, source)))
@pytest.mark.parametrize(("lang", "source"), all_pages(), ids=lambda x: x)
def test_page_in_the_browser(reading_context, base_url, lang, source):
    assert page_problems(reading_context, base_url, lang, source) == []
