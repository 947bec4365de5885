"""The core runs without MkDocs: `python -m mkdocs_framework check|render|export`.

Commands that write never write into, or delete, what they did not make: a folder must be new or
empty, or hold an earlier run's output (then only with --replace, which removes that run's files
and nothing else); a file or device where a folder is needed gets a message, not a traceback.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import FIXTURES, REPO, make_site, run_mkdocs, synthetic_framework


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", *args], capture_output=True, text=True, cwd=REPO, check=False
    )


def test_check_accepts_the_shipped_framework() -> None:
    result = run("check", "framework.yml")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("framework.yml: OK.")
    shipped = yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))
    assert f"{len(shipped['dimensions'])} dimensions" in result.stdout


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


# --- commands that write: never into what they did not make ---------------------------------


def run_in(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", *args], capture_output=True, text=True, cwd=cwd, check=False
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its content: what must still be there, unchanged."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small site with a git repository, a plugins/ and a tests/ folder of its own, as this one has."""
    root = tmp_path / "project"
    root.mkdir()
    make_site(root, synthetic_framework(levels=3, dimensions=3, criteria=1))
    (root / ".git" / "objects").mkdir(parents=True)
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / ".git" / "objects" / "history").write_bytes(b"every commit")
    for folder in ("plugins", "tests"):
        (root / folder).mkdir()
        (root / folder / "own.py").write_text("# someone's work\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("output", [".git", "plugins", "tests"])
def test_export_refuses_a_folder_of_the_project_and_deletes_nothing(project: Path, output: str) -> None:
    before = snapshot(project / output)
    result = run_in(project, "export", "mkdocs.yml", output)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{project / output}: this folder is not empty, and python -m mkdocs_framework did not write it" in (
        result.stderr
    )
    assert "nothing was written or deleted" in result.stderr
    assert snapshot(project / output) == before


