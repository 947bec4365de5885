"""All-or-nothing builds: write the site into a staging folder and swap it in only on success.

MkDocs empties site_dir early in a build, so a build that fails later (a broken page, a PDF that
cannot be made, a warning under --strict) would otherwise leave a half-written or empty site.
Nothing here imports MkDocs; the plugin decides when to finish or discard.

A build replaces only a site: site_dir must be missing, empty, or hold a built site (its index.html,
404.html or sitemap.xml). Hidden entries in it (a .git of a publishing checkout, say) are carried
into the new site, as MkDocs itself keeps them when it cleans site_dir.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


SITE_SIGNS = ("index.html", "404.html", "sitemap.xml")
"""Files every MkDocs build writes at the top of its site: a folder holding one of them is a built site."""


class StagingRefused(Exception):
    """site_dir is not something a build may replace; the message says why and what to do."""


def _refusal(target: Path) -> str | None:
    """Return why a build must not replace target, or None when it may."""
    if not os.path.lexists(target):
        return None
    if not target.is_dir():
        return (
            f"site_dir {target} is a file, not a folder; nothing was built. "
            "Set site_dir in mkdocs.yml (or give -d) to a folder for the site, such as site."
        )
    visible = [entry.name for entry in target.iterdir() if not entry.name.startswith(".")]
    if visible and not any((target / sign).is_file() for sign in SITE_SIGNS):
        return (
            f"site_dir {target} holds files that are not a built site (it has no {', '.join(SITE_SIGNS[:-1])} "
            f"or {SITE_SIGNS[-1]}), and a build replaces everything in it; nothing was built or deleted. "
            "Set site_dir in mkdocs.yml (or give -d) to a new folder, or empty this one yourself."
        )
    return None


class Staging:
    """A folder beside the target site folder that becomes the site only when the build succeeds."""

    def __init__(self, target: Path, strict: bool, logger_name: str = "mkdocs") -> None:
        self.target = target.resolve()
        refusal = _refusal(self.target)
        if refusal is not None:
            raise StagingRefused(refusal)
        self.folder = self.target.with_name(f".{self.target.name}.building-{os.getpid()}")
        self.strict = strict
        shutil.rmtree(self.folder, ignore_errors=True)
        self._logger = logging.getLogger(logger_name)
        self._warnings = _WarningCounter()
        self._logger.addHandler(self._warnings)

    def finish(self) -> bool:
        """Swap the finished build in, unless strict mode will fail it for warnings; return whether it did."""
        self._logger.removeHandler(self._warnings)
        if self.strict and self._warnings.count:
            self.discard()
            return False
        old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
        if self.target.is_dir():
            self._carry_hidden_entries()
            self.target.rename(old)
        self.folder.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def _carry_hidden_entries(self) -> None:
        """Move the old site's hidden entries into the new one: a build never makes them, so they are
        someone's (a publishing checkout's .git, a .nojekyll), and MkDocs keeps them too."""
        for entry in self.target.iterdir():
            if not entry.name.startswith("."):
                continue
            landing = self.folder / entry.name
            if landing.is_dir() and not landing.is_symlink():
                shutil.rmtree(landing)  # made by this build (a theme's hidden file); the person's copy wins
            elif os.path.lexists(landing):
                landing.unlink()
            entry.rename(landing)

    def discard(self) -> None:
        """Forget the unfinished build; the previous site stays as it was."""
        self._logger.removeHandler(self._warnings)
        shutil.rmtree(self.folder, ignore_errors=True)
