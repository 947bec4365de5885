"""Load a framework file: check it against the JSON Schema, then against the rules a schema cannot
express (crosscheck.py), then build the model (assemble.py).

The same schema file ships with the package for editors. Every problem is collected (none stops the
search for others) and reported together with file, line, column, document path and a fix.
"""

from __future__ import annotations

import difflib
import gc
import hashlib
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .assemble import build_model
from .crosscheck import default_reserved, reference_problems, reserved_id_problems
from .loader import Located, load_framework_file
from .model import Framework
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
    problems += reserved_id_problems(located, default_reserved() if reserved is None else reserved)
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


def check(path: Path, docs_dir: Path | None = None) -> FrameworkError | None:
    """Return the error describing every problem in the file, or None if it is sound."""
    try:
        load_framework(path, docs_dir)
    except FrameworkError as error:
        return error
    return None
