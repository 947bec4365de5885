"""One instruction for choosing a level, one rule for settling disagreement and one account of
targets (issue 29): worded once (templates/_choosing.html.j2) and the same, word for word, wherever
a level is chosen: each step of the form, the team view, every worksheet and its PDF, and the
site's workshop and action-planning guides."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest

from mkdocs_framework.model import Framework
from mkdocs_framework.render import Renderer


def words(markup: str) -> str:
    """What a reader sees of some HTML: its text, with spaces squashed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def pdf_words(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def rules(framework: Framework) -> dict[str, str]:
    """Each instruction as the template words it, for this site's framework."""
    module = Renderer(framework).env.get_template("_choosing.html.j2").make_module({"framework": framework})
    made = {
        name: words(str(getattr(module, name)())) for name in ("choosing_a_level", "settling_disagreement", "targets")
    }
    assert "highest level whose descriptor is wholly true" in made["choosing_a_level"]
    assert "only partly true" in made["choosing_a_level"]
    assert "lower level" in made["settling_disagreement"]
    return made


def page_words(site: Path, address: str) -> str:
    return words((site / address).read_text(encoding="utf-8"))


def test_every_step_of_the_form_says_how_to_choose_a_level(
    built_site: Path, framework: Framework, rules: dict[str, str]
) -> None:
    for dimension in framework.dimensions:
        assert rules["choosing_a_level"] in page_words(built_site, f"assess/{dimension.id}.html"), dimension.id


def test_the_team_view_says_how_to_choose_and_how_to_settle_disagreement(
    built_site: Path, rules: dict[str, str]
) -> None:
    team = page_words(built_site, "assess/team.html")
    assert rules["choosing_a_level"] in team and rules["settling_disagreement"] in team


def test_every_worksheet_and_its_pdf_say_the_same(
    built_site: Path, framework: Framework, rules: dict[str, str]
) -> None:
    for dimension in framework.dimensions:
        sheet = page_words(built_site, f"worksheets/{dimension.id}.html")
        printed = pdf_words(built_site / "worksheets" / f"{dimension.id}.pdf")
        for rule in ("choosing_a_level", "settling_disagreement"):
            assert rules[rule] in sheet, (dimension.id, rule)
            assert rules[rule] in printed, (dimension.id, rule)


def test_the_guides_give_the_same_words(built_site: Path, rules: dict[str, str]) -> None:
    workshop = page_words(built_site, "resources/running-a-workshop.html")
    assert rules["choosing_a_level"] in workshop and rules["settling_disagreement"] in workshop
    # The guide no longer gives a rule of its own that differs ("the level most people support").
    assert "most people support" not in workshop
    assert rules["targets"] in page_words(built_site, "resources/action-planning.html")
