"""The Word forms (content/resources/forms/*.docx) are the printable resource pages a council fills
in, made by scripts/make_resource_forms.py and committed so that building the site needs neither
the script nor python-docx. Each committed form must say what its page says now: a page changed
without its form being made again fails here, naming the form and how to remake it."""

from __future__ import annotations

import functools
import importlib.util
import io
import re
from types import ModuleType

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from mkdocs_framework.publisher import statement
from mkdocs_framework.validate import load_framework
from tests.helpers import REPO

SCRIPT = REPO / "scripts" / "make_resource_forms.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_resource_forms", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FORMS = load_script()


@functools.cache
def made() -> dict[str, bytes]:
    """Every form made from its page as it is now (once: making them takes a few seconds)."""
    return dict(FORMS.make_all())


def contents(data: bytes) -> list[tuple[str, ...]]:
    """What a reader of the Word file sees, in order: each paragraph's style and text, each table's
    cells row by row, and the title it gives."""
    document = docx.Document(io.BytesIO(data))
    seen: list[tuple[str, ...]] = [("title", document.core_properties.title)]
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            seen.append((block.style.name if block.style else "", block.text))
        elif isinstance(block, Table):
            seen.extend(tuple(cell.text for cell in row.cells) for row in block.rows)
    return seen


@pytest.mark.parametrize("name", FORMS.FORM_PAGES)
def test_each_word_form_says_what_its_page_says_now(name: str) -> None:
    committed = REPO / "content" / "resources" / "forms" / f"{name}.docx"
    assert committed.exists(), f"{committed.name} is missing: run .venv/bin/python scripts/make_resource_forms.py"
    assert contents(committed.read_bytes()) == contents(made()[f"{name}.docx"]), (
        f"content/resources/{name}.md has changed since {committed.name} was made: "
        "run .venv/bin/python scripts/make_resource_forms.py and commit the form"
    )


def test_a_word_form_has_the_pages_headings_unofficial_label_and_room_to_write() -> None:
    page = (REPO / "content" / "resources" / "legal-baseline-checklist.md").read_text(encoding="utf-8")
    document = docx.Document(io.BytesIO(made()["legal-baseline-checklist.docx"]))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts[0] == "Legal baseline checklist"
    assert any(text.startswith("Unofficial checklist. This is part of an unofficial prototype") for text in texts)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == [line[3:] for line in page.splitlines() if line.startswith("## ")]
    # Every check is a row with its answer cells left empty to fill in, under a heading row that
    # repeats on each page.
    first = document.tables[0]
    assert [cell.text for cell in first.rows[0].cells] == [
        "Check",
        "Yes, no or partly",
        "Evidence, owner, action and date",
    ]
    assert all(row.cells[1].text == row.cells[2].text == "" for row in first.rows[1:])
    properties = first.rows[0]._tr.trPr
    assert properties is not None and properties.xpath("./w:tblHeader")
    # The link to the form itself is not part of the form.
    assert not any("Word document" in text for text in texts)


def test_making_a_form_again_gives_the_same_file() -> None:
    page = REPO / "content" / "resources" / "dpia-screening.md"
    again = FORMS.docx_bytes(FORMS.build(page))
    assert again == made()["dpia-screening.docx"] and again.startswith(b"PK")


def test_the_board_cover_paper_form_carries_the_status_statement_word_for_word() -> None:
    """The board cover paper's page links to its Word form, and the form keeps the statement of what
    the framework is (the same words every page carries: publisher.statement), and the paper's parts."""
    page = (REPO / "content" / "resources" / "board-cover-paper.md").read_text(encoding="utf-8")
    assert "[download it as a Word document](forms/board-cover-paper.docx)" in page
    document = docx.Document(io.BytesIO(made()["board-cover-paper.docx"]))
    texts = [paragraph.text for paragraph in document.paragraphs]
    organisation = re.search(r'^\s+organisation: "(.+)"$', (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert organisation
    said = statement(load_framework(REPO / "framework.yml"), organisation.group(1))
    assert said.startswith("Prototype framework, version ") and "unofficial prototype" in said
    assert texts[texts.index("Status of the framework") + 1] == said
    # The paper's sections, at the levels the page gives them, and no Markdown left in the words.
    for level, marks in ((1, "## "), (2, "### ")):
        headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == f"Heading {level}"]
        assert headings == [line[len(marks) :] for line in page.splitlines() if line.startswith(marks)]
    assert "Title: Using children's information well: self-assessment results and action plan" in texts
    assert not any(mark in text for text in texts for mark in ("**", "###", "&nbsp;", "<!--", "](")), texts
