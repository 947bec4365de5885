"""All-or-nothing builds: write the site into a staging folder and swap it in only on success.

MkDocs empties site_dir early in a build, so a build that fails later (a broken page, a PDF that
cannot be made, a warning under --strict) would otherwise leave a half-written or empty site.
Nothing here imports MkDocs; the plugin decides when to finish or discard.
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


class Staging:
    """A folder beside the target site folder that becomes the site only when the build succeeds."""

    def __init__(self, target: Path, strict: bool, logger_name: str = "mkdocs") -> None:
        self.target = target.resolve()
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
        if self.target.exists():
            self.target.rename(old)
        self.folder.rename(self.target)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def discard(self) -> None:
        """Forget the unfinished build; the previous site stays as it was."""
        self._logger.removeHandler(self._warnings)
        shutil.rmtree(self.folder, ignore_errors=True)
