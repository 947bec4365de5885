"""The framework's declared history, resolved once into where every old id leads now.

Each entry under ``history`` says how the ids of one version map into the next (renamed, merged,
split, removed, and levels renamed). Answers, the ``diff`` command and the "What changed" page need
the whole chain at once: an id renamed in 0.2 and again in 0.3 leads from 0.1 straight to its 0.3
id. This module walks every step in order, once, and everything else reads the result; the browser
receives it in the page data (``Lineage.as_data``) and only applies it.

The version format is the schema's (``$defs.version.pattern``), read from the schema file so that
the validator, editors and the browser all use that one rule.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from .model import Framework, Revision

How = Literal["same", "renamed", "merged", "split"]
"""How an id reached where it is now. Merged and split answers are asked to be checked."""


@cache
def version_rule() -> tuple[str, str]:
    """Return the schema's pattern for a version number, and its description for people."""
    text = resources.files(__package__ or "mkdocs_framework").joinpath("schema", "framework.schema.json")
    rule = json.loads(text.read_text(encoding="utf-8"))["$defs"]["version"]
    return str(rule["pattern"]), str(rule["description"])


def is_version(text: object) -> bool:
    """Return whether text is a version number in the one format the framework uses."""
    return isinstance(text, str) and re.fullmatch(version_rule()[0], text) is not None


def version_key(version: str) -> tuple[int, ...]:
    """Return a version number as a tuple that sorts the way versions do: 1.10 after 1.9, 2.0 = 2.0.0."""
    parts = tuple(int(part) for part in version.split("."))
    return parts + (0,) * (3 - len(parts))


@dataclass(frozen=True)
class Destination:
    id: str
    how: How


@dataclass(frozen=True)
class Fate:
    """Where an id of an earlier version leads in the current version."""

    destinations: tuple[Destination, ...]
    """Current ids, in the order the history declares them; empty when the id was removed."""
    removed_after: str | None = None
    """The version after which the id, or one part of it, was removed."""

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(d.id for d in self.destinations)

    @property
    def how(self) -> How:
        """The one word for the whole journey: split when it leads to several ids."""
        hows = {d.how for d in self.destinations}
        if len(self.destinations) > 1:
            return "split" if "split" in hows else "merged"
        return next(iter(hows), "same")


def _unchanged(item_id: str) -> Fate:
    return Fate((Destination(item_id, "same"),))


@dataclass(frozen=True)
class Route:
    """How the ids of one earlier version lead into the current version."""

    version: str
    ids: Mapping[str, Fate]
    """Only ids that do not simply stay as they are."""
    levels: Mapping[str, str]
    """Level ids that were renamed: old id -> current id."""

    def fate(self, item_id: str) -> Fate:
        return self.ids.get(item_id) or _unchanged(item_id)

    def level(self, level_id: str) -> str:
        return self.levels.get(level_id, level_id)


_Moves = dict[str, tuple[Destination, ...] | None]
"""One step: id -> where it goes in the next version (None: removed). Unlisted ids stay."""


def _step_moves(revision: Revision) -> _Moves:
    """Return one revision as moves. When an id is listed twice the first of renamed, merged,
    split, removed wins (the validator reports the second)."""
    moves: _Moves = {}
    for old, new in revision.renamed:
        moves.setdefault(old, (Destination(new, "renamed"),))
    for new, olds in revision.merged:
        for old in olds:
            moves.setdefault(old, (Destination(new, "merged"),))
    for old, news in revision.split:
        moves.setdefault(old, tuple(Destination(new, "split") for new in news))
    for old in revision.removed:
        moves.setdefault(old, None)
    return moves


def _then(before: How, step: How) -> How:
    """Combine how an id got here with how it moves on: the latest merge or split is what shows."""
    if step in ("merged", "split"):
        return step
    if step == "renamed" and before == "same":
        return "renamed"
    return before


