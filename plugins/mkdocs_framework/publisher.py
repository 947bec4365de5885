"""The publisher's contact details (``extra: contact:`` in mkdocs.yml), and the check that a site whose
framework is not a prototype gives them.

They are shown in the accessibility statement and the privacy notice (where those pages contain
``<!-- framework:contact -->`` or ``<!-- framework:data-protection -->``) and in every page's footer
(overrides/partials/copyright.html reads ``config.extra.framework_site``, as does the phase banner).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Any

from .model import Framework

FIELDS = ("organisation", "email", "phone", "web_form", "response_time", "data_protection")
WAYS = ("email", "phone", "web_form")
EXAMPLE = """    extra:
      contact:
        organisation: Name of your council
        email: the address people write to about this site
        phone: a phone number (optional when there is an email or web form)
        web_form: the address of a contact form (optional)
        response_time: 10 working days
        data_protection: your data protection officer, and how to reach them"""


def details(config_file: Path, extra: Any) -> dict[str, str]:
    """The contact details under ``extra: contact:`` as plain strings, spaces around them removed.

    Raises ValueError with the message for the reader when they are not a mapping of text."""
    contact = extra.get("contact") if isinstance(extra, dict) or hasattr(extra, "get") else None
    if contact is None:
        contact = {}
    line = _line_of(config_file, r"^\s*contact\s*:")
    where = f"{config_file.name}, line {line}" if line else config_file.name
    if not isinstance(contact, dict):
        raise ValueError(
            f"{where}: field 'extra: contact' must be a list of named details (organisation, email, phone, "
            f"web_form, response_time, data_protection), for example:\n{EXAMPLE}"
        )
    unknown = sorted(str(name) for name in contact if name not in FIELDS)
    if unknown:
        raise ValueError(
            f"{where}: field 'extra: contact' has {', '.join(repr(n) for n in unknown)}, which this site does not "
            f"use. Use only {', '.join(FIELDS)}: check the spelling."
        )
    given: dict[str, str] = {}
    for name in FIELDS:
        value = contact.get(name)
        if value is None:
            value = ""
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            raise ValueError(
                f"{where}: field 'extra: contact: {name}' must be text. Write it on one line after "
                f"'{name}:', in quotes if it contains a colon."
            )
        given[name] = str(value).strip()
    return given


def missing(given: dict[str, str]) -> list[str]:
    """What a site that is not a prototype must give but does not, in words."""
    gaps = [name for name in ("organisation",) if not given[name]]
    if not any(given[way] for way in WAYS):
        gaps.append("a way to reach you (email, phone or web_form)")
    gaps += [name for name in ("response_time", "data_protection") if not given[name]]
    return gaps


def _line_of(path: Path, pattern: str) -> int | None:
    """The first line of the file matching the pattern, counted from 1, or None."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    compiled = re.compile(pattern)
    return next((number for number, line in enumerate(lines, 1) if compiled.search(line)), None)


def problem(given: dict[str, str], framework: Framework, config_file: Path, framework_file: Path) -> str | None:
    """The message for a site that must give contact details and does not, or None."""
    if framework.status == "prototype":
        return None
    gaps = missing(given)
    if not gaps:
        return None
    line = _line_of(config_file, r"^\s*contact\s*:") or _line_of(config_file, r"^extra\s*:")
    where = f"{config_file.name}, line {line}" if line else config_file.name
    status_line = _line_of(framework_file, r"^status\s*:")
    status_where = f"{framework_file.name}, line {status_line}" if status_line else framework_file.name
    listed = ", ".join(gaps[:-1]) + (" and " if len(gaps) > 1 else "") + gaps[-1]
    return (
        f"{where}: field 'extra: contact' is missing {listed}. The framework's status is "
        f"'{framework.status}' ({status_where}, field 'status'), so the accessibility statement, the privacy "
        "notice and the footer must say who publishes this site and how to reach them. Add the contact "
        f"details under 'extra:' in {config_file.name}, for example:\n{EXAMPLE}\n"
        "or, while the framework is only being tried out, set its status to 'prototype'."
    )


