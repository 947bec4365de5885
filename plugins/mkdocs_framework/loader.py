"""Read a framework file as plain data, remembering where every value came from.

YAML is parsed with PyYAML's safe composer: its C version (libyaml) when installed, which is ten
times faster and gives the same nodes and positions; a file libyaml cannot read is read again by the
Python version, whose error messages the reports are written for. We then build the data ourselves
from the node tree so that we can record the line and column of every key and value, refuse
duplicate keys and tags that construct objects, and bound alias expansion. Nothing here imports
MkDocs.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import FrameworkError, JsonPath, Problem, display_name

MAX_BYTES = 2_000_000
"""Largest framework file accepted; a real framework of several hundred dimensions is well under."""

MAX_NODES = 500_000
"""Most values a file may expand to, counting aliases each time they are used (stops alias bombs)."""

_FAST_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)
"""libyaml's safe loader, when PyYAML was built with it; it gives the same nodes and positions."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True)
class Located:
    """Data read from a file, with the position of each value by its path in the document."""

    file: str
    data: Any
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    """Values refused while reading (with keep_going): each is None in data, at a path in refused."""
    refused: frozenset[JsonPath] = frozenset()

    def position(self, path: JsonPath) -> tuple[int, int]:
        """Return (line, column), 1-based, of the value at path, or of its nearest ancestor."""
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def problem(self, path: JsonPath, message: str, fix: str) -> Problem:
        line, column = self.position(path)
        return Problem(self.file, line, column, path, message, fix)


def load_framework_file(path: Path, *, keep_going: bool = False) -> Located:
    """Read and parse a framework file, or raise FrameworkError describing why it cannot be read.

    With keep_going, values that cannot be used (a tag, a control character, a number too long)
    are returned as problems of the Located data instead of raised, so that the validator can
    report them together with every other problem in one list."""
    name = display_name(path)

    def fail(message: str, fix: str, line: int = 1, column: int = 1) -> FrameworkError:
        return FrameworkError([Problem(name, line, column, (), message, fix)])

    raw = _read_bounded(path, fail)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise fail(
            f"the file is not UTF-8 text (byte {error.start} cannot be read).",
            "Save the file with UTF-8 encoding.",
        ) from None
    return parse_framework_text(text, name, keep_going=keep_going)


