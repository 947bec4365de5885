"""Real `mkdocs build --strict` runs: the shipped site and small fixture frameworks."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES, REPO, make_site, run_mkdocs, synthetic_framework


class _Text(HTMLParser):
    """Collects what a reader sees in the article, and the nav's link texts."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.headings: list[str] = []
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3"):
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3"):
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_heading:
            self.headings[-1] += data


def article(html: str) -> _Text:
    match = re.search(r"<article[^>]*>(.*?)</article>", html, re.S)
    assert match, "page has no article"
    parser = _Text()
    parser.feed(match.group(1))
    return parser


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


# --- the shipped site ------------------------------------------------------------------------


# The structure the Children's Information Project published in January 2026 ("Explore our
# Framework"): what a team assesses, by the project's own names.
PROJECT_PRACTICES = (
    "Bringing voice into co-design of information use",
    "Using theory of change to improve information use",
    "Mapping information",
    "Mapping systems",
    "Using broad sources of local information",
    "Integrating voice information into aggregate and strategic reporting",
    "Improving voice in operational information use",
    "Drawing from national datasets",
)
PROJECT_ENABLERS = ("Infrastructure and governance", "Behaviours and culture")
PROJECT_APPROACHES = (
    "integrating voice",
    "understanding needs",
    "making best use of available information",
    "ensuring appropriate action and learning",
)


def shipped_framework() -> dict[str, Any]:
    """framework.yml as written, read without the plugin, so these checks do not depend on it."""
    data = yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def squashed(text: str) -> str:
    return " ".join(text.split())


def test_every_dimension_has_a_page_with_everything_a_reader_needs(built_site: Path) -> None:
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    for dimension in framework.dimensions:
        html = read(built_site, f"framework/{dimension.id}.html")
        page = article(html)
        text = squashed(" ".join(page.text))
        assert page.headings[0] == dimension.title
        for heading in ("Why it matters", "Framing questions", "Criteria", "Barriers", "Enablers"):
            assert heading in page.headings, (dimension.id, heading)
        assert f"Prototype framework, version {framework.version}" in text
        for question in dimension.framing_questions:
            assert squashed(question) in text
        for criterion in dimension.criteria:
            assert criterion.title in text
            assert criterion.guidance and squashed(criterion.guidance.split("\n")[0]) in text, criterion.title
            for descriptor in criterion.descriptors:
                assert squashed(descriptor) in text
        for level in framework.levels:
            assert f'<th scope="col">{level.label}</th>' in html


def test_shipped_framework_assesses_the_projects_practices_and_enablers_by_their_names() -> None:
    data = shipped_framework()
    themes = {theme["id"]: theme["title"] for theme in data["themes"]}
    assessed = [(themes[d["theme"]], d["title"]) for d in data["dimensions"]]
    assert assessed == [("Information use practices", name) for name in PROJECT_PRACTICES] + [
        ("System enablers", name) for name in PROJECT_ENABLERS
    ]


def test_shipped_framework_is_framed_by_the_projects_principles_and_approaches() -> None:
    data = shipped_framework()
    overview = squashed(data["description"]).lower()
    for words in ("effective", "ethical", *PROJECT_APPROACHES):
        assert words in overview, words
    # The project has not published which approach each practice serves, and the site says so.
    assert "has not said which approach each practice serves" in overview
    for dimension in data["dimensions"]:
        assert "Children's Information Project names" in squashed(dimension["why_it_matters"]), dimension["title"]


def test_shipped_framework_says_it_is_an_unofficial_prototype_with_untested_levels() -> None:
    data = shipped_framework()
    assert data["status"] == "prototype"
    for field in ("status_note", "credit"):
        text = squashed(data[field])
        assert "unofficial prototype" in text and "publisher of this site" in text, field
    note = squashed(data["status_note"])
    assert "not the Children's Information Project's framework" in note
    assert "levels have not been tested" in note


def test_shipped_framework_states_the_law_as_a_floor_not_a_level() -> None:
    data = shipped_framework()
    overview = squashed(data["description"])
    assert "The law is the floor, not a level." in overview
    for law in ("UK GDPR", "Data Protection Act 2018", "Data (Use and Access) Act 2025", "duties to share"):
        assert law in overview, law
    descriptors = [
        squashed(text) for d in data["dimensions"] for c in d["criteria"] for text in c["descriptors"].values()
    ]
    assert not [text for text in descriptors if "GDPR" in text or "Data Protection Act" in text]


def test_shipped_framework_meets_the_content_brief() -> None:
    data = shipped_framework()
    levels = [level["id"] for level in data["levels"]]
    assert [level["label"] for level in data["levels"]] == [
        "Emerging",
        "Developing",
        "Established",
        "Embedded",
        "Leading",
    ]
    for dimension in data["dimensions"]:
        name = dimension["title"]
        assert dimension["summary"] and dimension["why_it_matters"], name
        assert 4 <= len(dimension["framing_questions"]) <= 8, name
        assert 3 <= len(dimension["criteria"]) <= 6, name
        assert dimension["barriers"] and dimension["enablers"] and dimension["resources"] and dimension["related"], name
        for criterion in dimension["criteria"]:
            where = (name, criterion["title"])
            guidance = squashed(criterion.get("guidance", ""))
            assert "Judge" in guidance and "Evidence might include:" in guidance, where
            descriptors = criterion["descriptors"]
            assert list(descriptors) == levels, where
            assert len({squashed(text).lower() for text in descriptors.values()}) == len(levels), where
            for text in descriptors.values():
                assert not text.lower().startswith(("more ", "as ", "same as")), where