def _link(kind: str, value: str) -> str:
    text = escape(value)
    if kind == "email":
        return f'<a href="mailto:{escape(value, quote=True)}">{text}</a>'
    if kind == "phone":
        return text
    if re.match(r"https?://", value):  # its text is its address, so print need not add it again
        return f'<a class="fw-address" href="{escape(value, quote=True)}">{text}</a>'
    return text


WAY_NAMES = {"email": "Email", "phone": "Phone", "web_form": "Contact form"}


def ways_html(given: dict[str, str]) -> str:
    """List items (HTML) of the ways to reach the publisher, each shown exactly as typed."""
    return "".join(f"<li>{WAY_NAMES[way]}: {_link(way, given[way])}</li>" for way in WAYS if given[way])


def block(kind: str, given: dict[str, str]) -> str:
    """HTML for a statement page: 'contact' (who to ask, how, and how soon) or 'data-protection'."""
    organisation = escape(given["organisation"])
    if kind == "data-protection":
        if given["data_protection"]:
            lines = [f"<p>{escape(given['data_protection'])}</p>"]
            if given["organisation"]:
                lines.insert(0, f"<p>{organisation} is responsible for this copy of the site.</p>")
            return '<div class="fw-contact">' + "".join(lines) + "</div>"
        return (
            '<div class="fw-contact"><p>This copy of the site does not name a data protection contact. '
            "The organisation that publishes it sets who to contact; ask the person who gave you the "
            "link.</p></div>"
        )
    ways = ways_html(given)
    if not ways:
        return (
            '<div class="fw-contact"><p>This copy of the site is a prototype and does not give contact '
            "details. The council or organisation that publishes a copy of the site sets who to contact, "
            "and its copy shows those details here.</p></div>"
        )
    intro = f"<p>Contact {organisation}:</p>" if given["organisation"] else "<p>Contact the publisher of this site:</p>"
    parts = [intro, f"<ul>{ways}</ul>"]
    if given["response_time"]:
        parts.append(f"<p>We will reply within {escape(given['response_time'])}.</p>")
    return '<div class="fw-contact">' + "".join(parts) + "</div>"


def statement(framework: Framework, organisation: str = "") -> str:
    """The one statement of what this framework is, while it is not published: its status, version
    and publisher, then the first paragraph of its status note, as plain text. Every page (the phase
    banner), the worksheets, the printed board report and its Word file carry these same words, so
    they are worded here only; the framework's own file says what kind of prototype it is. A
    published framework has none ("")."""
    if framework.status == "published":
        return ""
    who = f", published by {organisation}" if organisation else ""
    lead = f"{framework.status.capitalize()} framework, version {framework.version}{who}."
    paragraphs = [part.strip() for part in (framework.status_note or "").splitlines() if part.strip()]
    return f"{lead} {paragraphs[0]}" if paragraphs else lead


def site_context(given: dict[str, str], framework: Framework) -> dict[str, Any]:
    """What the theme's templates need on every page (config.extra.framework_site): plain data, so
    that it can be written back to YAML (the export command) and escaped by any template engine."""
    return {
        "status": framework.status,
        "statement": statement(framework, given["organisation"]),
        "contact": given,
        "reachable": any(given[way] for way in WAYS),
        "web_form_is_link": bool(re.match(r"https?://", given["web_form"])),
    }


def configure(config: Any, framework: Framework, framework_file: Path) -> str | None:
    """Read the contact details from the MkDocs config and hand the theme what it needs
    (config.extra.framework_site); return the message for details that are wrong or missing, or None."""
    config_file = Path(config.config_file_path or "mkdocs.yml")
    try:
        given = details(config_file, config.extra)
    except ValueError as error:
        return str(error)
    config.extra["framework_site"] = site_context(given, framework)
    return problem(given, framework, config_file, framework_file)
