"""A first visit to the form's hub, with nothing saved, loads only the hub's own script: the action
plan, export, sharing and the reminders to keep the work load on first use (ui/loader.mjs)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, expect

from mkdocs_framework.model import Framework
from tests.gates import serve
from tests.helpers import answer, settled


@pytest.fixture(scope="module")
def http_site(built_site: Path) -> Iterator[str]:
    with serve(built_site) as url:
        yield url.rstrip("/")


def scripts(requests: list[str]) -> list[str]:
    """The code bundles requested: not the framework's data (framework-data.js), which every
    assessment page loads once and the browser then keeps."""
    names = [url.rsplit("/", 1)[1] for url in requests if "/assets/framework/" in url and url.endswith(".js")]
    return [name for name in names if name != "framework-data.js"]


def test_a_first_visit_loads_only_the_hubs_script_and_the_plan_loads_when_reached(
    context: BrowserContext, http_site: str
) -> None:
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{http_site}/assess/index.html", wait_until="load")
    expect(page.locator("#cif-library")).to_be_visible()
    # The hub has started, drawn and gone idle (when first-use code would load), and the network is quiet.
    settled(page)
    page.wait_for_load_state("networkidle")
    assert scripts(requests) == ["assess.js"]
    assert sum(url.endswith("/framework-data.js") for url in requests) == 1, "the framework's data, once"

    # Reaching the action plan loads its code and shows it.
    with page.expect_request("**/assess-more.js"):
        page.locator("#action-plan").scroll_into_view_if_needed()
    expect(page.locator("#cif-plan")).to_be_visible()
    expect(page.locator("#cif-plan-body")).not_to_be_empty()
    assert scripts(requests) == ["assess.js", "assess-more.js"]


def test_with_answers_saved_the_plan_is_ready_without_scrolling(
    context: BrowserContext, http_site: str, framework: Framework
) -> None:
    page = context.new_page()
    page.goto(f"{http_site}/assess/index.html")
    answer(page, framework.dimensions[0].criteria[0].id, "Emerging")
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    with page.expect_request("**/assess-more.js"):
        page.goto(f"{http_site}/assess/index.html")
    expect(page.locator("#cif-plan-body")).to_contain_text("Emerging")
