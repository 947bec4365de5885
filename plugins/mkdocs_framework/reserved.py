"""The ids no dimension may have: the names of pages the site makes for itself.

A dimension's id names its pages (framework/<id>.md, worksheets/<id>.md and so on), so a dimension
called 'index' would replace the overview, and one called 'changes' would be lost under the changes
page. The names are read from render.SitePaths itself, so a page added there is covered: each
address made from a dimension's id (a method whose parameter is the dimension) is set against every
other address (a property) in the same folder with the same ending.
"""

from __future__ import annotations

import inspect
import posixpath

from .render import SitePaths

_MARKER = "\x00"


def _made_from_id(paths: SitePaths) -> list[str]:
    """Return the address of each kind of per-dimension page, with _MARKER where the id goes."""
    found = []
    for name, member in inspect.getmembers(type(paths), inspect.isfunction):
        parameters = list(inspect.signature(member).parameters.values())[1:]
        if name.startswith("_") or not parameters:
            continue
        if parameters[0].name == "dimension" or "Dimension" in str(parameters[0].annotation):
            found.append(getattr(paths, name)(_MARKER))
    return found


def _fixed(paths: SitePaths) -> list[str]:
    """Return every address SitePaths gives as a property: the pages made once per site."""
    pages = []
    for name, member in inspect.getmembers(type(paths)):
        if isinstance(member, property):
            value = getattr(paths, name)
            if isinstance(value, str):
                pages.append(value)
    return sorted(pages)


def reserved_ids(paths: SitePaths) -> dict[str, str]:
    """Return {id: the pages it would clash with, in words} for these paths: with the defaults,
    'index' (the overview, the worksheet pack and the form's hub), 'changes', 'all-worksheets' (the
    pack's PDF) and the names of the form's other pages."""
    fixed = _fixed(paths)
    clashes: dict[str, list[str]] = {}
    for pattern in _made_from_id(paths):
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