def _read_bounded(path: Path, fail: Callable[[str, str], FrameworkError]) -> bytes:
    """Return the bytes of a regular file of at most MAX_BYTES, or raise FrameworkError.

    Only a regular file is read, and never more than MAX_BYTES + 1 bytes of it: a device such as
    /dev/zero never ends and a named pipe waits for a writer, so both are refused before reading.
    The file is opened without blocking and checked on the open handle, so it cannot be swapped
    for something else between the check and the read."""
    if not path.exists():
        raise fail(
            "the framework file does not exist.",
            "Check the plugin's 'framework' option in mkdocs.yml, or create the file.",
        )
    if path.is_dir():
        raise fail("this is a folder, not a framework file.", "Point the 'framework' option at a .yml file.")
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise fail(
            f"the file cannot be opened ({error.strerror or error}).",
            "Check that the file can be read by the account running the build.",
        ) from None
    try:
        status = os.fstat(handle)
        if stat.S_ISDIR(status.st_mode):
            raise fail("this is a folder, not a framework file.", "Point the 'framework' option at a .yml file.")
        if not stat.S_ISREG(status.st_mode):
            raise fail(
                "this is not a regular file (it is a device, a named pipe or a socket), so it is not read.",
                "Point the 'framework' option at the framework's .yml file.",
            )
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(handle, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise fail(
            f"the file cannot be read ({error.strerror or error}).",
            "Check that the file can be read by the account running the build.",
        ) from None
    finally:
        os.close(handle)
    if size > MAX_BYTES:
        raise fail(
            f"the file is larger than {MAX_BYTES // 1_000_000} MB, too large to be a framework.",
            "Check that this is the right file; split out anything that is not framework content.",
        )
    return b"".join(chunks)


def _compose(text: str) -> Node | None:
    """Compose the YAML node tree: with libyaml if it reads the text, else with pure-Python PyYAML.

    libyaml accepts tabs where the Python parser refuses them, and reads a byte-order mark inside
    the text differently, so text with either goes straight to the Python parser.
    """
    if _FAST_LOADER is not None and "\t" not in text and "\ufeff" not in text[1:]:
        try:
            node: Node | None = yaml.compose(text, Loader=_FAST_LOADER)
            return node
        except (yaml.YAMLError, UnicodeError):
            pass  # composed again below, to report the problem exactly as the Python parser words it
    return yaml.compose(text, Loader=yaml.SafeLoader)


def parse_framework_text(text: str, name: str, *, keep_going: bool = False) -> Located:
    """Parse YAML text into located data; name is used in messages. keep_going: as load_framework_file."""
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = error.problem or "the YAML cannot be read"
        raise FrameworkError(
            [
                Problem(
                    name,
                    line,
                    column,
                    (),
                    f"YAML syntax error: {what}.",
                    "Check indentation, colons and quotes on this line and the one before. "
                    "Text containing ': ' or starting with a special character needs quotes.",
                )
            ]
        ) from None
    except yaml.reader.ReaderError as error:
        raise FrameworkError([_unreadable_character(name, text, error)]) from None
    except yaml.YAMLError as error:
        raise FrameworkError(
            [Problem(name, 1, 1, (), f"YAML cannot be read: {error}.", "Fix the YAML syntax.")]
        ) from None
    except RecursionError:
        raise FrameworkError([_too_deep(name)]) from None
    if node is None:
        raise FrameworkError(
            [
                Problem(
                    name,
                    1,
                    1,
                    (),
                    "the file is empty.",
                    "Write the framework: id, title, version, status, description, levels and dimensions.",
                )
            ]
        )
    builder = _Builder(name, text)
    try:
        data = builder.build(node, ())
    except RecursionError:
        raise FrameworkError([_too_deep(name)]) from None
    if builder.problems and (not keep_going or builder.count > MAX_NODES):
        raise FrameworkError(builder.problems)
    return Located(name, data, builder.positions, tuple(builder.problems), frozenset(builder.refused))


def _unreadable_character(name: str, text: str, error: yaml.reader.ReaderError) -> Problem:
    """The problem of a character YAML refuses to read (a NUL, ESC or other control character typed
    or pasted into the file), at its own line and column."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return Problem(
        name,
        line,
        column,
        (),
        f"the file holds the control character U+{ord(character):04X}{_control_name(character)}, "
        "which YAML does not allow and a page cannot show.",
        "Delete it (it is invisible in most editors: delete the character at this column, or retype the line).",
    )


def _too_deep(name: str) -> Problem:
    return Problem(
        name,
        1,
        1,
        (),
        "the YAML is nested too deeply to be a framework (lists or mappings inside one another thousands of times).",
        "Check the file is the framework; a framework is only a few levels deep.",
    )


class _Builder:
    """Turns a composed YAML node tree into plain data, recording positions and problems."""

    def __init__(self, name: str, text: str = "") -> None:
        self.name = name
        self.text = text
        self.positions: dict[JsonPath, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.refused: set[JsonPath] = set()
        """Paths of values refused (kept as None): a schema problem there or below says nothing new."""
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def _problem(self, node: Node, path: JsonPath, message: str, fix: str) -> None:
        self.problems.append(
            Problem(self.name, node.start_mark.line + 1, node.start_mark.column + 1, path, message, fix)
        )

    def build(self, node: Node, path: JsonPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self._problem(
                    node,
                    path,
                    f"the file expands to more than {MAX_NODES:,} values (YAML aliases used many times over).",
                    "Remove the repeated aliases (*name); write the values out instead.",
                )
            return None
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _PLAIN_TAGS:
            self._problem(
                node,
                path,
                f"the YAML tag {node.tag!r} is not allowed.",
                "Remove the tag (the part starting with '!'); the framework file holds plain text, lists and mappings.",
            )
            self.refused.add(path)
            return None
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if isinstance(node, MappingNode):
            return self._build_mapping(node, path)
        return None  # pragma: no cover - the composer makes only the three node kinds

    def _scalar(self, node: ScalarNode, path: JsonPath) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            self._problem(node, path, "this value cannot be read.", "Put the value in quotes.")
            self.refused.add(path)
            return None
        except ValueError:  # Python refuses to read an integer of more than 4,300 digits
            self.refused.add(path)
            digits = sum(character.isdigit() for character in node.value)
            self._problem(
                node,
                path,
                f"this number is too long to be read ({digits:,} digits).",
                "Shorten it; if it is meant as text, put it in quotes.",
            )
            return None
        if isinstance(value, str):
            trouble = unshowable(value)
            if trouble is not None:
                line, column = _where_written(self.text, node, trouble[2])
                self.problems.append(Problem(self.name, line, column, path, trouble[0], trouble[1]))
                self.refused.add(path)
                return None
        return value

    def _build_mapping(self, node: MappingNode, path: JsonPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self._problem(key_node, path, "YAML merge keys ('<<') are not allowed.", "Write the keys out in full.")
                continue
            reported, mapping_refused = len(self.problems), path in self.refused
            key = self.build(key_node, path) if isinstance(key_node, ScalarNode) else None
            if not mapping_refused:  # a refused key leaves out its own entry, not the whole mapping
                self.refused.discard(path)
            if not isinstance(key, str):
                if len(self.problems) == reported:  # a key refused as it was read has its problem already
                    self._problem(
                        key_node, path, "every key must be plain text.", "Use a word such as 'title' as the key."
                    )
                continue
            child = (*path, key)
            if key in result:
                first_line = self.positions.get(child, (0, 0))[0]
                self._problem(
                    key_node,
                    child,
                    f"the key {key!r} appears twice in the same mapping (first on line {first_line}).",
                    "Keep one of them; YAML would silently use only the last.",
                )
                continue
            self.positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result


_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""Unicode's control characters (category Cc) and surrogates (Cs), but for tab and line breaks,
which YAML and Markdown read as spaces."""


def unshowable(text: str) -> tuple[str, str, str] | None:
    """Return (message, fix, the character) for the first character of text no page can show, or None.

    A control character (NUL, U+0001, ESC...) would land raw in every page's HTML, and half of a
    surrogate pair is not a character at all: no file, page or PDF can be written with it. Both come
    only from escapes in double-quoted YAML, such as "\\0", "\\x01", "\\e" or "\\ud800"."""
    found = _UNSHOWABLE.search(text)  # a regular expression: every string of the file passes here
    if found is None:
        return None
    character, index = found.group(), found.start() + 1
    if unicodedata.category(character) == "Cs":
        return (
            f"character {index} of this text is half of a surrogate pair (U+{ord(character):04X}), "
            "which is not a character: no page or file can hold it.",
            "Remove the escape (such as \\ud800) from the double-quoted text, or write the character it "
            "was meant to be whole: as itself, or as \\U and its eight hexadecimal digits.",
            character,
        )
    return (
        f"character {index} of this text is the control character U+{ord(character):04X}"
        f"{_control_name(character)}, which a page cannot show.",
        "Remove it: it comes from an escape in double quotes (such as \\0, \\x01 or \\e) or was pasted in unseen.",
        character,
    )


_SHORT_ESCAPES = {"\x00": "0", "\x07": "a", "\x08": "b", "\x0b": "v", "\x0c": "f", "\x1b": "e", "\x85": "N"}
"""YAML's one-letter escapes of control characters (double-quoted text)."""


def _escape_pattern(letter: str, digits: str) -> str:
    """A regular expression for one escape of YAML's double-quoted text, hexadecimal in either case."""
    return "\\\\" + letter + "".join(f"[{digit}{digit.upper()}]" if digit.isalpha() else digit for digit in digits)


def _where_written(text: str, node: Node, character: str) -> tuple[int, int]:
    """Return (line, column), 1-based, where character was written inside a value: the character
    itself, or the first escape that means it (\\e, \\x1b, \\u001B...); the value's start if neither
    is found."""
    start, end = node.start_mark.index, node.end_mark.index
    source = text[start:end]
    code = ord(character)
    hexes = [("x", f"{code:02x}")] if code < 0x100 else []
    spellings = [re.escape(character)] + [
        _escape_pattern(letter, digits) for letter, digits in [*hexes, ("u", f"{code:04x}"), ("U", f"{code:08x}")]
    ]
    if character in _SHORT_ESCAPES:
        spellings.append("\\\\" + _SHORT_ESCAPES[character])
    found = re.search("|".join(spellings), source)
    if found is None or not text:
        return node.start_mark.line + 1, node.start_mark.column + 1
    before = source[: found.start()]
    lines = before.count("\n")
    column = (node.start_mark.column + len(before)) if not lines else len(before) - before.rfind("\n") - 1
    return node.start_mark.line + lines + 1, column + 1


_CONTROL_NAMES = {"\x00": "NUL", "\x1b": "ESC", "\x7f": "DEL", "\x85": "next line", "\x08": "backspace"}


def _control_name(character: str) -> str:
    return f" ({_CONTROL_NAMES[character]})" if character in _CONTROL_NAMES else ""
