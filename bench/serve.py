"""`mkdocs serve`: time from saving framework.yml to the rebuilt page being served.

The server runs with live reload on (the default; without it nothing is watched) on a free port.
Each edit renames the first dimension in the framework file, then the dimension's page is fetched
every 20 ms until the new title appears. The time therefore includes MkDocs noticing the change,
the whole rebuild, and up to one polling interval.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.sites import Site
from bench.stats import Summary, summarise
from mkdocs_framework.loader import load_framework_file

POLL_SECONDS = 0.02


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> float:
    """Poll url until it contains text; return when it did, or raise TimeoutError."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if text in _fetch(url):
            return time.perf_counter()
        time.sleep(POLL_SECONDS)
    raise TimeoutError(f"{text!r} did not appear at {url} within {seconds:.0f} s")


def _title_line(framework_file: Path) -> tuple[int, str, str]:
    """Return (0-based line, id, title) of the first dimension's title, which must fit on its line."""
    located = load_framework_file(framework_file)
    first = located.data["dimensions"][0]
    line, _ = located.position(("dimensions", 0, "title"))
    text = framework_file.read_text(encoding="utf-8").splitlines()[line - 1]
    if not text.lstrip().startswith("title:"):
        raise ValueError(f"line {line} of {framework_file} does not start with 'title:'")
    return line - 1, str(first["id"]), str(first["title"])


def time_rebuilds(site: Site, edits: int) -> Summary:
    """Start `mkdocs serve` on the site, make edits one after another, and time each rebuild."""
    framework_file = site.framework
    index, dimension_id, _ = _title_line(framework_file)
    original = framework_file.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    port = _free_port()
    url = f"http://127.0.0.1:{port}/framework/{dimension_id}.html"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(site.config), "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=site.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        _wait_for(url, "</html>", 300)
        spent: list[float] = []
        for number in range(edits):
            marker = f"Renamed for the benchmark {number}"
            lines[index] = f'{indent}title: "{marker}"\n'
            start = time.perf_counter()
            framework_file.write_text("".join(lines), encoding="utf-8")
            spent.append(_wait_for(url, marker, 300) - start)
            time.sleep(0.5)  # let the server settle before the next edit
        return summarise(spent)
    finally:
        framework_file.write_text(original, encoding="utf-8")
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
