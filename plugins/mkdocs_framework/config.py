"""Options of the framework plugin, as written under ``plugins: - framework:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class _OnOffRequired(c.Choice):  # type: ignore[type-arg]
    """'off', 'on' or 'required'; YAML's unquoted on/off (read as true/false) mean the same."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, bool):
            value = "on" if value else "off"
        result: str = super().run_validation(value)
        return result


class FrameworkConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it from mkdocs.yml."""
    framework = c.Type(str, default="framework.yml")
    """Path of the framework file, relative to mkdocs.yml."""
    path = c.Type(str, default="framework")
    """Folder of the docs tree where the overview and dimension pages are generated."""
    worksheets_path = c.Type(str, default="worksheets")
    """Folder of the docs tree where the printable worksheets are generated."""
    assessment_path = c.Type(str, default="assess")
    """Folder of the docs tree where the self-assessment form is generated."""
    pdf = _OnOffRequired(("off", "on", "required"), default="off")
    """Make PDFs of the worksheets with WeasyPrint. 'on' carries on without them (saying what to
    install) when WeasyPrint is missing; 'required' stops the build instead."""
    offline_copy = c.Type(bool, default=False)
    """Also make a zip of the whole built site that works when unzipped and opened from disk."""
    minify_js = c.Deprecated(
        message="The plugin's option 'minify_js' is no longer used: its scripts ship built and minified "
        "(the readable sources are in plugins/mkdocs_framework/js/). Remove the option from mkdocs.yml."
    )
    cache_dir = c.Type(str, default=".cache/mkdocs-framework")
    """Where made PDFs are kept between builds (relative to mkdocs.yml), so
    unchanged ones are reused."""
    nav_title = c.Type(str, default="The framework")
    """Title of the framework section when the nav does not name the overview page."""
