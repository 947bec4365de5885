"""Issue 30: the law as the site states it, and the sources it rests on.

Read from the built site, as a reader sees it: no page states an outdated number of lawful bases,
every Act is named with its year every time it is named (so "the Children Act" can never leave a
reader guessing between 1989 and 2004), every reference on the References page has a title,
publisher, date, address and the date we checked it, and the site's own links all lead somewhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from tests.gates import broken_links, site_pages

ACTS_WE_NAME = (
    "UK GDPR",
    "Data Protection Act 2018",
    "Data (Use and Access) Act 2025",
    "Children's Wellbeing and Schools Act 2026",
    "Children Act 1989",
    "Human Rights Act 1998",
    "Equality Act 2010",
    "Freedom of Information Act 2000",
)
"""The laws the References page must cover, each named as the site names it."""

OUTDATED_LAWFUL_BASES = re.compile(r"\b(?:six|6)\s+lawful\s+bas[ie]s\b", re.IGNORECASE)

# "Act" with a capitalised word (or the ")" of "Data (Use and Access)") just before it is the
# title of an Act; "the Act" or "This Act" refers back to one already named. A title must be
# followed by its year.
NAMED_ACT = re.compile(r"(?:\b(?!(?:The|This|That|Each)\b)[A-Z][\w\u2019'-]*|\))\s+Act\b(?!\s+\d{4}\b)")

FIELDS = ("Publisher:", "Date:", "Address:", "Checked:")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
CHECKED_DATE = re.compile(rf"Checked:\s+\d{{1,2}} (?:{MONTHS}) \d{{4}}$")


class _Text(HTMLParser):
    """The words a reader sees on a page (scripts, styles and the search form left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(page: Path) -> str:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return re.sub(r"\s+", " ", " ".join(parser.parts))


class _References(HTMLParser):
    """Each reference on the References page: its h3 title and the items of the list under it."""

    def __init__(self) -> None:
        super().__init__()
        self.references: list[dict[str, object]] = []
        self._in: str | None = None
        self._text: list[str] = []
        self._hrefs: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "h3":
            self._start("title")
            self.references.append({"id": dict(attrs).get("id"), "title": "", "items": []})
        elif tag == "li" and self.references and self._in is None:
            self._start("item")
        elif tag == "li" and self._in == "item":
            self._depth += 1  # a nested list stays part of its item
        elif tag == "a" and self._in == "item":
            self._hrefs.append(str(dict(attrs).get("href")))
        elif tag == "h2":
            self._in = None

    def _start(self, what: str) -> None:
        self._in, self._text, self._hrefs, self._depth = what, [], [], 0

    def handle_endtag(self, tag: str) -> None:
        text = re.sub(r"\s+", " ", "".join(self._text)).strip()
        if tag == "h3" and self._in == "title":
            self.references[-1]["title"] = text
            self._in = None
        elif tag == "li" and self._in == "item":
            if self._depth:
                self._depth -= 1
                return
            items = self.references[-1]["items"]
            assert isinstance(items, list)
            items.append((text, list(self._hrefs)))
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text.append(data)


def test_no_page_states_an_outdated_number_of_lawful_bases(built_site: Path) -> None:
    pages = site_pages(built_site)
    stale = [
        f"{p.relative_to(built_site)}: {m.group(0)}"
        for p in pages
        for m in OUTDATED_LAWFUL_BASES.finditer(visible_text(p))
    ]
    assert stale == [], "UK GDPR has had seven lawful bases since 5 February 2026"
    # And the glossary says what changed, so the reader learns the current count and why.
    glossary = visible_text(built_site / "glossary.html")
    assert "Since 5 February 2026 there are seven" in glossary
    assert "recognised legitimate interests" in glossary


def test_every_act_is_named_with_its_year_each_time(built_site: Path) -> None:
    """The rule: every time a page names an Act by its title, the year follows it."""
    named = 0
    missing = []
    for page in site_pages(built_site):
        text = visible_text(page)
        named += len(re.findall(r"\bAct \d{4}\b", text))
        missing += [
            f"{page.relative_to(built_site)}: …{text[max(0, m.start() - 40) : m.end() + 10]}…"
            for m in NAMED_ACT.finditer(text)
        ]
    assert missing == [], "name each Act with its year, e.g. 'Children Act 1989'"
    # The site does name Acts (the rule would pass trivially on a site that named none).
    assert named >= len(ACTS_WE_NAME)


def test_every_reference_has_a_title_publisher_date_address_and_the_date_checked(built_site: Path) -> None:
    parser = _References()
    parser.feed((built_site / "references.html").read_text(encoding="utf-8"))
    references = parser.references
    titles = [str(r["title"]) for r in references]
    for act in ACTS_WE_NAME[1:]:
        assert any(title.startswith(act) for title in titles), f"no reference for the {act}"
    for guidance in (
        "Working together to safeguard children 2023",
        "Information sharing: advice for practitioners",
        "Data sharing: a code of practice",
    ):
        assert any(title.startswith(guidance) for title in titles), guidance
    for reference in references:
        title = str(reference["title"])
        assert title and reference["id"], reference
        items = reference["items"]
        assert isinstance(items, list)
        by_field = {field: [(text, hrefs) for text, hrefs in items if text.startswith(field)] for field in FIELDS}
        for field, found in by_field.items():
            assert len(found) == 1 and found[0][0] != field, f"{title}: needs one '{field}' with a value"
        address, hrefs = by_field["Address:"][0]
        assert hrefs and all(href.startswith("https://") for href in hrefs), f"{title}: {address}"
        assert CHECKED_DATE.search(by_field["Checked:"][0][0]), f"{title}: {by_field['Checked:'][0][0]}"


def test_pages_link_to_their_sources_and_every_link_resolves(built_site: Path) -> None:
    # The pages that state the law point the reader to the reference for it.
    for page, anchor in (
        ("glossary.html", "references.html#duaa-2025"),
        ("about.html", "references.html#foi-act-2000"),
    ):
        assert f'href="{anchor}"' in (built_site / page).read_text(encoding="utf-8"), (page, anchor)
    assert broken_links(built_site) == []
