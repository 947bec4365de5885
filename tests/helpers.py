"""Helpers shared by the tests: building real sites, synthetic frameworks, golden files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from playwright.sync_api import expect

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
GOLDEN = REPO / "tests" / "golden"
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
"""Run the tests with UPDATE_GOLDEN=1 to rewrite golden files deliberately, then review the diff."""


def assert_golden(actual: str, golden: Path) -> None:
    """Compare text with a golden file (or rewrite the file when UPDATE_GOLDEN=1)."""
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"{golden} is missing; run with UPDATE_GOLDEN=1 to create it, then review it."
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"output differs from {golden.relative_to(REPO)}"


def run_mkdocs(config_file: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict` and return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config_file), "-d", str(site_dir), *extra],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


FIXTURE_CONTACT = {
    "organisation": "Fixture council",
    "email": "framework@example.org",
    "response_time": "10 working days",
    "data_protection": "The data protection officer: dpo@example.org",
}
"""The publisher's contact details every fixture site gives (example.org is reserved for examples)."""


def make_site(root: Path, framework: str | dict[str, Any], nav: bool = True) -> Path:
    """Write a small site (fixture docs + the given framework) under root; return its mkdocs.yml."""
    shutil.copytree(FIXTURES / "docs", root / "content")
    text = framework if isinstance(framework, str) else yaml.safe_dump(framework, sort_keys=False)
    (root / "framework.yml").write_text(text, encoding="utf-8")
    config: dict[str, Any] = {
        "site_name": "Fixture site",
        "docs_dir": "content",
        "use_directory_urls": False,
        "theme": {"name": "material", "font": False},
        "plugins": ["search", "framework"],
        # A framework that is not a prototype needs the publisher's contact details.
        "extra": {"contact": FIXTURE_CONTACT},
    }
    if nav:
        config["nav"] = [{"Home": "index.md"}, {"The framework": "framework/index.md"}, "resources/guide.md"]
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return config_file


LEVEL_NAMES = ["Initial", "Basic", "Emerging", "Developing", "Established", "Embedded", "Leading"]


def synthetic_framework(levels: int = 5, dimensions: int = 3, criteria: int = 3, themes: int = 0) -> dict[str, Any]:
    """Return a valid framework of the given size, with distinct text everywhere."""
    level_list = [
        {
            "id": f"level-{n + 1}",
            "label": LEVEL_NAMES[n] if levels <= len(LEVEL_NAMES) else f"Level {n + 1}",
            "meaning": f"Meaning of level {n + 1}.",
        }
        for n in range(levels)
    ]
    result: dict[str, Any] = {
        "id": "synthetic",
        "title": f"Synthetic framework with {dimensions} dimensions",
        "version": "1.0",
        "status": "draft",
        "description": "A framework generated for tests and benchmarks.",
        "levels": level_list,
    }
    if themes:
        result["themes"] = [{"id": f"theme-{t + 1}", "title": f"Theme {t + 1}"} for t in range(themes)]
    result["dimensions"] = [
        {
            "id": f"dimension-{d + 1}",
            "title": f"Dimension number {d + 1}",
            **({"theme": f"theme-{d % themes + 1}"} if themes else {}),
            "summary": f"Summary of dimension {d + 1}.",
            "why_it_matters": f"Why dimension {d + 1} matters for children.",
            "framing_questions": [f"Question {q + 1} about dimension {d + 1}?" for q in range(4)],
            "criteria": [
                {
                    "id": f"d{d + 1}-c{c + 1}",
                    "title": f"Criterion {c + 1} of dimension {d + 1}",
                    "descriptors": {
                        level["id"]: f"Descriptor of criterion {c + 1} of dimension {d + 1} at {level['label']}."
                        for level in level_list
                    },
                }
                for c in range(criteria)
            ],
            "barriers": [f"Barrier of dimension {d + 1}."],
            "enablers": [f"Enabler of dimension {d + 1}."],
            **({"related": [f"dimension-{(d + 1) % dimensions + 1}"]} if dimensions > 1 else {}),
        }
        for d in range(dimensions)
    ]
    return result


def seed_storage(page: Page, items: dict[str, str]) -> None:
    """Put ``items`` in the page's localStorage, as an earlier visit would have left them, and reload.

    Written once from the page itself rather than by an init script: an init script also runs in the
    theme's search iframe and on every reload, and could put the seed back over what the test saved."""
    page.evaluate("items => { for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v); }", items)
    page.reload()


SEARCH_READY = re.compile(r"^(?!\s*Initializing search)")
"""What the theme's search says once it can search: anything but "Initializing search"."""


def search_site(page: Page, words: str) -> None:
    """Search with the theme's search box once it says it is ready, and wait for its results.

    A person puts the cursor in the box once the page is there; the theme's results then say
    "Initializing search" until its index is loaded (slow from disk on a busy machine), then "Type to
    start searching". The words are typed after that, so none goes unheard. A search that never works
    fails."""
    page.wait_for_function("() => typeof window.component$ !== 'undefined'")  # the theme's script has started
    meta = page.locator(".md-search-result__meta")
    box = page.get_by_role("textbox", name="Search")
    box.fill("")
    box.focus()
    expect(meta).to_have_text(SEARCH_READY, timeout=60_000)
    box.press_sequentially(words)  # the theme searches on each key released
    expect(meta).to_contain_text("matching document", timeout=30_000)


