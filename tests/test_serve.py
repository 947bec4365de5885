"""`mkdocs serve` rebuilds when framework.yml is edited."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import yaml

from tests.helpers import make_site, synthetic_framework


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        body: bytes = response.read()
        return body.decode("utf-8")


class ServerLog:
    """The lines `mkdocs serve` writes as it works, read as they come."""

    def __init__(self, server: subprocess.Popen[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(server,), daemon=True).start()

    def _read(self, server: subprocess.Popen[str]) -> None:
        assert server.stderr is not None
        for line in server.stderr:
            self.lines.put(line)
        self.lines.put("")  # the server stopped

    def wait_for(self, words: str, seconds: float = 60) -> None:
        """Wait until the server says words (it says "Reloading browsers" when a rebuilt site is shown)."""
        seen: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=seconds)
            except queue.Empty:
                raise AssertionError(f"mkdocs serve did not say {words!r} within {seconds} s: {seen}") from None
            assert line, f"mkdocs serve stopped before saying {words!r}: {seen}"
            if words in line:
                return
            seen.append(line.strip())


def test_editing_the_framework_rebuilds_the_served_page(tmp_path: Path) -> None:
    data = synthetic_framework(dimensions=2)
    config = make_site(tmp_path, data)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"},
    )
    log = ServerLog(server)
    try:
        url = f"http://127.0.0.1:{port}/framework/dimension-1.html"
        log.wait_for("Serving on")
        assert "Dimension number 1" in fetch(url)
        data["dimensions"][0]["title"] = "Renamed while serving"
        (tmp_path / "framework.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        log.wait_for("Reloading browsers")  # what a browser showing the page is told
        assert "Renamed while serving" in fetch(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
