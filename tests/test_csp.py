"""Every page carries a Content-Security-Policy, and the site still works under it from disk.

The policy is a <meta> first in <head>; its script hashes are computed by the plugin when it builds
each page. Violations are collected in the page (an init script listens for them), so a script the
policy wrongly blocks fails the test by name.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from mkdocs_framework import csp
from tests.gates import FORM_PAGES, site_pages
from tests.helpers import first_step, search_site, settled

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sample})`);
});
"""
PAGES = (  # 404.html is left out: its addresses start at the server root, so it works only when served
    "index.html",
    "framework/index.html",
    *FORM_PAGES,
    "assess/report.html",
    "worksheets/index.html",
)


def policy_of(page: Path) -> str:
    found = META.search(page.read_text(encoding="utf-8"))
    assert found, f"{page} has no Content-Security-Policy"
    return html.unescape(found.group(1))


def watched(browser: Browser) -> tuple[Page, list[str]]:
    page = browser.new_page()
    page.add_init_script(LISTEN)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    return page, problems


def test_every_page_has_the_policy_before_any_script(built_site: Path) -> None:
    pages = [*site_pages(built_site), built_site / "404.html"]
    assert len(pages) > 10
    for path in pages:
        text = path.read_text(encoding="utf-8")
        rules = policy_of(path)
        for rule in ("object-src 'none'", "base-uri 'self'", "form-action 'none'", "default-src 'self' file:"):
            assert rule in rules, f"{path.name}: {rule} missing from {rules}"
        script_src = next(r for r in rules.split("; ") if r.startswith("script-src "))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        head = text[: text.index("</head>")]
        assert head.index("Content-Security-Policy") < head.index("<script"), f"{path.name}: a script comes first"
        for needed in csp.inline_script_hashes(text):
            assert needed in script_src, f"{path.name}: an inline script of the page is not allowed"


def test_site_works_from_disk_under_the_policy(browser: Browser, built_site: Path) -> None:
    page, problems = watched(browser)
    for name in PAGES:
        page.goto((built_site / name).as_uri())
        settled(page)  # scripts started on load (the form, the theme) have run
        assert page.evaluate("window.__violations") == [], name
    assert problems == []
    # The form's script ran: an answer is saved and still there after a reload.
    page.goto((built_site / first_step()).as_uri())
    page.locator("input.cif-radio__input").nth(2).check()
    expect(page.get_by_text("Saved on this device").first).to_be_visible()
    page.reload()
    expect(page.locator("input.cif-radio__input").nth(2)).to_be_checked()
    # The worksheet's print button was revealed by its script.
    page.goto((built_site / "worksheets" / "index.html").as_uri())
    assert page.get_by_role("button", name="Print all worksheets").is_visible()
    assert page.evaluate("window.__violations") == [] and problems == []
    page.close()


def test_search_works_from_disk_under_the_policy(browser: Browser, built_site: Path) -> None:
    """From disk the theme runs search in a frame written by the iframe-worker shim; the frame
    inherits the policy, so its inline script must be allowed by the page's hashes."""
    page, problems = watched(browser)
    page.goto((built_site / "framework" / "index.html").as_uri())
    search_site(page, "proportionate")
    assert page.locator(".md-search-result__item").count() >= 1
    frames = [frame for frame in page.frames if frame != page.main_frame]
    assert frames, "search did not run in the shim's frame"
    assert page.evaluate("window.__violations") == [] and problems == []
    page.close()


def test_the_policy_blocks_script_that_slips_into_a_page(browser: Browser, built_site: Path, tmp_path: Path) -> None:
    """Even if escaping ever slipped, markup in a page's text could not run."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    target = site / "framework" / "index.html"
    text = target.read_text(encoding="utf-8")
    slipped = (
        "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=1>"
        "<svg onload=window.__pwned=1></svg><a id=slip href='javascript:window.__pwned=1'>x</a>"
    )
    target.write_text(text.replace("</h1>", "</h1>" + slipped, 1), encoding="utf-8")
    page, _ = watched(browser)
    page.goto(target.as_uri())
    settled(page)
    page.locator("#slip").click()
    settled(page)  # the click's javascript: address would have run by now
    assert page.evaluate("'__pwned' in window") is False
    assert len(page.evaluate("window.__violations")) >= 3
    page.close()
