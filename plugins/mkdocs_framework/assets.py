"""Static files the plugin adds to every site: its stylesheets and its scripts.

The scripts are written as ES modules in ``js/`` and bundled at development time, one classic
script per kind of page (``node scripts/build-js.mjs``, with esbuild), because the site must work
from ``file://``, where browsers refuse module scripts. The built bundles are shipped in ``assets/``
beside the stylesheets, so building a site needs no Node; ``make test`` fails when a shipped bundle
differs from a fresh build of its sources.

- ``assess.js``: the self-assessment form's hub (assess/index.html), everything it needs as it opens;
- ``assess-step.js``: a step of the form (one dimension's questions) and Check your answers;
- ``assess-more.js``: export, import, progress comparison and sharing, which the form loads the
  first time one of them is used (see ``js/ui/loader.mjs``, the one first-use loader), to keep the form light;
- ``assess-shared.js`` and ``assess-group.js``: the shared-results and group comparison pages;
  ``assess-group-more.js``, the group page's comparison of rounds and combined CSV, loaded when first needed;
- ``assess-report.js``: the board report; ``assess-report-more.js``, its comparison and Word writer,
  loaded when first asked for;
- ``assess-team.js``: the team view, where a facilitator agrees a team's assessment;
- ``worksheet.js``: the worksheets' print button.

One more script is written for each site rather than shipped: ``framework-data.js``, the framework's
data that every step of the form reads (see ``data.framework_script`` and ``Renderer.data_files``).
"""

from __future__ import annotations

from importlib import resources

ASSET_FOLDER = "assets/framework"
STYLESHEET = f"{ASSET_FOLDER}/framework.css"


def files() -> dict[str, bytes]:
    """Return {path in the built site: content}: every stylesheet and every script bundle."""
    package = resources.files(__package__).joinpath("assets")
    return {f"{ASSET_FOLDER}/{item.name}": item.read_bytes() for item in package.iterdir() if item.is_file()}
