"""The scoring rule a framework declares: checked in framework.yml, put in words by the partial
_scoring_rule.md.j2 (form, worksheets, report) and by ruleInWords() in core/scoring.mjs, which
must say the same."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_framework.data import framework_data
from mkdocs_framework.problems import FrameworkError
from mkdocs_framework.render import _environment
from mkdocs_framework.validate import load_framework
from mkdocs_framework.words import rule_in_words
from tests.helpers import synthetic_framework

ROOT = Path(__file__).resolve().parent.parent
SCORING = (ROOT / "plugins/mkdocs_framework/js/core/scoring.mjs").as_uri()


def framework_file(tmp_path: Path, scoring: dict[str, Any] | None, themes: int = 0, levels: int = 4) -> Path:
    data = synthetic_framework(levels=levels, themes=themes)
    data["levels"][0]["label"] = "<b>Low</b> & *starting*"
    if scoring is not None:
        data["scoring"] = scoring
    path = tmp_path / "framework.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def paragraphs(markup: str) -> list[str]:
    return [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", markup)]


def in_words_from_js(data: dict[str, Any]) -> list[str]:
    call = f"console.log(JSON.stringify(ruleInWords({json.dumps(data)})));"
    script = f"import {{ ruleInWords }} from {json.dumps(SCORING)};\n{call}"
    out = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout))


CASES = [
    ({"method": "mean"}, 0, 4),
    ({"method": "median"}, 2, 5),
    ({"method": "minimum"}, 2, 2),
    ({"method": "mean", "theme_results": True}, 2, 3),
    ({"method": "median", "overall_result": True}, 2, 7),
    ({"method": "minimum", "theme_results": True, "overall_result": True}, 3, 4),
    ({"method": "minimum", "overall_result": True}, 0, 4),
    (None, 0, 5),
]


@pytest.mark.parametrize(("scoring", "themes", "levels"), CASES)
def test_the_partial_and_the_script_give_the_same_words(
    tmp_path: Path, scoring: dict[str, Any] | None, themes: int, levels: int
) -> None:
    framework = load_framework(framework_file(tmp_path, scoring, themes, levels))
    markup = _environment([]).get_template("_scoring_rule.md.j2").render(framework=framework)
    words = paragraphs(markup)
    assert words == in_words_from_js(framework_data(framework))
    # Labels are shown exactly as typed, never run as markup.
    assert "<b>" not in markup
    assert words[0].startswith("Each level has a number: 1 <b>Low</b> & *starting*, 2 ")
    method = (scoring or {}).get("method", "mean")
    assert f'data-scoring-rule="{method}"' in markup


def test_the_example_shows_how_the_methods_differ(tmp_path: Path) -> None:
    said = {}
    for method in ("mean", "median", "minimum"):
        framework = load_framework(framework_file(tmp_path, {"method": method}, levels=5))
        said[method] = " ".join(in_words_from_js(framework_data(framework)))
    low = "<b>Low</b> & *starting*"
    assert (
        f"answers of {low} (1), Established (5) and Established (5) give an average between 3 and 4, so the level is"
        " Emerging (3)." in said["mean"]
    )
    # The levels are untested: the rule promises whole levels only, never a figure to a decimal place.
    for method in said:
        assert "A result shows only the whole level, for example “Established (level 5 of 5)”." in said[method]
        assert not re.search(r"\d\.\d|decimal", said[method]), said[method]
    assert "give a middle value of 5, which is Established (5)." in said["median"]
    assert f"give {low} (1)." in said["minimum"]
    assert "There is no overall result: a figure across different practices would hide the weak ones" in said["mean"]


WRONG = [
    (
        {"method": "weakest"},
        "scoring.method: 'weakest' is not an allowed value.",
        "Use one of: 'mean', 'median', 'minimum'.",
    ),
    (
        {"overall_result": "yes"},
        "scoring.overall_result: expected true or false but found text.",
        "Write true or false here.",
    ),
    ({"theme_result": True}, "scoring.theme_result: 'theme_result' is not a field", "Did you mean 'theme_results'?"),
    ({"theme_results": True}, "scoring.theme_results: asks for a result for each theme, but", "Add themes:"),
]


@pytest.mark.parametrize(("scoring", "line", "fix"), WRONG)
def test_a_wrong_scoring_rule_is_refused_naming_file_line_and_field(
    tmp_path: Path, scoring: dict[str, Any], line: str, fix: str
) -> None:
    path = framework_file(tmp_path, scoring)
    with pytest.raises(FrameworkError) as raised:
        load_framework(path)
    report = str(raised.value)
    number = next(n for n, text in enumerate(path.read_text().splitlines(), start=1) if text.startswith("scoring:"))
    assert re.search(rf"framework\.yml:{number + 1}:\d+: " + re.escape(line), report), report
    assert fix in report


def test_the_rule_names_the_method_its_weak_spots_and_wider_results(tmp_path: Path) -> None:
    def said(scoring: dict[str, Any], themes: int = 0) -> str:
        framework = load_framework(framework_file(tmp_path, scoring, themes, levels=5))
        return " ".join(rule_in_words(framework))

    mean = said({"method": "mean"})
    assert "is a weak spot. The result names it, because an average can hide it." in mean
    # Said so a reader sees what does not count: "Not sure yet" and blanks wait for a level.
    assert (
        "A result counts only the criteria you have given a level. It leaves out criteria marked “Not sure yet” or"
        " “Not applicable”, and criteria not yet answered." in mean
    )
    assert "count once they are answered" not in mean
    assert "the weakest answered criterion sets the level" in said({"method": "minimum"})
    assert "weak spot" not in said({"method": "minimum"})
    assert "no overall result and no result for each theme" in said({"method": "mean"}, themes=2)
    assert "Each theme also has a result, worked out" in said({"method": "mean", "theme_results": True}, themes=2)
    assert "and there is one overall result" in said(
        {"method": "mean", "theme_results": True, "overall_result": True}, themes=2
    )
    assert "Themes have no result of their own" in said({"method": "median", "overall_result": True}, themes=2)
