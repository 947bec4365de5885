"""A complete project for a generator that runs no plugins (such as Zensical).

``python -m mkdocs_framework export mkdocs.yml OUTPUT`` writes ``OUTPUT/docs`` (the hand-written
pages, every generated page, the stylesheets and scripts, the worksheet PDFs) and
``OUTPUT/mkdocs.yml`` (the same site with the framework section in its navigation and without the
plugins such a generator would not run), so that ``zensical build -f OUTPUT/mkdocs.yml`` publishes
the site. The offline copy is left out: it is a zip of the finished site, made after the build.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REQUIRED_EXTENSIONS = ("tables", "attr_list", "md_in_html")
MATERIAL_ONLY = {"search.html"}
DROPPED_PLUGINS = ("framework", "offline")
"""The offline plugin is MkDocs Material's; a generator without plugins has its own way, or none."""


class _Dumper(yaml.SafeDumper):
    """Writes str subclasses (the framework's titles are Markup) as plain strings."""


_Dumper.add_multi_representer(str, lambda dumper, text: dumper.represent_str(str(text)))


class ExportError(Exception):
    """A problem with the configuration, worded for the person running the command."""


@dataclass(frozen=True)
class Exported:
    docs: Path
    config: Path
    generated_pages: int
    pdfs: int


def _plugin_options(config: dict[str, Any], config_file: Path) -> dict[str, Any]:
    for entry in config.get("plugins") or []:
        if entry == "framework":
            return {}
        if isinstance(entry, dict) and "framework" in entry:
            options = entry["framework"] or {}
            if not isinstance(options, dict):
                raise ExportError(f"{config_file}: the options under 'plugins: - framework:' must be a mapping.")
            return options
    raise ExportError(f"{config_file}: 'plugins' does not list 'framework'. Add '- framework' under 'plugins:'.")


def _without_dropped(plugins: list[Any]) -> list[Any]:
    kept = []
    for entry in plugins:
        name = entry if isinstance(entry, str) else next(iter(entry), None) if isinstance(entry, dict) else None
        if name not in DROPPED_PLUGINS:
            kept.append(entry)
    return kept


def export(config_file: Path, output: Path) -> Exported:
    """Write the docs folder and configuration for a plugin-less generator; return what was written.

    The plugin itself does the work, through the same hooks as in a build (its configuration,
    files and page hooks), so the exported pages are the ones MkDocs would publish."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from .plugin import FrameworkPlugin

    config_file = config_file.resolve()
    try:
        raw = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ExportError(f"{config_file}: cannot be read ({error.strerror}).") from None
    except yaml.YAMLError as error:
        raise ExportError(f"{config_file}: is not valid YAML: {error}") from None
    if not isinstance(raw, dict):
        raise ExportError(f"{config_file}: should be a mapping of settings such as 'site_name' and 'plugins'.")
    _plugin_options(raw, config_file)
    root = config_file.parent
    output = output.resolve()
    docs_in = (root / str(raw.get("docs_dir", "docs"))).resolve()
    if output == root or root.is_relative_to(output) or output.is_relative_to(docs_in):
        raise ExportError(f"{output}: choose an output folder outside the project, such as ../site-zensical.")
    try:
        config = load_config(str(config_file))
        plugin = config.plugins["framework"]
        assert isinstance(plugin, FrameworkPlugin)
        config.plugins._current_plugin = "framework"  # as MkDocs sets it while a plugin's hook runs
        plugin.on_startup(command="export", dirty=False)  # not "build": no staging folder
        plugin.config["offline_copy"] = False  # a zip of the finished site: the other generator's job
        config = plugin.on_config(config) or config
        files = plugin.on_files(get_files(config), config=config) or get_files(config)
        pages: dict[str, bytes] = {}
        for file in files:
            if file.abs_src_path is None or not Path(file.abs_src_path).is_file():
                pages[file.src_uri] = file.content_bytes
            elif file.is_documentation_page():
                text = Path(file.abs_src_path).read_text(encoding="utf-8")
                page = Page(None, file, config)
                pages[file.src_uri] = (
                    plugin.on_page_markdown(text, page=page, config=config, files=files) or text
                ).encode("utf-8")
            else:
                pages[file.src_uri] = Path(file.abs_src_path).read_bytes()
    except MkDocsException as error:
        raise ExportError(str(error)) from None
    assert plugin.renderer is not None
    generated = plugin.renderer.pages()

    if output.exists():
        shutil.rmtree(output)
    docs_out = output / "docs"
    for path, content in pages.items():
        target = docs_out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    raw["docs_dir"] = "docs"
    raw["site_dir"] = "site"
    raw["plugins"] = _without_dropped(list(raw.get("plugins") or []))
    raw["extra_css"] = [str(item) for item in config.extra_css]
    raw["extra"] = dict(config.extra)
    extensions = list(raw.get("markdown_extensions") or [])
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    raw["markdown_extensions"] = extensions + [e for e in REQUIRED_EXTENSIONS if e not in names]
    theme = raw.get("theme")
    if isinstance(theme, dict) and theme.get("name") == "material":
        # Zensical's own look colours the current page's link in the navigation too faintly (3.75:1,
        # below WCAG AA); its "classic" variant is Material's look, as the MkDocs build has.
        theme.setdefault("variant", "classic")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        # Material's search partial, overridden to name its dialog, is not Zensical's (which names its own).
        shutil.copytree(
            root / theme["custom_dir"], output / "overrides", ignore=lambda folder, names: MATERIAL_ONLY & set(names)
        )
        theme["custom_dir"] = "overrides"
    if config.nav is not None:
        raw["nav"] = config.nav
    outside = sorted(plugin.renderer.pages_outside_nav())
    raw["not_in_nav"] = str(raw.get("not_in_nav") or "") + "".join(f"/{path}\n" for path in outside)
    config_out = output / "mkdocs.yml"
    config_out.write_text(
        "# Written by python -m mkdocs_framework export: edit the original, not this copy.\n"
        + yaml.dump(raw, Dumper=_Dumper, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    pdfs = sum(1 for path in pages if path.endswith(".pdf") and path.startswith(plugin.renderer.paths.worksheets))
    return Exported(docs_out, config_out, len(generated), pdfs)


__all__ = ["ExportError", "Exported", "export"]