def test_shipped_framework_covers_automated_and_ai_tools() -> None:
    data = shipped_framework()
    criteria = [c for d in data["dimensions"] for c in d["criteria"]]
    about_tools = [c for c in criteria if "AI" in c["title"] or "automated" in c["title"].lower()]
    assert len(about_tools) >= 3
    everything = squashed(yaml.safe_dump(data["dimensions"]))
    assert "AI-drafted" in everything and "predictive analytics" in everything


def test_shipped_framework_says_how_0_1_0_answers_reach_it() -> None:
    data = shipped_framework()
    earlier = [entry for entry in data["history"] if entry["version"] == "0.1.0"]
    assert len(earlier) == 1
    entry = earlier[0]
    assert entry["summary"] and entry.get("removed")
    # The history is checked against the whole 0.1.0 framework by the upgrade tests; here, that it says
    # something about each earlier id it names, and names none of this version's ids as removed.
    current = {d["id"] for d in data["dimensions"]} | {c["id"] for d in data["dimensions"] for c in d["criteria"]}
    assert not current & set(entry["removed"])


def test_overview_lists_levels_and_links_every_dimension(built_site: Path) -> None:
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    html = read(built_site, "framework/index.html")
    text = " ".join(article(html).text)
    assert f"Prototype framework, version {framework.version}" in text
    for level in framework.levels:
        assert level.label in text and (level.meaning or "") in text
    for dimension in framework.dimensions:
        assert f'href="{dimension.id}.html"' in html
    for theme in framework.themes:
        assert theme.title in text


def test_navigation_is_generated_in_framework_order(built_site: Path) -> None:
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    html = read(built_site, "index.html")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    positions = [nav.index(f"framework/{d.id}.html") for d in framework.dimensions]
    assert positions == sorted(positions)


def test_footer_links_to_accessibility_statement_and_privacy_notice(built_site: Path) -> None:
    for page in ("index.html", "framework/index.html", "resources/running-a-workshop.html"):
        html = read(built_site, page)
        prefix = "../" if "/" in page else ""
        assert f'href="{prefix}accessibility.html">Accessibility statement</a>' in html
        assert f'href="{prefix}privacy.html">Privacy notice</a>' in html


# Anything that loads with the page: scripts, styles, images, frames, media, fonts, icons.
LOADED_FROM_ELSEWHERE = re.compile(
    r"""<(?:script|link|img|iframe|source|audio|video|embed|object|track|input)\b[^>]*?"""
    r"""\b(?:src|href|srcset|data|poster)=["']?(?:https?:)?//""",
    re.I,
)


def test_site_requests_nothing_from_other_hosts(built_site: Path) -> None:
    """Pages may link to other websites (the about page cites the project's pages), but nothing a
    page loads comes from another host."""
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not LOADED_FROM_ELSEWHERE.search(html), page
        assert not re.search(r"url\(\s*[\"']?(?:https?:)?//", html), page
        assert "fonts.googleapis" not in html and "unpkg.com" not in html, page


# --- fixture frameworks ----------------------------------------------------------------------


@pytest.mark.parametrize(("levels", "dimensions"), [(2, 3), (7, 3), (5, 1)])
def test_fixture_framework_builds_strictly(tmp_path: Path, levels: int, dimensions: int) -> None:
    data = synthetic_framework(levels=levels, dimensions=dimensions, criteria=2)
    site = tmp_path / "site"
    result = run_mkdocs(make_site(tmp_path, data), site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    html = read(site, "framework/dimension-1.html")
    columns = re.findall(r'<th scope="col">([^<]+)</th>', html)
    assert columns == ["Criterion"] + [level["label"] for level in data["levels"]]
    assert len(re.findall(r"<td data-level=", html)) == levels * 2
    assert len(list((site / "framework").glob("dimension-*.html"))) == dimensions
    if dimensions == 1:
        assert "Next dimension" not in html and "Previous dimension" not in html


def test_adding_a_dimension_needs_no_other_edit(tmp_path: Path) -> None:
    data = synthetic_framework(dimensions=2, themes=2)
    config = make_site(tmp_path, data)
    data["dimensions"].append(
        {
            **data["dimensions"][0],
            "id": "a-new-one",
            "title": "A new dimension",
            "criteria": [{**data["dimensions"][0]["criteria"][0], "id": "new-c1"}],
        }
    )
    (tmp_path / "framework.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = run_mkdocs(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = read(tmp_path / "site", "framework/a-new-one.html")
    assert "<h1" in page and "A new dimension" in page
    assert 'href="framework/a-new-one.html"' in read(tmp_path / "site", "index.html")


def test_site_without_a_nav_still_builds(tmp_path: Path) -> None:
    result = run_mkdocs(
        make_site(tmp_path, (FIXTURES / "frameworks" / "small.yml").read_text(), nav=False), tmp_path / "site"
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "framework" / "first-dimension.html").exists()


def test_text_from_the_framework_is_shown_as_typed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_mkdocs(make_site(tmp_path, (FIXTURES / "frameworks" / "small.yml").read_text()), site)
    assert result.returncode == 0, result.stderr
    html = read(site, "framework/index.html")
    assert "*stars*, _underscores_, [brackets], a | pipe and &lt;b&gt;tags&lt;/b&gt;" in html
    assert "<b>tags</b>" not in html
    dimension = read(site, "framework/first-dimension.html")
    assert "# Is this a heading? It must not become one." in dimension


def test_generated_page_clashing_with_a_real_page_is_reported(tmp_path: Path) -> None:
    config = make_site(tmp_path, (FIXTURES / "frameworks" / "small.yml").read_text())
    (tmp_path / "content" / "framework").mkdir()
    (tmp_path / "content" / "framework" / "first-dimension.md").write_text("# Hand-written\n")
    result = run_mkdocs(config, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "framework/first-dimension.md" in result.stderr and "also exist in the docs folder" in result.stderr
