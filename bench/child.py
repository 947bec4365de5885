"""Run one `mkdocs build` in this process and write its timings as JSON (used by bench.builds).

python -m bench.child CONFIG SITE_DIR RESULT_JSON [--plugin]

With --plugin, the framework plugin's import and each of its MkDocs event handlers are timed. MkDocs' own
modules are imported first in both cases, so the plugin's import time counts only what it adds.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MKDOCS_MODULES = (
    "jinja2",
    "yaml",
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "mkdocs.plugins",
    "mkdocs.structure.files",
    "mkdocs.structure.pages",
)


def _preimport_mkdocs() -> None:
    """Import what every `mkdocs build` imports, before the clock for the plugin's import starts."""
    for module in MKDOCS_MODULES:
        importlib.import_module(module)


def _timed(spent: dict[str, float], name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

    return wrapper


def _instrument_plugin(spent: dict[str, float]) -> None:
    start = time.perf_counter()
    from mkdocs_framework.plugin import FrameworkPlugin

    spent["import"] = time.perf_counter() - start
    for event, method in list(vars(FrameworkPlugin).items()):
        if event.startswith("on_") and callable(method):
            setattr(FrameworkPlugin, event, _timed(spent, event, method))


def main(argv: list[str]) -> int:
    config, site_dir, result_file = argv[:3]
    _preimport_mkdocs()
    from mkdocs.__main__ import cli

    spent: dict[str, float] = {}
    if "--plugin" in argv[3:]:
        _instrument_plugin(spent)
    start = time.perf_counter()
    cli.main(args=["build", "--quiet", "--strict", "-f", config, "-d", site_dir], standalone_mode=False)
    build = time.perf_counter() - start
    Path(result_file).write_text(json.dumps({"build": build, "plugin": spent}), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
