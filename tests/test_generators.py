"""The site built by the generators besides MkDocs 1.6: ProperDocs (runs this plugin) and Zensical
(runs no plugins, so it builds what `python -m mkdocs_framework export` writes)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from mkdocs_framework.validate import load_framework
from tests.axe import axe_violations
from tests.gates import serve
from tests.helpers import REPO, answer, go_to_hub, search_site

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}


def built_pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in site.rglob("*.html")}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    # After the MkDocs build (built_site): both read and write the site's cache of worksheet PDFs,
    # and tests run in several processes at once.
    site = tmp_path_factory.mktemp("properdocs") / "site"
    result = subprocess.run(
        [str(BIN / "properdocs"), "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, built_site: Path) -> Path:
    # After the MkDocs build, as properdocs_site.
    folder = tmp_path_factory.mktemp("export") / "project"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", "export", str(REPO / "mkdocs.yml"), str(folder)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "zensical build" in result.stdout
    return folder


@pytest.fixture(scope="module")
def zensical_site(exported: Path) -> Path:
    result = subprocess.run(
        [str(BIN / "zensical"), "build", "--clean", "-f", str(exported / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=exported,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = exported / "site"
    secured = subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", "secure", str(site)], capture_output=True, text=True, check=False
    )
    assert secured.returncode == 0 and "Content-Security-Policy" in secured.stdout, secured.stderr
    return site


def answer_and_see_results(page: Page) -> None:
    """The form's smoke test, from its hub: answer two questions on the first step, see the score,
    reload, find them kept, and see the section's status on the hub and the answers on Check your
    answers. Leaves the page on the first step."""
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    dimension = framework.dimensions[0]
    expect(page.locator("#cif-results")).to_be_visible()
    for item, level in zip(dimension.criteria[:2], ("Developing", "Established"), strict=True):
        answer(page, item.id, level)
    expect(page.locator(".cif-save-status").first).to_contain_text("Saved on this device")
    expect(page.locator(f"[data-score-for='{dimension.id}']")).to_contain_text("Developing (level 2 of 5), from 2 of")
    page.reload()
    expect(page.locator(f"#answer-{dimension.criteria[1].id}-established")).to_be_checked()
    go_to_hub(page)
    expect(page.locator(f"[data-task-status='{dimension.id}']")).to_have_text(
        f"{len(dimension.criteria) - 2} criteria not answered"
    )
    page.get_by_role("link", name="Check your answers").click()
    expect(page.locator(f"[data-check-answer='{dimension.criteria[0].id}']")).to_have_text("Developing")
    page.goto(page.url.replace("check.html", f"{dimension.id}.html"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{dimension.number}. {dimension.title}")


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # The site's Content-Security-Policy applies (axe is run through Playwright, which it does not block),
    # so a script the policy would stop on any of the three builds is a failure.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            errors.append(message.text)

    opened.on("console", on_console)
    yield opened
    context.close()
    assert errors == []


# --- ProperDocs --------------------------------------------------------------------------------


def test_the_plugin_is_registered_for_properdocs_as_well_as_mkdocs() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        found = [e.value for e in entry_points(group=group) if e.name == "framework"]
        assert found == ["mkdocs_framework.plugin:FrameworkPlugin"], group


def test_properdocs_builds_the_same_pages_with_search_and_the_offline_copy(
    properdocs_site: Path, built_site: Path
) -> None:
    assert built_pages(properdocs_site) == built_pages(built_site)
    for path in ("search/search_index.js", "downloads/childrens-information-framework-offline.zip"):
        assert (properdocs_site / path).stat().st_size > 1000, path
    assert sorted(p.name for p in (properdocs_site / "worksheets").glob("*.pdf")) == sorted(
        p.name for p in (built_site / "worksheets").glob("*.pdf")
    )
    form = (properdocs_site / "assess" / "index.html").read_text(encoding="utf-8")
    assert 'id="cif-framework"' in form and "assets/framework/assess.js" in form
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    for name in [*(f"{d.id}.html" for d in framework.dimensions), "check.html"]:
        step = (properdocs_site / "assess" / name).read_text(encoding="utf-8")
        assert 'id="cif-framework"' in step and "assets/framework/assess-step.js" in step, name


def test_the_form_works_on_the_properdocs_build_from_disk(properdocs_site: Path, page: Page) -> None:
    page.goto((properdocs_site / "assess" / "index.html").as_uri())
    answer_and_see_results(page)
    assert axe_violations(page) == []


def test_search_works_from_disk_on_the_properdocs_build(properdocs_site: Path, page: Page) -> None:
    page.goto((properdocs_site / "index.html").as_uri())
    search_site(page, "outcomes")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


# --- Zensical ----------------------------------------------------------------------------------


def test_export_writes_every_generated_page_script_stylesheet_and_download(exported: Path, built_site: Path) -> None:
    docs = exported / "docs"
    markdown = {p.relative_to(docs).with_suffix(".html").as_posix() for p in docs.rglob("*.md")}
    assert markdown == built_pages(built_site) - {"404.html"}
    scripts = ("assess.js", "assess-step.js", "assess-more.js", "assess-group.js", "assess-shared.js")
    for name in (*scripts, "framework.css"):
        assert (docs / "assets" / "framework" / name).is_file(), name
    assert sorted(p.name for p in (docs / "worksheets").glob("*.pdf")) == sorted(
        p.name for p in (built_site / "worksheets").glob("*.pdf")
    )
    config = (exported / "mkdocs.yml").read_text(encoding="utf-8")
    first = load_framework(REPO / "framework.yml", REPO / "content").dimensions[0].id
    assert f"- framework/{first}.md" in config  # the framework section in the navigation
    assert "- framework:" not in config and "- offline" not in config


def test_mkdocs_without_the_plugin_builds_the_exported_project_strict(exported: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(exported / "mkdocs.yml"), "-d", str(tmp_path)],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "assess" / "index.html").is_file()


def test_export_explains_a_configuration_without_the_plugin(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - search\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", "export", str(config), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert result.returncode == 1
    assert "does not list 'framework'" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_zensical_publishes_every_page_with_the_navigation(zensical_site: Path, built_site: Path) -> None:
    assert built_pages(built_site) - {"404.html"} <= built_pages(zensical_site)
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    first = load_framework(REPO / "framework.yml", REPO / "content").dimensions[0].id
    assert f"framework/{first}.html" in home  # the generated section is in the navigation
    assert (zensical_site / "worksheets" / "all-worksheets.pdf").stat().st_size > 1000


def test_every_zensical_page_carries_the_policy_and_a_second_run_changes_nothing(zensical_site: Path) -> None:
    pages = sorted(zensical_site.rglob("*.html"))
    assert pages and all('http-equiv="Content-Security-Policy"' in p.read_text(encoding="utf-8") for p in pages)
    before = {p: p.read_bytes() for p in pages}
    again = subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", "secure", str(zensical_site)], capture_output=True, text=True
    )
    assert again.returncode == 0 and "Gave 0 pages" in again.stdout
    assert {p: p.read_bytes() for p in pages} == before


def test_secure_names_a_folder_that_is_not_a_built_site(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", "secure", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert str(tmp_path) in result.stderr and "no index.html" in result.stderr and "Traceback" not in result.stderr


def test_the_form_and_group_pages_work_on_the_zensical_build(zensical_site: Path, page: Page) -> None:
    with serve(zensical_site) as base:
        page.goto(base + "assess/index.html")
        answer_and_see_results(page)
        assert axe_violations(page) == []
        go_to_hub(page)
        assert axe_violations(page) == []
        framework = load_framework(REPO / "framework.yml", REPO / "content")
        for name in [*(f"{d.id}.html" for d in framework.dimensions), "check.html"]:
            assert (zensical_site / "assess" / name).is_file(), f"Zensical built assess/{name}"
        page.goto(base + "assess/group.html")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert axe_violations(page) == []


def test_the_search_dialog_has_a_name_in_the_mkdocs_and_properdocs_builds(
    built_site: Path, properdocs_site: Path, page: Page
) -> None:
    for site in (built_site, properdocs_site):
        page.goto((site / "index.html").as_uri())
        expect(page.get_by_role("dialog", name="Search", include_hidden=True)).to_have_count(1)
