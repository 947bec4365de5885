"""Valid HTML: the Nu HTML Checker (vnu, pinned in package.json) on every page of the built site."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

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


def html_errors(files: list[Path]) -> dict[Path, list[str]]:
    """Return {file: ['line: message', ...]} for each vnu error, minus the theme's own listed above.

    One run of the checker reads every file (Java starts once)."""
    assert VNU.exists(), "vnu.jar is missing: run `npm ci` (make test does this)."
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    found: dict[Path, list[str]] = {}
    for message in json.loads(result.stderr)["messages"]:
        if not any(re.search(pattern, message["message"]) for pattern in THEME_MARKUP_FILTERS):
            file = Path(unquote(urlsplit(message["url"]).path))
            found.setdefault(file, []).append(f"{message.get('lastLine')}: {message['message']}")
    return found


@pytest.fixture(scope="module")
def checked(built_site: Path, defective_site: Path) -> dict[Path, list[str]]:
    """The checker's errors in every page of the real site and in the defective fixture page."""
    return html_errors([*site_pages(built_site), defective_site / "defects.html"])


def test_every_page_is_valid_html(built_site: Path, checked: dict[Path, list[str]]) -> None:
    assert {str(f.relative_to(built_site)): e for f, e in checked.items() if f.is_relative_to(built_site)} == {}


def test_html_gate_catches_a_duplicate_id(defective_site: Path, checked: dict[Path, list[str]]) -> None:
    errors = checked.get(defective_site / "defects.html", [])
    assert any("Duplicate ID “duplicate”" in e for e in errors), checked
