"""The Content-Security-Policy every page carries, as a <meta> element.

The site is static and may be opened from disk, so the policy cannot be a response header: it is a
<meta> placed first in <head>, before any script. Scripts may come only from the site itself, and
inline scripts only when their exact text was in the page when it was built (their SHA-256 hashes
are listed), so text that slips into a page as markup still cannot run. Nothing here imports MkDocs.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
SCRIPT_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
HAS_SRC = re.compile(r"\ssrc\s*=", re.I)
HEAD = re.compile(r"<head(?:\s[^>]*)?>(?:\s*<meta charset=[^>]*>)?", re.I)
JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}

# "file:" lets the site's own files load when it is opened from disk in browsers whose 'self' does
# not cover file: addresses; a page served over the web can never load a file: address anyway.
POLICY = (
    "default-src 'self' file:",
    "script-src 'self' file: {hashes}",
    "style-src 'self' file: 'unsafe-inline'",
    "img-src 'self' file: data: blob:",
    "font-src 'self' file: data:",
    "connect-src 'self' file:",
    "worker-src 'self' file: blob:",
    "frame-src 'self' file:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
)


def script_hash(text: str) -> str:
    """Return the CSP source expression that allows one inline script with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_script_hashes(html: str, extra: tuple[str, ...] = ()) -> list[str]:
    """Return the hashes of every inline script the page runs (data blocks such as JSON are not run)."""
    hashes: list[str] = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = SCRIPT_TYPE.search(attrs)
        if HAS_SRC.search(attrs) or (kind and kind.group(1).lower() not in JAVASCRIPT_TYPES):
            continue
        hashes.append(script_hash(match.group("body")))
    hashes.extend(script_hash(text) for text in extra)
    return sorted(set(hashes))


def policy(html: str, extra: tuple[str, ...] = ()) -> str:
    """Return the policy for one page: scripts from the site, and the page's own inline scripts."""
    hashes = " ".join(inline_script_hashes(html, extra))
    return "; ".join(part.format(hashes=hashes) for part in POLICY).replace(" ;", ";")


def with_policy(html: str, extra: tuple[str, ...] = ()) -> str:
    """Return the page with its policy first in <head>, after the character set (it covers only what follows it)."""
    head = HEAD.search(html)
    if head is None:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, extra)}">'
    return html[: head.end()] + "\n    " + meta + html[head.end() :]


WORKER_SHIM_DOCUMENT = re.compile(r"document\.write\(`<html><body><script>(?P<script>.*?)<\\/script>", re.S)
TEMPLATE_PART = re.compile(r"\$\{(\w+)\}")
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)


def _function_source(source: str, name: str) -> str | None:
    """Return the text of `function name(...){...}` in minified source, as String(function) gives it."""
    start = source.find(f"function {name}(")
    if start < 0:
        return None
    depth = 0
    for index in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[index], 0)
        if depth == 0:
            return source[start : index + 1]
    return None


@functools.lru_cache(maxsize=64)  # every page repeats it; the address differs only by the page's depth
def worker_shim_script(shim_source: str, worker_url: str) -> str | None:
    """Return the inline script the iframe-worker shim writes into its frame for one worker address.

    When the site is opened from disk the theme's search runs in a hidden frame that the shim
    (assets/vendor/iframe-worker/shim.js) writes; the frame inherits the page's policy, so its one
    inline script must be allowed by hash. Its text is the shim's template with the shim's two
    helper functions and the worker's address (the theme's relative address for this page)."""
    match = WORKER_SHIM_DOCUMENT.search(shim_source)
    if match is None:
        return None

    def fill(part: re.Match[str]) -> str:
        # A helper function's name stands for its text; the one other name is the worker's address.
        return _function_source(shim_source, part.group(1)) or worker_url

    return TEMPLATE_PART.sub(fill, match.group("script"))


def theme_worker_url(html: str) -> str | None:
    """Return the search worker's address the theme's configuration gives on this page."""
    found = CONFIG.search(html)
    if found is None:
        return None
    try:
        url = json.loads(found.group(1)).get("search")
    except (ValueError, AttributeError):
        return None
    return url if isinstance(url, str) else None


def page_with_policy(html: str, worker_shims: tuple[str, ...] = ()) -> str:
    """Return a built page with its policy, allowing the worker shim's frame script when the site has one."""
    url = theme_worker_url(html)
    extra = tuple(s for s in (worker_shim_script(shim, url) for shim in worker_shims) if s) if url else ()
    return with_policy(html, extra)


SHIM_PATH = "assets/vendor/iframe-worker/shim.js"
HAS_POLICY = re.compile(r"<meta\s+http-equiv=[\"']?Content-Security-Policy", re.I)


def secure_site(site: Path) -> int:
    """Give every page of a site built by a generator that runs no plugins (Zensical) its policy, as
    the plugin does for MkDocs and ProperDocs; return how many pages were given one. Pages that
    already carry a policy are left as they are, so running it twice changes nothing."""
    shim = site / SHIM_PATH
    shims = (shim.read_text(encoding="utf-8"),) if shim.is_file() else ()
    done = 0
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        if HAS_POLICY.search(html):
            continue
        secured = page_with_policy(html, shims)
        if secured != html:
            page.write_text(secured, encoding="utf-8")
            done += 1
    return done
