"""Fuzzing the framework loader: whatever the file holds, the result is a framework or a report.

Random YAML (random text, random data written as YAML, and a valid framework with random edits)
never gives a traceback, and every refusal names a line of the file and says how to fix it.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
     "<<: *a\n", "%YAML 1.1\n", "!custom ", "@", "`", "\u202e", ",", "id", "levels", "dimensions"]
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


random_yaml = st.one_of(
    st.text(max_size=200),
    st.lists(YAML_BITS, max_size=40).map("".join),
    data.map(lambda value: yaml.safe_dump(value, allow_unicode=True)),
    edited_base(),
)

PROBLEM_LINE = re.compile(r"^\S*framework\.yml:(\d+):(\d+): ", re.M)


def check(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "framework.yml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            framework = load_framework(path, DOCS)
        except FrameworkError as error:
            lines = max(1, text.count("\n") + 1)
            assert error.problems, "a refusal with no problem in it"
            report = error.report()
            assert "Traceback" not in report
            for problem in error.problems:
                assert 1 <= problem.line <= lines, f"line {problem.line} of a {lines}-line file: {problem}"
                assert problem.column >= 1 and problem.fix.strip() and problem.message.strip(), str(problem)
            assert len(PROBLEM_LINE.findall(report)) == len(error.problems), report
            return
    # Accepted: it is a framework, and every page of it can be written.
    assert isinstance(framework, Framework)
    assert all(Renderer(framework).pages().values())


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
