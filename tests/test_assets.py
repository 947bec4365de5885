"""The scripts the site ships: one bundle per kind of page, minified, rebuilt only when changed."""

from __future__ import annotations

import gzip
import re
from importlib import resources
from pathlib import Path

import pytest

from mkdocs_framework import assets

SOURCES = resources.files("mkdocs_framework").joinpath("assets")


@pytest.fixture(autouse=True)
def fresh_process() -> None:
    """Each test starts as a new build process would: nothing minified yet in memory."""
    assets._memory.clear()


def test_every_script_module_is_in_a_bundle_and_every_bundle_module_exists() -> None:
    modules = {item.name for item in SOURCES.iterdir() if item.name.endswith(".js")}
    bundled = {name for names in assets.BUNDLES.values() for name in names}
    assert bundled == modules


def test_bundles_are_minified_and_the_form_loads_under_20_kb_gzipped(tmp_path: Path) -> None:
    shipped = assets.files(tmp_path)
    form = shipped["assets/framework/assess.js"]
    readable = sum(len(SOURCES.joinpath(name).read_bytes()) for name in assets.BUNDLES["assess.js"])
    assert len(form) < readable * 0.6
    assert b"/* Self-assessment" not in form, "comments are removed"
    assert len(gzip.compress(form, 6)) < 20_000
    assert "assets/framework/assess-page.js" not in shipped, "modules ship only in bundles"


def test_without_minifying_the_bundles_hold_the_modules_as_written(tmp_path: Path) -> None:
    shipped = assets.files(tmp_path, minify=False)
    form = shipped["assets/framework/assess.js"].decode()
    for name in assets.BUNDLES["assess.js"]:
        assert SOURCES.joinpath(name).read_text("utf-8") in form
    assert not any(tmp_path.iterdir()), "nothing is cached when nothing is minified"


def test_minified_modules_are_reused_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = assets.files(tmp_path)
    cached = sorted(tmp_path.iterdir())
    assert len(cached) == len({name for names in assets.BUNDLES.values() for name in names})
    assets._memory.clear()

    def no_minifying(name: str, source: str) -> str:
        raise AssertionError(f"{name} was minified again although it had not changed")

    monkeypatch.setattr(assets, "_minify", no_minifying)
    assert assets.files(tmp_path) == first


def test_a_script_the_minifier_cannot_read_is_named_with_its_line_and_what_to_do() -> None:
    with pytest.raises(assets.AssetError) as raised:
        assets._module("assess-example.js", "var total = [1, 2].reduce((a, b) => a + b, 0);\n", None, True)
    message = str(raised.value)
    assert message.startswith("plugins/mkdocs_framework/assets/assess-example.js: ")
    assert re.search(r"at 1:\d+", message)
    assert "ES5" in message and "minify_js" in message
