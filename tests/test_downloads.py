"""Downloads produced by the build: worksheet PDFs (WeasyPrint) and the offline copy of the site."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, expect
from pypdf import PdfReader

from mkdocs_framework.downloads import build_date_text, human_size
from mkdocs_framework.model import Framework
from tests.helpers import REPO, first_step, make_site, search_site, synthetic_framework

ARTIFACTS = REPO / "test-artifacts" / "pdf"


def pdf_text_pages(path: Path) -> list[str]:
    """Each page's text in the order it is printed, so that the lines of a table cell stay together."""
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def squash(text: str) -> str:
    return "".join(text.split()).replace("-", "")


# --- PDFs ------------------------------------------------------------------------------------


def test_each_worksheet_pdf_is_a4_numbered_with_a_running_footer(built_site: Path, framework: Framework) -> None:
    made = build_date_text(datetime.date.today())
    for dimension in framework.dimensions:
        pdf = built_site / "worksheets" / f"{dimension.id}.pdf"
        reader = PdfReader(pdf)
        guided = any(criterion.guidance for criterion in dimension.criteria)  # how-to-judge adds a page
        assert 1 <= len(reader.pages) <= (3 if guided else 2), dimension.id
        for page in reader.pages:
            assert abs(float(page.mediabox.width) - 595.28) < 1 and abs(float(page.mediabox.height) - 841.89) < 1
        pages = pdf_text_pages(pdf)
        for number, text in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in text
            assert f"{framework.short_title}, version {framework.version} · made {made}" in text


def test_worksheet_pdfs_hold_real_text_of_every_criterion(built_site: Path, framework: Framework) -> None:
    for dimension in framework.dimensions:
        text = squash("".join(pdf_text_pages(built_site / "worksheets" / f"{dimension.id}.pdf")))
        for question in dimension.framing_questions:
            assert squash(question) in text
        for criterion in dimension.criteria:
            for descriptor in criterion.descriptors:
                assert squash(descriptor) in text, descriptor


def test_pack_pdf_has_a_cover_bookmarks_and_tags(built_site: Path, framework: Framework) -> None:
    pack = built_site / "worksheets" / "all-worksheets.pdf"
    reader = PdfReader(pack)
    singles = sum(len(PdfReader(built_site / "worksheets" / f"{d.id}.pdf").pages) for d in framework.dimensions)
    assert len(reader.pages) == 1 + singles
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    assert bookmarks == ["Self-assessment worksheets"] + [f"Worksheet: {d.title}" for d in framework.dimensions]
    catalog: Any = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/MarkInfo"]["/Marked"]  # tagged for assistive technology
    pages = pdf_text_pages(pack)
    assert "Local authority" in pages[0] and "People present" in pages[0]


def test_a_pdf_rendered_for_a_look(built_site: Path, framework: Framework) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = framework.dimensions[0].id
    pdf = built_site / "worksheets" / f"{name}.pdf"
    for earlier in ARTIFACTS.glob(f"look-{name}-*.png"):  # from an earlier run, perhaps of a longer PDF
        earlier.unlink()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(ARTIFACTS / f"look-{name}")], check=True)
    pngs = sorted(ARTIFACTS.glob(f"look-{name}-*.png"))
    assert len(pngs) == len(PdfReader(pdf).pages) >= 1


def test_pages_link_to_pdfs_with_true_size_and_page_count(built_site: Path, framework: Framework) -> None:
    for dimension in framework.dimensions:
        pdf = built_site / "worksheets" / f"{dimension.id}.pdf"
        expected = f"PDF, {len(PdfReader(pdf).pages)} pages, {human_size(pdf.stat().st_size)}"
        html = (built_site / "worksheets" / f"{dimension.id}.html").read_text(encoding="utf-8")
        assert f'<a href="{dimension.id}.pdf" download>Download worksheet ({expected})</a>' in html
    resources = (built_site / "resources" / "index.html").read_text(encoding="utf-8")
    assert 'href="../worksheets/all-worksheets.pdf"' in resources
    for dimension in framework.dimensions:
        assert f'href="../worksheets/{dimension.id}.pdf"' in resources


# --- when WeasyPrint cannot run --------------------------------------------------------------


