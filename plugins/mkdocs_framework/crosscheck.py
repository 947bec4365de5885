"""The rules a JSON Schema cannot express: unique ids, every level described, references that lead
somewhere (resource pages, related dimensions, the history of earlier versions), and ids the site
keeps for its own pages. Each rule yields problems with file, line, column and a fix; none stops
the search for the others."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from .assemble import HEADING
from .lineage import is_version, version_key
from .loader import Located, unshowable
from .problems import JsonPath, Problem


def _dicts(value: Any) -> list[tuple[int, dict[str, Any]]]:
    """Return (index, item) for each mapping in a list, tolerating data that failed the schema."""
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _duplicates(
    located: Located, items: Sequence[tuple[JsonPath, Any]], what: str, seen: dict[str, JsonPath] | None = None
) -> Iterator[Problem]:
    seen = {} if seen is None else seen
    for path, value in items:
        if not isinstance(value, str):
            continue
        if value in seen:
            first_line = located.position(seen[value])[0]
            yield located.problem(
                path,
                f"the {what} id '{value}' is already used on line {first_line}.",
                f"Give this {what} an id of its own. Ids must be unique; never reuse a published id.",
            )
        else:
            seen[value] = path


def reference_problems(located: Located, docs_dir: Path | None) -> Iterator[Problem]:
    """Yield problems with ids and references: uniqueness, level coverage, links that lead nowhere."""
    data = located.data if isinstance(located.data, dict) else {}
    levels = _dicts(data.get("levels"))
    themes = _dicts(data.get("themes"))
    dimensions = _dicts(data.get("dimensions"))
    level_ids = list(dict.fromkeys(str(lv["id"]) for _, lv in levels if isinstance(lv.get("id"), str)))
    # Only text ids are collected: an id written as a list or mapping is reported by the schema check.
    theme_ids = {t["id"] for _, t in themes if isinstance(t.get("id"), str)}
    dimension_ids = {d["id"] for _, d in dimensions if isinstance(d.get("id"), str)}

    yield from _duplicates(located, [(("levels", i, "id"), lv.get("id")) for i, lv in levels], "level")
    yield from _duplicates(located, [(("themes", i, "id"), t.get("id")) for i, t in themes], "theme")
    yield from _duplicates(located, [(("dimensions", i, "id"), d.get("id")) for i, d in dimensions], "dimension")
    criteria = [
        (("dimensions", i, "criteria", j, "id"), c.get("id"))
        for i, d in dimensions
        for j, c in _dicts(d.get("criteria"))
    ]
    yield from _duplicates(located, criteria, "criterion")
    notes = [(("notes", i, "id"), n.get("id")) for i, n in _dicts(data.get("notes"))]
    yield from _duplicates(located, notes, "notes field")

    dimension_id_set = {str(d["id"]) for _, d in dimensions if isinstance(d.get("id"), str)}
    for path, value in criteria:
        if isinstance(value, str) and value in dimension_id_set:
            yield located.problem(
                path,
                f"'{value}' is the id of a dimension as well as of this criterion.",
                "Give the criterion an id of its own, so revisions can refer to either without confusion.",
            )
    yield from _step_problems(located, data)
    scoring = data.get("scoring")
    if isinstance(scoring, dict) and scoring.get("theme_results") is True and not themes:
        yield located.problem(
            ("scoring", "theme_results"),
            "asks for a result for each theme, but the framework has no themes.",
            "Add themes: and give each dimension its theme, or remove theme_results.",
        )
    yield from _history_problems(
        located, data, dimension_id_set | {str(c) for _, c in criteria if isinstance(c, str)}, set(level_ids)
    )

    for i, dimension in dimensions:
        base: JsonPath = ("dimensions", i)
        yield from _theme_problems(located, base, dimension, theme_ids, bool(themes))
        for j, criterion in _dicts(dimension.get("criteria")):
            yield from _descriptor_problems(located, (*base, "criteria", j), criterion, level_ids)
        related = dimension.get("related")
        if isinstance(related, list):
            yield from _related_problems(located, base, dimension.get("id"), related, dimension_ids)
        for k, link in _dicts(dimension.get("resources")):
            page = link.get("page")
            if not isinstance(page, str):
                continue
            if _outside_docs(page, docs_dir):
                yield located.problem(
                    (*base, "resources", k, "page"),
                    f"the page '{page}' is outside the docs folder.",
                    "Give the path of a page inside the docs folder, relative to it and without '..', "
                    "such as 'resources/running-a-workshop.md'; move the page into the docs folder if it is elsewhere.",
                )
            elif docs_dir is not None and not (docs_dir / page.split("#")[0]).is_file():
                yield located.problem(
                    (*base, "resources", k, "page"),
                    f"the page '{page}' does not exist in {docs_dir}.",
                    "Correct the path (it is relative to the docs folder) or create the page.",
                )
            elif docs_dir is not None and not link.get("title"):
                trouble = _title_trouble(docs_dir, page)
                if trouble is not None:
                    yield located.problem((*base, "resources", k, "page"), *trouble)


def default_reserved() -> Mapping[str, str]:
    # Here, not at the top: the renderer is not otherwise needed to check a file.
    from .render import SitePaths
    from .reserved import reserved_ids

    return reserved_ids(SitePaths())


def reserved_id_problems(located: Located, reserved: Mapping[str, str]) -> Iterator[Problem]:
    """Yield a problem for each dimension whose id is the name of a page the site makes for itself
    in a folder where dimensions get pages (the overview is framework/index.md, say)."""
    data = located.data if isinstance(located.data, dict) else {}
    for i, dimension in _dicts(data.get("dimensions")):
        dimension_id = dimension.get("id")
        if isinstance(dimension_id, str) and dimension_id in reserved:
            yield located.problem(
                ("dimensions", i, "id"),
                f"'{dimension_id}' is the name of a page the site makes for itself ({reserved[dimension_id]}), "
                "and a dimension's id names its pages.",
                "Give this dimension another id. Ids the site keeps for its own pages: "
                + ", ".join(sorted(reserved))
                + ".",
            )


def _outside_docs(page: str, docs_dir: Path | None) -> bool:
    """Return whether a resource path leads out of the docs folder (absolute, '..', or a link out)."""
    path = page.split("#")[0]
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or PureWindowsPath(path).drive:
        return True
    if docs_dir is None:
        return False
    root = docs_dir.resolve()
    return not (root / path).resolve().is_relative_to(root)


def _history_problems(
    located: Located, data: dict[str, Any], current_ids: set[str], level_ids: set[str]
) -> Iterator[Problem]:
    """Check the declared history: versions in order and older than this one, and every id a change
    leads to exists in the next version (this file, or a later revision's starting ids)."""
    history = _dicts(data.get("history"))
    version = data.get("version")
    if not history or not isinstance(version, str) or not is_version(version):
        return
    previous: tuple[int, ...] | None = None
    for i, revision in history:
        old = revision.get("version")
        if isinstance(old, str) and is_version(old):
            key = version_key(old)
            if key >= version_key(version):
                yield located.problem(
                    ("history", i, "version"),
                    f"version {old} is not older than this framework's version {version}.",
                    "List only earlier versions under history, oldest first.",
                )
            elif previous is not None and key <= previous:
                yield located.problem(
                    ("history", i, "version"),
                    f"version {old} does not come after the entry before it.",
                    "List earlier versions oldest first, each once.",
                )
            previous = key
    # The ids each revision may lead to: those of the next version.
    next_ids = set(current_ids)
    for i, revision in reversed(history):
        base: JsonPath = ("history", i)
        targets: list[tuple[JsonPath, Any]] = []
        sources: list[Any] = []
        renamed, merged, split = (
            revision.get(k) if isinstance(revision.get(k), dict) else {} for k in ("renamed", "merged", "split")
        )
        for old, new in renamed.items():
            targets.append(((*base, "renamed", old), new))
            sources.append(old)
        for new, olds in merged.items():
            targets.append(((*base, "merged", new), new))
            sources.extend(olds if isinstance(olds, list) else [])
        for old, news in split.items():
            targets.extend(
                ((*base, "split", old, k), new) for k, new in enumerate(news if isinstance(news, list) else [])
            )
            sources.append(old)
        removed = revision.get("removed")
        sources.extend(removed if isinstance(removed, list) else [])
        for path, target in targets:
            if isinstance(target, str) and target not in next_ids:
                yield located.problem(
                    path,
                    f"there is no criterion or dimension '{target}' in the next version.",
                    "Use an id from the version that followed this one (in the newest revision, this file).",
                )
        for path, source in ((((*base, "renamed", s)), s) for s in renamed):
            if i == len(history) - 1 and source in current_ids:
                yield located.problem(
                    path,
                    f"'{source}' is renamed, but this version still has a criterion or dimension with that id.",
                    "Remove it from 'renamed', or give the current one a different id.",
                )
        levels = revision.get("levels") if isinstance(revision.get("levels"), dict) else {}
        for old, new in levels.items():
            if i == len(history) - 1 and isinstance(new, str) and new not in level_ids:
                yield located.problem(
                    (*base, "levels", old),
                    f"there is no level '{new}' in this version.",
                    f"Use one of: {', '.join(sorted(level_ids))}.",
                )
        next_ids |= {s for s in sources if isinstance(s, str)}


def _sources(kind: str, value: Any) -> list[tuple[JsonPath, Any]]:
    """Return (path inside the entry's field, old id) for each id one field of a revision moves."""
    if kind == "merged" and isinstance(value, dict):
        return [((new, k), old) for new, olds in value.items() if isinstance(olds, list) for k, old in enumerate(olds)]
    if isinstance(value, dict):
        return [((old,), old) for old in value]
    return [((k,), old) for k, old in enumerate(value)] if isinstance(value, list) else []


def _step_problems(located: Located, data: dict[str, Any]) -> Iterator[Problem]:
    """Yield a problem for each id one revision moves twice (renamed and removed, say): its
    answers can go only one way."""
    for i, revision in _dicts(data.get("history")):
        seen: dict[str, str] = {}
        for kind in ("renamed", "merged", "split", "removed"):
            for where, old in _sources(kind, revision.get(kind)):
                if not isinstance(old, str):
                    continue
                if old in seen:
                    yield located.problem(
                        ("history", i, kind, *where),
                        f"'{old}' is already {seen[old]} in this entry.",
                        "Say once what happened to each id in a version: renamed, merged, split or removed.",
                    )
                else:
                    seen[old] = kind


def _theme_problems(
    located: Located, base: JsonPath, dimension: dict[str, Any], theme_ids: set[Any], has_themes: bool
) -> Iterator[Problem]:
    theme = dimension.get("theme")
    if has_themes and "theme" not in dimension:
        yield located.problem(
            base,
            "this dimension has no theme, but the framework groups dimensions into themes.",
            f"Add 'theme:' with one of: {', '.join(sorted(str(t) for t in theme_ids))}.",
        )
    elif "theme" in dimension and not has_themes:
        yield located.problem(
            (*base, "theme"),
            f"the theme '{theme}' is named, but the framework declares no themes.",
            "Declare the theme under 'themes:' at the top level, or remove this line.",
        )
    elif isinstance(theme, str) and theme not in theme_ids:
        yield located.problem(
            (*base, "theme"),
            f"there is no theme with the id '{theme}'.",
            f"Use one of: {', '.join(sorted(str(t) for t in theme_ids))}, or declare it under 'themes:'.",
        )


def _descriptor_problems(
    located: Located, base: JsonPath, criterion: dict[str, Any], level_ids: list[str]
) -> Iterator[Problem]:
    descriptors = criterion.get("descriptors")
    if not isinstance(descriptors, dict) or not level_ids:
        return
    for level_id in level_ids:
        if level_id not in descriptors:
            yield located.problem(
                (*base, "descriptors"),
                f"there is no descriptor for the level '{level_id}'.",
                f"Add '{level_id}:' under descriptors, saying what this criterion looks like at that level.",
            )
    for key in descriptors:
        if key not in level_ids:
            close = difflib.get_close_matches(key, level_ids, n=1)
            guess = f"Did you mean '{close[0]}'? " if close else ""
            yield located.problem(
                (*base, "descriptors", key),
                f"'{key}' is not one of the framework's levels.",
                f"{guess}Descriptors are keyed by level id: {', '.join(level_ids)}.",
            )


def _related_problems(
    located: Located, base: JsonPath, own_id: Any, related: list[Any], dimension_ids: set[Any]
) -> Iterator[Problem]:
    seen: set[str] = set()
    for k, target in enumerate(related):
        if not isinstance(target, str):
            continue
        path = (*base, "related", k)
        if target == own_id:
            yield located.problem(path, "a dimension cannot be related to itself.", "Remove this entry.")
        elif target not in dimension_ids:
            close = difflib.get_close_matches(target, [str(d) for d in dimension_ids], n=1)
            guess = f"Did you mean '{close[0]}'? " if close else ""
            yield located.problem(
                path,
                f"there is no dimension with the id '{target}'.",
                f"{guess}Use the id of a dimension in this file.",
            )
        elif target in seen:
            yield located.problem(path, f"'{target}' is listed twice.", "Remove the repeat.")
        seen.add(target)


# --- model -----------------------------------------------------------------------------------


def _title_trouble(docs_dir: Path, page: str) -> tuple[str, str] | None:
    """Return (message, fix) when the title a link takes from its page cannot be read or shown."""
    keep_out = "or give this link a 'title:' of its own."
    try:
        text = (docs_dir / page.split("#")[0]).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return (
            f"the page '{page}' is not UTF-8 text (byte {error.start} cannot be read), so its title cannot be read.",
            f"Save the page with UTF-8 encoding, {keep_out}",
        )
    except OSError as error:
        return f"the page '{page}' cannot be read ({error.strerror or error}).", f"Check the page, {keep_out}"
    match = HEADING.search(text)
    trouble = unshowable(match.group(1)) if match else None
    if trouble is None:
        return None
    return (
        f"the title of the page '{page}' (its first heading): {trouble[0]}",
        f"Remove it from the heading, {keep_out}",
    )
