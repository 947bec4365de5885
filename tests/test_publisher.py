"""The site as its publisher and its readers meet it: contact details, the start page, the phase
banner, and the criteria caption on a phone."""

from __future__ import annotations

import io
import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from mkdocs_framework.publisher import details, statement
from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.helpers import REPO, run_mkdocs

CONTACT = {
    "organisation": "Example <b>Borough</b> Council",
    "email": "web.team@example.org",
    "phone": "0100 000 0000",
    "web_form": "https://example.org/contact-us",
    "response_time": "10 working days",
    "data_protection": "Our data protection officer: dpo@example.org",
}


def copy_of_real_site(root: Path, status: str, contact: dict[str, str] | None) -> Path:
    """The real site's sources with the framework's status changed, downloads off (faster), and
    the given contact details under extra: in mkdocs.yml. Returns its mkdocs.yml."""
    for folder in ("content", "overrides"):
        shutil.copytree(REPO / folder, root / folder)
    framework = (REPO / "framework.yml").read_text(encoding="utf-8")
    (root / "framework.yml").write_text(re.sub(r"(?m)^status: .*$", f"status: {status}", framework), encoding="utf-8")
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("pdf: on", "pdf: off").replace("offline_copy: true", "offline_copy: false")
    # The site's own publisher (mkdocs.yml extra: contact:) gives way to the details given here.
    text = re.sub(r"(?m)^  contact:\n(?:    .*\n)*", "", text)
    if contact is not None:
        lines = "".join(f"    {key}: {json.dumps(value)}\n" for key, value in contact.items())
        text = text.replace("\nextra:\n", "\nextra:\n  contact:\n" + lines, 1)
    config = root / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def built_with_status(tmp_path_factory: pytest.TempPathFactory, status: str) -> Path:
    """The real site with the framework's status changed and CONTACT as its publisher, built."""
    root = tmp_path_factory.mktemp(status)
    result = run_mkdocs(copy_of_real_site(root, status, CONTACT), root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_with_status(tmp_path_factory, "published")


@pytest.fixture(scope="module")
def draft_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_with_status(tmp_path_factory, "draft")


def open_page(browser: Browser, path: Path, width: int = 1280) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.as_uri())
    return page


