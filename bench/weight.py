"""Page weight: what Chromium downloads to show a page, split by where the bytes come from.

Every response the browser receives while loading a page (until the network is idle) is counted at
its body's size, and again gzipped at level 6 as a typical web server would send it. The framework
data is counted on its own, wherever it arrives: the script every assessment page loads it from
(assets/framework/framework-data.js), and any embedded in the page's own HTML (the JSON
<script id="cif-framework">, as older builds did), which is split from the rest of the HTML.
Headers are not counted.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Response
from playwright.sync_api import Error as PlaywrightError

from mkdocs_framework.data import STEPS_DATA_SCRIPT

THEME = "theme"
OUR_CSS = "our CSS"
OUR_JS = "our JS"
DATA = "framework data"
HTML = "HTML rest"
SEARCH = "search"
OTHER = "other"
CATEGORIES = (HTML, DATA, THEME, OUR_CSS, OUR_JS, SEARCH, OTHER)

OUR_ASSETS = "assets/framework/"
ON_FIRST_USE = "assets/framework/assess-more.js"
"""The form's script for export, import, comparison and sharing, loaded only when first used."""
ON_FIRST_USE_KIND = "assessment, later on first use of export, import, comparison or sharing"
SITE_CSS = "assets/site.css"
FRAMEWORK_DATA_SCRIPT = OUR_ASSETS + STEPS_DATA_SCRIPT
"""The framework data of every assessment page (data.py framework_script): counted as data, not our JS."""
_FRAMEWORK_DATA = re.compile(r'(<script\b[^>]*\bid="cif-framework"[^>]*>)(.*?)(</script>)', re.S)


def gzipped_size(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def classify(path: str) -> str:
    """Return the category of a file of the site, by its path relative to the site's root."""
    if path == FRAMEWORK_DATA_SCRIPT:
        return DATA
    if (path.startswith(OUR_ASSETS) and path.endswith(".css")) or path == SITE_CSS:
        return OUR_CSS
    if path.startswith(OUR_ASSETS) and path.endswith(".js"):
        return OUR_JS
    if path.startswith(("assets/javascripts/", "assets/stylesheets/")):
        return THEME
    if path.startswith("search/"):
        return SEARCH
    if path.endswith(".html") or path.endswith("/") or path == "":
        return HTML
    return OTHER


def split_embedded_data(html: bytes) -> tuple[bytes, bytes]:
    """Return (the page without its embedded framework data, the data), splitting at the JSON element."""
    text = html.decode("utf-8")
    match = _FRAMEWORK_DATA.search(text)
    if not match:
        return html, b""
    rest = text[: match.start(2)] + text[match.end(2) :]
    return rest.encode("utf-8"), match.group(2).encode("utf-8")


@dataclass
class Part:
    size: int = 0
    gzipped: int = 0
    files: int = 0

    def add(self, body: bytes, count: bool = True) -> None:
        self.size += len(body)
        self.gzipped += gzipped_size(body) if body else 0
        self.files += 1 if count else 0


@dataclass
class PageWeight:
    """The bytes one page load transferred, by category, and the files behind them."""

    page: str
    parts: dict[str, Part] = field(default_factory=lambda: {name: Part() for name in CATEGORIES})
    files: list[tuple[str, str, int]] = field(default_factory=list)
    """(path, category, bytes) of every response."""

    @property
    def total(self) -> int:
        return sum(part.size for part in self.parts.values())

    @property
    def total_gzipped(self) -> int:
        return sum(part.gzipped for part in self.parts.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "page": self.page,
            "total": self.total,
            "total_gzipped": self.total_gzipped,
            "parts": {name: vars(part) for name, part in self.parts.items()},
            "files": [{"path": p, "category": c, "bytes": b} for p, c, b in self.files],
        }


def weigh(page: str, responses: list[tuple[str, bytes]]) -> PageWeight:
    """Split the responses of one page load ((path relative to the site root, body) pairs)."""
    weight = PageWeight(page)
    for path, body in responses:
        category = classify(path)
        weight.files.append((path, category, len(body)))
        if path == page:
            rest, data = split_embedded_data(body)
            weight.parts[HTML].add(rest)
            if data:
                weight.parts[DATA].add(data, count=False)
        else:
            weight.parts[category].add(body)
    return weight


def load_responses(browser: Browser, base_url: str, page: str) -> list[tuple[str, bytes]]:
    """Load a page in a fresh browser context; return (path, body) of every response, in order."""
    context = browser.new_context()
    seen: list[Response] = []

    def record(response: Response) -> None:
        seen.append(response)

    context.on("response", record)
    try:
        tab = context.new_page()
        tab.goto(base_url + page, wait_until="load")
        tab.wait_for_load_state("networkidle")
        responses: list[tuple[str, bytes]] = []
        for response in seen:
            if not response.url.startswith(base_url) or response.status >= 300:
                continue
            path = urlsplit(response.url).path.removeprefix(urlsplit(base_url).path)
            try:
                responses.append((path, response.body()))
            except PlaywrightError:  # a body the browser has already discarded (rare): count it as empty
                responses.append((path, b""))
        return responses
    finally:
        context.close()
