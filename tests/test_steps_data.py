"""Every assessment page gets the framework data the same way: one file, framework-data.js, that the
browser caches, instead of each page carrying a copy. So a page does not grow with the framework and
the site grows in step with it, not with its square."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from mkdocs_framework.data import criterion_fingerprint, framework_data, read_framework_script
from mkdocs_framework.render import Renderer
from mkdocs_framework.validate import load_framework
from tests.helpers import synthetic_framework

EMPTY_DATA = re.compile(r'<script type="application/json" id="cif-framework"[^>]*></script>')


def renderer_for(tmp_path: Path, dimensions: int) -> Renderer:
    path = tmp_path / f"framework-{dimensions}.yml"
    path.write_text(yaml.safe_dump(synthetic_framework(dimensions=dimensions, criteria=4)), encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    return Renderer(load_framework(path, docs))


def test_a_step_is_the_same_size_however_large_the_framework(tmp_path: Path) -> None:
    small, large = renderer_for(tmp_path, 5), renderer_for(tmp_path, 60)
    first_small = small.assessment_step(small.framework.dimensions[0])
    first_large = large.assessment_step(large.framework.dimensions[0])
    assert EMPTY_DATA.search(first_large), "the step carries no copy of the framework data"
    assert "framework-data.js" in first_large
    # Only the numbers in "Step 1 of N" and the link to the next step may differ.
    assert abs(len(first_large) - len(first_small)) < 100
    # Nothing of another dimension's questions is in the step.
    other = large.framework.dimensions[30].criteria[0].descriptors[0]
    assert other not in first_large


def test_the_shared_data_file_holds_the_page_data_and_fills_the_element(tmp_path: Path) -> None:
    renderer = renderer_for(tmp_path, 3)
    files = renderer.data_files()
    assert list(files) == ["assets/framework/framework-data.js"]
    script = files["assets/framework/framework-data.js"]
    assert read_framework_script(script) == framework_data(renderer.framework)
    assert 'document.getElementById("cif-framework")' in script
    assert "</script" not in script.lower()


def test_every_assessment_page_loads_the_one_data_file_before_its_own_script(tmp_path: Path) -> None:
    renderer = renderer_for(tmp_path, 3)
    pages = {
        "form": renderer.assessment(),
        "step": renderer.assessment_step(renderer.framework.dimensions[0]),
        "check": renderer.assessment_check(),
        "report": renderer.assessment_report(),
        "team": renderer.assessment_team(),
        "group": renderer.assessment_group(),
        "shared": renderer.assessment_shared(),
    }
    criterion = renderer.framework.dimensions[2].criteria[0]
    for name, page in pages.items():
        assert EMPTY_DATA.search(page), f"the {name} page carries its own copy of the framework data"
        scripts = re.findall(r'<script src="([^"]+)" defer></script>', page)
        assert scripts and scripts[0].endswith("assets/framework/framework-data.js"), (name, scripts)
        assert len(scripts) == 2, (name, scripts)
        # Only the data carries a criterion's fingerprint.
        assert criterion_fingerprint(criterion) not in page, name
