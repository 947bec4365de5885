"""Every kind of mistake in framework.yml gets one clear message listing every problem.

Golden files: tests/fixtures/bad/<case>.yml is the input, <case>.txt the exact report a person sees
from `python -m mkdocs_framework check`. Rewrite them with UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from mkdocs_framework import downloads
from mkdocs_framework.__main__ import main
from mkdocs_framework.problems import FrameworkError
from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES, REPO, assert_golden, make_site, run_mkdocs

BAD = FIXTURES / "bad"
PROBLEM_LINE = re.compile(r"^tests/fixtures/bad/[\w.-]+\.yml:\d+:\d+: ")
CASES = sorted(p.stem for p in BAD.glob("*.yml") if p.stem != "base")


def check_output(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", str(path.relative_to(REPO)), "--docs", str((FIXTURES / "docs").relative_to(REPO))])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def test_corpus_covers_at_least_fifteen_kinds_of_mistake() -> None:
    assert len(CASES) >= 15


def test_base_of_the_corpus_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = check_output(BAD / "base.yml", capsys)
    assert code == 0, output


@pytest.mark.parametrize("case", CASES)
def test_bad_framework_report(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = check_output(BAD / f"{case}.yml", capsys)
    assert code == 1
    assert "Traceback" not in output
    # Every problem names the file, line and column, and says how to fix it.
    problem_lines = [line for line in output.splitlines() if PROBLEM_LINE.match(line)]
    assert problem_lines, output
    assert output.count("Fix: ") == len(problem_lines)
    assert_golden(output, BAD / f"{case}.txt")


def test_many_problems_are_all_listed_at_once(capsys: pytest.CaptureFixture[str]) -> None:
    _, output = check_output(BAD / "many-problems.yml", capsys)
    assert "has 4 problems" in output
    for clue in ("'beta' is not an allowed value", "framing_question", "'high'", "version: expected text"):
        assert clue in output


def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = check_output(BAD / "no-such-file.yml", capsys)
    assert code == 1
    assert "tests/fixtures/bad/no-such-file.yml:1:1: (top level): the framework file does not exist." in output


def test_alias_bomb_is_bounded(capsys: pytest.CaptureFixture[str]) -> None:
    code, output = check_output(BAD / "alias-bomb.yml", capsys)
    assert code == 1
    assert "expands to more than" in output


def test_build_stops_with_the_same_report_and_writes_nothing(tmp_path: Path) -> None:
    config = make_site(tmp_path, (BAD / "many-problems.yml").read_text(encoding="utf-8"))
    site = tmp_path / "site"
    result = run_mkdocs(config, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "framework.yml has 4 problems; nothing was built." in result.stderr
    assert "framework.yml:4:1: status: 'beta' is not an allowed value." in result.stderr
    assert not site.exists()


def test_build_with_missing_framework_file(tmp_path: Path) -> None:
    config = make_site(tmp_path, "")
    (tmp_path / "framework.yml").unlink()
    result = run_mkdocs(config, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "the framework file does not exist" in result.stderr
    assert "Check the plugin's 'framework' option in mkdocs.yml" in result.stderr


HOSTILE = (
    (BAD / "base.yml")
    .read_text(encoding="utf-8")
    .replace("title: Bad example", 'title: "Bad \\ud800 example"')
    .replace("title: Only dimension", 'title: "\\e[31mOnly\\0 dimension"')
    .replace("    title: One\n", '    title: "One\\x01"\n')
    .replace('version: "1.0"', "version: " + "9" * 4301)
    .replace("  - id: only\n", "  - id: [only]\n")
)
"""A framework with a surrogate half, control characters, a number too long to read and an id as a list."""


def test_build_with_pdfs_lists_every_hostile_value_in_one_error(tmp_path: Path) -> None:
    config = make_site(tmp_path, HOSTILE)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"] = ["search", {"framework": {"pdf": "on"}}]
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    result = run_mkdocs(config, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("ERROR") == 1, result.stderr
    assert "framework.yml has 5 problems; nothing was built." in result.stderr
    for where in (
        "framework.yml:2:13: title: character 5 of this text is half of a surrogate pair (U+D800)",
        "framework.yml:3:10: version: this number is too long to be read (4,301 digits).",
        "framework.yml:14:5: dimensions[0].id: expected text but found a list.",
        "framework.yml:15:13: dimensions[0].title: character 1 of this text is the control character U+001B (ESC)",
        "framework.yml:22:20: dimensions[0].criteria[0].title: character 4 of this text is the control character "
        "U+0001,",
    ):
        assert where in result.stderr, where
    assert not (tmp_path / "site").exists()


def test_check_never_says_ok_about_text_it_cannot_print(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    framework = tmp_path / "framework.yml"
    framework.write_text(HOSTILE, encoding="utf-8")
    code = main(["check", str(framework)])
    output = capsys.readouterr()
    assert code == 1
    assert output.out == ""
    assert "has 5 problems; nothing was built." in output.err


@pytest.mark.parametrize("record", ["", "{", '{"pages": "two"}', "[]", '{"path": "x.pdf"}'])
def test_a_damaged_pdf_cache_record_means_the_pdf_is_made_again(tmp_path: Path, record: str) -> None:
    """A half-written or hand-edited record in the PDF cache is no reason for a build to stop."""
    source = downloads.PdfSource("worksheets/one.pdf", "<p>One \ud800</p>")  # a surrogate half hashes too
    pdf_file, meta_file = downloads._cache_files(source, tmp_path)
    pdf_file.write_bytes(b"%PDF-1.7 cached")
    meta_file.write_text(record, encoding="utf-8")
    found, missing = downloads.cached_pdfs([source], tmp_path)
    assert (found, missing) == ({}, [source])
    meta_file.write_text('{"pages": 2, "path": "worksheets/one.pdf"}', encoding="utf-8")
    assert downloads.cached_pdfs([source], tmp_path) == ({"worksheets/one.pdf": (b"%PDF-1.7 cached", 2)}, [])


@pytest.mark.parametrize(
    ("heading", "message"),
    [
        (
            b"# Guide \x1b[2J\n",
            "the title of the page 'resources/guide.md' (its first heading): character 7 of this text is the control "
            "character U+001B (ESC), which a page cannot show.",
        ),
        (
            b"# Guide \xff\n",
            "the page 'resources/guide.md' is not UTF-8 text (byte 8 cannot be read), so its title cannot be read.",
        ),
    ],
)
def test_a_resource_page_whose_title_cannot_be_shown_is_named(tmp_path: Path, heading: bytes, message: str) -> None:
    """A link without a title takes its page's first heading: one that cannot be read or shown is refused."""
    docs = tmp_path / "docs"
    (docs / "resources").mkdir(parents=True)
    (docs / "resources" / "guide.md").write_bytes(heading)
    framework = tmp_path / "framework.yml"
    base = (BAD / "base.yml").read_text(encoding="utf-8")
    framework.write_text(base + "    resources:\n      - page: resources/guide.md\n", encoding="utf-8")
    with pytest.raises(FrameworkError) as raised:
        load_framework(framework, docs)
    [problem] = raised.value.problems
    line = base.count("\n") + 2
    assert (problem.line, problem.column, problem.message) == (line, 9, message)
    assert problem.fix.endswith("or give this link a 'title:' of its own.")
