"""Unit tests of the self-assessment's browser modules (scoring, storage, export and import), in Node."""

from __future__ import annotations

import shutil
import subprocess

from tests.helpers import REPO


def test_node_unit_tests_pass() -> None:
    node = shutil.which("node")
    assert node, "Node.js is needed for the browser modules' unit tests: `make test` links the pinned one."
    tests = sorted(str(path) for path in (REPO / "tests" / "js").glob("*.test.mjs"))
    assert tests, "no Node tests found in tests/js"
    result = subprocess.run(
        [node, "--test", "--test-reporter=tap", *tests],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
