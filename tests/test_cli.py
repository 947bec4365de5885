"""The core runs without MkDocs: `python -m mkdocs_framework check|render`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.helpers import FIXTURES, REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", *args], capture_output=True, text=True, cwd=REPO, check=False
    )


def test_check_accepts_the_shipped_framework() -> None:
    result = run("check", "framework.yml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("framework.yml: OK.")
    assert "11 dimensions" in result.stdout


def test_check_reports_problems_and_fails() -> None:
    result = run("check", "tests/fixtures/bad/many-problems.yml", "--docs", "tests/fixtures/docs")
    assert result.returncode == 1
    assert result.stderr == (FIXTURES / "bad" / "many-problems.txt").read_text(encoding="utf-8")
    assert result.stdout == ""


def test_render_writes_the_generated_markdown(tmp_path: Path) -> None:
    result = run("render", "tests/fixtures/frameworks/small.yml", str(tmp_path), "--docs", "tests/fixtures/docs")
    assert result.returncode == 0, result.stderr
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.md"))
    assert written == [
        "assess/check.md",
        "assess/first-dimension.md",
        "assess/group.md",
        "assess/index.md",
        "assess/report.md",
        "assess/second-dimension.md",
        "assess/shared.md",
        "assess/team.md",
        "framework/changes.md",
        "framework/first-dimension.md",
        "framework/index.md",
        "framework/second-dimension.md",
        "worksheets/first-dimension.md",
        "worksheets/index.md",
        "worksheets/second-dimension.md",
    ]
    golden = REPO / "tests" / "golden" / "render" / "framework" / "index.md"
    assert (tmp_path / "framework" / "index.md").read_text(encoding="utf-8") == golden.read_text(encoding="utf-8")


def test_usage_error_is_explained() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr
