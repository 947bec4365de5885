"""Downloads the build offers: worksheet PDFs (made with WeasyPrint) and an offline copy of the site.

PDFs come from our own print template (templates/pdf.html.j2), not from a screenshot, so their text
is real, searchable and tagged. They are cached by a hash of their HTML, so `mkdocs serve` and
repeated builds only remake a PDF when what it shows has changed. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime
import hashlib
import importlib.metadata
import io
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ENGINE_HELP = (
    "Install WeasyPrint in the site's Python environment (pip install 'weasyprint>=63,<71', or "
    "pip install -e '.[pdf]') and its system libraries (Debian/Ubuntu: apt-get install "
    "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)."
)


@dataclass(frozen=True)
class Download:
    """A file the site offers for download."""

    path: str
    """Address inside the built site, such as downloads/worksheets/purpose.pdf."""
    size: int
    pages: int | None = None

    @property
    def size_text(self) -> str:
        return human_size(self.size)

    @property
    def description(self) -> str:
        """For link text: 'PDF, 2 pages, 85 KB'."""
        kind = self.path.rsplit(".", 1)[-1].upper()
        pages = f", {self.pages} page{'s' if self.pages != 1 else ''}" if self.pages is not None else ""
        return f"{kind}{pages}, {self.size_text}"


def human_size(size: int) -> str:
    """Return a size the way GOV.UK writes it: '850 bytes', '85 KB', '1.2 MB'."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def pdf_engine_problem() -> str | None:
    """Return why PDFs cannot be made on this machine, or None when WeasyPrint works."""
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        return "WeasyPrint is not installed."
    except OSError as error:  # WeasyPrint is installed but a system library (Pango) is missing
        return f"WeasyPrint cannot load a system library ({error})."
    return None


@dataclass(frozen=True)
class PdfSource:
    """One PDF to make: where it goes and the HTML it is printed from."""

    path: str
    html: str


def _engine_version() -> str:
    """WeasyPrint's version without importing it (importing it takes half a second)."""
    try:
        return importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _cache_files(source: PdfSource, cache_dir: Path) -> tuple[Path, Path]:
    # surrogatepass: the key is a hash, so any text gives one (the loader refuses lone surrogates in
    # the framework, but a template or a docs page could still carry one and must not crash here).
    key = hashlib.sha256(f"{_engine_version()}\n{source.html}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return cache_dir / f"{key}.pdf", cache_dir / f"{key}.json"


def _cached_pages(meta_file: Path) -> int | None:
    """Return the page count a cached PDF's record holds, or None when the record is unreadable."""
    try:
        pages = json.loads(meta_file.read_text(encoding="utf-8"))["pages"]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a half-written or hand-edited record: the PDF is made again
    return pages if isinstance(pages, int) and not isinstance(pages, bool) and pages > 0 else None


def cached_pdfs(sources: Iterable[PdfSource], cache_dir: Path) -> tuple[dict[str, tuple[bytes, int]], list[PdfSource]]:
    """Return ({path: (pdf bytes, page count)} for PDFs already made from the same HTML, [sources still to make])."""
    found: dict[str, tuple[bytes, int]] = {}
    missing: list[PdfSource] = []
    for source in sources:
        pdf_file, meta_file = _cache_files(source, cache_dir)
        pages = _cached_pages(meta_file) if pdf_file.is_file() and meta_file.is_file() else None
        if pages is None:
            missing.append(source)
        else:
            found[source.path] = (pdf_file.read_bytes(), pages)
    return found, missing


def _write_whole(path: Path, content: bytes) -> None:
    """Write content to path through a temporary file beside it, renamed into place."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def make_pdfs(sources: Iterable[PdfSource], cache_dir: Path) -> dict[str, tuple[bytes, int]]:
    """Print each source to PDF with WeasyPrint, keep it in the cache, and return {path: (bytes, pages)}."""
    from weasyprint import HTML

    cache_dir.mkdir(parents=True, exist_ok=True)
    result: dict[str, tuple[bytes, int]] = {}
    for source in sources:
        pdf_file, meta_file = _cache_files(source, cache_dir)
        document = HTML(string=source.html).render()
        content = document.write_pdf(pdf_tags=True) or b""
        # Written whole or not at all (a temporary file, then renamed), so two builds sharing the cache,
        # such as `mkdocs serve` and a build, never read a half-written PDF.
        _write_whole(pdf_file, content)
        _write_whole(meta_file, json.dumps({"pages": len(document.pages), "path": source.path}).encode("utf-8"))
        result[source.path] = (content, len(document.pages))
    return result


class DownloadError(Exception):
    """Worksheet PDFs that were required could not be made; worded for the person building the site."""


def worksheet_pdfs(
    sources: list[PdfSource], cache_dir: Path, *, required: bool
) -> tuple[dict[str, tuple[bytes, int]], str | None]:
    """Return ({path: (pdf, page count)}, why none were made or None), from the cache where it can.

    WeasyPrint is only needed (and only imported, which is slow) when a PDF has to be made. When it
    cannot run, the site is built without PDFs, unless they are required (DownloadError)."""
    pdfs, missing = cached_pdfs(sources, cache_dir)
    problem = pdf_engine_problem() if missing else None
    if problem and required:
        raise DownloadError(f"Worksheet PDFs cannot be made: {problem} {ENGINE_HELP}")
    if problem:
        return {}, f"Worksheet PDFs were not made: {problem} {ENGINE_HELP}"
    if missing:
        try:
            pdfs.update(make_pdfs(missing, cache_dir))
        except Exception as error:  # WeasyPrint reports layout failures with many exception types
            raise DownloadError(f"Worksheet PDFs could not be made: {error}") from None
    return pdfs, None


def build_date_text(today: datetime.date | None = None) -> str:
    day = today or datetime.date.today()
    return f"{day.day} {day:%B %Y}"


NOT_OFFLINE = (".map",)
"""Left out of the offline copy: the theme's source maps, which only browser developer tools read."""
ALREADY_COMPRESSED = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz")
"""Stored in the offline copy as they are: compressing them again costs time and saves nothing."""


def zip_site(site_dir: Path, rewrite: Callable[[str, bytes], bytes], exclude: str) -> bytes:
    """Return a zip of the whole built site, passing each file through rewrite(path, content).

    exclude is the zip's own address inside the site, left out of itself.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for file in sorted(site_dir.rglob("*")):
            relative = file.relative_to(site_dir).as_posix()
            if file.is_dir() or relative == exclude or relative.endswith(NOT_OFFLINE):
                continue
            stored = zipfile.ZIP_STORED if relative.lower().endswith(ALREADY_COMPRESSED) else None
            archive.writestr(relative, rewrite(relative, file.read_bytes()), compress_type=stored)
    return buffer.getvalue()


OFFLINE_PARAGRAPH = re.compile(r'<p class="fw-offline">.*?</p>', re.S)
OFFLINE_SIZE = re.compile(r'(<span class="fw-offline-size">)[^<]*(</span>)')


def write_offline_copy(site_dir: Path, path: str, linking_pages: Iterable[str]) -> None:
    """Write the offline copy (a zip of the built site) at path, and its size into the pages that link to it.

    Inside the copy, those pages say it is the offline copy and when it was made, instead of offering it."""
    linking = set(linking_pages)
    note = f'<p class="fw-offline">This is the offline copy of this site, made on {build_date_text()}.</p>'

    def offline_version(relative: str, content: bytes) -> bytes:
        if relative not in linking:
            return content
        return OFFLINE_PARAGRAPH.sub(note, content.decode("utf-8")).encode("utf-8")

    archive = zip_site(site_dir, offline_version, exclude=path)
    (site_dir / path).write_bytes(archive)
    size = human_size(len(archive))
    for relative in linking:
        html = site_dir / relative
        html.write_text(OFFLINE_SIZE.sub(rf"\g<1>{size}\g<2>", html.read_text(encoding="utf-8")), encoding="utf-8")
