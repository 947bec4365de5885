"""Render the framework into the Markdown pages of the site, from Jinja templates.

Templates ship in the package (``templates/``) and a site may override any of them by putting a
file of the same name in ``<theme custom_dir>/framework/``. Nothing here imports MkDocs.

Framework text is plain text: in Markdown positions it goes through the ``md`` filter, which escapes
Markdown and HTML; in raw HTML blocks Jinja's autoescape applies. Undefined names are errors.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .assets import ASSET_FOLDER
from .data import STEPS_DATA_SCRIPT, framework_script
from .downloads import Download, PdfSource
from .lineage import resolve
from .model import Dimension, Framework, Revision
from .publisher import block, statement
from .words import rule_in_words, words

_MD_ANYWHERE = re.compile(r"([\\`*_\[\]{}])")
_MD_LINE_START = re.compile(r"^(\s*)([#+-]|\d+[.)])", re.MULTILINE)
_MD_SETEXT = re.compile(r"^(\s*)=", re.MULTILINE)
"""A line of "=" under text makes a heading; "=" cannot be escaped with a backslash, so it becomes &#61;."""


def _escape_marker(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    return f"{indent}{marker[:-1]}\\{marker[-1]}"


def md_escape(text: object) -> Markup:
    """Return text that Markdown will show exactly as typed (no emphasis, links, HTML or lists)."""
    html_safe = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    escaped = _MD_ANYWHERE.sub(r"\\\1", html_safe)
    return Markup(_MD_SETEXT.sub(r"\1&#61;", _MD_LINE_START.sub(_escape_marker, escaped)))


def md_cell(text: object) -> Markup:
    """Return text safe inside one cell of a Markdown table (one line, pipes escaped)."""
    return Markup(str(md_escape(" ".join(str(text).split()))).replace("|", "\\|"))


SNIPPET_MARKER = re.compile(
    r"<!--\s*framework:(downloads|offline-copy|contact|data-protection|choosing-a-level|settling-disagreement|targets|version|statement)\s*-->"
)
"""A marker a hand-written page places where a generated snippet goes."""


def _and(items: Iterable[str]) -> str:
    """Return items joined the way a sentence lists them: “a”, “b” and “c”."""
    words = list(items)
    return ", ".join(words[:-1]) + " and " + words[-1] if len(words) > 1 else "".join(words)


def _id(dimension: Dimension | str) -> str:
    """A dimension's id, given the dimension or its id."""
    return dimension if isinstance(dimension, str) else dimension.id


@dataclass(frozen=True)
class SitePaths:
    """Where generated pages live inside the docs folder, and how their addresses are formed."""

    prefix: str = "framework"
    worksheets: str = "worksheets"
    assessment_folder: str = "assess"
    directory_urls: bool = False
    """True when MkDocs' use_directory_urls is on (page x.md is served as x/index.html)."""

    @property
    def overview(self) -> str:
        return f"{self.prefix}/index.md"

    def dimension(self, dimension: Dimension | str) -> str:
        return f"{self.prefix}/{_id(dimension)}.md"

    @property
    def changes(self) -> str:
        return f"{self.prefix}/changes.md"

    @property
    def worksheet_pack(self) -> str:
        return f"{self.worksheets}/index.md"

    def worksheet(self, dimension: Dimension | str) -> str:
        return f"{self.worksheets}/{_id(dimension)}.md"

    def worksheet_pdf(self, dimension: Dimension | str) -> str:
        return f"{self.worksheets}/{_id(dimension)}.pdf"

    @property
    def worksheet_pack_pdf(self) -> str:
        return f"{self.worksheets}/all-worksheets.pdf"

    @property
    def assessment(self) -> str:
        return f"{self.assessment_folder}/index.md"

    @property
    def assessment_group(self) -> str:
        return f"{self.assessment_folder}/group.md"

    @property
    def assessment_shared(self) -> str:
        return f"{self.assessment_folder}/shared.md"

    @property
    def assessment_report(self) -> str:
        """The board report of the assessment open in the form (reached from the form's results)."""
        return f"{self.assessment_folder}/report.md"

    @property
    def assessment_team(self) -> str:
        """The team view: several people's answers side by side, and the levels the team agrees."""
        return f"{self.assessment_folder}/team.md"

    def assessment_step(self, dimension: Dimension | str) -> str:
        """The form's step that asks one dimension's criteria (reached from the form's hub)."""
        return f"{self.assessment_folder}/{_id(dimension)}.md"

    @property
    def assessment_check(self) -> str:
        """The form's "Check your answers" page, after the last step."""
        return f"{self.assessment_folder}/check.md"

    def made_from_id(self, dimension_id: str) -> tuple[str, ...]:
        """Every address made from a dimension's id: its guidance page, worksheet and worksheet PDF, and
        its step of the form. A page added per dimension is added here too (the reserved ids and the
        test that checks them against what the renderer makes read this list)."""
        made = (self.dimension, self.worksheet, self.worksheet_pdf, self.assessment_step)
        return tuple(address(dimension_id) for address in made)

    def made_once(self) -> tuple[str, ...]:
        """Every address of a page or file the site makes once, for itself rather than for a dimension."""
        return (
            self.overview,
            self.changes,
            self.worksheet_pack,
            self.worksheet_pack_pdf,
            self.assessment,
            self.assessment_group,
            self.assessment_shared,
            self.assessment_report,
            self.assessment_team,
            self.assessment_check,
        )

    def output_dir(self, page: str) -> str:
        """Return the folder of the built HTML file of a docs page, relative to the site root."""
        folder, name = posixpath.split(page)
        if self.directory_urls and name not in ("index.md", "README.md"):
            return posixpath.join(folder, name.removesuffix(".md"))
        return folder

    def output_file(self, page: str) -> str:
        """Return the address of a docs page's built HTML, relative to the site root."""
        folder, name = posixpath.split(page)
        if self.directory_urls and name not in ("index.md", "README.md"):
            return posixpath.join(folder, name.removesuffix(".md"), "")
        return posixpath.join(folder, name.removesuffix(".md") + ".html")

    def href(self, page: str, target: str) -> str:
        """Return the address of another docs page, relative to a page's built HTML (for raw HTML)."""
        target_page, _, fragment = target.partition("#")
        built = self.output_file(target_page)
        relative = posixpath.relpath(built, self.output_dir(page) or ".")
        if built.endswith("/"):
            relative += "/"
        return relative + (f"#{fragment}" if fragment else "")

    def file_href(self, page: str, path: str) -> str:
        """Return the address of a file (not a page) of the built site, relative to a page's HTML."""
        return posixpath.relpath(path, self.output_dir(page) or ".")

    def asset(self, page: str, name: str) -> str:
        """Return the address of one of the plugin's assets, relative to a page's built HTML."""
        return posixpath.relpath(f"{ASSET_FOLDER}/{name}", self.output_dir(page) or ".")


def _environment(extra_template_dirs: Sequence[Path], bytecode_cache: Path | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader([str(d) for d in extra_template_dirs])]
    loaders.append(jinja2.PackageLoader(__package__ or "mkdocs_framework", "templates"))
    compiled = None
    if bytecode_cache is not None:
        # Compiling the templates is most of the time rendering takes; Jinja recompiles a template
        # whose source changed (it keys the cache by the source's checksum).
        bytecode_cache.mkdir(parents=True, exist_ok=True)
        compiled = jinja2.FileSystemBytecodeCache(str(bytecode_cache))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        bytecode_cache=compiled,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["md_cell"] = md_cell
    env.filters["css_string"] = css_string
    # The words about results, shared with the browser's scripts (words.py).
    env.globals["words"] = words()
    env.globals["rule_in_words"] = rule_in_words
    return env


def css_string(text: object) -> Markup:
    """Return text as a quoted CSS string, safe inside a <style> element."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ").replace("<", "\\3c ")
    return Markup(f'"{escaped}"')


def template_error_message(error: jinja2.TemplateError) -> str:
    """Return a one-paragraph explanation of a template that failed, naming its file and line."""
    where = ""
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.filename or error.name}:{error.lineno}: "
    return (
        f"{where}a page template failed: {error.message or error}. "
        "If you override the framework templates in overrides/framework/, check that file; "
        "otherwise report this as a bug."
    )


class Renderer:
    """Renders every generated page of one framework."""

    def __init__(
        self,
        framework: Framework,
        paths: SitePaths | None = None,
        extra_template_dirs: Sequence[Path] = (),
        bytecode_cache: Path | None = None,
    ) -> None:
        """extra_template_dirs override the package's templates; bytecode_cache is a folder in which
        to keep the compiled templates between builds."""
        self.framework = framework
        self.paths = paths or SitePaths()
        self.env = _environment(extra_template_dirs, bytecode_cache)
        self.docs_pages: set[str] | None = None
        """Hand-written pages of the site, when known; generated pages link to them only if they exist."""
        self.downloads: dict[str, Download] = {}
        """Files offered for download, by their address in the site; set before rendering pages."""
        self.publisher = ""
        """Who publishes the site (mkdocs.yml extra: contact: organisation), named in the statement."""

    @property
    def statement(self) -> str:
        """What this framework is while it is not published (publisher.statement), for every template."""
        return statement(self.framework, self.publisher)

    def link(self, from_page: str, to_page: str) -> str:
        """Return a relative Markdown link target from one docs page to another."""
        target, _, fragment = to_page.partition("#")
        relative = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
        return relative + (f"#{fragment}" if fragment else "")

    def _render(self, template: str, page: str, **context: object) -> str:
        return self.env.get_template(template).render(
            framework=self.framework,
            paths=self.paths,
            page=page,
            link=lambda target: self.link(page, target),
            asset=lambda name: self.paths.asset(page, name),
            href=lambda target: self.paths.href(page, target),
            file_href=lambda path: self.paths.file_href(page, path),
            downloads=self.downloads,
            has_page=lambda path: self.docs_pages is None or path in self.docs_pages,
            statement=self.statement,
            **context,
        )

    def overview(self) -> str:
        return self._render("overview.md.j2", self.paths.overview)

    def dimension(self, dimension: Dimension) -> str:
        before, after = self.framework.neighbours(dimension)
        theme = self.framework.theme(dimension.theme) if dimension.theme else None
        return self._render(
            "dimension.md.j2",
            self.paths.dimension(dimension),
            dimension=dimension,
            theme=theme,
            previous=before,
            next=after,
        )

    def worksheet(self, dimension: Dimension) -> str:
        return self._render("worksheet.md.j2", self.paths.worksheet(dimension), dimension=dimension)

    def worksheet_pack(self) -> str:
        return self._render("worksheet_pack.md.j2", self.paths.worksheet_pack)

    def assessment(self) -> str:
        return self._render("assessment.md.j2", self.paths.assessment)

    def assessment_group(self) -> str:
        return self._render("assessment_group.md.j2", self.paths.assessment_group)

    def assessment_shared(self) -> str:
        return self._render("assessment_shared.md.j2", self.paths.assessment_shared)

    def assessment_team(self) -> str:
        return self._render("assessment_team.md.j2", self.paths.assessment_team)

    def assessment_step(self, dimension: Dimension) -> str:
        """One step of the form: a dimension's criteria, its target and notes."""
        dimensions = self.framework.dimensions
        position = dimensions.index(dimension)
        return self._render(
            "assessment_step.md.j2",
            self.paths.assessment_step(dimension),
            dimension=dimension,
            position=position + 1,
            previous=dimensions[position - 1] if position else None,
            next=dimensions[position + 1] if position + 1 < len(dimensions) else None,
        )

    def assessment_check(self) -> str:
        return self._render("assessment_check.md.j2", self.paths.assessment_check)

    def data_files(self) -> dict[str, str]:
        """Return {path in the built site: content} for the framework data every assessment page loads (one file,
        not a copy in every step: see data.framework_script)."""
        return {f"{ASSET_FOLDER}/{STEPS_DATA_SCRIPT}": framework_script(self.framework)}

    def assessment_report(self) -> str:
        return self._render("assessment_report.md.j2", self.paths.assessment_report)

    def pdf_sources(self, build_date: str) -> list[PdfSource]:
        """Return the HTML of every worksheet PDF: one per dimension, then the whole pack."""
        template = self.env.get_template("pdf.html.j2")
        footer = f"{self.framework.short_title}, version {self.framework.version} · made {build_date}"
        common = {"framework": self.framework, "footer": footer, "statement": self.statement}
        sources = [
            PdfSource(
                self.paths.worksheet_pdf(d),
                template.render(**common, title=f"Worksheet: {d.name}", dimensions=[d], pack=False),
            )
            for d in self.framework.dimensions
        ]
        pack = template.render(
            **common, title="Self-assessment worksheets", dimensions=self.framework.dimensions, pack=True
        )
        sources.append(PdfSource(self.paths.worksheet_pack_pdf, pack))
        return sources

    def snippet(self, name: str, page: str) -> str:
        """Return the Markdown of a generated snippet (such as the downloads list) for a hand-written page."""
        return self._render(f"snippet_{name}.md.j2", page)

    def expand_markers(self, markdown: str, page: str, contact: dict[str, str]) -> tuple[str, bool]:
        """Return a hand-written page's Markdown with its <!-- framework:... --> markers expanded (the
        downloads, the offline copy, the contact details, and the instructions worded once in
        templates/_choosing.html.j2), and whether it links to the offline copy (whose size is known
        only once the site is built)."""
        offline = False

        def expand(match: re.Match[str]) -> str:
            nonlocal offline
            if match.group(1) in ("contact", "data-protection"):
                return block(match.group(1), contact)
            offline = offline or match.group(1) == "offline-copy"
            return self.snippet(match.group(1).replace("-", "_"), page)

        return SNIPPET_MARKER.sub(expand, markdown), offline

    def changes(self) -> str:
        lineage = resolve(self.framework)

        def now(revision: Revision, item_id: str) -> str:
            """Say where an id that a revision led to is now, following every later revision."""
            fate = lineage.after(revision.version, item_id)
            if fate.ids == (item_id,):
                return self.framework.describe(item_id)
            if not fate.destinations:
                return f"“{item_id}”, which was removed after version {fate.removed_after}"
            part = f", with a part removed after version {fate.removed_after}" if fate.removed_after else ""
            verb = {"merged": "was later merged into", "split": "was later split into"}.get(fate.how, "later became")
            return f"“{item_id}”, which {verb} {_and(self.framework.describe(i) for i in fate.ids)}{part}"

        def level_now(revision: Revision, level_id: str) -> str:
            current = lineage.level_after(revision.version, level_id)
            return f"“{level_id}”" + (f", which later became “{current}”" if current != level_id else "")

        return self._render("changes.md.j2", self.paths.changes, now=now, level_now=level_now)

    def pages(self) -> dict[str, str]:
        """Return every generated page as {path inside docs folder: Markdown}."""
        result = {self.paths.overview: self.overview()}
        for dimension in self.framework.dimensions:
            result[self.paths.dimension(dimension)] = self.dimension(dimension)
        result[self.paths.changes] = self.changes()
        result[self.paths.worksheet_pack] = self.worksheet_pack()
        for dimension in self.framework.dimensions:
            result[self.paths.worksheet(dimension)] = self.worksheet(dimension)
        result[self.paths.assessment] = self.assessment()
        result[self.paths.assessment_group] = self.assessment_group()
        result[self.paths.assessment_shared] = self.assessment_shared()
        result[self.paths.assessment_report] = self.assessment_report()
        result[self.paths.assessment_team] = self.assessment_team()
        for dimension in self.framework.dimensions:
            result[self.paths.assessment_step(dimension)] = self.assessment_step(dimension)
        result[self.paths.assessment_check] = self.assessment_check()
        return result

    def pages_outside_nav(self) -> set[str]:
        """Return the generated pages that are reached from other pages rather than from the nav."""
        steps = {self.paths.assessment_step(d) for d in self.framework.dimensions} | {self.paths.assessment_check}
        return (
            {self.paths.worksheet(d) for d in self.framework.dimensions}
            | {self.paths.assessment_shared, self.paths.assessment_report, self.paths.assessment_team}
            | steps
        )

    def expand_nav(self, nav: list[object], title: str) -> tuple[list[object], bool]:
        """Return nav with the overview page's entry replaced by the framework section (titled as that
        entry is, or title), and whether the nav listed it (if not, the section is added at the end)."""
        for index, item in enumerate(nav):
            name, target = next(iter(item.items())) if isinstance(item, dict) else (None, item)
            if target == self.paths.overview:
                return [*nav[:index], self.nav(name or title), *nav[index + 1 :]], True
        return [*nav, self.nav(title)], False

    def nav(self, title: str) -> dict[str, list[object]]:
        """Return a MkDocs nav entry for the framework section, grouped by theme when there are themes.

        MkDocs and the theme print nav titles as HTML, so theme titles are given escaped."""
        items: list[object] = [self.paths.overview]
        if self.framework.themes:
            for theme in self.framework.themes:
                members = [self.paths.dimension(d) for d in self.framework.dimensions if d.theme == theme.id]
                if members:
                    items.append({escape(theme.title): members})
        else:
            items.extend(self.paths.dimension(d) for d in self.framework.dimensions)
        items.append(self.paths.changes)
        return {title: items}
