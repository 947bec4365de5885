"""Real `mkdocs build --strict` runs: the shipped site and small fixture frameworks."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

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


def test_every_dimension_has_a_page_with_everything_a_reader_needs(built_site: Path) -> None:
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    assert 10 <= len(framework.dimensions) <= 12
    for dimension in framework.dimensions:
        html = read(built_site, f"framework/{dimension.id}.html")
        page = article(html)
        text = " ".join(" ".join(page.text).split())
        assert page.headings[0] == dimension.title
        for heading in ("Why it matters", "Framing questions", "Criteria", "Barriers", "Enablers"):
            assert heading in page.headings, (dimension.id, heading)
        assert f"Prototype framework, version {framework.version}." in text
        for question in dimension.framing_questions:
            assert " ".join(question.split()) in text
        for criterion in dimension.criteria:
            assert criterion.title in text
            for descriptor in criterion.descriptors:
                assert " ".join(descriptor.split()) in text
        for level in framework.levels:
            assert f'<th scope="col">{level.label}</th>' in html


def test_shipped_framework_meets_the_content_brief() -> None:
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    assert framework.status == "prototype"
    assert 4 <= len(framework.levels) <= 5
    for dimension in framework.dimensions:
        assert 4 <= len(dimension.framing_questions) <= 8, dimension.id
        assert 3 <= len(dimension.criteria) <= 6, dimension.id
        assert dimension.barriers and dimension.enablers and dimension.resources, dimension.id
        for criterion in dimension.criteria:
            assert len(set(criterion.descriptors)) == len(framework.levels), criterion.id


def test_overview_lists_levels_and_links_every_dimension(built_site: Path) -> None:
    framework = load_framework(REPO / "framework.yml", REPO / "content")
    html = read(built_site, "framework/index.html")
    text = " ".join(article(html).text)
    assert f"Prototype framework, version {framework.version}." in text
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


def test_site_requests_nothing_from_other_hosts(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(
            r"""(src|href)=["']?(https?:)?//""",
            html.replace('href="https://www.equalityhumanrights', "").replace(
                'href="https://www.equalityadvisoryservice', ""
            ),
        ), page
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
