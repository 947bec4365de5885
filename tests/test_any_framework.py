"""Any framework (issue 15): ids the site keeps for its own pages, the framework's own words, and
only the sections a framework has. Built sites of other shapes are in test_framework_shapes.py."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import yaml

from mkdocs_framework.assemble import build_model
from mkdocs_framework.data import framework_data, read_framework_script
from mkdocs_framework.model import DEFAULT_NOTES, Terms
from mkdocs_framework.render import Renderer, SitePaths
from mkdocs_framework.reserved import reserved_ids
from mkdocs_framework.validate import load_framework

from .helpers import REPO, make_site, run_mkdocs, synthetic_framework


def _per_dimension_pages(paths: SitePaths, dimension_id: str) -> set[str]:
    return set(paths.made_from_id(dimension_id))


def test_every_page_the_site_makes_for_itself_is_a_reserved_id() -> None:
    """Against the pages the renderer really makes, not a list: a generated page that is no
    dimension's, in a folder where dimensions get pages, has its name reserved."""
    for paths in (SitePaths(), SitePaths(prefix="assess", worksheets="assess"), SitePaths(directory_urls=True)):
        framework = build_model(synthetic_framework(dimensions=2, criteria=1))
        renderer = Renderer(framework, paths)
        generated = set(renderer.pages()) | {source.path for source in renderer.pdf_sources("today")}
        own = set().union(*(_per_dimension_pages(paths, d.id) for d in framework.dimensions))
        # SitePaths' two lists name every page and file the renderer makes, and nothing more.
        assert generated == own | set(paths.made_once()), (paths, generated ^ (own | set(paths.made_once())))
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
            rf"page the site makes for itself \([^)]*(framework|worksheets|assess)/{dimension_id}\.md[^)]*\)",
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
    assert site.terms == Terms(
        "authority",
        "authorities",
        "Local authority",
        "children or families",
        "Director of children's services, head of performance, two team managers, parent carer forum",
    )
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


# --- only what the framework has --------------------------------------------------------------


def _bare() -> dict[str, Any]:
    """A framework with nothing optional: bare levels and dimensions of criteria alone."""
    framework = synthetic_framework(dimensions=2, criteria=2, themes=2)
    for level in framework["levels"]:
        del level["meaning"]
    for dimension in framework["dimensions"]:
        for section in ("summary", "why_it_matters", "framing_questions", "barriers", "enablers", "related"):
            dimension.pop(section, None)
    return framework


def test_sections_a_framework_leaves_out_leave_no_heading_behind() -> None:
    renderer = Renderer(build_model(_bare()))
    pages = renderer.pages()
    for path, text in pages.items():
        if path.startswith("framework/"):
            assert "None" not in text, path
    dimension = pages["framework/dimension-1.md"]
    for heading in ("Why it matters", "Framing questions", "Barriers", "Enablers", "Related dimensions"):
        assert f"## {heading}" not in dimension
    assert "## Criteria" in dimension
    overview = pages["framework/index.md"]
    assert "What it means" not in overview and "| Summary |" not in overview
    assert "1. Initial" in overview and "| Dimension | Criteria |" in overview


def test_a_criterion_s_guidance_and_blank_lines_make_paragraphs() -> None:
    framework = _bare()
    framework["description"] = "First paragraph of the description.\n\nSecond paragraph."
    framework["dimensions"][0]["summary"] = "Summary, first part.\n\nSummary, second part."
    framework["dimensions"][0]["criteria"][1]["guidance"] = "Look at the records.\n\nThen ask the team."
    renderer = Renderer(build_model(framework))
    dimension = renderer.dimension(renderer.framework.dimensions[0])
    assert "## How to judge the criteria" in dimension
    guidance = "### Criterion 2 of dimension 1 { #guidance-d1-c2 }\n\nLook at the records.\n\nThen ask the team."
    assert guidance in dimension
    assert "Summary, first part.\n\nSummary, second part." in dimension
    assert "First paragraph of the description.\n\nSecond paragraph." in renderer.overview()
    other = renderer.dimension(renderer.framework.dimensions[1])
    assert "How to judge" not in other


def test_a_dimension_whose_title_is_shared_is_named_with_its_theme() -> None:
    framework = synthetic_framework(dimensions=3, criteria=1, themes=3)
    for dimension in framework["dimensions"][:2]:
        dimension["title"] = "Culture"
    model = build_model(framework)
    names = [d.name for d in model.dimensions]
    assert names == ["Culture (Theme 1)", "Culture (Theme 2)", "Dimension number 3"]
    renderer = Renderer(model)
    page = renderer.dimension(model.dimensions[1])
    assert page.startswith('---\ntitle: "Culture (Theme 2)"\n---') and "# Culture (Theme 2)" in page
    assert [d["name"] for d in framework_data(model)["dimensions"]] == names
    # The group page's tables are drawn from the page data (framework-data.js), which names them so.
    sent = read_framework_script(next(iter(renderer.data_files().values())))
    assert [d["name"] for d in sent["dimensions"]] == names


# --- words from the framework ------------------------------------------------------------------


