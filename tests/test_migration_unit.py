"""The framework data of the version fixtures, as the Node migration tests read it.

tests/js/fixtures/versions.json is generated from tests/fixtures/versions/*.yml by data.py; this test
keeps the two in step (rewrite it with UPDATE_GOLDEN=1, then review the diff)."""

from __future__ import annotations

import json

from mkdocs_framework.data import framework_data
from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES, REPO, assert_golden

VERSIONS = {
    "v1": "v1.yml",
    "v1.1": "v1.1-level-added.yml",
    "v2": "v2.yml",
    "chain-0.1": "chain-0.1.yml",
    "chain-0.2": "chain-0.2.yml",
    "chain-0.3": "chain-0.3.yml",
}


def test_node_fixture_matches_the_version_fixtures() -> None:
    data = {name: framework_data(load_framework(FIXTURES / "versions" / file)) for name, file in VERSIONS.items()}
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    assert_golden(text, REPO / "tests" / "js" / "fixtures" / "versions.json")
