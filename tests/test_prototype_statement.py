"""Honest everywhere (issue 29): while a framework is not published, every page, each worksheet
(printed and as a PDF), the printed board report (cover and every page's footer) and its Word file
carry one statement of what the framework is and who publishes it; a published framework carries
none of it.

The statement is worded once (publisher.statement, from framework.yml's status and status note
and mkdocs.yml's publisher). Fixture sites are used, so the shipped framework can change; one test
reads the shipped framework's own statement.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from playwright.sync_api import BrowserContext, Page, expect

from mkdocs_framework.publisher import details, statement
from mkdocs_framework.validate import load_framework
from tests.helpers import REPO, make_site, run_mkdocs, seed_storage, synthetic_framework

NOTE = (
    "This is an unofficial prototype, not the Example Project's framework: its levels are untested.\n"
    "A second paragraph, shown on the framework's own pages only."
)
STATEMENT = (
    "Prototype framework, version 1.0, published by Fixture council. "
    "This is an unofficial prototype, not the Example Project's framework: its levels are untested."
)
"""What the prototype fixture's outputs must all say, written out here so a reader sees it whole."""


def squash(text: str) -> str:
    """Text with every run of spaces and line breaks made one space (PDF text breaks lines anywhere)."""
    return re.sub(r"\s+", " ", text).strip()


def pdf_pages(path: Path) -> list[str]:
    """Each page's text of a PDF, as pdftotext reads it, spaces squashed."""
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [squash(page) for page in text.split("\f")[:-1]]


def build(root: Path, status: str, note: str) -> Path:
    """A fixture site of this status with the site's own theme overrides and the worksheet PDFs."""
    framework = synthetic_framework(dimensions=2, criteria=2)
    framework.update(status=status, status_note=note)
    config_file = make_site(root, framework)
    config: dict[str, Any] = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["plugins"] = ["search", {"framework": {"pdf": "required"}}]
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    site = root / "site"
    result = run_mkdocs(config_file, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def prototype_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("prototype"), "prototype", NOTE)


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("published"), "published", "Agreed by the fixture board in 2026.")


def built_pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    return pages


def page_text(path: Path) -> str:
    return squash(html.unescape(path.read_text(encoding="utf-8")))


def open_report(context: BrowserContext, site: Path) -> Page:
    """The board report of the fixture site with one assessment saved on the device."""
    page = context.new_page()
    page.goto((site / "assess" / "report.html").as_uri())
    record = {
        "id": "a-1",
        "frameworkId": "synthetic",
        "frameworkVersion": "1.0",
        "name": "Autumn review",
        "authority": "Northshire Council",
        "date": "2026-10-01",
        "created": "2026-10-01T09:00:00.000Z",
        "updated": "2026-10-01T09:00:00.000Z",
        "answers": {"d1-c1": "level-2", "d1-c2": "level-3", "d2-c1": "level-1"},
        "targets": {},
        "notes": {},
        "plan": {},
    }
    store = {"schemaVersion": 1, "assessments": {"a-1": record}}
    settings = {"schemaVersion": 1, "currentAssessment": "a-1"}
    seed_storage(page, {"cif:synthetic:assessments": json.dumps(store), "cif:synthetic:settings": json.dumps(settings)})
    expect(page.get_by_role("heading", name="Autumn review")).to_be_visible()
    return page


def printed_report(page: Page, folder: Path) -> list[str]:
    pdf = folder / "report.pdf"
    page.pdf(path=str(pdf), format="A4")
    return pdf_pages(pdf)


def word_file(page: Page) -> Any:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download as Word (.docx)").click()
    path = info.value.path()
    assert path is not None
    return docx.Document(str(path))


# --- The words, worded once ------------------------------------------------------------------


def test_the_statement_names_status_version_publisher_and_the_notes_first_paragraph(tmp_path: Path) -> None:
    framework = synthetic_framework()
    framework.update(status="prototype", version="1.0", status_note=NOTE)
    (tmp_path / "framework.yml").write_text(yaml.safe_dump(framework), encoding="utf-8")
    model = load_framework(tmp_path / "framework.yml", tmp_path)
    assert statement(model, "Fixture council") == STATEMENT
    assert statement(model) == STATEMENT.replace(", published by Fixture council", "")


def test_a_published_framework_has_no_statement(tmp_path: Path) -> None:
    framework = synthetic_framework()
    framework.update(status="published", status_note="This is an unofficial prototype.")
    (tmp_path / "framework.yml").write_text(yaml.safe_dump(framework), encoding="utf-8")
    assert statement(load_framework(tmp_path / "framework.yml", tmp_path), "Fixture council") == ""


def test_the_shipped_site_says_it_is_an_unofficial_prototype_by_its_publisher_not_the_projects() -> None:
    model = load_framework(REPO / "framework.yml", REPO / "content")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    publisher = details(REPO / "mkdocs.yml", config["extra"])["organisation"]
    words = statement(model, publisher)
    assert publisher and f"published by {publisher}" in words
    assert "unofficial prototype" in words.lower()
    assert "not the children's information project's framework" in words.lower()
    assert "untested" in words.lower() or "not been tested" in words.lower()
    assert "unofficial prototype" in config["site_name"]


