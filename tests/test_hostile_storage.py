"""With site data blocked, no script on any page throws: the theme's as well as the site's own.

Blocking site data (a browser setting, or a policy on managed machines) makes every read of
localStorage and sessionStorage throw SecurityError. The form says it cannot save; nothing else
should show an error in the console.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.helpers import search_site, settled

SITE_DATA_BLOCKED = """
for (const name of ['localStorage', 'sessionStorage']) {
  Object.defineProperty(window, name, {
    get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
  });
}
"""
PAGES = (
    "index.html",
    "framework/index.html",
    "assess/index.html",
    "assess/group.html",
    "assess/shared.html",
    "assess/team.html",
    "assess/report.html",
    "worksheets/index.html",
    "glossary.html",
)


def test_no_uncaught_error_on_any_page_with_site_data_blocked(browser: Browser, built_site: Path) -> None:
    context = browser.new_context()
    context.add_init_script(SITE_DATA_BLOCKED)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error.message}"))
    for name in PAGES:
        page.goto((built_site / name).as_uri())
        settled(page)  # the page's scripts, the theme's and the site's, have run
    assert errors == []
    assert page.evaluate("(() => { try { localStorage; return 'open'; } catch { return 'blocked'; } })()") == "blocked"
    # Things the theme remembers: the colour scheme, and a search.
    page.goto((built_site / "framework" / "index.html").as_uri())
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", scheme or "")
    search_site(page, "proportionate")
    # The form still says that it cannot save.
    page.goto((built_site / "assess" / "index.html").as_uri())
    expect(page.get_by_role("alert").filter(has_text="Your answers are not being saved")).to_be_visible()
    assert errors == []
    context.close()
