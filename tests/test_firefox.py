"""The essential journeys in Firefox (Debian's firefox-esr over WebDriver BiDi): see engines/journey.py."""

from __future__ import annotations

from pathlib import Path

from tests.engines import journey
from tests.engines.drivers import FirefoxDriver
from tests.gates import serve


def test_form_export_import_sharing_and_group_page_work_in_firefox(built_site: Path, tmp_path: Path) -> None:
    driver = FirefoxDriver(tmp_path)
    try:
        assert driver.version.startswith("firefox/")
        with serve(built_site) as base:
            journey.run(driver, base, tmp_path)
    finally:
        driver.quit()
