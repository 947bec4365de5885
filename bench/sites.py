"""The sites a benchmark builds: the real one, synthetic ones, and bare-MkDocs twins of each.

A bare twin holds the same pages as plain Markdown files, written by the core's `render` command,
and a copy of mkdocs.yml without the framework plugin but with everything the plugin adds to the
configuration (its assets and stylesheet, its Markdown extensions, the generated nav section and the
worksheets kept out of the nav). Built by bare MkDocs it gives the same HTML, so the difference in
build time is what the plugin costs.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from markupsafe import escape

from mkdocs_framework import assets, publisher
from mkdocs_framework.plugin import REQUIRED_EXTENSIONS
from mkdocs_framework.render import Renderer
from mkdocs_framework.validate import load_framework
from tests.helpers import REPO, make_site, synthetic_framework

PLUGIN = "framework"
DEFAULT_OPTIONS: dict[str, object] = {
    "enabled": True,
    "path": "framework",
    "worksheets_path": "worksheets",
    "assessment_path": "assess",
}
"""The render command writes pages at these places, so a bare twin needs the plugin left at them."""

DOWNLOAD_OPTIONS = ("pdf", "offline_copy")
"""Plugin options that add downloads (worksheet PDFs, a zip of the site) rather than pages."""

SYNTHETIC_LEVELS = 5
SYNTHETIC_CRITERIA = 4
SYNTHETIC_THEMES = 5


@dataclass(frozen=True)
class Site:
    """A site ready to build: its mkdocs.yml, its framework file and its docs folder."""

    name: str
    config: Path
    framework: Path
    docs: Path
    dimensions: int

    @property
    def root(self) -> Path:
        return self.config.parent


def _read_config(config: Path) -> dict[str, Any]:
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{config} is not a mapping")
    return data


def _plugin_options(config: dict[str, Any]) -> dict[str, Any] | None:
    for entry in config.get("plugins", []):
        if entry == PLUGIN:
            return {}
        if isinstance(entry, dict) and PLUGIN in entry:
            return dict(entry[PLUGIN] or {})
    return None


def _site(name: str, config: Path) -> Site:
    data = _read_config(config)
    options = _plugin_options(data) or {}
    framework_file = config.parent / str(options.get("framework", "framework.yml"))
    docs = config.parent / str(data.get("docs_dir", "docs"))
    framework = load_framework(framework_file, docs)
    return Site(name, config, framework_file, docs, len(framework.dimensions))


def real_site(destination: Path, source: Path = REPO) -> Site:
    """Copy the real site's sources (config, docs, theme overrides, framework) to destination."""
    data = _read_config(source / "mkdocs.yml")
    options = _plugin_options(data) or {}
    destination.mkdir(parents=True)
    shutil.copy2(source / "mkdocs.yml", destination / "mkdocs.yml")
    framework_name = str(options.get("framework", "framework.yml"))
    shutil.copy2(source / framework_name, destination / framework_name)
    folders = [str(data.get("docs_dir", "docs"))]
    custom_dir = data.get("theme", {}).get("custom_dir") if isinstance(data.get("theme"), dict) else None
    if custom_dir:
        folders.append(str(custom_dir))
    for folder in folders:
        shutil.copytree(source / folder, destination / folder)
    return _site("real", destination / "mkdocs.yml")


def synthetic_site(destination: Path, dimensions: int) -> Site:
    """Write a site whose framework has the given number of dimensions (tests' fixture docs)."""
    framework = synthetic_framework(
        levels=SYNTHETIC_LEVELS, dimensions=dimensions, criteria=SYNTHETIC_CRITERIA, themes=SYNTHETIC_THEMES
    )
    destination.mkdir(parents=True)
    return _site(f"synthetic-{dimensions}", make_site(destination, framework))


