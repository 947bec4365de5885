"""Framework versions: declared history, the diff command, the "What changed" page, and an
all-or-nothing build."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from mkdocs_framework.data import criterion_fingerprint, framework_data
from mkdocs_framework.validate import load_framework, schema
from tests.helpers import FIXTURES, GOLDEN, REPO, assert_golden, make_site, run_mkdocs, synthetic_framework

VERSIONS = FIXTURES / "versions"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", *args], capture_output=True, text=True, cwd=REPO, check=False
    )


@pytest.mark.parametrize(
    ("new", "golden"),
    [("v2.yml", "v1-to-v2"), ("v1.1-level-added.yml", "v1-to-v1.1")],
)
def test_diff_reports_what_changed_as_text_and_markdown(new: str, golden: str) -> None:
    text = run_cli("diff", str(VERSIONS / "v1.yml"), str(VERSIONS / new))
    assert text.returncode == 0, text.stderr
    assert_golden(text.stdout, GOLDEN / "diff" / f"{golden}.txt")
    markdown = run_cli("diff", str(VERSIONS / "v1.yml"), str(VERSIONS / new), "--markdown")
    assert_golden(markdown.stdout, GOLDEN / "diff" / f"{golden}.md")


def test_diff_names_every_kind_of_change() -> None:
    out = run_cli("diff", str(VERSIONS / "v1.yml"), str(VERSIONS / "v2.yml")).stdout
    for expected in (
        "Renamed: old-name → new-name",
        "Merged: Merged later, first part (part-one) into both-parts",
        "Split: Split later (whole) into whole-first, whole-second",
        "Removed: Removed later (dropped) (declared)",
        "Reworded: reword (Reworded later), at Low",
        "Added: New in version 2 (added) in Beta",
    ):
        assert expected in out
    assert "keep" not in out  # unchanged criteria are not mentioned


def test_diff_of_a_broken_file_reports_its_problems() -> None:
    result = run_cli("diff", str(VERSIONS / "v1.yml"), "tests/fixtures/bad/missing-field.yml")
    assert result.returncode == 1
    assert "the required field 'title' is missing" in result.stderr


def test_browser_data_carries_the_resolved_lineage_and_fingerprints() -> None:
    v2 = load_framework(VERSIONS / "v2.yml")
    data = framework_data(v2)
    assert "history" not in data  # the browser receives the history resolved, never to resolve itself
    lineage = data["lineage"]
    assert lineage["versions"] == ["1.0", "2.0"]
    assert lineage["versionPattern"] == schema()["$defs"]["version"]["pattern"]
    assert lineage["from"] == {
        "1.0": {
            "ids": {
                "old-name": {"to": [{"id": "new-name", "how": "renamed"}], "removedAfter": None},
                "part-one": {"to": [{"id": "both-parts", "how": "merged"}], "removedAfter": None},
                "part-two": {"to": [{"id": "both-parts", "how": "merged"}], "removedAfter": None},
                "whole": {
                    "to": [{"id": "whole-first", "how": "split"}, {"id": "whole-second", "how": "split"}],
                    "removedAfter": None,
                },
                "dropped": {"to": [], "removedAfter": "1.0"},
            },
            "levels": {},
        }
    }
    v1 = load_framework(VERSIONS / "v1.yml")
    fingerprints = {c["id"]: c["fingerprint"] for d in data["dimensions"] for c in d["criteria"]}
    old = {c.id: criterion_fingerprint(c) for d in v1.dimensions for c in d.criteria}
    assert fingerprints["keep"] == old["keep"]  # same wording, same fingerprint
    assert fingerprints["reword"] != old["reword"]
    assert fingerprints["new-name"] == old["old-name"]  # renamed, wording unchanged


def test_site_shows_what_changed_in_this_version(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_mkdocs(make_site(tmp_path, (VERSIONS / "v2.yml").read_text(encoding="utf-8")), site)
    assert result.returncode == 0, result.stderr
    text = re.sub(r"<[^>]+>", "", (site / "framework" / "changes.html").read_text(encoding="utf-8"))
    assert "From version 1.0 to 2.0" in text
    assert "Renamed: “old-name” is now criterion “Renamed later” (new-name)." in text
    assert "Merged: “part-one” and “part-two” became criterion “Merged from two” (both-parts)." in text
    assert "Split: “whole” became criterion “First half of the split” (whole-first) and" in text
    assert "Removed: “dropped”." in text
    assert "Criteria renamed, merged, split and removed after the pilot." in text


def test_first_version_says_there_is_nothing_to_compare(tmp_path: Path) -> None:
    config = make_site(tmp_path, synthetic_framework(dimensions=2))
    site = tmp_path / "site"
    assert run_mkdocs(config, site).returncode == 0
    html = (site / "framework" / "changes.html").read_text(encoding="utf-8")
    assert "It is the first version" in html


def test_the_shipped_sites_changes_page_explains_the_move_from_the_prototypes_first_version(
    built_site: Path,
) -> None:
    html = (built_site / "framework" / "changes.html").read_text(encoding="utf-8")
    assert "It is the first version" not in html
    assert "0.1.0" in html and "eight information use practices" in html


# --- all-or-nothing builds -------------------------------------------------------------------


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture
def good_site(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    config = make_site(tmp_path, synthetic_framework(dimensions=2))
    site = tmp_path / "site"
    assert run_mkdocs(config, site).returncode == 0
    return config, site, snapshot(site)


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


def test_broken_framework_leaves_the_previous_site_untouched(good_site: tuple[Path, Path, dict[str, bytes]]) -> None:
    config, site, before = good_site
    (config.parent / "framework.yml").write_text("id: [unclosed\n", encoding="utf-8")
    result = run_mkdocs(config, site)
    assert result.returncode != 0 and "YAML syntax error" in result.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_warning_in_strict_mode_leaves_the_previous_site_untouched(
    good_site: tuple[Path, Path, dict[str, bytes]],
) -> None:
    config, site, before = good_site
    (config.parent / "content" / "index.md").write_text("# Home\n\n[Broken](nowhere.md)\n", encoding="utf-8")
    result = run_mkdocs(config, site)
    assert result.returncode != 0 and "Aborted with 1 warnings in strict mode" in result.stdout + result.stderr
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_successful_build_replaces_the_site(good_site: tuple[Path, Path, dict[str, bytes]]) -> None:
    config, site, _before = good_site
    (config.parent / "content" / "index.md").write_text("# A new home page\n", encoding="utf-8")
    assert run_mkdocs(config, site).returncode == 0
    assert "A new home page" in (site / "index.html").read_text(encoding="utf-8")
    assert leftovers(site) == []


# --- hostile or accidental input -------------------------------------------------------------


def check(tmp_path: Path, text: str | bytes) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "framework.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return run_cli("check", str(path))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: !!python/object/apply:os.system ['echo owned']\n", "the YAML tag"),
        ("a: !custom {x: 1}\n", "the YAML tag '!custom' is not allowed"),
        ("a: &a [1]\n<<: *a\n", "YAML merge keys"),
        ("[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
        (b"id: caf\xe9\n", "not UTF-8 text"),
        ("x: " + "y" * 2_100_000 + "\n", "larger than 2 MB"),
    ],
)
def test_hostile_input_is_refused_with_a_clear_message(tmp_path: Path, text: str | bytes, message: str) -> None:
    result = check(tmp_path, text)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_markup_in_text_is_escaped_never_passed_into_pages(tmp_path: Path) -> None:
    data = synthetic_framework(dimensions=1)
    data["dimensions"][0]["summary"] = '<script>alert("x")</script> <img src=x onerror=alert(1)>'
    data["dimensions"][0]["criteria"][0]["descriptors"]["level-1"] = "<b>bold</b>"
    site = tmp_path / "site"
    assert run_mkdocs(make_site(tmp_path, data), site).returncode == 0
    html = (site / "framework" / "dimension-1.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert" in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    embedded = (site / "assess" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in embedded


def test_history_mistakes_are_reported_with_line_numbers(tmp_path: Path) -> None:
    text = (VERSIONS / "v2.yml").read_text(encoding="utf-8")
    text = text.replace("renamed: {old-name: new-name}", "renamed: {old-name: no-such-criterion}")
    text = text.replace('- version: "1.0"', '- version: "3.0"')
    result = check(tmp_path, text)
    assert result.returncode == 1
    assert re.search(r"framework\.yml:12:\d+: history\[0\]\.version: version 3\.0 is not older", result.stderr)
    assert re.search(
        r"framework\.yml:15:\d+: history\[0\]\.renamed\.old-name: there is no criterion or dimension "
        r"'no-such-criterion' in the next version",
        result.stderr,
    )


def test_shipped_fixture_versions_are_valid() -> None:
    for path in sorted(VERSIONS.glob("*.yml")):
        assert run_cli("check", str(path)).returncode == 0, path
    assert json.loads(json.dumps(framework_data(load_framework(VERSIONS / "v2.yml"))))  # serialisable
