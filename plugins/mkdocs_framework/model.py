"""The framework as immutable data, built only from a file that passed validation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NEUTRAL: dict[str, Any] = json.loads((Path(__file__).parent / "templates" / "words.json").read_text(encoding="utf-8"))[
    "neutral"
]
"""The plugin's words for a framework that gives none (templates/words.json "neutral"), written once for
this model and the browser (core/terms.mjs reads the same file)."""


@dataclass(frozen=True)
class Level:
    id: str
    label: str
    meaning: str | None
    """What the level means, when the framework says; some frameworks give bare labels."""


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    summary: str | None


@dataclass(frozen=True)
class Criterion:
    id: str
    title: str
    descriptors: tuple[str, ...]
    """One descriptor per level, in level order."""
    guidance: str | None = None
    """A paragraph or more on how to judge this criterion, shown beside it."""


@dataclass(frozen=True)
class ResourceLink:
    page: str
    """Path of the page inside the docs folder, possibly with a #fragment."""
    title: str
    note: str | None


@dataclass(frozen=True)
class Dimension:
    id: str
    number: int
    """Position in the framework, counting from 1."""
    title: str
    theme: str | None
    summary: str | None
    why_it_matters: str | None
    framing_questions: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    barriers: tuple[str, ...]
    enablers: tuple[str, ...]
    resources: tuple[ResourceLink, ...]
    related: tuple[str, ...]
    qualifier: str | None = None
    """The title of its theme when another dimension has the same title, to tell them apart."""

    @property
    def name(self) -> str:
        """What pages call the dimension: its title, with its theme when the title is not unique."""
        return f"{self.title} ({self.qualifier})" if self.qualifier else self.title


@dataclass(frozen=True)
class Terms:
    """The framework's words for what the plugin's pages and scripts name (framework.yml terms:)."""

    organisation: str = NEUTRAL["terms"]["organisation"]
    """One body that assesses itself, as written inside a sentence: "each organisation's profile"."""
    organisations: str = NEUTRAL["terms"]["organisations"]
    organisation_label: str = NEUTRAL["terms"]["organisationLabel"]
    """The label of the field in which an assessment names its organisation."""
    people: str = NEUTRAL["terms"]["people"]
    """Whose personal information stays out of the notes: "Do not include personal information about anyone"."""
    participants: str = NEUTRAL["terms"]["participants"]
    """An example of who takes part in an assessment, for the hint of the form's "Who took part" field."""

    @property
    def organisation_capitalised(self) -> str:
        """The word for one organisation as it starts a sentence or a label: "Authority A"."""
        return self.organisation[:1].upper() + self.organisation[1:]

    @property
    def organisations_capitalised(self) -> str:
        return self.organisations[:1].upper() + self.organisations[1:]


@dataclass(frozen=True)
class NoteField:
    """One of the notes fields each dimension has on the form and worksheet (framework.yml notes:).

    Answers keep it under its id, one of two stored keys: "evidence" or "views"."""

    id: str
    label: str
    """The form's label, followed by "on" and the dimension."""
    hint: str | None
    prompt: str
    """What the worksheet asks."""
    column: str
    """The CSV column's heading."""
    name: str
    """How a sentence names what people write there: "your evidence"."""

    @property
    def label_in_sentence(self) -> str:
        """The label inside a sentence: its first letter in lower case, unless it starts an acronym."""
        label = self.label
        return label[:1].lower() + label[1:] if label[1:2].islower() else label


DEFAULT_NOTES = tuple(NoteField(**field) for field in NEUTRAL["notes"])
"""The notes fields of a framework that does not list its own."""


@dataclass(frozen=True)
class Revision:
    """How the ids of an earlier version map into the next version."""

    version: str
    """The earlier version."""
    date: str | None
    summary: str | None
    renamed: tuple[tuple[str, str], ...] = ()
    merged: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(new id, old ids)."""
    split: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(old id, new ids)."""
    removed: tuple[str, ...] = ()
    levels: tuple[tuple[str, str], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.renamed or self.merged or self.split or self.removed or self.levels)


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    short_title: str
    version: str
    status: str
    status_note: str | None
    description: str
    credit: str | None
    licence: str | None
    scoring_method: str
    levels: tuple[Level, ...]
    themes: tuple[Theme, ...]
    dimensions: tuple[Dimension, ...]
    history: tuple[Revision, ...] = ()
    """Earlier versions, oldest first."""
    theme_results: bool = False
    """scoring.theme_results: also give each theme a result (by scoring_method)."""
    overall_result: bool = False
    """scoring.overall_result: also give one overall result (by scoring_method)."""
    terms: Terms = Terms()
    notes: tuple[NoteField, ...] = DEFAULT_NOTES
    """The notes fields of each dimension, in the order shown; may be none."""

    def dimension(self, dimension_id: str) -> Dimension:
        return next(d for d in self.dimensions if d.id == dimension_id)

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)

    def neighbours(self, dimension: Dimension) -> tuple[Dimension | None, Dimension | None]:
        """Return the dimensions before and after this one, in framework order."""
        index = dimension.number - 1
        before = self.dimensions[index - 1] if index > 0 else None
        after = self.dimensions[index + 1] if index + 1 < len(self.dimensions) else None
        return before, after

    def describe(self, item_id: str) -> str:
        """Return how to name an id of a criterion or dimension: its title when it is current."""
        for dimension in self.dimensions:
            if dimension.id == item_id:
                return f"dimension “{dimension.name}” ({item_id})"
            for criterion in dimension.criteria:
                if criterion.id == item_id:
                    return f"criterion “{criterion.title}” ({item_id})"
        return f"“{item_id}”"

    @property
    def criteria_count(self) -> int:
        return sum(len(d.criteria) for d in self.dimensions)