def without_downloads(site: Site, destination: Path) -> Site:
    """Copy a site with the plugin's download options removed (they are off by default).

    This variant makes exactly the pages its bare twin has, so comparing the two isolates what the
    plugin costs to make pages; the site as configured also counts the downloads.
    """
    config = _read_config(site.config)
    options = _plugin_options(config)
    if options is None:
        raise ValueError(f"{site.config} does not use the framework plugin")
    kept = {name: value for name, value in options.items() if name not in DOWNLOAD_OPTIONS}
    config["plugins"] = [
        {PLUGIN: kept} if e == PLUGIN or (isinstance(e, dict) and PLUGIN in e) else e for e in config["plugins"]
    ]
    shutil.copytree(site.root, destination, ignore=shutil.ignore_patterns("site", ".cache"))
    config_file = destination / site.config.name
    config_file.write_text(yaml.safe_dump(_plain(config), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return Site(
        f"{site.name} (pages only)",
        config_file,
        destination / site.framework.name,
        destination / site.docs.relative_to(site.root),
        site.dimensions,
    )


def has_downloads(site: Site) -> bool:
    """Say whether the site's configuration turns on any of the plugin's downloads."""
    options = _plugin_options(_read_config(site.config)) or {}
    return any(options.get(name) not in (None, False, "off") for name in DOWNLOAD_OPTIONS)


def _plain(value: Any) -> Any:
    """The configuration with plain strings: the framework's titles in the nav are Markup (escaped
    text the theme shows as it is), which YAML would not know how to write."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return str(value) if isinstance(value, str) else value


def _expanded_nav(nav: list[Any], renderer: Renderer, title: str) -> list[Any]:
    """Do to the nav what the plugin's on_config does: put the framework section in place."""
    overview = renderer.paths.overview
    for index, item in enumerate(nav):
        item_title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if target == overview:
            return [*nav[:index], renderer.nav(item_title or title), *nav[index + 1 :]]
    return [*nav, renderer.nav(title)]


def _extension_names(extensions: list[Any]) -> set[str]:
    return {next(iter(e)) if isinstance(e, dict) else str(e) for e in extensions}


def _escape_titles(docs: Path) -> None:
    """Do to every page's front-matter title what the plugin's on_page_markdown does: hand it on
    escaped, since MkDocs and the theme print titles as HTML."""
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if not text.startswith("---\n") or "\n---\n" not in text[3:]:
            continue
        end = text.index("\n---\n", 3)
        meta = yaml.safe_load(text[4:end]) or {}
        if isinstance(meta, dict) and isinstance(meta.get("title"), str):
            meta["title"] = str(escape(meta["title"]))
            front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
            page.write_text(f"---\n{front}{text[end + 1 :]}", encoding="utf-8")


def _publisher(config: dict[str, Any]) -> str:
    """Who publishes the site, as the plugin reads it (extra: contact: organisation)."""
    contact = (config.get("extra") or {}).get("contact") or {}
    return str(contact.get("organisation", "")) if isinstance(contact, dict) else ""


def bare_twin(site: Site, destination: Path) -> Site:
    """Write the bare-MkDocs twin of a site: generated pages on disk, no framework plugin."""
    config = _read_config(site.config)
    options = _plugin_options(config)
    if options is None:
        raise ValueError(f"{site.config} does not use the framework plugin")
    for name, default in DEFAULT_OPTIONS.items():
        if options.get(name, default) != default:
            raise ValueError(f"the bare twin needs the plugin option {name!r} at its default ({default!r})")
    shutil.copytree(site.root, destination, ignore=shutil.ignore_patterns("site", ".cache"))
    docs = destination / site.docs.relative_to(site.root)
    pages = destination.with_name(f".{destination.name}-pages")  # render writes only into a new folder
    rendered = subprocess.run(
        [
            *(sys.executable, "-m", "mkdocs_framework", "render", str(site.framework), str(pages)),
            *("--docs", str(site.docs), "--publisher", _publisher(config)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if rendered.returncode != 0:
        raise RuntimeError(f"the render command failed:\n{rendered.stderr}")
    shutil.copytree(pages, docs, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".mkdocs-framework-output.json"))
    shutil.rmtree(pages)
    _escape_titles(docs)
    for path, content in assets.files().items():
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    framework = load_framework(site.framework, site.docs)
    renderer = Renderer(framework)
    config["plugins"] = [
        e for e in config.get("plugins", []) if e != PLUGIN and not (isinstance(e, dict) and PLUGIN in e)
    ]
    extensions = list(config.get("markdown_extensions", []))
    present = _extension_names(extensions)
    config["markdown_extensions"] = extensions + [e for e in REQUIRED_EXTENSIONS if e not in present]
    config["extra_css"] = [*config.get("extra_css", []), assets.STYLESHEET]
    # What the plugin hands the theme's footer and phase banner (as the export command does).
    extra = dict(config.get("extra") or {})
    extra["framework_site"] = publisher.site_context(publisher.details(site.config, extra), framework)
    config["extra"] = extra
    if config.get("nav") is not None:
        config["nav"] = _expanded_nav(config["nav"], renderer, str(options.get("nav_title", "The framework")))
    outside = "".join(f"/{path}\n" for path in sorted(renderer.pages_outside_nav()))
    config["not_in_nav"] = str(config.get("not_in_nav", "")) + outside
    config_file = destination / site.config.name
    config_file.write_text(yaml.safe_dump(_plain(config), sort_keys=False, allow_unicode=True), encoding="utf-8")
    return Site(f"{site.name} (bare MkDocs)", config_file, destination / site.framework.name, docs, site.dimensions)


def page_count(site_dir: Path) -> int:
    """Return the number of HTML pages in a built site (404.html aside)."""
    return sum(1 for page in site_dir.rglob("*.html") if page.name != "404.html")


@dataclass(frozen=True)
class Equivalence:
    """How far two built sites hold the same HTML pages."""

    pages: int
    identical: int
    different: list[str]
    missing: list[str]

    @property
    def equivalent(self) -> bool:
        return not self.different and not self.missing


DOUBLY_ESCAPED = re.compile(rb"&amp;(#\d+|[a-z]+);")
POLICY_META = re.compile(rb'\n?\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def compare_sites(plugin_site: Path, bare_site: Path) -> Equivalence:
    """Compare every HTML page of two built sites byte for byte.

    Hand-written pages may hold markers (<!-- framework:... -->) that only the plugin expands, so
    those pages can differ; the generated pages should not.
    """
    ours = {p.relative_to(plugin_site).as_posix() for p in plugin_site.rglob("*.html")}

    def page(site: Path, name: str) -> bytes:
        # The plugin adds each page's Content-Security-Policy after the page is rendered; bare MkDocs
        # cannot, so it is left out of the comparison (its cost stays in the plugin's timings).
        # And bare MkDocs cannot hand the theme a title as markup (the plugin can), so where the theme
        # escapes a title a second time (the footer's aria-label), the twin's shows &amp;#39;.
        return DOUBLY_ESCAPED.sub(rb"&\1;", POLICY_META.sub(b"", (site / name).read_bytes()))

    theirs = {p.relative_to(bare_site).as_posix() for p in bare_site.rglob("*.html")}
    different = sorted(name for name in ours & theirs if page(plugin_site, name) != page(bare_site, name))
    missing = sorted(ours ^ theirs)
    return Equivalence(len(ours), len(ours & theirs) - len(different), different, missing)
