"""The ids no dimension may have: the names of pages the site makes for itself.

A dimension's id names its pages (framework/<id>.md, worksheets/<id>.md and so on), so a dimension
called 'index' would replace the overview, and one called 'changes' would be lost under the changes
page. The names come from render.SitePaths itself: each address made from a dimension's id
(SitePaths.made_from_id) is set against every address the site makes once (SitePaths.made_once) in
the same folder with the same ending. A test checks both lists against the pages the renderer makes.
"""

from __future__ import annotations

import posixpath

from .render import SitePaths

_MARKER = "\x00"


def reserved_ids(paths: SitePaths) -> dict[str, str]:
    """Return {id: the pages it would clash with, in words} for these paths: with the defaults,
    'index' (the overview, the worksheet pack and the form's hub), 'changes', 'all-worksheets' (the
    pack's PDF) and the names of the form's other pages."""
    fixed = sorted(paths.made_once())
    clashes: dict[str, list[str]] = {}
    for pattern in paths.made_from_id(_MARKER):
        folder, name = posixpath.split(pattern)
        before, after = name.split(_MARKER, 1)
        for page in fixed:
            page_folder, page_name = posixpath.split(page)
            if page_folder != folder or len(page_name) <= len(before) + len(after):
                continue
            if page_name.startswith(before) and page_name.endswith(after):
                clashes.setdefault(page_name[len(before) : len(page_name) - len(after)], []).append(page)
    return {name: _and(sorted(set(pages))) for name, pages in clashes.items()}


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]
