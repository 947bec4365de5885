"""Make the Word forms a council fills in from the printable resource pages (content/resources/).

Each form is made from its page's own Markdown, so the page stays the one place its words are
written: headings, paragraphs, lists and the tables with room to write become the same in Word,
and the ruled writing lines become empty lines to type on. The .docx files are committed beside
the pages (content/resources/forms/) and published with the site, so building the site needs
neither this script nor python-docx; tests/test_resource_forms.py makes them again and fails,
naming the form, when a page has changed and its form has not been remade.

Run from the repository's root: .venv/bin/python scripts/make_resource_forms.py
"""

from __future__ import annotations

import datetime
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import yaml
from docx.document import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "content" / "resources"
FORMS = PAGES / "forms"
FORM_PAGES = (
    "legal-baseline-checklist",
    "dpia-screening",
    "retention-periods",
    "data-map-template",
    "case-file-audit-prompts",
    "board-cover-paper",
)
"""The resources a council fills in, each made into a Word form of the same name."""

STATEMENT = re.compile(r"<!--\s*framework:statement\s*-->")
"""Where a page carries the statement of what the framework is (publisher.statement)."""

FIXED_TIME = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
"""Written into every form, so that the same page always makes the same file."""

LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")
BOLD = re.compile(r"\*\*(.+?)\*\*")
FILL_LINE = re.compile(r'<span class="fw-fill-line"></span>')
LINES = re.compile(r'<div class="fw-form-lines"[^>]*>((?:<span></span>)+)</div>')


def plain(text: str) -> str:
    """Markdown inline text as it reads: links become their words, the fill-in line a rule to write on."""
    text = LINK.sub(r"\1", text)
    text = FILL_LINE.sub("____________________", text)
    return text.replace("&nbsp;", "\u00a0").strip()


def add_runs(paragraph: Paragraph, text: str) -> None:
    """Add text to a paragraph, with **bold** parts bold."""
    for index, part in enumerate(BOLD.split(plain(text))):
        if part:
            paragraph.add_run(part).bold = index % 2 == 1


def writing_lines(document: Document, count: int) -> None:
    """Lines to type or write on: each an empty paragraph whose one tab runs to the right margin
    over a line (a tab leader), so that each line shows however Word groups the paragraphs."""
    section = document.sections[0]
    width = section.page_width - section.left_margin - section.right_margin
    for _ in range(count):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(10)
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.LINES)
        paragraph.add_run("\t")


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def add_table(document: Document, rows: list[str], tall: bool) -> None:
    """A Markdown table as a Word table: the heading row repeats on each page; empty cells have room
    to write, more where the page gives its table taller rows (fw-form--tall)."""
    head, body = cells(rows[0]), [cells(row) for row in rows[2:]]
    table: Table = document.add_table(rows=1 + len(body), cols=len(head))
    table.style = "Table Grid"
    for column, text in enumerate(head):
        cell = table.rows[0].cells[column]
        cell.paragraphs[0].add_run(plain(text)).bold = True
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for number, row in enumerate(body, start=1):
        for column, text in enumerate(row[: len(head)]):
            add_runs(table.rows[number].cells[column].paragraphs[0], text)
        table.rows[number].height = Mm(16) if tall or not any(row) else Mm(9)
        table.rows[number].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def framework_statement() -> str:
    """The statement of what the framework is, as the site's pages carry it (publisher.statement):
    from framework.yml, naming the publisher that mkdocs.yml gives (extra: contact: organisation)."""
    from mkdocs_framework.publisher import statement
    from mkdocs_framework.validate import load_framework

    class Loader(yaml.SafeLoader):
        """mkdocs.yml as plain data: its tags (!ENV, !!python/name) are read as nothing."""

    Loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader) or {}
    contact = (config.get("extra") or {}).get("contact") or {}
    return statement(load_framework(ROOT / "framework.yml"), str(contact.get("organisation") or ""))


def build(page: Path) -> Document:
    """The Word form made from one resource page's Markdown."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    lines = page.read_text(encoding="utf-8").splitlines()
    table: list[str] = []
    tall = False
    for line in [*lines, ""]:
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            add_table(document, table, tall)
            table = []
        text = line.strip()
        if text.startswith('<div class="fw-form'):
            tall = "fw-form--tall" in text
        ruled = LINES.search(text)
        if ruled:
            writing_lines(document, ruled.group(1).count("<span>"))
        elif STATEMENT.fullmatch(text):
            # Word for word, as every page, worksheet and report carries it.
            said = framework_statement()
            if said:  # a published framework has none
                document.add_paragraph().add_run(said).bold = True
        elif not text or text.startswith("<") or "](forms/" in text:
            continue  # layout, and the link to the form itself
        elif text.startswith("# "):
            document.add_heading(plain(text[2:]), level=0)
            document.core_properties.title = plain(text[2:])
        elif text.startswith("## "):
            document.add_heading(plain(text[3:]), level=1)
        elif text.startswith("### "):
            document.add_heading(plain(text[4:]), level=2)
        elif text.startswith("- "):
            add_runs(document.add_paragraph(style="List Bullet"), text[2:])
        else:
            add_runs(document.add_paragraph(), text)
    properties = document.core_properties
    properties.author = properties.last_modified_by = ""
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.revision = 1
    properties.language = "en-GB"
    return document


def docx_bytes(document: Document) -> bytes:
    """The file's bytes, its zip entries in a fixed order and dated FIXED_TIME, so that a form made
    again from an unchanged page is the same file."""
    made = io.BytesIO()
    document.save(made)
    out = io.BytesIO()
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


def make_all() -> dict[str, bytes]:
    """Every form, by its file name in content/resources/forms/."""
    return {f"{name}.docx": docx_bytes(build(PAGES / f"{name}.md")) for name in FORM_PAGES}


def main() -> int:
    FORMS.mkdir(exist_ok=True)
    for name, content in make_all().items():
        (FORMS / name).write_bytes(content)
        print(f"content/resources/forms/{name}: {len(content) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
