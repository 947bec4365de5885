"""`mkdocs serve` rebuilds when framework.yml is edited."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
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
    with urllib.request.urlopen(url, timeout=5) as response:
        body: bytes = response.read()
        return body.decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_editing_the_framework_rebuilds_the_served_page(tmp_path: Path) -> None:
    data = synthetic_framework(dimensions=2)
    config = make_site(tmp_path, data)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/framework/dimension-1.html"
        wait_for(url, "Dimension number 1")
        data["dimensions"][0]["title"] = "Renamed while serving"
        (tmp_path / "framework.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        wait_for(url, "Renamed while serving")
    finally:
        server.terminate()
        server.wait(timeout=10)
