"""The words the pages use about results, from one file that the browser's scripts import too.

templates/words.json holds every sentence about results (labels such as "No result yet", coverage
phrases, progress). The browser imports it (js/results/words.mjs); here it is read for the Jinja
pages (the global ``words``). templates/scoring-rule.json holds the scoring rule's sentences: the
rule in words is worked out once, here, for the pages (``_scoring_rule.md.j2``) and for the page
data, which hands it to the browser (so the browser's bundles need not carry the sentences).
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

from .model import Framework

SCORING_METHODS = ("mean", "median", "minimum")


def _read(name: str) -> dict[str, Any]:
    text = files(__package__ or "mkdocs_framework").joinpath("templates", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def words() -> dict[str, Any]:
    """Return the shared words (templates/words.json)."""
    return _read("words.json")


@cache
def rule_words() -> dict[str, Any]:
    """Return the scoring rule's sentences (templates/scoring-rule.json)."""
    return _read("scoring-rule.json")


def fill(template: str, **values: object) -> str:
    """Return a template of words.json with each {name} replaced by its value."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def _method_words(framework: Framework, rule: dict[str, Any]) -> list[str]:
    """The sentences that say how a level is worked out, with an example in the framework's labels."""
    method = framework.scoring_method
    labels = [level.label for level in framework.levels]
    n = len(labels)
    if method not in SCORING_METHODS:
        return [fill(text, method=method) for text in rule["method"]["unknown"]]
    example = fill(rule["example"], first=labels[0], top=labels[-1], n=n)
    # The mean of 1, n and n, in tenths, rounded as the browser rounds it; said in whole numbers.
    tenths = int((10 + 20 * n) / 3 + 0.5)
    whole = tenths // 10
    if tenths % 10:
        average = fill(rule["averageBetween"], number=whole, next=whole + 1)
    else:
        average = fill(rule["averageWhole"], number=whole)
    values: dict[str, object] = {
        "example": example,
        "first": labels[0],
        "second": labels[1] if n > 1 else labels[0],
        "top": labels[-1],
        "n": n,
        "average": average,
        "averageLevel": labels[whole - 1],
        "averageNumber": whole,
    }
    return [fill(text, **values) for text in rule["method"][method]]


def _wider_words(framework: Framework, wider: dict[str, str]) -> str:
    """Whether themes and the whole have a result, and why not when they have none."""
    has_themes = len(framework.themes) > 0
    themes_on = framework.theme_results and has_themes
    if themes_on and framework.overall_result:
        return wider["themesAndOverall"]
    if themes_on:
        return wider["themes"]
    if framework.overall_result:
        return wider["overall"] + (wider["overallNoThemes"] if has_themes else "")
    return wider["noneWithThemes"] if has_themes else wider["none"]


def rule_in_words(framework: Framework) -> list[str]:
    """Return the framework's scoring rule in words, one paragraph each, as plain text."""
    rule = rule_words()
    numbered = ", ".join(f"{i} {level.label}" for i, level in enumerate(framework.levels, start=1))
    paragraphs = [fill(rule["levels"], numbered=numbered), *_method_words(framework, rule)]
    if framework.scoring_method in SCORING_METHODS:
        # A result in the words the results give it (words.json), for the top level.
        n = len(framework.levels)
        result = fill(words()["result"]["scored"], level=framework.levels[-1].label, number=n, count=n)
        paragraphs.append(fill(rule["shown"], result=result))
    paragraphs += [rule["answers"], rule["coverage"]]
    if framework.scoring_method in rule["hider"]:
        paragraphs.append(fill(rule["weakSpot"], hider=rule["hider"][framework.scoring_method]))
    # Whether themes and the whole have a result is said on the results pages too: words.json.
    paragraphs.append(_wider_words(framework, words()["rule"]["wider"]))
    return paragraphs