def _follow(item_id: str, steps: list[tuple[str, _Moves]]) -> Fate:
    """Follow one id through the steps, in order."""
    here: dict[str, How] = {item_id: "same"}
    removed_after: str | None = None
    for version, moves in steps:
        there: dict[str, How] = {}
        for current, how in here.items():
            if current in moves and moves[current] is None:
                removed_after = version
                continue
            for destination in moves.get(current) or (Destination(current, "same"),):
                there[destination.id] = "merged" if destination.id in there else _then(how, destination.how)
        here = there
    return Fate(tuple(Destination(i, how) for i, how in here.items()), removed_after)


def _ids_of_then(steps: list[tuple[str, _Moves]]) -> list[str]:
    """Return the ids the steps move that the first step's version had: every id a step moves,
    except those an earlier of these steps created (answers made then cannot hold them)."""
    created: set[str] = set()
    ids: dict[str, None] = {}
    for _, moves in steps:
        ids.update((old, None) for old in moves if old not in created)
        created |= {d.id for targets in moves.values() for d in targets or ()} - set(moves)
    return list(ids)


def _follow_level(level_id: str, steps: list[Revision]) -> str:
    for revision in steps:
        level_id = dict(revision.levels).get(level_id, level_id)
    return level_id


@dataclass(frozen=True)
class Lineage:
    """Every declared earlier version of a framework and where its ids lead now."""

    current: str
    routes: tuple[Route, ...]
    """One per declared earlier version, oldest first."""

    @property
    def versions(self) -> tuple[str, ...]:
        """Every known version, oldest first, ending with the current one."""
        return (*(r.version for r in self.routes), self.current)

    def route(self, version: str) -> Route | None:
        """Return how answers made with a version are carried to the current one.

        A declared version has its own route. An older version the history does not list starts
        at the first declared version after it (its ids are taken to be that version's); when no
        declared version follows it, or for the current, a newer or an unreadable version, None:
        ids are matched as they are."""
        if not (is_version(version) and is_version(self.current)):
            return None
        key = version_key(version)
        if key >= version_key(self.current):
            return None
        return next((r for r in self.routes if version_key(r.version) >= key), None)

    def after(self, version: str, item_id: str) -> Fate:
        """Return where an id of the version that followed a declared one leads now."""
        later = [r for r in self.routes if version_key(r.version) > version_key(version)]
        return later[0].fate(item_id) if later else _unchanged(item_id)

    def level_after(self, version: str, level_id: str) -> str:
        """Return the current id of a level of the version that followed a declared one."""
        later = [r for r in self.routes if version_key(r.version) > version_key(version)]
        return later[0].level(level_id) if later else level_id

    def as_data(self) -> dict[str, Any]:
        """Return the lineage as the browser receives it in the page data."""
        return {
            "versionPattern": version_rule()[0],
            "versions": list(self.versions),
            "from": {
                route.version: {
                    "ids": {
                        old: {
                            "to": [{"id": d.id, "how": d.how} for d in fate.destinations],
                            "removedAfter": fate.removed_after,
                        }
                        for old, fate in route.ids.items()
                    },
                    "levels": dict(route.levels),
                }
                for route in self.routes
            },
        }


def resolve(framework: Framework) -> Lineage:
    """Resolve the framework's whole declared history, every step in order, into its lineage."""
    history = framework.history
    steps = [(r.version, _step_moves(r)) for r in history]
    routes = []
    for start, revision in enumerate(history):
        later = steps[start:]
        fates = {old: _follow(old, later) for old in _ids_of_then(later)}
        levels = dict.fromkeys(old for r in history[start:] for old, _ in r.levels)
        routes.append(
            Route(
                version=revision.version,
                ids={old: fate for old, fate in fates.items() if fate != _unchanged(old)},
                levels={old: new for old in levels if (new := _follow_level(old, list(history[start:]))) != old},
            )
        )
    return Lineage(framework.version, tuple(routes))