def settled(page: Page) -> None:
    """Wait until the page has done what it started on load: its scripts have run and drawn, and the
    browser has a moment with nothing to do (the moment a page's first-use code is started)."""
    page.wait_for_load_state("load")
    # An idle callback runs once the browser has nothing else to do (at the latest after 5 s); a page
    # that is not in front draws no frames, so no animation frame is awaited.
    page.evaluate(
        "() => new Promise(done => (window.requestIdleCallback || setTimeout)(() => done(true), {timeout: 5000}))"
    )


STEP_ADDRESS = """(criterion) => {
    const data = document.getElementById('cif-framework');
    if (!data) return null;
    const dimension = JSON.parse(data.textContent).dimensions.find((d) => d.criteria.some((c) => c.id === criterion));
    const pattern = data.getAttribute('data-step-href');
    return dimension && pattern ? new URL(pattern.replace('__ID__', dimension.id), location.href).href : null;
}"""
"""The address of the form's step that asks a criterion, worked out from the page it is asked from."""


def answer(page: Page, criterion_id: str, option: str) -> None:
    """Choose an answer to a criterion by clicking the words of the option, as a person does.

    option is the visible label: a level such as "Developing", or "Not applicable" or "Not sure yet".
    When the question is not on the page shown (the form asks one dimension per step), the page
    goes to the step that asks it first (from the hub, a step or the check-answers page), and waits
    for the form to start there. The answer is then checked, so a click that missed fails here."""
    fieldset = page.locator(f"#criterion-{criterion_id}")
    if fieldset.count() == 0:
        address = page.evaluate(STEP_ADDRESS, criterion_id)
        assert address, f"no step of the form on {page.url} asks criterion {criterion_id!r}"
        page.goto(address)
        page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")
    level = fieldset.locator(".cif-radio__level").filter(has_text=re.compile(rf"^\s*{re.escape(option)}:?\s*$"))
    assert level.count() == 1, f"criterion {criterion_id!r} has no option {option!r}"
    label = level.locator("xpath=ancestor::label[1]")
    label.click()
    radio = page.locator(f"#{label.get_attribute('for')}")
    if not radio.is_checked():
        raise AssertionError(f"choosing {option!r} for criterion {criterion_id!r} did not check it")


OPEN_ASSESSMENT = """() => {
    const data = document.getElementById('cif-framework');
    if (!data) return null;
    const id = JSON.parse(data.textContent).id;
    const store = JSON.parse(localStorage.getItem(`cif:${id}:assessments`) || 'null');
    const settings = JSON.parse(localStorage.getItem(`cif:${id}:settings`) || 'null');
    const open = sessionStorage.getItem(`cif:${id}:open`) || (settings && settings.currentAssessment);
    return store && open && store.assessments[open] ? store.assessments[open] : null;
}"""


def open_assessment(page: Page) -> dict[str, Any] | None:
    """The assessment the tab has open, as saved on the device (None before anything is saved)."""
    record: dict[str, Any] | None = page.evaluate(OPEN_ASSESSMENT)
    return record


def saved_answers(page: Page) -> dict[str, str]:
    """The answers of the assessment the tab has open, as saved: {criterion id: value}."""
    record = open_assessment(page)
    return dict(record["answers"]) if record else {}


def go_to_step(page: Page, dimension_id: str) -> None:
    """Open the form's step of a dimension from any page of the form, and wait for it to start."""
    address = page.evaluate(
        "id => new URL(document.getElementById('cif-framework').getAttribute('data-step-href')"
        ".replace('__ID__', id), location.href).href",
        dimension_id,
    )
    page.goto(address)
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")


def go_to_hub(page: Page, fragment: str = "") -> None:
    """Open the form's hub (assess/index.html) from one of its steps, and wait for it to start."""
    page.goto(page.url.split("#")[0].rsplit("/", 1)[0] + "/index.html" + fragment)
    page.locator("#cif-framework[data-cif-started]").wait_for(state="attached")


def first_step() -> str:
    """The address, in the site of this repository, of the form's first step (its first dimension)."""
    framework = yaml.safe_load((REPO / "framework.yml").read_text(encoding="utf-8"))
    return f"assess/{framework['dimensions'][0]['id']}.html"


def choose_files_by_keyboard(page: Page, files: list[Path]) -> None:
    """Press Space on the focused file input and choose files in the chooser it opens.

    Chromium opens a file chooser only for the page in front, so the page is brought to the front.
    The test's watch for the chooser is set up before the key is pressed (a round trip to the page
    after starting to watch), so the one press is seen."""
    page.bring_to_front()
    with page.expect_file_chooser() as chooser:
        assert page.evaluate("document.activeElement && document.activeElement.type") == "file"
        page.keyboard.press("Space")
    chooser.value.set_files(files)


def open_for_print(opener: Browser | BrowserContext, built_page: Path) -> Page:
    """A new page (of a browser or a context) showing a built page as it prints: in print media."""
    page = opener.new_page()
    page.goto(built_page.as_uri())
    page.emulate_media(media="print")
    return page


def run_tool(*command: str, timeout: int = 120) -> str:
    """Run a command-line tool (pdftotext, pdfinfo, soffice...) and return what it printed; fail on an error."""
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=timeout).stdout
