"""Check framework data against the JSON Schema, then against the rules a schema cannot express.

The same schema file ships with the package for editors. Every problem is collected (none stops the
search for others) and reported together with file, line, column, document path and a fix.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from .lineage import is_version, version_key
from .loader import Located, load_framework_file, unshowable
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
from .problems import FrameworkError, JsonPath, Problem

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

SCHEMA_FILE = "framework.schema.json"


@cache
def schema() -> dict[str, Any]:
    """Return the framework JSON Schema shipped with the package."""
    text = resources.files(__package__).joinpath("schema", SCHEMA_FILE).read_text(encoding="utf-8")
    result: dict[str, Any] = json.loads(text)
    return result


def load_framework(
    path: Path,
    docs_dir: Path | None = None,
    cache_dir: Path | None = None,
    reserved: Mapping[str, str] | None = None,
) -> Framework:
    """Load, validate and return the framework, or raise FrameworkError listing every problem.

    With docs_dir, links to resource pages are checked and their titles read from the pages.
    With cache_dir, a framework that passed the schema check before (the same data, against the
    same schema) is not checked against it again: that saves importing jsonschema on every build
    of `mkdocs serve`. Every other check runs every time.
    With reserved ({id: page}), no dimension may have an id that names a page the site makes for
    itself (reserved.py); by default, the pages of the default paths.
    """
    with _collection_paused():
        return _load_framework(path, docs_dir, cache_dir, reserved)


@contextmanager
def _collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a framework is read.

    Reading makes many small objects that all stay alive (the parsed YAML, its positions, the
    model), none of them in reference cycles; with the collector on, its passes over them grow with
    the file, and reading a large framework grew faster than the framework (a growth exponent of
    1.8 between 200 and 500 dimensions; linear with the collector paused)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_framework(
    path: Path, docs_dir: Path | None, cache_dir: Path | None, reserved: Mapping[str, str] | None
) -> Framework:
    located = load_framework_file(path, keep_going=True)
    passed = _schema_passed_marker(located, cache_dir)
    known_valid = passed is not None and passed.is_file() and not located.problems
    # Values the loader refused are None in the data: the schema's "expected text but found
    # nothing" about them, or about anything inside them, would repeat the loader's problem.
    problems = list(located.problems)
    if not known_valid:
        problems += [p for p in schema_problems(located) if not _inside(p.path, located.refused)]
    problems += reference_problems(located, docs_dir)
    problems += reserved_id_problems(located, _default_reserved() if reserved is None else reserved)
    if problems:
        raise FrameworkError(_unique(problems))
    framework = build_model(located.data, docs_dir)
    if passed is not None and not known_valid:
        try:
            passed.parent.mkdir(parents=True, exist_ok=True)
            passed.touch()
        except OSError:
            pass  # only a speed-up for the next build: an unwritable cache_dir costs the check again
    return framework


def _inside(path: JsonPath, refused: frozenset[JsonPath]) -> bool:
    return any(path[:length] in refused for length in range(len(path) + 1))


def _schema_passed_marker(located: Located, cache_dir: Path | None) -> Path | None:
    """Return the file whose presence records that this data passed this schema, or None."""
    if cache_dir is None:
        return None
    digest = hashlib.sha256(json.dumps(schema(), sort_keys=True).encode("utf-8"))
    digest.update(json.dumps(located.data, sort_keys=True, default=str).encode("utf-8"))
    return cache_dir / "schema-passed" / digest.hexdigest()


def _unique(problems: list[Problem]) -> list[Problem]:
    seen: dict[tuple[int, int, str], Problem] = {}
    for problem in problems:
        seen.setdefault((problem.line, problem.column, problem.message), problem)
    return list(seen.values())


# --- schema ----------------------------------------------------------------------------------


def _json_type(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return type(value).__name__


_TYPE_FIXES = {
    "a list": "Write a list here: one item per line, each starting with '- '.",
    "a mapping of fields": "Write fields here, one 'name: value' per line, indented under this key.",
}

_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of fields",
    "integer": "a whole number",
    "boolean": "true or false",
}


def schema_problems(located: Located) -> Iterator[Problem]:
    """Yield one problem per schema violation, worded for the person editing the file."""
    import jsonschema  # here, not at the top: it is slow to import and often not needed

    validator = jsonschema.Draft202012Validator(schema())
    for error in validator.iter_errors(located.data):
        yield from _explain(located, error)


def _explain(located: Located, error: ValidationError) -> Iterator[Problem]:
    path: JsonPath = tuple(error.absolute_path)
    kind = error.validator
    instance: Any = error.instance
    rule: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    value: Any = error.validator_value
    description = rule.get("description")
    if kind == "required":
        present = set(instance) if isinstance(instance, dict) else set()
        for name in value:
            if name not in present:
                field_schema = rule.get("properties", {}).get(name, {})
                hint = field_schema.get("description")
                yield located.problem(
                    path,
                    f"the required field '{name}' is missing.",
                    f"Add '{name}:' to this entry." + (f" {hint}" if hint else ""),
                )
    elif kind == "additionalProperties":
        allowed = sorted(rule.get("properties", {}))
        for name in sorted(set(instance) - set(allowed)):
            close = difflib.get_close_matches(name, allowed, n=1)
            guess = f"Did you mean '{close[0]}'? " if close else ""
            yield located.problem(
                (*path, name),
                f"'{name}' is not a field the framework knows here.",
                f"{guess}Remove it or correct its name. Fields allowed here: {', '.join(allowed)}.",
            )
    elif kind == "type":
        wanted = _TYPE_WORDS.get(str(value), str(value))
        fix = _TYPE_FIXES.get(wanted, f"Write {wanted} here.")
        if wanted == "text" and not isinstance(instance, (list, dict)):
            fix = "Put the value in quotes so YAML reads it as text."
        elif wanted == "text":
            fix = (
                "Write one piece of text here, not a list or a mapping: remove the brackets, dashes or indented fields."
            )
        if instance is None:
            fix = f"Fill in the value, as {wanted}, or remove the field if it is optional."
        yield located.problem(path, f"expected {wanted} but found {_json_type(instance)}.", fix)
    elif kind == "enum":
        choices = ", ".join(repr(c) for c in value)
        yield located.problem(path, f"{instance!r} is not an allowed value.", f"Use one of: {choices}.")
    elif kind in ("minItems", "maxItems"):
        count = len(instance) if isinstance(instance, list) else 0
        limit = value
        relation = "at least" if kind == "minItems" else "at most"
        yield located.problem(
            path,
            f"has {count} item{'s' if count != 1 else ''}, but needs {relation} {limit}.",
            "Add items to the list." if kind == "minItems" else "Remove items from the list.",
        )
    elif kind in ("minLength", "pattern") and isinstance(instance, str) and not instance.strip():
        yield located.problem(path, "is empty.", "Write the text, or remove the field if it is optional.")
    elif kind == "pattern":
        yield located.problem(
            path,
            f"{instance!r} is not in the right form.",
            description or f"Write a value matching {value}.",
        )
    elif kind == "maxLength":
        yield located.problem(path, f"is longer than {value} characters.", "Shorten it.")
    else:  # pragma: no cover - the schema uses only the keywords above
        yield located.problem(path, error.message, description or "Correct this value.")


# --- references and rules a schema cannot express --------------------------------------------


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


def _default_reserved() -> Mapping[str, str]:
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


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def page_title(docs_dir: Path | None, page: str) -> str:
    """Return the first level-one heading of a docs page, or a title made from its file name."""
    path_part = page.split("#")[0]
    if docs_dir is not None:
        file = docs_dir / path_part
        if file.is_file():
            match = _HEADING.search(file.read_text(encoding="utf-8"))
            if match:
                return match.group(1)
    return Path(path_part).stem.replace("-", " ").capitalize()


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
    match = _HEADING.search(text)
    trouble = unshowable(match.group(1)) if match else None
    if trouble is None:
        return None
    return (
        f"the title of the page '{page}' (its first heading): {trouble[0]}",
        f"Remove it from the heading, {keep_out}",
    )


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


def check(path: Path, docs_dir: Path | None = None) -> FrameworkError | None:
    """Return the error describing every problem in the file, or None if it is sound."""
    try:
        load_framework(path, docs_dir)
    except FrameworkError as error:
        return error
    return None
