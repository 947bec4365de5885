"""A complete project for a generator that runs no plugins (such as Zensical).

``python -m mkdocs_framework export mkdocs.yml OUTPUT`` writes ``OUTPUT/docs`` (the hand-written
pages, every generated page, the stylesheets and scripts, the worksheet PDFs) and
``OUTPUT/mkdocs.yml`` (the same site with the framework section in its navigation and without the
plugins such a generator would not run), so that ``zensical build -f OUTPUT/mkdocs.yml`` publishes
the site. The offline copy is left out: it is a zip of the finished site, made after the build.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
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


MARKER = ".mkdocs-framework-output.json"
"""The record a command leaves in a folder it wrote: which files it made there, so that a later run
with --replace removes exactly those and nothing a person put beside them."""


EXAMPLES = {"export": "../site-zensical", "render": "../framework-pages"}
"""A folder to suggest to someone who gave one that cannot be used."""


@dataclass(frozen=True)
class Written:
    """What write_folder did: files written, files of the earlier run removed, other files left alone."""

    written: int
    removed: int
    kept: tuple[str, ...]


def _recorded_files(output: Path) -> set[str] | None:
    """Return the files an earlier run recorded in output's marker, or None when it has no readable marker."""
    try:
        record = json.loads((output / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = record.get("files") if isinstance(record, dict) else None
    if not isinstance(files, list) or not all(isinstance(name, str) for name in files):
        return None
    # Only plain relative paths inside the folder count: a hand-made marker naming '../x' deletes nothing.
    return {name for name in files if _is_plain(name)}


def _is_plain(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and name != MARKER and all(part not in ("", ".", "..") and "\\" not in part for part in parts)


def _entries(folder: Path) -> list[str]:
    """Every file and link under folder, as relative POSIX paths, not following links."""
    found = []
    for directory, folders, files in os.walk(folder):
        here = Path(directory)
        found += [(here / name).relative_to(folder).as_posix() for name in files]
        found += [(here / name).relative_to(folder).as_posix() for name in folders if (here / name).is_symlink()]
    return sorted(found)


def _refusal(output: Path, replace: bool, command: str) -> tuple[str | None, set[str]]:
    """Return (why output cannot be written, the files of an earlier run that --replace removes)."""
    if not os.path.lexists(output):
        return None, set()
    if output.is_symlink() or not output.is_dir():
        what = "a file" if output.is_file() and not output.is_symlink() else "not a folder (a link, device or pipe)"
        return (
            f"{output}: this is {what}, and the {command} needs a folder; nothing was written. "
            f"Give the path of a new or empty folder, such as {EXAMPLES.get(command, '../output')}.",
            set(),
        )
    present = set(_entries(output)) - {MARKER}
    if not present:
        return None, set()
    recorded = _recorded_files(output)
    if recorded is None:
        return (
            f"{output}: this folder is not empty, and python -m mkdocs_framework did not write it, so "
            f"nothing was written or deleted. Give the path of a new or empty folder, such as "
            f"{EXAMPLES.get(command, '../output')} (--replace replaces only what this command wrote before).",
            set(),
        )
    if not replace:
        return (
            f"{output}: this folder holds an earlier {command} ({len(recorded & present)} files). "
            f"Add --replace to replace those files (anything else in the folder is kept), "
            f"or give the path of a new folder.",
            set(),
        )
    return None, recorded & present


def write_folder(output: Path, files: Mapping[str, bytes], *, replace: bool, command: str) -> Written:
    """Write files ({relative POSIX path: content}) into output, which must be new, empty, or, with
    replace, a folder an earlier run wrote; raise ExportError, having changed nothing, otherwise.

    With replace, the earlier run's files are removed first; a file someone else put there is kept,
    and the write is refused if a new file would take its place."""
    refusal, earlier = _refusal(output, replace, command)
    if refusal is not None:
        raise ExportError(refusal)
    others = set(_entries(output)) - earlier - {MARKER} if output.is_dir() else set()
    # A person's file at a new file's path, or a file or link where a new file needs a folder.
    clashes = sorted(name for name in files if others & {name, *(p.as_posix() for p in Path(name).parents)})
    if clashes:
        raise ExportError(
            f"{output}: these files were not written by python -m mkdocs_framework, and the {command} "
            f"would overwrite them: {', '.join(clashes[:5])}{' and more' if len(clashes) > 5 else ''}. "
            "Nothing was written or deleted. Move them away, or give the path of a new folder."
        )
    try:
        for name in sorted(earlier):
            (output / name).unlink()
        _remove_empty_folders(output, earlier)
        output.mkdir(parents=True, exist_ok=True)
        (output / MARKER).write_text(
            json.dumps({"written_by": f"python -m mkdocs_framework {command}", "files": sorted(files)}, indent=1)
            + "\n",
            encoding="utf-8",
        )
        for name, content in files.items():
            target = output / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    except OSError as error:
        raise ExportError(f"{error.filename or output}: cannot be written ({error.strerror or error}).") from None
    return Written(len(files), len(earlier), tuple(sorted(others)))


def _remove_empty_folders(output: Path, removed: set[str]) -> None:
    """Remove the folders that held removed files once they are empty (deepest first)."""
    folders = {Path(name).parents[i] for name in removed for i in range(len(Path(name).parents) - 1)}
    for folder in sorted(folders, key=lambda path: len(path.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty: it holds something that was not ours
            (output / folder).rmdir()


@dataclass(frozen=True)
class Exported:
    docs: Path
    config: Path
    generated_pages: int
    pdfs: int
    written: Written


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


def _read_config(config_file: Path) -> dict[str, Any]:
    """Return the raw settings of mkdocs.yml, or raise ExportError saying why they cannot be read."""
    if config_file.exists() and not config_file.is_file():  # a folder, a device or a pipe: never read
        raise ExportError(f"{config_file}: this is not a file. Give the path of the site's mkdocs.yml.")
    try:
        raw = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise ExportError(f"{config_file}: cannot be read ({error.strerror}).") from None
    except yaml.YAMLError as error:
        raise ExportError(f"{config_file}: is not valid YAML: {error}") from None
    except ValueError as error:  # not UTF-8, or a number too long for Python to read
        raise ExportError(f"{config_file}: cannot be read: {error}.") from None
    if not isinstance(raw, dict):
        raise ExportError(f"{config_file}: should be a mapping of settings such as 'site_name' and 'plugins'.")
    _plugin_options(raw, config_file)
    return raw


def _check_output(raw: dict[str, Any], root: Path, output: Path, replace: bool) -> None:
    """Refuse an output folder inside the project, or one that cannot be written, before the slow work."""
    docs_in = (root / str(raw.get("docs_dir", "docs"))).resolve()
    if output == root or root.is_relative_to(output) or output.is_relative_to(docs_in):
        raise ExportError(f"{output}: choose an output folder outside the project, such as ../site-zensical.")
    refusal, _ = _refusal(output, replace, "export")
    if refusal is not None:
        raise ExportError(refusal)


@dataclass(frozen=True)
class _Built:
    """What the plugin made, run through its own hooks as in a build."""

    docs: dict[str, bytes]
    """Every file of the docs folder, hand-written and generated: {path inside docs: content}."""
    config: Any
    """The MkDocs configuration after the plugin's on_config (its nav, extra and extra_css)."""
    generated: int
    outside_nav: set[str]
    worksheets: str


def _build(config_file: Path) -> _Built:
    """Run the framework plugin's hooks (startup, config, files, page Markdown) on the project.

    The plugin runs in a plugin collection of its own, through MkDocs' public event methods, so MkDocs
    records which plugin made each generated file as it does in a build; the other plugins, which
    the exported site does not run, are left out. Every page is rendered once, in on_files."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.plugins import PluginCollection
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from .plugin import FrameworkPlugin

    try:
        config = load_config(str(config_file))
        plugin = config.plugins["framework"]
        assert isinstance(plugin, FrameworkPlugin)
        only = PluginCollection()
        only["framework"] = plugin
        config.plugins = only
        only.run_event("startup", command="export", dirty=False)  # not "build": no staging folder
        plugin.config["offline_copy"] = False  # a zip of the finished site: the other generator's job
        config = only.on_config(config)
        files = only.on_files(get_files(config), config=config)
        docs: dict[str, bytes] = {}
        for file in files:
            if file.abs_src_path is None or not Path(file.abs_src_path).is_file():
                docs[file.src_uri] = file.content_bytes
            elif file.is_documentation_page():
                text = Path(file.abs_src_path).read_text(encoding="utf-8")
                page = Page(None, file, config)
                docs[file.src_uri] = only.on_page_markdown(text, page=page, config=config, files=files).encode("utf-8")
            else:
                docs[file.src_uri] = Path(file.abs_src_path).read_bytes()
    except MkDocsException as error:
        raise ExportError(str(error)) from None
    assert plugin.renderer is not None
    renderer = plugin.renderer
    return _Built(docs, config, len(plugin.generated_pages), renderer.pages_outside_nav(), renderer.paths.worksheets)


def _exported_config(raw: dict[str, Any], built: _Built, root: Path, out: dict[str, bytes]) -> bytes:
    """Return the exported site's mkdocs.yml; add the theme overrides a plugin-less generator can use to out."""
    config = built.config
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
        overrides = root / theme["custom_dir"]
        for path in sorted(overrides.rglob("*")):
            if path.is_file() and path.name not in MATERIAL_ONLY:
                out[f"overrides/{path.relative_to(overrides).as_posix()}"] = path.read_bytes()
        theme["custom_dir"] = "overrides"
    if config.nav is not None:
        raw["nav"] = config.nav
    raw["not_in_nav"] = str(raw.get("not_in_nav") or "") + "".join(f"/{path}\n" for path in sorted(built.outside_nav))
    return (
        "# Written by python -m mkdocs_framework export: edit the original, not this copy.\n"
        + yaml.dump(raw, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    ).encode("utf-8")


def export(config_file: Path, output: Path, *, replace: bool = False) -> Exported:
    """Write the docs folder and configuration for a plugin-less generator; return what was written.

    The plugin itself does the work, through the same hooks as in a build (its configuration,
    files and page hooks), so the exported pages are the ones MkDocs would publish."""
    config_file = config_file.resolve()
    raw = _read_config(config_file)
    root = config_file.parent
    output = output.resolve()
    _check_output(raw, root, output, replace)  # said before the slow work of building every page
    built = _build(config_file)
    out: dict[str, bytes] = {f"docs/{path}": content for path, content in built.docs.items()}
    out["mkdocs.yml"] = _exported_config(raw, built, root, out)
    written = write_folder(output, out, replace=replace, command="export")
    pdfs = sum(1 for path in built.docs if path.endswith(".pdf") and path.startswith(built.worksheets))
    return Exported(output / "docs", output / "mkdocs.yml", built.generated, pdfs, written)


__all__ = ["MARKER", "ExportError", "Exported", "Written", "export", "write_folder"]
