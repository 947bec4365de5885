"""The form in steps, in real Chromium, used as a person uses it: one dimension per step, a
progress indicator that stays in view, Save and continue, the hub's section status, deep links from
the guidance pages, and Check your answers with its Change links.

Every test starts from a fresh browser context (empty localStorage) on the real built site, opened
from disk (file://).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.helpers import answer


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900})
    yield created
    created.close()


def open_page(context: BrowserContext, site: Path, address: str) -> Page:
    """Open a page of the form, fail on any script error, and wait for the form to start."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    page.goto((site / address).as_uri())
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    assert errors == []
    return page


def test_answer_chooses_the_option_by_its_words(context: BrowserContext, built_site: Path) -> None:
    page = open_page(context, built_site, "assess/index.html")
    answer(page, "purpose-outcomes-link", "Developing")
    answer(page, "purpose-inventory", "Not sure yet")
    expect(page.locator("#answer-purpose-outcomes-link-developing")).to_be_checked()
    expect(page.locator("#answer-purpose-inventory-not-sure")).to_be_checked()
