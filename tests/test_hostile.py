"""Hostile framework text: built into a real site, every page opened in Chromium.

Every text field of the framework carries markup that would set ``window.__pwned`` if it ever ran
(a closing </title> and a script, an image with onerror, a javascript: link written in Markdown).
No page may run it, and the text must be shown exactly as typed: in the nav, <title>, headings,
tables, worksheets, PDFs, the form and the search index.
"""

from __future__ import annotations

import html
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from mkdocs_framework.problems import FrameworkError
from mkdocs_framework.render import Renderer
from mkdocs_framework.validate import load_framework
from tests.helpers import make_site, run_mkdocs, synthetic_framework

SCRIPT = "</title><script>window.__pwned=1</script>"
IMAGE = "<img src=x onerror=window.__pwned=1>"
LINK = "[Emerging](javascript:window.__pwned=1)"
SVG = "<svg onload=window.__pwned=1>"

FRAMEWORK_TITLE = f"Data <and> insight {IMAGE}"
SHORT_TITLE = f"Short {SCRIPT}"
THEME_TITLE = f"Theme {IMAGE} & more"
DIMENSION_TITLE = f"Dim {SCRIPT}"
PLAIN_TITLE = "Data <and> insight *not emphasis* `not code`"
CRITERION_TITLE = f"Criterion {IMAGE}"
LEVEL_LABEL = LINK


def hostile_framework() -> dict[str, Any]:
    framework = synthetic_framework(levels=3, dimensions=3, criteria=2, themes=2)
    framework["title"] = FRAMEWORK_TITLE
    framework["short_title"] = SHORT_TITLE
    framework["description"] = f"Description {SVG}\n\nSecond paragraph {LINK}\n===\n"
    framework["status_note"] = f"Note {IMAGE}"
    framework["themes"][0]["title"] = THEME_TITLE
    framework["themes"][0]["summary"] = f"Summary {SCRIPT} {LINK}"
    framework["levels"][0]["label"] = LEVEL_LABEL
    framework["levels"][0]["meaning"] = f"Meaning {IMAGE}"
    first = framework["dimensions"][0]
    first["title"] = DIMENSION_TITLE
    first["summary"] = f"Summary {SVG} {LINK}"
    first["why_it_matters"] = f"Why {SCRIPT}"
    first["framing_questions"][0] = f"Question {IMAGE}?"
    first["criteria"][0]["title"] = CRITERION_TITLE
    first["criteria"][0]["descriptors"]["level-2"] = f"Descriptor {SCRIPT} {LINK}"
    first["barriers"] = [f"Barrier {IMAGE}"]
    first["enablers"] = [f"Enabler {LINK}"]
    framework["dimensions"][1]["title"] = PLAIN_TITLE
    return framework


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    config = make_site(root, hostile_framework())
    site = root / "site"
    result = run_mkdocs(config, site)
    assert result.returncode == 0, result.stderr
    return site


def open_page(browser: Browser, path: Path) -> Page:
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page


def test_no_page_runs_framework_text(hostile_site: Path, browser: Browser) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 12, pages
    for path in pages:
        page = open_page(browser, path)
        try:
            name = path.relative_to(hostile_site)
            assert page.evaluate("'__pwned' in window") is False, f"framework text ran as script on {name}"
            links = page.locator('a[href^="javascript:" i]').count()
            assert links == 0, f"framework text became a javascript: link on {name}"
        finally:
            page.close()


def test_titles_are_shown_as_typed_in_nav_title_and_headings(hostile_site: Path, browser: Browser) -> None:
    page = open_page(browser, hostile_site / "framework" / "dimension-1.html")
    try:
        assert page.title() == f"{DIMENSION_TITLE} - Fixture site"
        assert page.locator("h1").first.inner_text() == DIMENSION_TITLE
        nav = page.locator("nav.md-nav--primary")
        assert nav.get_by_text(THEME_TITLE, exact=True).count() >= 1, "the theme's title is not in the nav as typed"
        assert nav.get_by_text(DIMENSION_TITLE, exact=True).count() >= 1
        assert nav.get_by_text(PLAIN_TITLE, exact=True).count() >= 1
        assert nav.get_by_text(SHORT_TITLE, exact=True).count() >= 1
        body = page.locator("article").inner_text()
        assert f"Read across from {LEVEL_LABEL} to Emerging" in body
        assert f"Summary {SVG} {LINK}" in body
        assert f"Why {SCRIPT}" in body
        assert f"Enabler {LINK}" in body
        table = page.locator("table.fw-matrix")
        assert table.get_by_role("rowheader", name=CRITERION_TITLE).count() == 1
        assert table.get_by_role("columnheader", name=LEVEL_LABEL).count() == 1
        assert f"Descriptor {SCRIPT} {LINK}" in table.inner_text()
    finally:
        page.close()
    page = open_page(browser, hostile_site / "framework" / "dimension-2.html")
    try:
        assert page.title() == f"{PLAIN_TITLE} - Fixture site"
        assert page.locator("h1").first.inner_text() == PLAIN_TITLE
    finally:
        page.close()


