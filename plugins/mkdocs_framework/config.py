"""Options of the framework plugin, as written under ``plugins: - framework:`` in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


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
    nav_title = c.Type(str, default="The framework")
    """Title of the framework section when the nav does not name the overview page."""
