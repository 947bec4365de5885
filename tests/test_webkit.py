"""The essential journeys in WebKit, Safari's engine (Debian's WebKitWebDriver and MiniBrowser under
Xvfb): see engines/journey.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engines import journey
from tests.engines.drivers import WebKitDriver, xvfb
from tests.gates import serve

# Selenium 4.51's own WebKitGTK driver sets an address the old way; nothing the test controls.
pytestmark = pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning")


def test_form_export_import_sharing_and_group_page_work_in_webkit(built_site: Path, tmp_path: Path) -> None:
    with xvfb() as display:
        driver = WebKitDriver(display)
        try:
            with serve(built_site) as base:
                journey.run(driver, base, tmp_path)
        finally:
            driver.quit()
