"""The contract between the plugin and the browser: the framework data every assessment page
receives is described once, in schema/browser-data.schema.json. data.py's output must match it for
every kind of framework, and the browser's types (js/core/framework-types.mjs) are generated from it,
so the two sides use the same names and a field added on one side and not the other fails here.

After changing the schema, run this file with UPDATE_GOLDEN=1 to regenerate the types, then review
the diff and let `npx tsc -p .` find the browser code that no longer fits."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from mkdocs_framework.data import framework_data, framework_json
from mkdocs_framework.model import Framework
from mkdocs_framework.validate import load_framework
from tests.helpers import FIXTURES, REPO, assert_golden, synthetic_framework

PLUGIN = REPO / "plugins" / "mkdocs_framework"
SCHEMA_FILE = PLUGIN / "schema" / "browser-data.schema.json"
TYPES_FILE = PLUGIN / "js" / "core" / "framework-types.mjs"
SCHEMA: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))

SYNTHETIC = {
    "three dimensions": synthetic_framework(),
    "two levels": synthetic_framework(levels=2, dimensions=1, criteria=1),
    "seven levels, themes": synthetic_framework(levels=7, dimensions=6, themes=3),
}


def from_dict(data: dict[str, Any], tmp_path: Path) -> Framework:
    path = tmp_path / "framework.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_framework(path, tmp_path)


FILES = [
    REPO / "framework.yml",
    *sorted((REPO / "examples").glob("*/framework.yml")),
    *sorted((FIXTURES / "frameworks").glob("*.yml")),
    *sorted((FIXTURES / "versions").glob("*.yml")),
]


def check(data: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in validator.iter_errors(data)]
    assert not problems, "the page data breaks the contract:\n" + "\n".join(problems[:20])


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_the_data_of_every_framework_file_fits_the_contract(path: Path) -> None:
    check(framework_data(load_framework(path)))


@pytest.mark.parametrize("name", SYNTHETIC)
def test_the_data_of_frameworks_of_every_shape_fits_the_contract(name: str, tmp_path: Path) -> None:
    framework = from_dict(SYNTHETIC[name], tmp_path)
    data = framework_data(framework)
    check(data)
    # The names are the model's names: a dimension is sent with the name the pages give it.
    assert [d["name"] for d in data["dimensions"]] == [d.name for d in framework.dimensions]


def test_the_data_is_the_json_the_page_parses(tmp_path: Path) -> None:
    framework = from_dict(SYNTHETIC["seven levels, themes"], tmp_path)
    assert json.loads(framework_json(framework)) == framework_data(framework)


def test_dimensions_with_the_same_title_are_told_apart_by_their_theme(tmp_path: Path) -> None:
    data = synthetic_framework(dimensions=2, themes=2)
    for dimension in data["dimensions"]:
        dimension["title"] = "Culture"
    sent = framework_data(from_dict(data, tmp_path))
    check(sent)
    assert [d["name"] for d in sent["dimensions"]] == ["Culture (Theme 1)", "Culture (Theme 2)"]


def test_a_framework_without_terms_or_notes_sends_the_neutral_words_written_once(tmp_path: Path) -> None:
    """The neutral words are in templates/words.json only: the model reads them, data.py sends them
    resolved, and the browser reads the same file rather than keeping a copy."""
    neutral = json.loads((PLUGIN / "templates" / "words.json").read_text(encoding="utf-8"))["neutral"]
    sent = framework_data(from_dict(synthetic_framework(), tmp_path))
    assert sent["terms"] == neutral["terms"]
    assert sent["notes"] == neutral["notes"]
    for module in ("core/terms.mjs", "core/framework-data.mjs", "core/model.mjs"):
        code = (PLUGIN / "js" / module).read_text(encoding="utf-8")
        said = [*neutral["terms"].values(), *(n[k] for n in neutral["notes"] for k in ("label", "hint", "prompt"))]
        for words in said:
            assert f'"{words}"' not in code, f"{module} keeps its own copy of {words!r}"
    # The editor's schema of framework.yml says the same defaults.
    described = json.loads((PLUGIN / "schema" / "framework.schema.json").read_text(encoding="utf-8"))
    for name, about in described["properties"]["terms"]["properties"].items():
        camel = "".join(part.capitalize() if i else part for i, part in enumerate(name.split("_")))
        assert about["description"].endswith(f"Default: {neutral['terms'][camel]}."), name


# --- The browser's types, generated from the schema -------------------------------------------


def type_of(schema: dict[str, Any]) -> str:
    """The TypeScript type (as JSDoc writes it) of one schema."""
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(json.dumps(value) for value in schema["enum"])
    kind = schema["type"]
    if isinstance(kind, list):
        return " | ".join(type_of({**schema, "type": one}) for one in kind)
    if kind == "array":
        item = type_of(schema["items"])
        return f"({item})[]" if "|" in item else f"{item}[]"
    if kind == "object":
        if "properties" in schema:
            fields = ", ".join(f"{name}: {type_of(value)}" for name, value in schema["properties"].items())
            return "{" + fields + "}"
        return f"Record<string, {type_of(schema['additionalProperties'])}>"
    return {"string": "string", "integer": "number", "number": "number", "boolean": "boolean", "null": "null"}[kind]


def generated_types(schema: dict[str, Any]) -> str:
    """JSDoc typedefs for every definition of the schema, each property with its description."""
    lines = [
        "/* The framework data the browser receives, as types. Generated from",
        " * schema/browser-data.schema.json by tests/test_browser_contract.py (run it with",
        " * UPDATE_GOLDEN=1 after changing the schema); do not edit. */",
        "",
    ]
    for name, definition in schema["$defs"].items():
        lines.append("/**")
        about = definition.get("description", "")
        lines.append(f" * @typedef {{object}} {name}" + (f"  {about}" if about else ""))
        required = set(definition.get("required", []))
        for field, value in definition["properties"].items():
            label = field if field in required else f"[{field}]"
            about = value.get("description", "")
            lines.append(f" * @property {{{type_of(value)}}} {label}" + (f"  {about}" if about else ""))
        lines.append(" */")
        lines.append("")
    lines.append("export {};")
    return "\n".join(lines) + "\n"


def test_the_browsers_types_are_generated_from_the_schema() -> None:
    assert_golden(generated_types(SCHEMA), TYPES_FILE)
