"""The plugin's own work, timed in this process without MkDocs: load, validate, render.

Each stage calls the same core functions the plugin calls. Every repetition starts from the file and
makes a new Renderer (whose Jinja environment compiles the templates again), as a build does.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from bench.stats import Summary, summarise
from mkdocs_framework.assemble import build_model
from mkdocs_framework.crosscheck import reference_problems
from mkdocs_framework.loader import load_framework_file
from mkdocs_framework.render import Renderer
from mkdocs_framework.validate import schema_problems

STAGES = ("load", "validate", "render")


@dataclass(frozen=True)
class CoreTimings:
    """Median seconds of each stage, the total, and how much Markdown the pages came to."""

    stages: dict[str, Summary]
    total: Summary
    pages: int
    markdown_bytes: int


def time_core(framework_file: Path, docs_dir: Path | None, runs: int) -> CoreTimings:
    """Time loading (YAML with positions), validating (schema, references, model) and rendering."""
    spent: dict[str, list[float]] = {stage: [] for stage in STAGES}
    totals: list[float] = []
    pages: dict[str, str] = {}
    for _ in range(runs):
        start = time.perf_counter()
        located = load_framework_file(framework_file)
        loaded = time.perf_counter()
        problems = [*schema_problems(located), *reference_problems(located, docs_dir)]
        if problems:
            raise ValueError(f"{framework_file} has {len(problems)} problems; run `python -m mkdocs_framework check`")
        framework = build_model(located.data, docs_dir)
        validated = time.perf_counter()
        pages = Renderer(framework).pages()
        rendered = time.perf_counter()
        spent["load"].append(loaded - start)
        spent["validate"].append(validated - loaded)
        spent["render"].append(rendered - validated)
        totals.append(rendered - start)
    return CoreTimings(
        {stage: summarise(values) for stage, values in spent.items()},
        summarise(totals),
        len(pages),
        sum(len(text.encode("utf-8")) for text in pages.values()),
    )