def test_export_refuses_a_folder_outside_the_project_that_holds_other_files(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "photos"
    outside.mkdir()
    (outside / "holiday.jpg").write_bytes(b"\xff\xd8 a photo")
    for extra in ([], ["--replace"]):  # --replace replaces only what an earlier export wrote
        result = run_in(project, "export", "mkdocs.yml", str(outside), *extra)
        assert result.returncode == 1, extra
        assert "did not write it" in result.stderr and "Traceback" not in result.stderr
        assert snapshot(outside) == {"holiday.jpg": b"\xff\xd8 a photo"}


def test_export_or_render_to_an_existing_file_says_a_folder_is_needed(project: Path) -> None:
    readme = project / "README.md"
    readme.write_text("# Read me\n", encoding="utf-8")
    result = run_in(project, "export", "mkdocs.yml", "README.md")
    assert result.returncode == 1
    assert result.stderr == (
        f"{readme}: this is a file, and the export needs a folder; nothing was written. "
        "Give the path of a new or empty folder, such as ../site-zensical.\n"
    )
    assert readme.read_text(encoding="utf-8") == "# Read me\n"
    result = run_in(project, "render", "framework.yml", "/dev/null")
    assert result.returncode == 1
    assert result.stderr == (
        "/dev/null: this is not a folder (a link, device or pipe), and the render needs a folder; nothing was "
        "written. Give the path of a new or empty folder, such as ../framework-pages.\n"
    )
    result = run_in(project, "render", "framework.yml", "README.md")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert readme.read_text(encoding="utf-8") == "# Read me\n"


def test_export_writes_a_new_or_empty_folder(project: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    for output in (tmp_path / "new" / "site-zensical", empty):
        result = run_in(project, "export", "mkdocs.yml", str(output))
        assert result.returncode == 0, result.stderr
        assert re.match(r"Wrote \d+ generated pages and 0 PDFs into ", result.stdout), result.stdout
        assert (output / "mkdocs.yml").is_file() and (output / "docs" / "framework" / "dimension-3.md").is_file()


def test_replace_removes_only_what_the_earlier_export_wrote(project: Path, tmp_path: Path) -> None:
    output = tmp_path / "site-zensical"
    assert run_in(project, "export", "mkdocs.yml", str(output)).returncode == 0
    again = run_in(project, "export", "mkdocs.yml", str(output))
    assert again.returncode == 1
    assert f"{output}: this folder holds an earlier export (" in again.stderr
    assert "Add --replace to replace those files (anything else in the folder is kept)" in again.stderr
    # Someone's own notes beside the export, and a site built from it.
    (output / "docs" / "our-notes.md").write_text("# Our notes\n", encoding="utf-8")
    (output / "site").mkdir()
    (output / "site" / "index.html").write_text("built", encoding="utf-8")
    framework = synthetic_framework(levels=3, dimensions=2, criteria=1)  # one dimension fewer
    (project / "framework.yml").write_text(yaml.safe_dump(framework, sort_keys=False), encoding="utf-8")
    replaced = run_in(project, "export", "mkdocs.yml", str(output), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert "of the earlier run first. Kept 2 files it had not written, such as docs/our-notes.md." in (replaced.stdout)
    assert (output / "docs" / "our-notes.md").read_text(encoding="utf-8") == "# Our notes\n"
    assert (output / "site" / "index.html").read_text(encoding="utf-8") == "built"
    assert not (output / "docs" / "framework" / "dimension-3.md").exists(), "a page of the earlier export stayed"
    assert (output / "docs" / "framework" / "dimension-2.md").is_file()


def test_replace_never_overwrites_or_deletes_files_it_did_not_write(project: Path, tmp_path: Path) -> None:
    output = tmp_path / "pages"
    assert run_in(project, "render", "framework.yml", str(output)).returncode == 0
    # A marker edited to name files outside the folder, and a person's file where a page would go.
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    marker = output / ".mkdocs-framework-output.json"
    record = json.loads(marker.read_text(encoding="utf-8"))
    record["files"] += ["../precious.txt", "/etc/hostname"]
    marker.write_text(json.dumps(record), encoding="utf-8")
    assert run_in(project, "render", "framework.yml", str(output), "--replace").returncode == 0
    assert outside.read_text(encoding="utf-8") == "keep me"
    (output / "framework" / "index.md").unlink()
    (output / "framework" / "index.md").write_text("my own overview", encoding="utf-8")
    record = json.loads(marker.read_text(encoding="utf-8"))
    record["files"].remove("framework/index.md")  # as if a person had put it there
    marker.write_text(json.dumps(record), encoding="utf-8")
    before = snapshot(output)
    clash = run_in(project, "render", "framework.yml", str(output), "--replace")
    assert clash.returncode == 1
    assert "these files were not written by python -m mkdocs_framework, and the render would overwrite them: " in (
        clash.stderr
    )
    assert "framework/index.md" in clash.stderr
    assert snapshot(output) == before


# --- mkdocs build: the site folder it replaces -----------------------------------------------


def test_build_refuses_a_site_dir_of_other_files_or_a_file(project: Path) -> None:
    config = project / "mkdocs.yml"
    before = snapshot(project / "plugins")
    result = run_mkdocs(config, project / "plugins")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"site_dir {project / 'plugins'} holds files that are not a built site" in result.stderr
    assert "nothing was built or deleted" in result.stderr
    assert snapshot(project / "plugins") == before
    readme = project / "README.md"
    readme.write_text("# Read me\n", encoding="utf-8")
    result = run_mkdocs(config, readme)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"site_dir {readme} is a file, not a folder; nothing was built." in result.stderr
    assert readme.read_text(encoding="utf-8") == "# Read me\n"


def test_rebuilding_a_site_keeps_its_hidden_entries(project: Path) -> None:
    """A site folder that is a publishing checkout keeps its .git, as MkDocs's own clean keeps it."""
    site = project / "site"
    assert run_mkdocs(project / "mkdocs.yml", site).returncode == 0
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (site / ".nojekyll").write_text("", encoding="utf-8")
    result = run_mkdocs(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    assert (site / ".git" / "HEAD").read_text(encoding="utf-8") == "ref: refs/heads/gh-pages\n"
    assert (site / ".nojekyll").is_file() and (site / "index.html").is_file()
