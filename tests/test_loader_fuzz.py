"""Fuzzing the framework loader: whatever the file holds, the result is a framework or a report.

Random YAML (random text, random data written as YAML, and a valid framework with random edits)
never gives a traceback, and every refusal names a line of the file and says how to fix it. Hostile
values go everywhere in a valid framework: halves of surrogate pairs, control characters, numbers
too long for Python to read, lists and mappings where an id belongs. Special files (a device that
never ends, a named pipe, a folder) are refused without being read.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_framework.loader import MAX_BYTES
from mkdocs_framework.model import Framework
from mkdocs_framework.problems import FrameworkError
from mkdocs_framework.render import Renderer
from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES

BASE = (FIXTURES / "bad" / "base.yml").read_text(encoding="utf-8")
DOCS = FIXTURES / "docs"
# Timings are never asserted (deadline=None); examples are drawn afresh on every run.
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)

YAML_BITS = st.sampled_from(
    [":", " ", "\n", "- ", "  ", "&a ", "*a", "!!python/object:os.system ", "!!str ", "{", "}", "[", "]", '"',
     "'", "#", "---\n", "...\n", "? ", "|\n", ">\n", "\t", "\ufeff", "\x00", "é", "null", "~", "1e9999", "0x1F",
     "<<: *a\n", "%YAML 1.1\n", "!custom ", "@", "`", "\u202e", ",", "id", "levels", "dimensions",
     '"\\ud800"', '"\\udfff x"', '"\\0"', '"\\e[31m"', '"\\x01"', "\x1b", "\x01", "\x7f", "\x85", "9" * 4301,
     "-" + "1" * 5000, '"\\U0001F600"']
)  # fmt: skip

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20), st.dates()
)
KEYS = st.sampled_from(
    ["id", "title", "version", "status", "levels", "dimensions", "criteria", "descriptors", "themes", "history",
     "label", "meaning", "summary", "theme", "related", "resources", "page", "renamed", "merged", "x"]
)  # fmt: skip
data = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5), max_leaves=30
)


@st.composite
def edited_base(draw: st.DrawFn) -> str:
    """The valid base framework with a few random insertions, deletions and replaced lines."""
    text = BASE
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "line"]))
        if kind == "insert":
            text = text[:where] + "".join(draw(st.lists(YAML_BITS, min_size=1, max_size=3))) + text[where:]
        elif kind == "delete":
            text = text[:where] + text[where + draw(st.integers(1, 40)) :]
        else:
            lines = text.splitlines(keepends=True)
            index = draw(st.integers(0, len(lines) - 1))
            lines[index] = draw(st.text(max_size=30)) + "\n"
            text = "".join(lines)
    return text


HUGE = "HUGE-NUMBER-PLACEHOLDER"
"""Stands for an integer of 4,301 digits, which PyYAML cannot even write (Python refuses to print it)."""

hostile_values = st.one_of(
    st.sampled_from(["\ud800", "a\udc00b", "\x00", "Title\x01", "\x1b[2Jcleared", "\x7f", "\x9b", HUGE]),
    st.text(alphabet=st.characters(codec=None, categories=["Cc", "Cs", "Ll"]), min_size=1, max_size=8),
    st.lists(st.text(max_size=3), max_size=2),
    st.dictionaries(st.sampled_from(["id", "a"]), st.text(max_size=3), max_size=2),
    st.integers(),
    st.floats(),
)


def _paths(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path to a value inside parsed YAML data, containers included."""
    found: list[tuple[object, ...]] = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


@st.composite
def base_with_hostile_value(draw: st.DrawFn) -> str:
    """The valid base framework with one value (an id, a title, a list...) replaced by a hostile one."""
    data = yaml.safe_load(BASE)
    path = draw(st.sampled_from(_paths(data)[1:]))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = draw(hostile_values)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).replace(HUGE, "9" * 4301)


random_yaml = st.one_of(
    st.text(max_size=200),
    st.lists(YAML_BITS, max_size=40).map("".join),
    data.map(lambda value: yaml.safe_dump(value, allow_unicode=True)),
    edited_base(),
    base_with_hostile_value(),
)

PROBLEM_LINE = re.compile(r"^\S*framework\.yml:(\d+):(\d+): ", re.M)
YAML_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
"""Line breaks as YAML counts them (so as the reports number lines)."""
UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters no page may hold (tab and line breaks are text)."""


def check(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "framework.yml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            framework = load_framework(path, DOCS)
        except FrameworkError as error:
            lines = len(YAML_LINE_BREAK.findall(text)) + 1
            assert error.problems, "a refusal with no problem in it"
            report = error.report()
            assert "Traceback" not in report
            for problem in error.problems:
                assert 1 <= problem.line <= lines, f"line {problem.line} of a {lines}-line file: {problem}"
                assert problem.column >= 1 and problem.fix.strip() and problem.message.strip(), str(problem)
            assert len(PROBLEM_LINE.findall(report)) == len(error.problems), report
            return
    # Accepted: it is a framework, and every page of it can be written and shown.
    assert isinstance(framework, Framework)
    for name, page in Renderer(framework).pages().items():
        assert page, name
        page.encode("utf-8")  # half of a surrogate pair can be written to no file
        assert not UNSHOWABLE.search(page), f"{name} holds a control character: {UNSHOWABLE.findall(page)}"


@FUZZ
@given(random_yaml)
def test_random_yaml_gives_a_framework_or_a_report_naming_lines(text: str) -> None:
    check(text)


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_give_a_framework_or_a_report_naming_lines(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "framework.yml"
        path.write_bytes(raw)
        try:
            load_framework(path, DOCS)
        except FrameworkError as error:
            assert error.problems and all(problem.line >= 1 for problem in error.problems)
            assert len(PROBLEM_LINE.findall(error.report())) == len(error.problems)


@FUZZ
@given(base_with_hostile_value())
def test_a_hostile_value_anywhere_in_a_framework_is_refused_at_its_line(text: str) -> None:
    check(text)


SPECIAL_FILE_PROBLEM = re.compile(r"^(?P<file>.+):1:1: \(top level\): (?P<message>.+)\n    Fix: .+\n\Z")


def check_in_a_process(path: Path) -> tuple[str, str]:
    """Run `check` on path in a process of its own; return (file, message) of the one problem it reports.

    In a process so that a read that never ends (the old behaviour with /dev/zero) fails the test
    when the time runs out instead of filling this process's memory."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs_framework", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{path} has 1 problem; nothing was built.\n"), result.stderr
    match = SPECIAL_FILE_PROBLEM.match(result.stderr.split("\n", 1)[1])
    assert match, result.stderr
    return match["file"], match["message"]


NOT_REGULAR = "this is not a regular file (it is a device, a named pipe or a socket), so it is not read."


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_without_being_read(device: str) -> None:
    assert check_in_a_process(Path(device)) == (device, NOT_REGULAR)


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "framework.yml"
    os.mkfifo(pipe)
    assert check_in_a_process(pipe) == (str(pipe), NOT_REGULAR)


def test_a_folder_and_a_file_too_large_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "framework.yml"
    folder.mkdir()
    assert check_in_a_process(folder) == (str(folder), "this is a folder, not a framework file.")
    large = tmp_path / "large.yml"
    with large.open("wb") as file:  # sparse: no disk space used
        file.truncate(MAX_BYTES + 1)
    assert check_in_a_process(large) == (
        str(large),
        f"the file is larger than {MAX_BYTES // 1_000_000} MB, too large to be a framework.",
    )
