"""Build the immutable model (model.py) from framework data that has passed every check."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from .model import (
    DEFAULT_NOTES,
    Criterion,
    Dimension,
    Framework,
    Level,
    NoteField,
    ResourceLink,
    Revision,
    Terms,
    Theme,
)

HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def page_title(docs_dir: Path | None, page: str) -> str:
    """Return the first level-one heading of a docs page, or a title made from its file name."""
    path_part = page.split("#")[0]
    if docs_dir is not None:
        file = docs_dir / path_part
        if file.is_file():
            match = HEADING.search(file.read_text(encoding="utf-8"))
            if match:
                return match.group(1)
    return Path(path_part).stem.replace("-", " ").capitalize()


def build_model(data: dict[str, Any], docs_dir: Path | None = None) -> Framework:
    """Build the immutable model from data that has passed every check."""
    titles: dict[str, str] = {}  # a resource page linked from many dimensions is read once

    def title_of(page: str) -> str:
        if page not in titles:
            titles[page] = page_title(docs_dir, page)
        return titles[page]

    levels = tuple(Level(lv["id"], lv["label"], lv.get("meaning")) for lv in data["levels"])
    theme_titles = {t["id"]: t["title"] for t in data.get("themes", [])}
    title_counts = Counter(_title_key(d["title"]) for d in data["dimensions"])
    dimensions = tuple(
        Dimension(
            id=d["id"],
            number=number,
            title=d["title"],
            theme=d.get("theme"),
            summary=d.get("summary"),
            why_it_matters=d.get("why_it_matters"),
            framing_questions=tuple(d.get("framing_questions", [])),
            criteria=tuple(
                Criterion(c["id"], c["title"], tuple(c["descriptors"][lv.id] for lv in levels), c.get("guidance"))
                for c in d["criteria"]
            ),
            barriers=tuple(d.get("barriers", [])),
            enablers=tuple(d.get("enablers", [])),
            resources=tuple(
                ResourceLink(r["page"], r.get("title") or title_of(r["page"]), r.get("note"))
                for r in d.get("resources", [])
            ),
            related=tuple(d.get("related", [])),
            qualifier=theme_titles.get(d.get("theme", "")) if title_counts[_title_key(d["title"])] > 1 else None,
        )
        for number, d in enumerate(data["dimensions"], start=1)
    )
    return Framework(
        id=data["id"],
        title=data["title"],
        short_title=data.get("short_title", data["title"]),
        version=data["version"],
        status=data["status"],
        status_note=data.get("status_note"),
        description=data["description"],
        credit=data.get("credit"),
        licence=data.get("licence"),
        scoring_method=data.get("scoring", {}).get("method", "mean"),
        theme_results=bool(data.get("scoring", {}).get("theme_results", False)),
        overall_result=bool(data.get("scoring", {}).get("overall_result", False)),
        terms=Terms(**data.get("terms", {})),
        notes=tuple(_note_field(n) for n in data["notes"]) if "notes" in data else DEFAULT_NOTES,
        levels=levels,
        themes=tuple(Theme(t["id"], t["title"], t.get("summary")) for t in data.get("themes", [])),
        dimensions=dimensions,
        history=tuple(
            Revision(
                version=r["version"],
                date=r.get("date"),
                summary=r.get("summary"),
                renamed=tuple(r.get("renamed", {}).items()),
                merged=tuple((new, tuple(olds)) for new, olds in r.get("merged", {}).items()),
                split=tuple((old, tuple(news)) for old, news in r.get("split", {}).items()),
                removed=tuple(r.get("removed", [])),
                levels=tuple(r.get("levels", {}).items()),
            )
            for r in data.get("history", [])
        ),
    )


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _note_field(note: dict[str, Any]) -> NoteField:
    label = note["label"]
    field = NoteField(note["id"], label, note.get("hint"), note.get("prompt", label), note.get("column", label), "")
    return replace(field, name=note.get("name", field.label_in_sentence))
