"""The development tools run on the one Node that `make test` installs, never on the machine's own."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import PINNED_NODE_BIN
from tests.helpers import REPO

SATISFIES = """
const semver = require(process.argv[1]);
const lock = require(process.argv[2]);
const misfits = [];
for (const [where, pkg] of Object.entries(lock.packages)) {
  const range = pkg.engines && (typeof pkg.engines === "object" ? pkg.engines.node : undefined);
  if (where && range && !semver.satisfies(process.version, range)) misfits.push(`${where} wants node ${range}`);
}
console.log(JSON.stringify({ version: process.version, misfits }));
"""


def pinned_node() -> Path:
    node = PINNED_NODE_BIN / "node"
    assert node.exists(), f"{node} is missing: `make test` links the pinned Node (scripts/link_node.py)."
    return node


def test_every_node_a_test_starts_is_the_pinned_one() -> None:
    found = shutil.which("node")
    assert found is not None
    assert Path(found) == pinned_node(), f"`node` resolves to {found}, not the pinned {pinned_node()}"
    for command in ("npm", "npx"):
        assert shutil.which(command) == str(PINNED_NODE_BIN / command), f"`{command}` is not the pinned one"


def test_the_pinned_node_satisfies_every_pinned_tools_declared_engine() -> None:
    semver = pinned_node().resolve().parents[1] / "lib" / "node_modules" / "npm" / "node_modules" / "semver"
    lock = REPO / "package-lock.json"
    result = subprocess.run(
        [str(pinned_node()), "-e", SATISFIES, str(semver), str(lock)], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    assert report["version"].startswith("v24."), report["version"]
    assert report["misfits"] == [], f"Node {report['version']}: " + "; ".join(report["misfits"])


def test_npm_runs_only_the_install_scripts_we_reviewed() -> None:
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert package["allowScripts"] == {"esbuild": True, "vnu-jar": False}
    result = subprocess.run(
        [str(PINNED_NODE_BIN / "npm"), "approve-scripts", "--allow-scripts-pending"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "No packages with unreviewed install scripts" in result.stdout, result.stdout + result.stderr