def test_the_group_page_uses_the_frameworks_words() -> None:
    renderer = Renderer(build_model(synthetic_framework()))
    renderer.docs_pages = set()  # a site without this site's page on comparing authorities
    neutral = renderer.assessment_group()
    assert 'title: "Compare a group of organisations"' in neutral
    assert "Hide organisation names" in neutral and "&ldquo;Organisation A&rdquo;" in neutral
    assert not re.search(r"(?i)authorit|child|famil", neutral)
    framework = synthetic_framework()
    framework["terms"] = {"organisation": "team", "organisations": "teams"}
    worded = Renderer(build_model(framework)).assessment_group()
    assert "# Compare a group of teams" in worded and '<th scope="col">Team</th>' in worded
    assert '<th scope="col">Teams with a result</th>' in worded


# --- pages that promise downloads ----------------------------------------------------------------


def test_download_snippets_say_only_what_was_built() -> None:
    from mkdocs_framework.downloads import Download

    renderer = Renderer(build_model(synthetic_framework()))
    nothing = renderer.snippet("downloads", "resources/index.md")
    assert "PDF" not in nothing and "download" not in nothing.lower()
    assert "[print them from your browser](../worksheets/index.md)" in nothing
    assert renderer.snippet("offline_copy", "index.md").strip() == ""
    pack = renderer.paths.worksheet_pack_pdf
    renderer.downloads[pack] = Download(pack, 2048, 3)
    renderer.downloads["offline-copy"] = Download("downloads/x-offline.zip", 0)
    built = renderer.snippet("downloads", "resources/index.md")
    assert "download them as PDF files" in built and "all-worksheets.pdf" in built
    offline = renderer.snippet("offline_copy", "index.md")
    assert offline.startswith("## Use the site without an internet connection") and "x-offline.zip" in offline


def test_a_site_without_pdfs_or_an_offline_copy_promises_neither(tmp_path: Path) -> None:
    config = make_site(tmp_path, synthetic_framework(dimensions=1, criteria=1))
    (tmp_path / "content" / "worksheets-and-more.md").write_text(
        "# Worksheets and more\n\nThe worksheets give you one sheet per dimension.\n\n<!-- framework:downloads -->\n\n"
        "<!-- framework:offline-copy -->\n\n## About\n\nThe end.\n",
        encoding="utf-8",
    )
    site = tmp_path / "site"
    result = run_mkdocs(config, site)  # the plugin's defaults: no PDFs, no offline copy
    assert result.returncode == 0, result.stderr
    html = (site / "worksheets-and-more.html").read_text(encoding="utf-8")
    article = re.sub(r"<[^>]+>", " ", re.search(r"<article.*?</article>", html, re.S).group(0))  # type: ignore[union-attr]
    assert "print them from your browser" in article
    assert "PDF" not in article and "ownload" not in article
    assert "internet connection" not in article and "offline" not in article.lower()
    assert not list(site.glob("**/*.pdf")) and not (site / "downloads").exists()


def test_the_frameworks_words_are_shown_as_typed_never_as_markup() -> None:
    framework = synthetic_framework()
    hostile = "<i>unit</i> *of* [work](x)"
    framework["terms"] = {"organisation": hostile, "organisations": hostile + "s", "organisation_label": hostile}
    framework["notes"] = [{"id": "evidence", "label": hostile, "prompt": hostile}]
    renderer = Renderer(build_model(framework))
    pages = {**renderer.pages(), "pdf": renderer.pdf_sources("today")[0].html}
    for path, text in pages.items():
        assert "<i>unit</i>" not in text, path
    assert "&lt;i&gt;unit&lt;/i&gt; \\*of\\* \\[work\\](x)s" in pages["assess/group.md"]  # Markdown: escaped
    assert "Hide &lt;i&gt;unit&lt;/i&gt; *of* [work](x) names" in pages["assess/group.md"]  # HTML: escaped
    assert '<p class="fw-ws-label">&lt;i&gt;unit&lt;/i&gt; *of* [work](x)</p>' in pages["worksheets/dimension-1.md"]


def test_the_scripts_neutral_words_are_the_plugins() -> None:
    """core/terms.mjs falls back to the same words as model.py, for page data that gives none."""
    import json
    import subprocess

    script = (
        "import {noteFields, terms} from './plugins/mkdocs_framework/js/core/terms.mjs';"
        "console.log(JSON.stringify([terms({title: 'T'}), noteFields({title: 'T'})]))"
    )
    command = ["node", "--input-type=module", "-e", script]
    out = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    js_terms, js_notes = json.loads(out.stdout)
    neutral = framework_data(build_model(synthetic_framework()))
    assert js_terms == neutral["terms"]
    assert js_notes == neutral["notes"]


def test_a_status_note_and_list_items_keep_their_shape_with_blank_lines() -> None:
    framework = synthetic_framework(dimensions=1, criteria=1)
    framework["status_note"] = "First part of the note.\n\nSecond <part>."
    framework["dimensions"][0]["barriers"] = ["A barrier\n\nwith a second paragraph."]
    renderer = Renderer(build_model(framework))
    page = renderer.dimension(renderer.framework.dimensions[0])
    assert "First part of the note.</p>\n<p>Second &lt;part&gt;.</p>" in page
    assert "- A barrier with a second paragraph." in page  # one list item, not a list broken in two
