"""Golden tests of the generated Markdown: one input framework, one file per expected page.

Rewrite with UPDATE_GOLDEN=1 and review the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from mkdocs_framework.render import Renderer, md_escape
from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES, GOLDEN, assert_golden

SMALL = FIXTURES / "frameworks" / "small.yml"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    framework = load_framework(SMALL, FIXTURES / "docs")
    return Renderer(framework).pages()


GUIDANCE_AND_WORKSHEETS = [
    "framework/index.md",
    "framework/first-dimension.md",
    "framework/second-dimension.md",
    "framework/changes.md",
    "worksheets/index.md",
    "worksheets/first-dimension.md",
    "worksheets/second-dimension.md",
]


def test_generated_pages(pages: dict[str, str]) -> None:
    assessment = ["assess/index.md", "assess/group.md", "assess/shared.md", "assess/team.md", "assess/report.md"]
    steps = ["assess/first-dimension.md", "assess/second-dimension.md", "assess/check.md"]
    assert sorted(pages) == sorted([*GUIDANCE_AND_WORKSHEETS, *assessment, *steps])


@pytest.mark.parametrize("page", GUIDANCE_AND_WORKSHEETS)
def test_generated_markdown_matches_golden(pages: dict[str, str], page: str) -> None:
    assert_golden(pages[page], GOLDEN / "render" / page)


def test_resource_link_title_comes_from_the_page_heading(pages: dict[str, str]) -> None:
    assert "[A practical guide](../resources/guide.md): How to run the review." in pages["framework/first-dimension.md"]
    assert "[The second part of the guide](../resources/guide.md#second-part)" in pages["framework/first-dimension.md"]


@pytest.mark.parametrize(
    "text",
    [
        "*stars* and _underscores_",
        "[a link](http://example.org)",
        "<b>bold</b> & <script>x()</script>",
        "# not a heading",
        "- not a list",
        "1. not a numbered list",
        "back\\slash `code` {: .attr }",
    ],
)
def test_escaped_text_shows_exactly_as_typed(text: str) -> None:
    html = markdown.markdown(str(md_escape(text)), extensions=["attr_list"])
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[3:-4]
    assert inner.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_site_can_override_a_template(tmp_path: Path) -> None:
    (tmp_path / "overview.md.j2").write_text("# Overridden {{ framework.title | md }}\n", encoding="utf-8")
    framework = load_framework(SMALL, FIXTURES / "docs")
    overview = Renderer(framework, extra_template_dirs=[tmp_path]).overview()
    assert overview == "# Overridden Test framework for &lt;rendering&gt; &amp; escaping\n"
