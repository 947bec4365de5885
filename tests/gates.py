"""Quality gates over a whole built site, as plain functions that return what they found.

Each gate is used twice by the tests: on the real site (expecting nothing) and on a fixture site
with a deliberate defect (expecting that defect), so we know each gate can fail.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import Page

from tests.helpers import first_step

FORM_PAGES = (
    "assess/index.html",
    first_step(),
    "assess/check.html",
    "assess/group.html",
    "assess/shared.html",
    "assess/team.html",
)
"""The pages of the form the gates and the policy's test open: its hub, a step, Check your answers,
and the group, shared and team pages."""

# --- links -----------------------------------------------------------------------------------


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key) and (key == "id" or tag == "a"):
                self.ids.add(str(values[key]))
        for key in ("href", "src"):
            if values.get(key) is not None and not (tag == "link" and values.get("rel") in ("canonical",)):
                self.links.append((tag, str(values[key])))


@functools.cache
def _parse(path: Path) -> _LinkParser:
    parser = _LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of a built site, except MkDocs' 404 page."""
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def broken_links(site: Path) -> list[str]:
    """Return 'page: link' for each internal link or anchor that leads nowhere."""
    _parse.cache_clear()
    problems = []
    for page in sorted(site.rglob("*.html")):
        for _tag, link in _parse(page).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:", "javascript:")):
                continue
            if not parts.path:
                target = page
            elif parts.path.startswith("/"):  # the 404 page links from the site's root
                target = site / unquote(parts.path).lstrip("/")
            else:
                target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site)}: {link}"
            if not target.exists():
                problems.append(f"{where} (no such file)")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
                problems.append(f"{where} (no element with id '{parts.fragment}')")
    return problems


# --- serving a site and visiting its pages ---------------------------------------------------


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 for the duration (with handler, a QuietHandler by default); yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class PageWatch:
    """Records what a page does while it is open: requests, failures and console errors."""

    def __init__(self, page: Page, origin: str) -> None:
        self.origin = origin
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: self.failed.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _request(self, request: object) -> None:
        url = str(getattr(request, "url", ""))
        if not (url.startswith(self.origin) or url.startswith(("data:", "blob:", "about:"))):
            self.foreign.append(url)


def horizontal_overflow(page: Page) -> int:
    """Return how many CSS pixels the page is wider than the window (0 when it reflows)."""
    result: int = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    return max(0, result)


# --- keyboard --------------------------------------------------------------------------------

_MARK_FOCUSABLE = """() => {
  // Anything a person can operate, including fake controls that forgot to be focusable.
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex], '
    + '[role=button], [role=link], [onclick]';
  const all = Array.from(document.querySelectorAll(selector));
  const labels = [];
  const radioGroups = new Map();  // Tab reaches one radio of a group; the arrow keys move within it
  for (const el of all) {
    if (el.disabled || el.getAttribute('tabindex') === '-1' || el.closest('[inert], [hidden]')) continue;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    if (s.visibility === 'hidden' || s.display === 'none' || (r.width === 0 && r.height === 0)) continue;
    if (!el.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    let collapsed = false;
    for (let a = el.parentElement; a; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (as.overflow !== 'visible' && a.getBoundingClientRect().height < 1) { collapsed = true; break; }
    }
    if (collapsed) continue;
    const group = el.type === 'radio' && el.name ? (el.form ? el.form.id : '') + '/' + el.name : null;
    if (group && radioGroups.has(group)) { el.dataset.kbIndex = String(radioGroups.get(group)); continue; }
    const index = labels.length;
    if (group) radioGroups.set(group, index);
    el.dataset.kbIndex = String(index);
    labels.push((el.textContent || el.getAttribute('aria-label') || el.name || el.tagName).trim().slice(0, 60));
  }
  return labels;
}"""

_FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const headerBottom = header ? header.getBoundingClientRect().bottom : 0;
  // A visually hidden control (such as the theme's colour-scheme switch) shows focus on its label.
  const next = el.nextElementSibling;
  const shown = s.opacity === '0' && next && next.tagName === 'LABEL' ? next : el;
  const ss = getComputedStyle(shown);
  const indicator = (ss.outlineStyle !== 'none' && parseFloat(ss.outlineWidth) > 0) || ss.boxShadow !== 'none'
    || ss.textDecorationLine.includes('underline');
  return {
    index: el.dataset.kbIndex === undefined ? null : Number(el.dataset.kbIndex),
    label: (el.textContent || el.getAttribute('aria-label') || el.name || el.tagName).trim().slice(0, 60),
    indicator,
    obscured: !(header && header.contains(el)) && r.top < headerBottom - 1 && r.bottom > 0,
    fixed: s.position === 'fixed' || !!el.closest('.md-header, .md-sidebar, [role=dialog], dialog'),
  };
}"""


_FOCUS_END_OF_PAGE = """() => {
  const end = Object.assign(document.createElement('span'), {tabIndex: 0, id: 'kb-end'});
  document.body.appendChild(end);
  end.focus();
}"""


@dataclass
class KeyboardReport:
    unreachable: list[str]
    no_visible_focus: list[str]
    hidden_under_header: list[str]


def tab_through(page: Page) -> KeyboardReport:
    """Press Tab through the whole page; report what could not be reached or seen when focused."""
    labels: list[str] = page.evaluate(_MARK_FOCUSABLE)
    reached: set[int] = set()
    no_focus: list[str] = []
    obscured: list[str] = []
    # Forwards from the top, then backwards from the bottom: going back up is when a sticky header
    # is most likely to cover the element that receives focus.
    for key, start in (("Tab", "0"), ("Shift+Tab", "document.documentElement.scrollHeight")):
        page.evaluate(
            f"() => {{ document.activeElement && document.activeElement.blur(); window.scrollTo(0, {start}); }}"
        )
        if key == "Shift+Tab":
            page.evaluate(_FOCUS_END_OF_PAGE)
        seen: set[int] = set()
        for _ in range(len(labels) * 2 + 20):
            page.keyboard.press(key)
            state = page.evaluate(_FOCUS_STATE)
            if state is None:
                continue
            if state["index"] is not None:
                if state["index"] in seen:
                    break
                seen.add(state["index"])
                reached.add(state["index"])
            if not state["indicator"]:
                no_focus.append(state["label"])
            if state["obscured"] and not state["fixed"]:
                obscured.append(state["label"])
        page.evaluate("() => { const end = document.getElementById('kb-end'); end && end.remove(); }")
    unreachable = [label for i, label in enumerate(labels) if i not in reached]
    return KeyboardReport(unreachable, sorted(set(no_focus)), sorted(set(obscured)))
