"""The framework as data for the browser: the contract between the plugin and the browser.

What the data holds is described once, in schema/browser-data.schema.json (tests/test_browser_contract.py
checks this module's output against it; the browser's types, js/core/framework-types.mjs, are generated
from it). It arrives the same way on every assessment page: framework-data.js, one classic script per
site (framework_script), fills the page's empty <script type="application/json" id="cif-framework">
element, and js/core/framework-data.mjs reads it. No fetch is needed, so the site works from file://.
Only what the browser needs is included. The version history arrives resolved (lineage.py): the
browser applies it and never reads the history itself.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from .lineage import resolve
from .model import Criterion, Framework
from .words import rule_in_words


def criterion_fingerprint(criterion: Criterion) -> str:
    """Return a short hash of what a criterion says. Saved answers keep it, so when the wording
    changes in a later version the site can ask people to check their answer."""
    text = json.dumps([criterion.title, list(criterion.descriptors)], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def framework_data(framework: Framework) -> dict[str, Any]:
    """Return the parts of the framework the self-assessment form uses, keyed by stable ids."""
    return {
        "id": framework.id,
        "title": framework.title,
        "shortTitle": framework.short_title,
        "version": framework.version,
        "status": framework.status,
        "scoring": {
            "method": framework.scoring_method,
            "themeResults": framework.theme_results,
            "overallResult": framework.overall_result,
        },
        "levels": [{"id": lv.id, "label": lv.label, "meaning": lv.meaning} for lv in framework.levels],
        "themes": [{"id": t.id, "title": t.title} for t in framework.themes],
        "terms": {
            "organisation": framework.terms.organisation,
            "organisations": framework.terms.organisations,
            "organisationLabel": framework.terms.organisation_label,
            "people": framework.terms.people,
            "participants": framework.terms.participants,
        },
        "notes": [
            {"id": n.id, "label": n.label, "hint": n.hint, "prompt": n.prompt, "column": n.column, "name": n.name}
            for n in framework.notes
        ],
        "dimensions": [
            {
                "id": d.id,
                "number": d.number,
                # What the pages call it (model.py's Dimension.name): its title, with its theme when
                # another dimension has the same title. The browser only names dimensions.
                "name": d.name,
                "theme": d.theme,
                "criteria": [
                    {
                        "id": c.id,
                        "title": c.title,
                        "descriptors": list(c.descriptors),
                        "fingerprint": criterion_fingerprint(c),
                    }
                    for c in d.criteria
                ],
            }
            for d in framework.dimensions
        ],
        "lineage": resolve(framework).as_data(),
        # Worked out once here (words.py), so the pages and the browser say the rule the same way.
        "ruleInWords": rule_in_words(framework),
    }


def framework_json(framework: Framework) -> str:
    """Return the framework data as JSON that is safe inside an HTML <script> element."""
    text = json.dumps(framework_data(framework), ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


STEPS_DATA_SCRIPT = "framework-data.js"
"""The script that gives every assessment page the framework data (see framework_script)."""


def framework_script(framework: Framework) -> str:
    """Return a classic script that puts the framework data into the page's empty
    <script type="application/json" id="cif-framework"> element.

    Every assessment page (the form, its steps, Check your answers, the report, the team, group and
    shared-results pages) needs the whole framework's data. Embedded in each page, it would make the
    site grow with the square of the framework's size; in one file, each page stays small and the
    browser fetches the data once for all of them. A classic script, not a fetch of JSON, because the
    site must work from file://. It runs before the page's own deferred script, which reads the
    element (js/core/framework-data.mjs)."""
    text = json.dumps(json.loads(framework_json(framework)), ensure_ascii=True, separators=(",", ":"))
    return (
        "/* The framework's data for the steps of the self-assessment form, written by the plugin from the\n"
        " * framework file at build time; do not edit. */\n"
        "(function (node) { if (node && !node.textContent) node.textContent = "
        + json.dumps(text)
        + '; })(document.getElementById("cif-framework"));\n'
    )


_SCRIPT_DATA = re.compile(r'node\.textContent = ("(?:[^"\\]|\\.)*");')


def read_framework_script(script: str) -> dict[str, Any]:
    """Return the framework data a framework-data.js carries, as the browser reads it (for tests and
    the benchmarks, which read a built site)."""
    found = _SCRIPT_DATA.search(script)
    if not found:
        raise ValueError("not a framework-data.js: it assigns no framework data")
    data: dict[str, Any] = json.loads(json.loads(found.group(1)))
    return data
