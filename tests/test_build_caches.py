"""What the build keeps between runs to stay fast under `mkdocs serve`, and that it never goes stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mkdocs_framework import validate
from mkdocs_framework.problems import FrameworkError
from mkdocs_framework.render import Renderer
from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES

SMALL = FIXTURES / "frameworks" / "small.yml"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    shutil.copy(SMALL, tmp_path / "framework.yml")
    return tmp_path


def test_a_framework_that_passed_the_schema_is_not_checked_against_it_again(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = site / "cache"
    first = load_framework(site / "framework.yml", site / "docs", cache)

    def schema_checked_again(*_: object) -> list[object]:
        raise AssertionError("the schema check ran again for a framework that had passed it")

    monkeypatch.setattr(validate, "schema_problems", schema_checked_again)
    assert load_framework(site / "framework.yml", site / "docs", cache) == first


def test_an_edited_framework_is_checked_against_the_schema_again(site: Path) -> None:
    cache = site / "cache"
    load_framework(site / "framework.yml", site / "docs", cache)
    text = (site / "framework.yml").read_text(encoding="utf-8")
    (site / "framework.yml").write_text(text.replace("title: Test framework", "titel: Test framework", 1), "utf-8")
    with pytest.raises(FrameworkError) as raised:
        load_framework(site / "framework.yml", site / "docs", cache)
    assert "titel" in raised.value.report()


def test_links_to_pages_are_checked_on_every_build_even_when_the_framework_is_unchanged(site: Path) -> None:
    cache = site / "cache"
    load_framework(site / "framework.yml", site / "docs", cache)
    (site / "docs" / "resources" / "guide.md").unlink()
    with pytest.raises(FrameworkError) as raised:
        load_framework(site / "framework.yml", site / "docs", cache)
    assert "resources/guide.md" in raised.value.report()


def test_compiled_templates_are_kept_and_an_edited_override_is_used_at_once(site: Path) -> None:
    framework = load_framework(site / "framework.yml", site / "docs")
    overrides = site / "overrides"
    overrides.mkdir()
    (overrides / "overview.md.j2").write_text("# First {{ framework.version }}\n", encoding="utf-8")
    compiled = site / "cache" / "templates"
    assert (
        Renderer(framework, extra_template_dirs=[overrides], bytecode_cache=compiled).overview().startswith("# First")
    )
    assert any(compiled.iterdir())

    (overrides / "overview.md.j2").write_text("# Second {{ framework.version }}\n", encoding="utf-8")
    overview = Renderer(framework, extra_template_dirs=[overrides], bytecode_cache=compiled).overview()
    assert overview.startswith("# Second")