# --- A prototype says so everywhere -------------------------------------------------------------


def test_every_built_page_of_a_prototype_says_so_in_its_banner(prototype_site: Path) -> None:
    for path in built_pages(prototype_site):
        banner = re.search(r'<div class="fw-phase-banner".*?</div>', path.read_text(encoding="utf-8"), re.S)
        assert banner, f"{path.relative_to(prototype_site)} has no phase banner"
        assert STATEMENT in squash(html.unescape(banner.group(0))), path.relative_to(prototype_site)


def test_the_banner_is_printed(prototype_site: Path, context: BrowserContext, tmp_path: Path) -> None:
    page = context.new_page()
    page.goto((prototype_site / "framework" / "index.html").as_uri())
    pdf = tmp_path / "overview.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert STATEMENT in pdf_pages(pdf)[0]


def test_each_worksheet_and_its_pdf_say_so(prototype_site: Path) -> None:
    worksheets = prototype_site / "worksheets"
    pdfs = sorted(worksheets.glob("*.pdf"))
    assert [p.name for p in pdfs] == ["all-worksheets.pdf", "dimension-1.pdf", "dimension-2.pdf"]
    for pdf in pdfs:
        assert STATEMENT in " ".join(pdf_pages(pdf)), pdf.name
    # Printed from the browser, each worksheet carries it in its own body (the banner gives way).
    for name in ["dimension-1.html", "dimension-2.html"]:
        sheet = re.search(r'<section class="fw-worksheet".*?</section>', (worksheets / name).read_text("utf-8"), re.S)
        assert sheet and STATEMENT in squash(html.unescape(sheet.group(0))), name


def test_the_printed_report_says_so_on_its_cover_and_in_every_pages_footer(
    prototype_site: Path, context: BrowserContext, tmp_path: Path
) -> None:
    page = open_report(context, prototype_site)
    pages = printed_report(page, tmp_path)
    assert len(pages) >= 2
    assert "Autumn review" in pages[0] and STATEMENT in pages[0]
    for number, text in enumerate(pages, start=1):
        # Once in the footer of every page; the cover also has it in its body.
        assert text.count(STATEMENT) >= (2 if number == 1 else 1), f"page {number}: {text[:300]}"


def test_the_word_file_says_so_in_its_header_and_under_its_title(prototype_site: Path, context: BrowserContext) -> None:
    page = open_report(context, prototype_site)
    document = word_file(page)
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    assert header == STATEMENT
    assert not document.sections[0].header.is_linked_to_previous
    assert STATEMENT in [p.text for p in document.paragraphs[:3]]


# --- A published framework says none of it ------------------------------------------------------


def test_a_published_framework_shows_no_banner_or_statement_anywhere(published_site: Path) -> None:
    for path in built_pages(published_site):
        source = path.read_text(encoding="utf-8")
        assert "fw-phase-banner" not in source and "fw-statement" not in source, path.relative_to(published_site)
        assert "published by Fixture council" not in page_text(path)
    for pdf in sorted((published_site / "worksheets").glob("*.pdf")):
        assert "Fixture council" not in " ".join(pdf_pages(pdf)), pdf.name


def test_a_published_frameworks_report_and_word_file_say_none_of_it(
    published_site: Path, context: BrowserContext, tmp_path: Path
) -> None:
    page = open_report(context, published_site)
    assert "Fixture council" not in " ".join(printed_report(page, tmp_path))
    document = word_file(page)
    assert [p.text for p in document.sections[0].header.paragraphs if p.text] == []
    assert not any("Fixture council" in p.text for p in document.paragraphs)


# --- The about page -----------------------------------------------------------------------------


def test_the_about_page_says_who_wrote_the_site_cites_the_project_and_lists_what_is_whose() -> None:
    about = squash((REPO / "content" / "about.md").read_text(encoding="utf-8"))
    assert "## Who wrote this site" in (REPO / "content" / "about.md").read_text(encoding="utf-8")
    assert "unofficial prototype" in about and "not the Children's Information Project's framework" in about
    # The project's pages, by title, and its January 2026 report.
    for title in ('"Explore our Framework"', '"Report Summary"', '"Next Steps"', "(29 January 2026)"):
        assert title in about, title
    assert "In January 2026 the Rees Centre published the project's national report" in about
    # A dated list of what comes from the project and what is the site's own.
    assert re.search(r"This list was last checked on \d{1,2} [A-Z][a-z]+ 20\d\d", about)
    rows = re.findall(r"^\| (.+?) \| (.+?) \|$", (REPO / "content" / "about.md").read_text(encoding="utf-8"), re.M)
    whose = {part: source for part, source in rows}
    for part in ("The eight information use practices", "The two sets of system enablers", "The four core approaches"):
        assert any(p.startswith(part) and s.startswith("The project") for p, s in whose.items()), part
    for part in ("Framing questions", "Criteria, and the guidance", "The five levels"):
        assert any(p.startswith(part) and s.startswith("This site's own") for p, s in whose.items()), part
    # The project has published its structure, so the site no longer says its wording is unavailable.
    assert "not available" not in about
    assert "published the structure of its framework, but not criteria or level descriptors" in about
