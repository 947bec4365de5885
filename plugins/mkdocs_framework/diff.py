"""Compare two versions of a framework and say what changed, as plain text or Markdown.

Ids are matched directly, and through the newer file's declared history (renamed, merged, split,
removed) when it has an entry for the older file's version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Criterion, Dimension, Framework, Revision


@dataclass
class Section:
    title: str
    lines: list[str] = field(default_factory=list)


def _criteria(framework: Framework) -> dict[str, tuple[Dimension, Criterion]]:
    return {c.id: (d, c) for d in framework.dimensions for c in d.criteria}


def _revision(old: Framework, new: Framework) -> Revision | None:
    return next((r for r in new.history if r.version == old.version), None)


def compare(old: Framework, new: Framework) -> list[Section]:
    """Return the differences as titled sections; empty sections are left out."""
    revision = _revision(old, new) or Revision(old.version, None, None)
    renamed = dict(revision.renamed)
    merged_from = {old_id: new_id for new_id, olds in revision.merged for old_id in olds}
    split = dict(revision.split)
    removed_declared = set(revision.removed)

    levels = Section("Levels")
    old_levels = {lv.id: lv for lv in old.levels}
    new_levels = {lv.id: lv for lv in new.levels}
    level_map = dict(revision.levels)
    for lv in old.levels:
        target = level_map.get(lv.id, lv.id)
        if target not in new_levels:
            levels.lines.append(f"Removed level {lv.label} ({lv.id}).")
        elif target != lv.id:
            levels.lines.append(f"Level {lv.id} renamed to {target} ({new_levels[target].label}).")
        elif new_levels[target].label != lv.label:
            levels.lines.append(f"Level {lv.id} relabelled: {lv.label} → {new_levels[target].label}.")
    mapped_levels = {level_map.get(i, i) for i in old_levels}
    for lv in new.levels:
        if lv.id not in mapped_levels:
            levels.lines.append(f"Added level {lv.label} ({lv.id}).")

    dimensions = Section("Dimensions")
    old_dims = {d.id: d for d in old.dimensions}
    new_dims = {d.id: d for d in new.dimensions}
    reached: set[str] = set()
    for d in old.dimensions:
        target = renamed.get(d.id, d.id)
        if d.id in merged_from:
            dimensions.lines.append(f"Merged: {d.title} ({d.id}) into {merged_from[d.id]}.")
            reached.add(merged_from[d.id])
        elif d.id in split:
            dimensions.lines.append(f"Split: {d.title} ({d.id}) into {', '.join(split[d.id])}.")
            reached.update(split[d.id])
        elif target not in new_dims:
            why = " (declared)" if d.id in removed_declared else ""
            dimensions.lines.append(f"Removed: {d.title} ({d.id}){why}.")
        else:
            reached.add(target)
            if target != d.id:
                dimensions.lines.append(f"Renamed: {d.id} → {target} ({new_dims[target].title}).")
            elif new_dims[target].title != d.title:
                dimensions.lines.append(f"Retitled: {d.id}: {d.title} → {new_dims[target].title}.")
    for d in new.dimensions:
        if d.id not in reached and d.id not in old_dims:
            dimensions.lines.append(f"Added: {d.title} ({d.id}).")

    criteria = Section("Criteria")
    old_criteria = _criteria(old)
    new_criteria = _criteria(new)
    reached = set()
    for old_id, (_, c) in old_criteria.items():
        target = renamed.get(old_id, old_id)
        if old_id in merged_from:
            criteria.lines.append(f"Merged: {c.title} ({old_id}) into {merged_from[old_id]}.")
            reached.add(merged_from[old_id])
        elif old_id in split:
            criteria.lines.append(f"Split: {c.title} ({old_id}) into {', '.join(split[old_id])}.")
            reached.update(split[old_id])
        elif target not in new_criteria:
            why = " (declared)" if old_id in removed_declared else ""
            criteria.lines.append(f"Removed: {c.title} ({old_id}){why}.")
        else:
            reached.add(target)
            now = new_criteria[target][1]
            if target != old_id:
                criteria.lines.append(f"Renamed: {old_id} → {target} ({now.title}).")
            if now.title != c.title:
                criteria.lines.append(f"Retitled: {target}: {c.title} → {now.title}.")
            before = {level_map.get(lv.id, lv.id): text for lv, text in zip(old.levels, c.descriptors, strict=True)}
            after = {lv.id: text for lv, text in zip(new.levels, now.descriptors, strict=True)}
            changed = [lv.label for lv in new.levels if lv.id in before and before[lv.id] != after[lv.id]]
            changed += [
                f"{old_levels[i].label} (level removed)" for i in old_levels if level_map.get(i, i) not in after
            ]
            added_at = [f"{lv.label} (new level)" for lv in new.levels if lv.id not in before]
            if changed:
                criteria.lines.append(f"Reworded: {target} ({now.title}), at {', '.join(changed)}.")
            if added_at:
                criteria.lines.append(f"Descriptor added: {target} ({now.title}), at {', '.join(added_at)}.")
    for c_id, (d, c) in new_criteria.items():
        if c_id not in reached and c_id not in old_criteria:
            criteria.lines.append(f"Added: {c.title} ({c_id}) in {d.title}.")

    return [section for section in (levels, dimensions, criteria) if section.lines]


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
