"""The MkDocs plugin: a thin adapter that wires MkDocs events to the pure core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import assets, csp, downloads, publisher, staging
from .config import FrameworkConfig
from .model import Framework
from .problems import FrameworkError
from .render import Renderer, SitePaths, template_error_message
from .reserved import reserved_ids
from .validate import load_framework

log = get_plugin_logger(__name__)

REQUIRED_EXTENSIONS = ("tables", "attr_list", "md_in_html")


class FrameworkPlugin(BasePlugin[FrameworkConfig]):
    def __init__(self) -> None:
        self.framework: Framework | None = None
        self.renderer: Renderer | None = None
        self.config_dir = Path(".")
        self.command = "build"
        self.dirty = False
        self.staging: staging.Staging | None = None
        self.offline_copy_pages: set[str] = set()
        """Built pages (site-relative) that link to the offline copy; its size is filled in after the build."""
        self.generated_pages: dict[str, str] = {}
        """The pages generated from the framework in the last on_files: {path inside docs: Markdown}."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        if self.command in ("build", "gh-deploy") and not self.dirty:
            # All or nothing: build into a folder beside site_dir and swap it in only when the whole
            # build has succeeded, so a failed build leaves the previous site untouched.
            try:
                self.staging = staging.Staging(Path(config.site_dir), strict=bool(config.strict))
            except staging.StagingRefused as error:
                raise PluginError(str(error)) from None
            config.site_dir = str(self.staging.folder)
        self.config_dir = config_dir = Path(config.config_file_path or ".").resolve().parent
        framework_file = (config_dir / self.config.framework).resolve()
        config.watch.append(str(framework_file))
        paths = SitePaths(
            prefix=self.config.path.strip("/"),
            worksheets=self.config.worksheets_path.strip("/"),
            assessment_folder=self.config.assessment_path.strip("/"),
            directory_urls=config.use_directory_urls,
        )
        try:
            self.framework = load_framework(
                framework_file, Path(config.docs_dir), config_dir / self.config.cache_dir, reserved_ids(paths)
            )
        except FrameworkError as error:
            raise PluginError(error.report()) from None
        problem = publisher.configure(config, self.framework, framework_file)
        if problem:
            raise PluginError(problem)
        template_dirs = [Path(config.theme.custom_dir) / "framework"] if config.theme.custom_dir else []
        self.renderer = Renderer(self.framework, paths, template_dirs, config_dir / self.config.cache_dir / "templates")
        self.renderer.publisher = config.extra["framework_site"]["contact"]["organisation"]
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        config.extra_css.append(assets.STYLESHEET)
        if config.nav is not None:
            config.nav = self._expand_nav(config.nav)
        return config

    def _expand_nav(self, nav: list[Any]) -> list[Any]:
        assert self.renderer is not None
        expanded, listed = self.renderer.expand_nav(nav, self.config.nav_title)
        if not listed:
            log.info("The nav does not list %s; adding the framework section at the end.", self.renderer.paths.overview)
        return expanded

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled or self.renderer is None:
            return files
        self.renderer.docs_pages = {file.src_uri for file in files.documentation_pages()}
        self.offline_copy_pages.clear()
        try:
            for path, content in self._downloads().items():
                files.append(File.generated(config, path, content=content))
            pages = self.generated_pages = self.renderer.pages()
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
        for path, script in self.renderer.data_files().items():
            files.append(File.generated(config, path, content=script))
        return files

    def _downloads(self) -> dict[str, bytes]:
        """Make the worksheet PDFs (and reserve the offline copy's address); return files to add."""
        assert self.renderer is not None and self.framework is not None
        made: dict[str, bytes] = {}
        self.renderer.downloads.clear()
        if self.config.pdf != "off":
            sources = self.renderer.pdf_sources(downloads.build_date_text())
            cache = self.config_dir / self.config.cache_dir / "pdf"
            try:
                pdfs, why_not = downloads.worksheet_pdfs(sources, cache, required=self.config.pdf == "required")
            except downloads.DownloadError as error:
                raise PluginError(str(error)) from None
            if why_not:
                log.info("%s", why_not)
            for path, (content, pages) in pdfs.items():
                made[path] = content
                self.renderer.downloads[path] = downloads.Download(path, len(content), pages)
        if self.config.offline_copy:
            path = self.offline_copy_path
            made[path] = b""  # written for real, with the finished site inside, in on_post_build
            self.renderer.downloads["offline-copy"] = downloads.Download(path, 0)
        return made

    @property
    def offline_copy_path(self) -> str:
        assert self.framework is not None
        return f"downloads/{self.framework.id}-offline.zip"

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Expand <!-- framework:... --> markers in hand-written pages: the downloads, the offline copy,
        the contact details, and the instructions worded once in templates/_choosing.html.j2.

        A page's title is plain text, but MkDocs and the theme treat titles as HTML (the nav, <title>,
        the header, breadcrumbs and the search index all print them unescaped), so the title is
        handed on escaped, as markup that the theme's own escaping leaves alone."""
        if not self.config.enabled or self.renderer is None:
            return markdown
        title = page.meta.get("title")
        if isinstance(title, str) and not isinstance(title, Markup):
            page.meta["title"] = escape(title)
        contact = config.extra["framework_site"]["contact"]
        markdown, offline = self.renderer.expand_markers(markdown, page.file.src_uri, contact)
        if offline:
            self.offline_copy_pages.add(page.file.dest_uri)
        return markdown

    worker_shims: tuple[str, ...] = ()
    """Sources of the theme's polyfills (the iframe-worker shim), whose frame script each page's policy allows."""

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        polyfills = config.extra.get("polyfills") or []
        found = (files.get_file_from_path(url) for url in polyfills if isinstance(url, str))
        self.worker_shims = tuple(file.content_string for file in found if file is not None)
        return env

    # Last, so that the policy lists the inline scripts every other plugin left in the page.
    @event_priority(-100)
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Put the Content-Security-Policy first in the page's <head>."""
        return csp.page_with_policy(output, self.worker_shims) if self.config.enabled else output

    @event_priority(-100)
    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        """The theme's own pages (404.html) get the policy too."""
        if self.config.enabled and template_name.endswith(".html"):
            return csp.page_with_policy(output_content, self.worker_shims)
        return output_content

    # After Material's offline plugin (priority -100) has written search/search_index.js.
    @event_priority(-110)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled and self.config.offline_copy and self.framework is not None:
            downloads.write_offline_copy(Path(config.site_dir), self.offline_copy_path, self.offline_copy_pages)
        if self.staging is not None:
            self.staging.finish()
            config.site_dir = str(self.staging.target)
            self.staging = None

    def on_build_error(self, *, error: Exception) -> None:
        if self.staging is not None:
            self.staging.discard()
            self.staging = None

    def on_shutdown(self) -> None:
        if self.staging is not None:  # the build stopped before on_post_build (such as strict mode)
            self.staging.discard()
            self.staging = None
