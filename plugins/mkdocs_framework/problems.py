"""Problems found in a framework file, and the exception that carries them.

Every problem names the file, line and column, the path inside the document and what to do,
so an editor can go straight to it. No module here imports MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

JsonPath = tuple[str | int, ...]


def format_path(path: JsonPath) -> str:
    """Return a document path the way a reader would write it: ``dimensions[2].criteria[0].id``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text or "(top level)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a framework file."""

    file: str
    line: int
    column: int
    path: JsonPath
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {format_path(self.path)}: {self.message}\n    Fix: {self.fix}"


class FrameworkError(Exception):
    """The framework file cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.column, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        file = self.problems[0].file if self.problems else "framework file"
        body = "\n".join(str(p) for p in self.problems)
        return f"{file} has {count} {noun}; nothing was built.\n{body}"


def display_name(path: Path) -> str:
    """Return the path as a reader knows it: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
