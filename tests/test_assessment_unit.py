"""The browser modules' Node tests (tests/js/*.test.mjs), one pytest item per file so a failure names it.

Files that open pages of the site in happy-dom (through tests/js/dom.mjs) are given the site built
once for the whole run (conftest.py's built_site), in the environment variable CIF_SITE."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import REPO

NODE_TESTS = sorted((REPO / "tests" / "js").glob("*.test.mjs"))


@pytest.mark.parametrize("test_file", NODE_TESTS, ids=[path.name for path in NODE_TESTS])
def test_node_tests_pass(
    test_file: Path, request: pytest.FixtureRequest, record_property: Callable[[str, object], None]
) -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser modules' unit tests: `make test` links the pinned one."
    env = dict(os.environ)
    if "./dom.mjs" in test_file.read_text(encoding="utf-8"):
        env["CIF_SITE"] = str(request.getfixturevalue("built_site"))
    result = subprocess.run(
        [node, "--test", "--test-reporter=tap", str(test_file)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env=env,
    )
    counts = dict(re.findall(r"^# (tests|pass|fail) (\d+)$", result.stdout, re.MULTILINE))
    record_property("node_tests", int(counts.get("tests", 0)))
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert counts.get("fail") == "0" and int(counts.get("tests", 0)) > 0, result.stdout[-2000:]


def test_every_node_test_file_is_run() -> None:
    """A Node test file is found by its name ending in .test.mjs; a helper module is imported by one."""
    tests = sorted((REPO / "tests" / "js").glob("*.test.mjs"))
    assert tests, "no Node tests found in tests/js"
    others = {path.name for path in (REPO / "tests" / "js").glob("*.mjs")} - {path.name for path in tests}
    used = " ".join(path.read_text(encoding="utf-8") for path in tests)
    assert [name for name in sorted(others) if f"./{name}" not in used] == []
