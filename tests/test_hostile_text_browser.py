"""Text typed by someone else, shown on the shared-results and group pages (issue 17, items 8 and
9), in real Chromium: direction-control characters in a name must not reverse the site's own words
around it, and a file that is not UTF-8 is refused with a message that says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.helpers import REPO
from tests.test_group_browser import drop_files, export, open_group
from tests.test_share_browser import shared_url

# Right-to-left override, never closed: everything after it on the line would be shown backwards.
REVERSE = "\u202e"
CLOSED = "\u202c"
"""The pop mark the page adds inside a name's isolation to close the override it leaves open."""


@pytest.fixture(scope="module")
def fw() -> dict[str, Any]:
    return framework_data(load_framework(REPO / "framework.yml", REPO / "content"))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    created = browser.new_context(viewport={"width": 1280, "height": 900})
    yield created
    created.close()


def reads_forwards(page: Page, selector: str, word: str) -> bool:
    """Whether `word`, inside the element, is drawn left to right: its first letter left of its last."""
    result = page.evaluate(
        """([selector, word]) => {
            const root = document.querySelector(selector);
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(word);
                if (at < 0) continue;
                const box = (i) => {
                    const r = document.createRange();
                    r.setStart(node, i);
                    r.setEnd(node, i + 1);
                    return r.getBoundingClientRect();
                };
                return box(at).left < box(at + word.length - 1).left;
            }
            return null;
        }""",
        [selector, word],
    )
    assert result is not None, f"{word!r} not found in {selector}"
    return bool(result)


def test_a_name_with_direction_controls_does_not_reverse_the_shared_page(
    context: BrowserContext, built_site: Path, fw: dict[str, Any]
) -> None:
    data = {
        "f": fw["id"],
        "v": fw["version"],
        "n": f"Review {REVERSE}one",
        "u": f"Anyshire {REVERSE}council",
        "d": "2026-10-01",
        "l": [lv["id"] for lv in fw["levels"]],
        "a": {c["id"]: [3] for c in fw["dimensions"][0]["criteria"]},
    }
    page = context.new_page()
    page.goto(shared_url(built_site, data))
    meta = page.locator(".cif-shared__meta")
    expect(meta).to_contain_text("version")
    # The site's own words after the authority's name read as they should.
    assert reads_forwards(page, ".cif-shared__meta", "October")
    assert reads_forwards(page, ".cif-shared__meta", "version")
    assert reads_forwards(page, ".cif-shared__title", "Results")
    # The names are still shown as typed, the override they leave open closed inside their isolation.
    expect(page.locator(".cif-shared__title")).to_have_text(f"Results: Review {REVERSE}one{CLOSED}")
    expect(meta).to_contain_text(f"Anyshire {REVERSE}council{CLOSED}")


def test_a_name_with_direction_controls_does_not_reverse_the_group_page(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    text = json.loads(export(fw, f"Borsetshire {REVERSE}county", 2))
    text["assessment"]["name"] = f"Baseline {REVERSE}autumn"
    path = tmp_path / f"file {REVERSE}name.json"
    path.write_text(json.dumps(text), encoding="utf-8")
    page, _ = open_group(context, built_site)
    drop_files(page, [path])
    expect(page.locator(".cif-profile")).to_have_count(1)
    assert reads_forwards(page, ".cif-profile__meta", "answered")
    assert reads_forwards(page, ".cif-profile__table caption", "Score")
    assert reads_forwards(page, ".cif-group-file__detail", "from the file")
    expect(page.locator(".cif-profile__title")).to_have_text(f"Borsetshire {REVERSE}county{CLOSED}")


def test_a_file_that_is_not_utf8_is_refused_on_the_group_page(
    context: BrowserContext, built_site: Path, fw: dict[str, Any], tmp_path: Path
) -> None:
    path = tmp_path / "latin1.json"
    # As a text editor saving in Windows-1252 would write it: é as the single byte 0xE9.
    path.write_bytes(export(fw, "Caf\u00e9shire", 2).replace("\\u00e9", "\u00e9").encode("latin-1"))
    page, _ = open_group(context, built_site)
    page.get_by_label("Choose files exported from the self-assessment form").set_input_files(str(path))
    problem = page.locator("#cif-group-problems li").filter(has_text="latin1.json")
    expect(problem).to_contain_text("not UTF-8 text")
    expect(page.locator(".cif-profile")).to_have_count(0)
