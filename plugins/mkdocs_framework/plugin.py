"""The MkDocs plugin: a thin adapter that wires MkDocs events to the pure core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from . import assets
from .config import FrameworkConfig
from .model import Framework
from .problems import FrameworkError
from .render import Renderer, SitePaths, template_error_message
from .validate import load_framework

log = get_plugin_logger(__name__)

REQUIRED_EXTENSIONS = ("tables", "attr_list", "md_in_html")


class FrameworkPlugin(BasePlugin[FrameworkConfig]):
    def __init__(self) -> None:
        self.framework: Framework | None = None
        self.renderer: Renderer | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        config_dir = Path(config.config_file_path or ".").resolve().parent
        framework_file = (config_dir / self.config.framework).resolve()
        config.watch.append(str(framework_file))
        try:
            self.framework = load_framework(framework_file, Path(config.docs_dir))
        except FrameworkError as error:
            raise PluginError(error.report()) from None
        template_dirs = [Path(config.theme.custom_dir) / "framework"] if config.theme.custom_dir else []
        paths = SitePaths(
            prefix=self.config.path.strip("/"),
            worksheets=self.config.worksheets_path.strip("/"),
            assessment_folder=self.config.assessment_path.strip("/"),
            directory_urls=config.use_directory_urls,
        )
        self.renderer = Renderer(self.framework, paths, template_dirs)
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra_css.append(assets.STYLESHEET)
        if config.nav is not None:
            config.nav = self._expand_nav(config.nav)
        return config

    def _expand_nav(self, nav: list[Any]) -> list[Any]:
        """Replace the nav entry of the overview page with the generated framework section."""
        assert self.renderer is not None
        overview = self.renderer.paths.overview
        for index, item in enumerate(nav):
            title, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            if target == overview:
                nav[index] = self.renderer.nav(title or self.config.nav_title)
                return nav
        log.info("The nav does not list %s; adding the framework section at the end.", overview)
        return [*nav, self.renderer.nav(self.config.nav_title)]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.renderer is None:
            return files
        try:
            pages = self.renderer.pages()
        except jinja2.TemplateError as error:
            raise PluginError(template_error_message(error)) from None
        clashes = [path for path in pages if files.get_file_from_path(path) is not None]
        if clashes:
            raise PluginError(
                "These pages are generated from the framework but also exist in the docs folder: "
                + ", ".join(clashes)
                + ". Remove them from the docs folder, or set the plugin's 'path' option to another folder."
            )
        outside_nav = self.renderer.pages_outside_nav()
        for path, markdown in pages.items():
            inclusion = InclusionLevel.NOT_IN_NAV if path in outside_nav else InclusionLevel.UNDEFINED
            files.append(File.generated(config, path, content=markdown, inclusion=inclusion))
        for path, content in assets.files().items():
            files.append(File.generated(config, path, content=content))
        return files
