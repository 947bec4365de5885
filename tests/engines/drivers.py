"""Firefox and WebKit behind one small interface, so the same journey (journey.py) runs in both.

Firefox: Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi through a Node bridge
(firefox-bridge.mjs). WebKit, the engine of Safari: Debian's WebKitWebDriver driving the
MiniBrowser of libwebkit2gtk-4.1 under Xvfb, through Selenium. Neither downloads a browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from tests.helpers import REPO

FIREFOX = Path("/usr/bin/firefox-esr")
WEBKIT_DRIVER = Path("/usr/bin/WebKitWebDriver")
MINIBROWSER = Path("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")
INSTALL = "run `make browser` (scripts/ensure-system-packages.sh installs it)"


class Driver(Protocol):
    name: str

    def goto(self, url: str) -> None: ...
    def reload(self) -> None: ...
    def click(self, selector: str) -> None: ...
    def files(self, selector: str, paths: list[Path]) -> None: ...
    def eval(self, script: str) -> Any:
        """The value of a JavaScript expression (a promise is awaited)."""

    def inject(self, source: str) -> None:
        """Run a script in the page as the driver's own (the site's Content-Security-Policy forbids eval)."""

    def errors(self) -> list[str]:
        """Script errors since the last call, where the engine's driver reports them."""


WAIT_IN_PAGE = """new Promise((resolve) => {
  const check = () => { try { return (%s); } catch (error) { return null; } };
  const first = check();
  if (first) return resolve(first);
  const done = (value) => { observer.disconnect(); clearInterval(timer); clearTimeout(limit); resolve(value); };
  const again = () => { const value = check(); if (value) done(value); };
  const observer = new MutationObserver(again);  // the page changed: look again at once
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  const timer = setInterval(again, 100);  // and for what is not in the page's markup (a script's variable)
  const limit = setTimeout(() => done(null), %d);
})"""


def wait_for(driver: Driver, script: str, what: str, timeout: float = 20) -> Any:
    """Wait in the page until a JavaScript expression is truthy, as soon as the page shows it, and
    return its value; fail saying what a person would have missed."""
    value = driver.eval(WAIT_IN_PAGE % (script, timeout * 1000))
    if not value:
        raise AssertionError(f"{driver.name}: {what}")
    return value


class FirefoxDriver:
    name = "Firefox"

    def __init__(self, downloads: Path) -> None:
        assert FIREFOX.exists(), f"Firefox is missing: {INSTALL}."
        bridge = REPO / "tests" / "engines" / "firefox-bridge.mjs"
        assert (REPO / "node_modules" / "puppeteer-core").is_dir(), "puppeteer-core is missing: run `npm ci`."
        self.process = subprocess.Popen(
            ["node", str(bridge)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env={**os.environ, "DOWNLOADS": str(downloads), "PUPPETEER_SKIP_DOWNLOAD": "1"},
        )
        self.version = self._read()

    def _read(self) -> Any:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the Firefox bridge stopped"
        reply = json.loads(line)
        if not reply["ok"]:
            raise AssertionError(f"Firefox: {reply['error']}")
        return reply["result"]

    def _send(self, op: str, **args: Any) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op, "args": args}) + "\n")
        self.process.stdin.flush()
        return self._read()

    def goto(self, url: str) -> None:
        self._send("goto", url=url)

    def reload(self) -> None:
        self._send("reload")

    def click(self, selector: str) -> None:
        self._send("click", selector=selector)

    def files(self, selector: str, paths: list[Path]) -> None:
        self._send("files", selector=selector, paths=[str(p) for p in paths])

    def eval(self, script: str) -> Any:
        return self._send("eval", script=script)

    def inject(self, source: str) -> None:
        self._send("eval", script=source + "\n;true")

    def errors(self) -> list[str]:
        result: list[str] = self._send("errors")
        return result

    def quit(self) -> None:
        try:
            self._send("quit")
        finally:
            self.process.wait(timeout=30)


class WebKitDriver:
    name = "WebKit"

    def __init__(self, display: str) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        assert WEBKIT_DRIVER.exists() and MINIBROWSER.exists(), f"WebKit is missing: {INSTALL}."
        options = Options()
        options.binary_location = str(MINIBROWSER)
        options.add_argument("--automation")
        service = Service(executable_path=str(WEBKIT_DRIVER), env={**os.environ, "DISPLAY": display})
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_window_size(1280, 900)
        self.version = str(self.driver.capabilities.get("browserVersion", ""))

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def reload(self) -> None:
        self.driver.refresh()

    def click(self, selector: str) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).click()

    def files(self, selector: str, paths: list[Path]) -> None:
        from selenium.webdriver.common.by import By

        self.driver.find_element(By.CSS_SELECTOR, selector).send_keys("\n".join(str(p) for p in paths))

    def eval(self, script: str) -> Any:
        return self.driver.execute_script(f"return ({script});")

    def inject(self, source: str) -> None:
        self.driver.execute_script(source + "\n;return true;")

    def errors(self) -> list[str]:
        return []  # WebKitWebDriver does not report script errors; the journey checks what they would break

    def quit(self) -> None:
        self.driver.quit()


@contextmanager
def xvfb() -> Iterator[str]:
    """A virtual screen for the MiniBrowser; yields its DISPLAY."""
    assert shutil.which("Xvfb"), f"Xvfb is missing: {INSTALL}."
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)
