"""Any framework (issue 15): ids the site keeps for its own pages, the framework's own words, and
only the sections a framework has. Built sites of other shapes are in test_framework_shapes.py."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import yaml

from mkdocs_framework.data import framework_data
from mkdocs_framework.model import DEFAULT_NOTES, Terms
from mkdocs_framework.render import Renderer, SitePaths
from mkdocs_framework.reserved import reserved_ids
from mkdocs_framework.validate import build_model, load_framework

from .helpers import REPO, make_site, run_mkdocs, synthetic_framework


def _per_dimension_pages(paths: SitePaths, dimension_id: str) -> set[str]:
    """Every address SitePaths makes from a dimension's id (its methods whose parameter is the dimension)."""
    return {
        getattr(paths, name)(dimension_id)
        for name in dir(paths)
        if not name.startswith("_")
        and callable(getattr(paths, name))
        and name not in ("output_dir", "output_file", "href", "file_href", "asset")
        and getattr(type(paths), name).__code__.co_varnames[1:2] == ("dimension",)
    }


def test_every_page_the_site_makes_for_itself_is_a_reserved_id() -> None:
    """Against the pages the renderer really makes, not a list: a generated page that is no
    dimension's, in a folder where dimensions get pages, has its name reserved."""
    for paths in (SitePaths(), SitePaths(prefix="assess", worksheets="assess"), SitePaths(directory_urls=True)):
        framework = build_model(synthetic_framework(dimensions=2, criteria=1))
        renderer = Renderer(framework, paths)
        generated = set(renderer.pages()) | {source.path for source in renderer.pdf_sources("today")}
        own = set().union(*(_per_dimension_pages(paths, d.id) for d in framework.dimensions))
        patterns = {posixpath.split(p) for p in _per_dimension_pages(paths, "\x00")}
        reserved = reserved_ids(paths)
        for page in generated - own:
            folder, name = posixpath.split(page)
            for pattern_folder, pattern in patterns:
                before, after = pattern.split("\x00")
                if folder == pattern_folder and name.startswith(before) and name.endswith(after):
                    assert name[len(before) : len(name) - len(after)] in reserved, (page, paths)
    assert {"index", "changes", "all-worksheets"} <= set(reserved_ids(SitePaths()))
    # When the guidance and the form share a folder, the form's pages are kept too.
    assert {"group", "shared", "index", "changes"} <= set(reserved_ids(SitePaths(prefix="assess")))


def _with_ids(*ids: str) -> dict[str, Any]:
    framework = synthetic_framework(dimensions=len(ids) + 1, criteria=1)
    for dimension, new_id in zip(framework["dimensions"], ids, strict=False):
        dimension["id"] = new_id
        dimension.pop("related", None)
    for dimension in framework["dimensions"]:
        dimension.pop("related", None)
    return framework


def test_a_build_with_a_dimension_named_like_a_site_page_stops_cleanly(tmp_path: Path) -> None:
    config = make_site(tmp_path, _with_ids("index", "changes"))
    site = tmp_path / "site"
    result = run_mkdocs(config, site)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "framework.yml has 2 problems; nothing was built." in result.stderr
    text = (tmp_path / "framework.yml").read_text(encoding="utf-8").splitlines()
    for number, dimension_id in enumerate(("index", "changes")):
        line = next(n for n, row in enumerate(text, start=1) if row.strip() == f"- id: {dimension_id}")
        column = text[line - 1].index("id:") + 1
        # The page it is kept for: framework/index.md, say, or the form's or the worksheets' own.
        assert re.search(
            rf"framework\.yml:{line}:{column}: dimensions\[{number}\]\.id: '{dimension_id}' is the name of a "
            rf"page the site makes for itself \((framework|worksheets|assess)/{dimension_id}\.md\)",
            result.stderr,
        ), result.stderr
    assert "Fix: Give this dimension another id." in result.stderr
    assert not site.exists()


def test_the_reserved_ids_follow_the_sites_folders(tmp_path: Path) -> None:
    """With the guidance in the form's folder, a dimension may not be called 'group': the message
    names the page as this site's settings place it."""
    config = make_site(tmp_path, _with_ids("group"), nav=False)
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["plugins"] = ["search", {"framework": {"path": "assess"}}]
    config.write_text(yaml.safe_dump(settings), encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs(config, site)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "'group' is the name of a page the site makes for itself (assess/group.md)" in result.stderr
    assert not site.exists()


def test_the_site_sets_todays_words_and_other_frameworks_get_neutral_ones() -> None:
    site = load_framework(REPO / "framework.yml", REPO / "content")
    assert site.terms == Terms("authority", "authorities", "Local authority", "children or families")
    assert site.terms.organisation_capitalised == "Authority"
    assert [n.id for n in site.notes] == ["evidence", "views"]
    views = site.notes[1]
    assert views.label == "How children's and families' views informed your judgement"
    assert views.column == "Children's and families' views"
    data = framework_data(site)
    assert data["terms"]["organisationLabel"] == "Local authority"
    assert data["notes"][1]["prompt"] == "How did children's and families' views inform this judgement?"

    neutral = build_model(synthetic_framework())
    assert neutral.terms == Terms()
    assert neutral.notes == DEFAULT_NOTES
    text = yaml.safe_dump(framework_data(neutral)["terms"]) + yaml.safe_dump(framework_data(neutral)["notes"])
    assert not re.search(r"(?i)child|famil|authorit", text)


def test_notes_fields_are_the_frameworks_own() -> None:
    framework = synthetic_framework()
    framework["notes"] = [{"id": "views", "label": "What staff told you"}]
    model = build_model(framework)
    assert [(n.id, n.label, n.prompt, n.column, n.name) for n in model.notes] == [
        ("views", "What staff told you", "What staff told you", "What staff told you", "what staff told you")
    ]
    framework["notes"] = []
    assert build_model(framework).notes == ()
