"""Valid HTML: the Nu HTML Checker (vnu, pinned in package.json) on every page of the built site."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

from tests.gates import site_pages
from tests.helpers import REPO

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

THEME_MARKUP_FILTERS = {
    # Material puts autocomplete="off" on its hidden checkbox and radio toggles (drawer, search,
    # palette) so Firefox does not restore their state on reload. Browsers ignore the attribute
    # there; it has no effect on users. Source: material/templates/base.html and partials/palette.html.
    r"Attribute “autocomplete” is only allowed when the input type is": "theme toggles",
    # Material's table-of-contents partial always writes <label for="__toc">, but the matching
    # checkbox is only written on pages that are in the navigation with a table of contents.
    # The label then points at nothing and does nothing. Source: material/templates/partials/toc.html.
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control": "theme toc",
}


def html_errors(files: list[Path]) -> list[str]:
    """Return 'file:line: message' for each vnu error, minus the theme's own listed above."""
    assert VNU.exists(), "vnu.jar is missing: run `npm ci` (make test does this)."
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m['url'].removeprefix('file:')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not any(re.search(pattern, m["message"]) for pattern in THEME_MARKUP_FILTERS)
    ]


def test_every_page_is_valid_html(built_site: Path) -> None:
    assert html_errors(site_pages(built_site)) == []


def test_html_gate_catches_a_duplicate_id(defective_site: Path) -> None:
    errors = html_errors([defective_site / "defects.html"])
    assert any("Duplicate ID “duplicate”" in e for e in errors), errors
