"""Timed builds, one fresh process each, with the process's wall time and peak memory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.sites import Site
from tests.helpers import REPO


@dataclass(frozen=True)
class BuildRun:
    """One build: wall time of the whole `mkdocs build` process, and what the process reported."""

    wall: float
    """Seconds from starting the process to its exit, interpreter start-up included."""
    build: float
    """Seconds inside MkDocs' build command (after imports of MkDocs itself)."""
    peak_rss_mib: float
    plugin: dict[str, float]
    """Seconds in the plugin: its import (beyond MkDocs') and each of its event handlers."""

    @property
    def plugin_total(self) -> float:
        return sum(self.plugin.values())


BYTECODE = Path(tempfile.gettempdir()) / f"mkdocs-framework-bench-bytecode-{os.getuid()}"
"""Where the timed builds keep compiled Python modules.

An installed plugin has its modules compiled at install, as MkDocs has in the virtual environment.
Where PYTHONDONTWRITEBYTECODE is set, the plugin's modules (run from this checkout) would instead be
compiled from source in every build, and MkDocs' not, so both sides of a comparison read compiled
modules from this folder, which each comparison's warm-up builds fill."""


def _environment() -> dict[str, str]:
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "PYTHONPATH": path}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return {**environment, "PYTHONPYCACHEPREFIX": str(BYTECODE)}


def build(site: Site, site_dir: Path, *, plugin: bool) -> BuildRun:
    """Build a site into site_dir in a fresh Python process; raise if the build fails."""
    shutil.rmtree(site_dir, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="bench-build-") as scratch:
        result_file = Path(scratch) / "result.json"
        log_file = Path(scratch) / "log.txt"
        command = [sys.executable, "-m", "bench.child", str(site.config), str(site_dir), str(result_file)]
        if plugin:
            command.append("--plugin")
        with log_file.open("wb") as log:
            start = time.perf_counter()
            process = subprocess.Popen(command, cwd=site.root, stdout=log, stderr=subprocess.STDOUT, env=_environment())
            # wait4 gives this one child's peak memory (RUSAGE_CHILDREN would be the largest so far).
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise RuntimeError(f"building {site.name} failed:\n{log_file.read_text(errors='replace')[-4000:]}")
        reported: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    # ru_maxrss is in KiB on Linux.
    return BuildRun(wall, float(reported["build"]), usage.ru_maxrss / 1024, dict(reported["plugin"]))


@dataclass(frozen=True)
class Comparison:
    """Alternating builds of a site with the plugin and of its bare-MkDocs twin."""

    plugin: list[BuildRun]
    bare: list[BuildRun]
    first: tuple[BuildRun, BuildRun] | None = None
    """The unrecorded warm-up builds (plugin, bare): a first build, with the plugin's caches empty."""


def compare(site: Site, twin: Site, out: Path, runs: int, *, warm_up: bool = True) -> Comparison:
    """Build the site and its twin alternately, after one unrecorded warm-up build of each.

    Alternating spreads any drift of the machine (caches, frequency, other load) over both evenly.
    """
    plugin_dir, bare_dir = out / "plugin", out / "bare"
    first = (build(site, plugin_dir, plugin=True), build(twin, bare_dir, plugin=False)) if warm_up else None
    plugin_runs: list[BuildRun] = []
    bare_runs: list[BuildRun] = []
    for index in range(runs):
        pair = [(site, plugin_dir, True, plugin_runs), (twin, bare_dir, False, bare_runs)]
        for which, directory, with_plugin, into in pair if index % 2 == 0 else reversed(pair):
            into.append(build(which, directory, plugin=with_plugin))
    return Comparison(plugin_runs, bare_runs, first)
