"""One lineage: the declared history resolved once (lineage.py), and the same answer from `diff`,
the "What changed" page and the form.

The golden chains are tests/fixtures/versions/chain-0.{1,2,3}.yml: a rename of a rename, a merge
after a rename, a split then a removal, and a level renamed in one step and a criterion in the next.
tests/fixtures/versions/chain-expected.json says where each old id leads; this file holds `diff` and
the page to it, and tests/js/migrate.test.mjs holds the form's migration to it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mkdocs_framework.diff import as_markdown, as_text
from mkdocs_framework.lineage import Destination, is_version, resolve, version_key
from mkdocs_framework.model import Revision
from mkdocs_framework.render import Renderer
from mkdocs_framework.validate import load_framework, schema
from tests.helpers import FIXTURES, GOLDEN, REPO, assert_golden

VERSIONS = FIXTURES / "versions"
EXPECTED: dict[str, Any] = json.loads((VERSIONS / "chain-expected.json").read_text(encoding="utf-8"))
OLD_VERSIONS = sorted(EXPECTED["ids"])


def chain(version: str) -> Any:
    return load_framework(VERSIONS / f"chain-{version}.yml")


def expectations(version: str) -> list[tuple[str, list[str], str]]:
    return [(old, entry["to"], entry["how"]) for old, entry in EXPECTED["ids"][version].items()]


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_golden_chains_in_the_lineage(version: str) -> None:
    route = resolve(chain("0.3")).route(version)
    assert route is not None
    for old, to, how in expectations(version):
        fate = route.fate(old)
        assert list(fate.ids) == to, old
        assert (fate.how if fate.destinations else "removed") == how, old
    assert {old: route.level(old) for old in EXPECTED["levels"][version]} == EXPECTED["levels"][version]


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_golden_chains_in_diff(version: str) -> None:
    old, new = chain(version), chain("0.3")
    text = as_text(old, new)
    assert_golden(text, GOLDEN / "diff" / f"chain-{version}-to-0.3.txt")
    assert_golden(as_markdown(old, new), GOLDEN / "diff" / f"chain-{version}-to-0.3.md")
    for old_id, to, how in expectations(version):
        line = next((line for line in text.splitlines() if f"{old_id} " in line or f"({old_id})" in line), "")
        if how == "same":
            assert not line, old_id
        elif how == "renamed":
            assert f"Renamed: {old_id} → {to[0]} " in line
        elif how == "removed":
            assert line.startswith("  - Removed: ") and f"({old_id}) (declared" in line
        else:
            assert f"{how.capitalize()}: " in line and f"({old_id}) into {', '.join(to)}" in line
    for old_level, new_level in EXPECTED["levels"][version].items():
        assert (f"Level {old_level} renamed to {new_level} " in text) == (old_level != new_level)
    assert "Added:" not in text  # nothing the history leads to is mistaken for new


def test_golden_chains_on_the_what_changed_page() -> None:
    framework = chain("0.3")
    page = Renderer(framework).changes()
    assert_golden(page, GOLDEN / "diff" / "chain-0.3-changes.md")
    lines = page.splitlines()
    current = {c.id: c.title for d in framework.dimensions for c in d.criteria}
    steps = {v: page.split(f"## From version {v} to")[1].split("\n## ")[0] for v in OLD_VERSIONS}
    for version in OLD_VERSIONS:
        for old_id, to, how in expectations(version):
            # The first step from this version that moves the id says where it leads now.
            later = [steps[v] for v in OLD_VERSIONS if v >= version]
            line = next((line for text in later for line in text.splitlines() if f"“{old_id}”" in line), "")
            if how == "same":
                assert not line, old_id
            elif how == "removed":
                assert (
                    line
                    == f"- Removed: “{old_id}”. Answers to it are kept in exports but no longer count towards results."
                )
            else:
                assert how in line.lower(), (version, old_id, line)
                for new_id in to:
                    assert f"criterion “{current[new_id]}” ({new_id})" in line, (version, old_id, line)
    assert "- Level renamed: “mid” is now “middle”." in lines


def test_what_changed_follows_a_rename_of_a_rename_to_the_current_id() -> None:
    page = Renderer(chain("0.3")).changes()
    assert (
        "- Renamed: “first-name” is now “second-name”, which later became criterion “Renamed twice” (third-name)."
        in page
    )
    assert "“half-dropped”, which was removed after version 0.2" in page


def test_cli_diff_of_a_chain_matches_the_golden_file() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs_framework",
            "diff",
            str(VERSIONS / "chain-0.1.yml"),
            str(VERSIONS / "chain-0.3.yml"),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "diff" / "chain-0.1-to-0.3.txt").read_text(encoding="utf-8")


# --- resolving ----------------------------------------------------------------------------------


def test_an_id_kept_by_a_later_split_is_not_moved_for_answers_made_after_it() -> None:
    """Each earlier version has its own route: 'whole' split into itself and 'extra' in 1.0 moves
    1.0 answers to both, but a 2.0 answer to 'whole' stays where it is."""
    framework = load_framework(VERSIONS / "v2.yml")
    history = (Revision("1.0", None, None, split=(("whole", ("whole-first", "whole-second")),)),)
    lineage = resolve(type(framework)(**{**framework.__dict__, "history": history}))
    assert lineage.versions == ("1.0", "2.0")
    route = lineage.route("1.0")
    assert route is not None
    assert route.fate("whole").destinations == (
        Destination("whole-first", "split"),
        Destination("whole-second", "split"),
    )
    assert route.fate("keep").ids == ("keep",)
    assert lineage.route("2.0") is None  # the current version: ids as they are
    assert lineage.route("3.0") is None  # newer
    assert lineage.route("0.5") is route  # undeclared and older: from the first declared after it


def test_one_version_format_from_the_schema() -> None:
    pattern = schema()["$defs"]["version"]["pattern"]
    assert pattern == "^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"
    assert [v for v in ("1", "1.0", "1.0.0", "1.0.0.0", "v1.0", "1.x", "") if is_version(v)] == ["1.0", "1.0.0"]
    assert version_key("1.10") > version_key("1.9")
    assert version_key("2.0") == version_key("2.0.0")


def check(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "framework.yml"
    path.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", "check", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )


@pytest.mark.parametrize("bad", ["1", "0.1.0.0"])
def test_a_version_in_another_format_is_reported_with_its_line_and_the_fix(tmp_path: Path, bad: str) -> None:
    text = (VERSIONS / "chain-0.3.yml").read_text(encoding="utf-8").replace('- version: "0.2"', f'- version: "{bad}"')
    result = check(tmp_path, text)
    assert result.returncode == 1
    assert re.search(
        rf"framework\.yml:18:\d+: history\[1\]\.version: '{re.escape(bad)}' is not in the right form", result.stderr
    )
    assert 'Fix: A version number such as "1.2" or "1.2.0", in quotes.' in result.stderr


def test_an_id_moved_twice_in_one_step_is_reported(tmp_path: Path) -> None:
    text = (VERSIONS / "chain-0.3.yml").read_text(encoding="utf-8")
    text = text.replace("removed: [half-dropped]", "removed: [half-dropped, part-b]")
    result = check(tmp_path, text)
    assert result.returncode == 1
    assert re.search(
        r"framework\.yml:23:\d+: history\[1\]\.removed\[1\]: 'part-b' is already merged in this entry\.", result.stderr
    )
    assert "Say once what happened to each id" in result.stderr
