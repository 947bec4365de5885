"""The bench's timing of the group page (bench/group.py, issue 14) measures what it says: every
step runs on the real page and the goals judge its figures. No timing is asserted."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from bench import run
from bench.group import time_group


def test_the_group_page_is_timed_opening_sorting_filtering_hiding_and_removing(
    built_site: Path, browser: Browser
) -> None:
    measured = time_group(browser, built_site, count=6, runs=1)
    for key in ("open_ms", "profiles_ms", "sort_ms", "filter_ms", "hide_names_ms", "show_names_ms", "remove_ms"):
        assert measured[key] > 0, key
    assert measured["exports"] == 6
    goals = {g["goal"]: g for g in run.goals({"group": measured})}
    assert goals["group page: 200 exports open and draw within 1 s"]["value"] == measured["open_ms"]
    assert goals["group page with 200 exports: removing a file within 100 ms"]["limit"] == 100


def test_a_site_without_the_group_page_is_not_measured(tmp_path: Path, browser: Browser) -> None:
    assert "not_measured" in time_group(browser, tmp_path)