def test_overview_worksheets_and_form_show_text_as_typed(hostile_site: Path, browser: Browser) -> None:
    page = open_page(browser, hostile_site / "framework" / "index.html")
    try:
        assert page.locator("h1").first.inner_text() == FRAMEWORK_TITLE
        body = page.locator("article").inner_text()
        assert THEME_TITLE in body and f"Meaning {IMAGE}" in body and f"Note {IMAGE}" in body
        assert f"Second paragraph {LINK} ===" in " ".join(body.split())
        assert page.locator("h1, h2").filter(has_text="Second paragraph").count() == 0, "a line of = made a heading"
    finally:
        page.close()
    page = open_page(browser, hostile_site / "worksheets" / "dimension-1.html")
    try:
        assert page.title() == f"Worksheet: {DIMENSION_TITLE} - Fixture site"
        text = page.locator("article").inner_text()
        assert f"Worksheet: {DIMENSION_TITLE}" in text and f"Question {IMAGE}?" in text
    finally:
        page.close()
    page = open_page(browser, hostile_site / "assess" / "index.html")
    try:
        assert page.get_by_text(DIMENSION_TITLE).count() >= 1
    finally:
        page.close()
    for step in ("dimension-1.html", "check.html"):  # the dimension's step, and Check your answers
        page = open_page(browser, hostile_site / "assess" / step)
        try:
            assert page.get_by_text(DIMENSION_TITLE).count() >= 1
            assert page.get_by_text(CRITERION_TITLE).count() >= 1
        finally:
            page.close()


def test_search_index_holds_titles_as_the_theme_expects(hostile_site: Path) -> None:
    """The theme shows search titles as HTML, so they are stored escaped and read back as typed."""
    docs = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = [html.unescape(doc["title"]) for doc in docs]
    for title in (DIMENSION_TITLE, PLAIN_TITLE, FRAMEWORK_TITLE):
        assert title in titles, f"{title!r} is not in the search index as typed"
    assert not any("<script" in doc["title"] or "<img" in doc["title"] for doc in docs)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_title:
            self.title += data


def test_pdf_html_shows_text_as_typed(tmp_path: Path) -> None:
    config = make_site(tmp_path, hostile_framework())
    framework = load_framework(tmp_path / "framework.yml", config.parent / "content")
    sources = Renderer(framework).pdf_sources("1 January 2027")
    first = _Text()
    first.feed(sources[0].html)
    assert first.title == f"Worksheet: {DIMENSION_TITLE}"
    assert not first.tags & {"script", "img", "svg"}
    text = "".join(first.text)
    assert CRITERION_TITLE in text and f"Descriptor {SCRIPT} {LINK}" in text and LEVEL_LABEL in text
    pack = _Text()
    pack.feed(sources[-1].html)
    assert FRAMEWORK_TITLE in "".join(pack.text)
    assert not pack.tags & {"script", "img", "svg"}


@pytest.mark.parametrize(
    "page", ["../README.md", "/etc/passwd", "resources/../../README.md", "C:/notes.md", "out/x.md"]
)
def test_resource_pages_outside_the_docs_folder_are_refused(tmp_path: Path, page: str) -> None:
    """A resource page must be inside the docs folder: its first heading is read into the site."""
    framework = synthetic_framework(dimensions=1)
    framework["dimensions"][0]["resources"] = [{"page": page}]
    config = make_site(tmp_path, framework)
    docs = config.parent / "content"
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.md").write_text("# Secret\n", encoding="utf-8")
    (docs / "out").symlink_to(tmp_path / "outside")  # a link inside the docs folder that leads out of it
    with pytest.raises(FrameworkError) as raised:
        load_framework(tmp_path / "framework.yml", docs)
    report = raised.value.report()
    assert f"framework.yml:{line_of(config.parent / 'framework.yml', page)}:" in report
    assert f"the page '{page}' is outside the docs folder." in report
    assert "Fix: " in report


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