def build_without_weasyprint(root: Path, mode: str) -> subprocess.CompletedProcess[str]:
    """Build a fixture site with pdf: <mode>, where importing WeasyPrint fails as it does without Pango."""
    config = make_site(root, synthetic_framework(dimensions=2))
    text = config.read_text(encoding="utf-8").replace("- framework", f"- framework:\n    pdf: {mode}")
    config.write_text(text, encoding="utf-8")
    fake = root / "fake-packages" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    env = {**os.environ, "PYTHONPATH": str(root / "fake-packages"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(root / "site")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_missing_pdf_engine_says_what_to_install_and_carries_on(tmp_path: Path) -> None:
    result = build_without_weasyprint(tmp_path, "on")
    assert result.returncode == 0, result.stderr
    assert "Worksheet PDFs were not made: WeasyPrint cannot load a system library" in result.stderr
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in result.stderr
    assert (tmp_path / "site" / "worksheets" / "dimension-1.html").exists()
    assert not list((tmp_path / "site").rglob("*.pdf"))
    assert "Download worksheet" not in (tmp_path / "site" / "worksheets" / "dimension-1.html").read_text()


def test_missing_pdf_engine_stops_the_build_when_pdfs_are_required(tmp_path: Path) -> None:
    result = build_without_weasyprint(tmp_path, "required")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Worksheet PDFs cannot be made: WeasyPrint cannot load a system library" in result.stderr


def test_pdfs_are_only_remade_when_what_they_show_changes(tmp_path: Path) -> None:
    data = synthetic_framework(dimensions=2)
    config = make_site(tmp_path, data)
    config.write_text(config.read_text().replace("- framework", "- framework:\n    pdf: required"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")]
    subprocess.run(command, check=True, capture_output=True, env=env)
    cache = tmp_path / ".cache" / "mkdocs-framework" / "pdf"
    first = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    assert len(first) == 3  # two dimensions and the pack

    subprocess.run(command, check=True, capture_output=True, env=env)
    assert {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")} == first  # nothing remade

    framework_file = tmp_path / "framework.yml"
    framework_file.write_text(framework_file.read_text().replace("Dimension number 2", "Renamed dimension"))
    subprocess.run(command, check=True, capture_output=True, env=env)
    after = {p.name: p.stat().st_mtime_ns for p in cache.glob("*.pdf")}
    assert len(set(after) - set(first)) == 2  # the renamed dimension's worksheet and the pack
    assert "Renamed dimension" in "".join(pdf_text_pages(tmp_path / "site" / "worksheets" / "dimension-2.pdf"))


# --- offline copy ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def unzipped(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    archive = next((built_site / "downloads").glob("*-offline.zip"))
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target


def test_home_page_links_the_offline_copy_with_its_size(built_site: Path) -> None:
    archive = next((built_site / "downloads").glob("*-offline.zip"))
    home = (built_site / "index.html").read_text(encoding="utf-8")
    link = re.search(
        r'<a href="(downloads/[^"]+\.zip)">Download the whole site for offline use</a> \(ZIP, '
        r'<span class="fw-offline-size">([^<]+)</span>\)',
        home,
    )
    assert link, "no offline-copy link on the home page"
    assert link.group(1) == f"downloads/{archive.name}"
    assert link.group(2) == human_size(archive.stat().st_size)


def test_offline_copy_holds_the_whole_site_but_not_itself_or_source_maps(built_site: Path, unzipped: Path) -> None:
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    copied = {p.relative_to(unzipped).as_posix() for p in unzipped.rglob("*") if p.is_file()}
    maps = {path for path in built if path.endswith(".map")}
    assert maps, "the theme ships source maps, which only developer tools read"
    assert built - copied == {f"downloads/{next((built_site / 'downloads').glob('*.zip')).name}"} | maps
    pdfs = sorted(path for path in copied if path.endswith(".pdf"))
    assert pdfs and all((unzipped / path).read_bytes() == (built_site / path).read_bytes() for path in pdfs)
    home = (unzipped / "index.html").read_text(encoding="utf-8")
    assert "This is the offline copy of this site" in home and ".zip" not in home


def test_offline_copy_works_from_disk_with_search(browser: Browser, unzipped: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((unzipped / "index.html").as_uri())
    search_site(page, "retention")
    page.locator(".md-search-result__item a").first.click()
    page.wait_for_load_state()
    assert page.url.startswith(unzipped.as_uri())
    expect(page.locator("article")).to_contain_text("retention", ignore_case=True)
    assert errors == []
    page.close()


def test_offline_copy_scoring_form_keeps_an_answer(browser: Browser, unzipped: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((unzipped / first_step()).as_uri())
    page.locator("input.cif-radio__input").nth(1).check()
    expect(page.get_by_text("Saved on this device").first).to_be_visible()
    page.reload()
    expect(page.locator("input.cif-radio__input").nth(1)).to_be_checked()
    context.close()
