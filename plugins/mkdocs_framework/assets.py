"""Static files the plugin adds to every site: its stylesheets and its scripts.

The scripts are written as small modules (``assets/*.js``, each tested on its own under Node) and
shipped as a few bundles, one per kind of page, so a page makes one request for its script:

- ``assess.js``: the self-assessment form, everything it needs as it opens;
- ``assess-more.js``: export, import, progress comparison and sharing, which the form loads the
  first time one of them is used (see ``loadMore`` in assess-page.js), to keep the form light;
- ``assess-shared.js`` and ``assess-group.js``: the shared-results and group comparison pages;
- ``worksheet.js``: the worksheets' print button.

With ``minify`` on, each module is minified with calmjs.parse (whitespace, comments, and local
names shortened), and the result is kept in a cache folder by the module's hash, so only a changed
module is minified again. calmjs.parse reads ES5, so the modules are written in ES5 syntax.
"""

from __future__ import annotations

import hashlib
import os
from importlib import resources
from pathlib import Path

ASSET_FOLDER = "assets/framework"
STYLESHEET = f"{ASSET_FOLDER}/framework.css"

_FORM_DATA = ("assess-model.js", "assess-migrate.js", "assess-scoring.js")
BUNDLES: dict[str, tuple[str, ...]] = {
    "assess.js": (
        *_FORM_DATA,
        "assess-storage.js",
        "assess-chart.js",
        "assess-plan.js",
        "assess-progress.js",
        "assess-share-page.js",
        "assess-page.js",
    ),
    "assess-more.js": ("assess-transfer.js", "assess-compare.js", "assess-share.js"),
    "assess-shared.js": (*_FORM_DATA, "assess-transfer.js", "assess-share.js", "assess-chart.js", "shared-page.js"),
    "assess-group.js": (
        *_FORM_DATA,
        "assess-transfer.js",
        "assess-share.js",
        "assess-chart.js",
        "group-compare.js",
        "group-page.js",
    ),
    "worksheet.js": ("worksheet.js",),
}
"""Each script the site loads, and the modules it is made of, in the order they must run."""


class AssetError(Exception):
    """A script module could not be minified; the message names the file and says what to do."""


def files(cache_dir: Path | None = None, minify: bool = True) -> dict[str, bytes]:
    """Return {path in the built site: content}: every stylesheet, and every bundle of scripts.

    Minified modules are kept in ``cache_dir`` (when given) between builds."""
    package = resources.files(__package__).joinpath("assets")
    result = {
        f"{ASSET_FOLDER}/{item.name}": item.read_bytes()
        for item in package.iterdir()
        if item.is_file() and not item.name.endswith(".js")
    }
    for bundle, modules in BUNDLES.items():
        parts = [_module(name, package.joinpath(name).read_text("utf-8"), cache_dir, minify) for name in modules]
        header = f"/* {bundle}: {', '.join(modules)} (from plugins/mkdocs_framework/assets) */\n"
        result[f"{ASSET_FOLDER}/{bundle}"] = (header + "\n".join(parts) + "\n").encode("utf-8")
    return result


_memory: dict[str, str] = {}


def _module(name: str, source: str, cache_dir: Path | None, minify: bool) -> str:
    if not minify:
        return source
    # Keyed by the source alone: output cached from another version of calmjs.parse is still correct.
    key = hashlib.sha256(f"calmjs.parse obfuscate\n{source}".encode()).hexdigest()
    if key in _memory:
        return _memory[key]
    cached = cache_dir / f"{key}.js" if cache_dir else None
    if cached and cached.is_file():
        text = cached.read_text("utf-8")
    else:
        text = _minify(name, source)
        if cached:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(text, "utf-8")
            partial.replace(cached)
    _memory[key] = text
    return text


def _minify(name: str, source: str) -> str:
    # Imported here: calmjs.parse takes a while to import, and is needed only when a module changed.
    from calmjs.parse import es5
    from calmjs.parse.exceptions import ECMASyntaxError
    from calmjs.parse.unparsers.es5 import minify_print

    try:
        tree = es5(source)
    except ECMASyntaxError as error:
        raise AssetError(
            f"plugins/mkdocs_framework/assets/{name}: {error}. The scripts are minified by calmjs.parse, "
            "which reads ES5 only: write this in ES5 syntax (function expressions rather than arrow "
            "functions, var rather than let or const), or set the plugin's minify_js option to false."
        ) from None
    text: str = minify_print(tree, obfuscate=True, obfuscate_globals=False)
    return text
