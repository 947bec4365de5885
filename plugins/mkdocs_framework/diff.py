"""Compare two versions of a framework and say what changed, as plain text or Markdown.

Ids are matched through the newer file's lineage (lineage.py): its whole declared history, resolved
from the older file's version to the newer one, so a criterion renamed twice is one rename here
too, as it is on the "What changed" page and in the form. Without a route, ids match as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lineage import Fate, Route, resolve
from .model import Criterion, Dimension, Framework


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


def _criteria(framework: Framework) -> dict[str, tuple[Dimension, Criterion]]:
    return {c.id: (d, c) for d in framework.dimensions for c in d.criteria}


def _route(old: Framework, new: Framework) -> Route:
    return resolve(new).route(old.version) or Route(old.version, {}, {})


def _moved(title: str, old_id: str, fate: Fate, old_version: str) -> str | None:
    """Return the line for an id that was merged, split or removed, or None when it stayed one id."""
    if not fate.destinations:
        later = f", after version {fate.removed_after}" if fate.removed_after != old_version else ""
        return f"Removed: {title} ({old_id}) (declared{later})."
    if fate.how == "merged":
        return f"Merged: {title} ({old_id}) into {fate.ids[0]}."
    if fate.how == "split":
        part = f" (a part removed after version {fate.removed_after})" if fate.removed_after else ""
        return f"Split: {title} ({old_id}) into {', '.join(fate.ids)}{part}."
    return None


def _levels(old: Framework, new: Framework, route: Route) -> Section:
    levels = Section("Levels")
    new_levels = {lv.id: lv for lv in new.levels}
    for lv in old.levels:
        line = _change(lv.id, lv.label, route.level(lv.id), {i: n.label for i, n in new_levels.items()}, LEVEL_CHANGES)
        if line:
            levels.lines.append(line)
    mapped_levels = {route.level(lv.id) for lv in old.levels}
    for lv in new.levels:
        if lv.id not in mapped_levels:
            levels.lines.append(f"Added level {lv.label} ({lv.id}).")
    return levels


LEVEL_CHANGES = (
    "Removed level {name} ({id}).",
    "Level {id} renamed to {target} ({new}).",
    "Level {id} relabelled: {name} → {new}.",
)
DIMENSION_CHANGES = ("Removed: {name} ({id}).", "Renamed: {id} → {target} ({new}).", "Retitled: {id}: {name} → {new}.")
"""How a level's and a dimension's change is worded: removed, given a new id, given a new name."""


def _change(id: str, name: str, target: str, new_names: dict[str, str], wording: tuple[str, str, str]) -> str | None:
    """Return the line for a level or dimension that the new version removed, renamed (target is
    the new id it maps to) or gave a new name; None when it is unchanged."""
    removed, renamed, retitled = wording
    if target not in new_names:
        return removed.format(id=id, name=name)
    if target != id:
        return renamed.format(id=id, target=target, new=new_names[target])
    if new_names[target] != name:
        return retitled.format(id=id, name=name, new=new_names[target])
    return None


def _dimensions(old: Framework, new: Framework, route: Route) -> Section:
    dimensions = Section("Dimensions")
    old_dims = {d.id: d for d in old.dimensions}
    new_dims = {d.id: d for d in new.dimensions}
    reached: set[str] = set()
    for d in old.dimensions:
        fate = route.fate(d.id)
        reached.update(fate.ids)
        line = _moved(d.title, d.id, fate, old.version)
        target = fate.ids[0] if fate.ids else d.id
        line = line or _change(d.id, d.title, target, {i: n.title for i, n in new_dims.items()}, DIMENSION_CHANGES)
        if line:
            dimensions.lines.append(line)
    for d in new.dimensions:
        if d.id not in reached and d.id not in old_dims:
            dimensions.lines.append(f"Added: {d.title} ({d.id}).")
    return dimensions


def _wording(old: Framework, new: Framework, route: Route, was: Criterion, now: Criterion) -> list[str]:
    """Return the lines saying how a criterion carried to one id changed its words."""
    lines = []
    if now.title != was.title:
        lines.append(f"Retitled: {now.id}: {was.title} → {now.title}.")
    before = {route.level(lv.id): text for lv, text in zip(old.levels, was.descriptors, strict=True)}
    after = {lv.id: text for lv, text in zip(new.levels, now.descriptors, strict=True)}
    changed = [lv.label for lv in new.levels if lv.id in before and before[lv.id] != after[lv.id]]
    changed += [f"{lv.label} (level removed)" for lv in old.levels if route.level(lv.id) not in after]
    added_at = [f"{lv.label} (new level)" for lv in new.levels if lv.id not in before]
    if changed:
        lines.append(f"Reworded: {now.id} ({now.title}), at {', '.join(changed)}.")
    if added_at:
        lines.append(f"Descriptor added: {now.id} ({now.title}), at {', '.join(added_at)}.")
    return lines


def _criteria_section(old: Framework, new: Framework, route: Route) -> Section:
    criteria = Section("Criteria")
    old_criteria = _criteria(old)
    new_criteria = _criteria(new)
    reached: set[str] = set()
    for old_id, (_, c) in old_criteria.items():
        fate = route.fate(old_id)
        reached.update(fate.ids)
        line = _moved(c.title, old_id, fate, old.version)
        target = fate.ids[0] if fate.ids else old_id
        if line:
            criteria.lines.append(line)
        elif target not in new_criteria:
            criteria.lines.append(f"Removed: {c.title} ({old_id}).")
        else:
            now = new_criteria[target][1]
            if target != old_id:
                criteria.lines.append(f"Renamed: {old_id} → {target} ({now.title}).")
            criteria.lines.extend(_wording(old, new, route, c, now))
    for c_id, (d, c) in new_criteria.items():
        if c_id not in reached and c_id not in old_criteria:
            criteria.lines.append(f"Added: {c.title} ({c_id}) in {d.title}.")
    return criteria


def compare(old: Framework, new: Framework) -> list[Section]:
    """Return the differences as titled sections; empty sections are left out."""
    route = _route(old, new)
    sections = (_levels(old, new, route), _dimensions(old, new, route), _criteria_section(old, new, route))
    return [section for section in sections if section.lines]


def _heading(old: Framework, new: Framework) -> str:
    return f"{new.short_title}: changes from version {old.version} to {new.version}"


def as_text(old: Framework, new: Framework) -> str:
    sections = compare(old, new)
    lines = [_heading(old, new), ""]
    if not sections:
        lines.append("No differences in levels, dimensions or criteria.")
    for section in sections:
        lines.append(f"{section.title}:")
        lines.extend(f"  - {line}" for line in section.lines)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def as_markdown(old: Framework, new: Framework) -> str:
    sections = compare(old, new)
    lines = [f"# {_heading(old, new)}", ""]
    if not sections:
        lines.append("No differences in levels, dimensions or criteria.")
    for section in sections:
        lines.extend([f"## {section.title}", ""])
        lines.extend(f"- {line}" for line in section.lines)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
