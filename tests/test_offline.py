"""The built site works when opened from disk (file://): pages, search and the scoring form."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.gates import site_pages
from tests.helpers import first_step, search_site


def test_every_page_renders_from_disk(browser: Browser, built_site: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    for html in site_pages(built_site):
        page.goto(html.as_uri())
        assert page.locator("article h1").first.is_visible(), html
        assert page.locator("link[rel=stylesheet]").count() > 0
        # The theme's stylesheet applied: the header is laid out as a bar, not as plain text.
        assert page.locator(".md-header").evaluate("el => getComputedStyle(el).position") == "sticky", html
    assert errors == []
    page.close()


def test_search_works_from_disk(browser: Browser, built_site: Path) -> None:
    page = browser.new_page()
    page.goto((built_site / "index.html").as_uri())
    search_site(page, "proportionate")
    results = page.locator(".md-search-result__item")
    assert results.count() >= 1
    assert "matching document" in page.locator(".md-search-result__meta").inner_text()
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    # The result opens the page from disk, with the search words highlighted.
    assert page.url.startswith("file://") and ".html" in page.url
    assert page.locator("article h1").first.is_visible()
    assert page.locator("article mark").count() >= 1
    page.close()


def test_scoring_form_saves_and_restores_answers_from_disk(browser: Browser, built_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    form = built_site / first_step()
    page.goto(form.as_uri())
    first = page.locator("input.cif-radio__input").nth(2)  # the third option of the first criterion
    first.check()
    expect(page.get_by_text("Saved on this device").first).to_be_visible()
    page.reload()
    expect(page.locator("input.cif-radio__input").nth(2)).to_be_checked()
    context.close()