@pytest.mark.parametrize("status", ["published", "draft", "withdrawn"])
def test_a_site_that_is_not_a_prototype_will_not_build_without_contact_details(tmp_path: Path, status: str) -> None:
    config = copy_of_real_site(tmp_path, status, {"organisation": "Example Council", "email": "  "})
    site = tmp_path / "site"
    result = run_mkdocs(config, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    line = next(n for n, text in enumerate(config.read_text().splitlines(), 1) if text.strip() == "contact:")
    assert f"mkdocs.yml, line {line}: field 'extra: contact' is missing" in result.stderr
    assert "a way to reach you (email, phone or web_form), response_time and data_protection" in result.stderr
    assert f"The framework's status is '{status}' (framework.yml, line " in result.stderr
    assert "extra:\n      contact:\n        organisation:" in result.stderr  # how to fix it
    assert not site.exists()  # no half-written site


def test_contact_details_of_the_wrong_kind_are_reported(tmp_path: Path) -> None:
    config = copy_of_real_site(tmp_path, "published", None)
    config.write_text(config.read_text().replace("\nextra:\n", "\nextra:\n  contact:\n    emial: a@example.org\n", 1))
    result = run_mkdocs(config, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "field 'extra: contact' has 'emial', which this site does not use" in result.stderr


def test_contact_details_appear_in_the_statement_the_notice_and_the_footer(
    browser: Browser, published_site: Path
) -> None:
    for name in ("accessibility.html", "privacy.html", "index.html", "framework/index.html"):
        page = open_page(browser, published_site / name)
        footer = page.locator(".md-footer .fw-footer-contact")
        # Text from mkdocs.yml is shown exactly as typed, never run as markup.
        expect(footer).to_contain_text("Published by Example <b>Borough</b> Council")
        expect(footer.get_by_role("link", name="web.team@example.org")).to_have_attribute(
            "href", "mailto:web.team@example.org"
        )
        expect(footer).to_contain_text("0100 000 0000")
        expect(footer.get_by_role("link", name="https://example.org/contact-us")).to_have_attribute(
            "href", "https://example.org/contact-us"
        )
        assert axe_violations(page) == [], name
        page.close()
    page = open_page(browser, published_site / "accessibility.html")
    section = page.locator(".fw-contact")
    expect(section).to_contain_text("Contact Example <b>Borough</b> Council:")
    expect(section.get_by_role("link", name="https://example.org/contact-us")).to_be_visible()
    expect(section).to_contain_text("We will reply within 10 working days.")
    page.close()
    page = open_page(browser, published_site / "privacy.html")
    expect(page.locator(".fw-contact").first).to_contain_text("Our data protection officer: dpo@example.org")
    expect(page.locator(".fw-contact").last).to_contain_text("web.team@example.org")
    page.close()


def test_the_prototype_says_plainly_that_the_publisher_sets_who_to_contact(browser: Browser, built_site: Path) -> None:
    page = open_page(browser, built_site / "accessibility.html")
    expect(page.locator(".fw-contact")).to_contain_text(
        "The council or organisation that publishes a copy of the site sets who to contact"
    )
    assert page.locator(".fw-footer-contact").count() == 0
    assert "@" not in page.locator(".md-content").inner_text()  # no made-up address
    assert axe_violations(page) == []
    page.close()


def banner(page: Page) -> str:
    box = page.locator(".fw-phase-banner")
    return box.inner_text() if box.count() else ""


def test_the_phase_banner_shows_while_prototype_or_draft_and_not_when_published(
    browser: Browser, built_site: Path, draft_site: Path, published_site: Path
) -> None:
    # The banner says the one statement of what the framework is (publisher.statement): its status,
    # version and publisher and the first paragraph of its status note.
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    publisher = details(REPO / "mkdocs.yml", yaml.safe_load((REPO / "mkdocs.yml").read_text())["extra"])
    shipped = statement(framework, publisher["organisation"])
    draft = statement(replace(framework, status="draft"), CONTACT["organisation"])
    for name in ("index.html", "framework/index.html", "assess/index.html", "privacy.html"):
        page = open_page(browser, built_site / name)
        assert " ".join(banner(page).split()) == f"PROTOTYPE {shipped} About the framework", name
        # At the top: above the page's heading, straight under the theme's header.
        heading = page.locator("h1").first.bounding_box()
        box = page.locator(".fw-phase-banner").bounding_box()
        assert heading and box and box["y"] < heading["y"]
        page.close()
        page = open_page(browser, draft_site / name)
        assert draft.startswith("Draft framework, version ")
        assert " ".join(banner(page).split()) == f"DRAFT {draft} About the framework", name
        if name == "index.html":
            assert axe_violations(page) == []
        page.close()
        page = open_page(browser, published_site / name)
        assert banner(page) == "", name
        page.close()


def test_the_home_page_is_a_start_page_whose_button_reaches_the_form(browser: Browser, built_site: Path) -> None:
    page = open_page(browser, built_site / "index.html")
    for heading in ("What you need", "How long it takes", "Other ways to use the framework"):
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    content = page.locator(".md-content")
    expect(content).to_contain_text("It is for leaders of children's services")
    expect(content.get_by_role("link", name="Read the guidance")).to_have_attribute("href", "framework/index.html")
    expect(content.get_by_role("link", name="Print the worksheets")).to_have_attribute("href", "worksheets/index.html")
    assert axe_violations(page) == []
    start = content.get_by_role("link", name="Start now")
    # Reached by keyboard, like every other control, before the sections that follow it.
    start.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/assess/index.html")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Score")
    page.close()
    for width in (320, 1280):
        page = open_page(browser, built_site / "index.html", width)
        assert page.locator(".md-content").get_by_role("link", name="Start now").is_visible()
        page.close()


WORDS_PER_LINE = """
el => {
  const lines = new Map();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const top = Math.round(range.getClientRects()[0].top);
      lines.set(top, (lines.get(top) || 0) + 1);
    }
  }
  return [...lines.entries()].sort((a, b) => a[0] - b[0]).map(entry => entry[1]);
}
"""


def test_the_criteria_caption_keeps_at_least_three_words_a_line_on_a_phone(browser: Browser, built_site: Path) -> None:
    first = yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))["dimensions"][0]["id"]
    page = open_page(browser, built_site / "framework" / f"{first}.html", 320)
    counts: list[int] = page.locator("table.fw-matrix caption").evaluate(WORDS_PER_LINE)
    assert len(counts) >= 1 and all(count >= 3 for count in counts[:-1]), counts
    assert sum(counts) == len(page.locator("table.fw-matrix caption").inner_text().split())
    assert axe_violations(page) == []
    page.close()


def test_printed_statement_gives_the_contact_form_address_once(browser: Browser, published_site: Path) -> None:
    page = open_page(browser, published_site / "accessibility.html")
    pdf = page.pdf(format="A4")
    page.close()
    text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)
    assert re.sub(r"\s+", "", text).count("https://example.org/contact-us") == 1
    assert "Contact Example <b>Borough</b> Council:" in text
