"""Run the framework core without MkDocs.

python -m mkdocs_framework check framework.yml [--docs content]
python -m mkdocs_framework render framework.yml OUTPUT_FOLDER [--docs content] [--replace]
python -m mkdocs_framework export mkdocs.yml OUTPUT_FOLDER [--replace]   (a whole project for Zensical)
python -m mkdocs_framework secure SITE_FOLDER   (the Content-Security-Policy, after zensical build)

OUTPUT_FOLDER must be new or empty; --replace replaces what an earlier run wrote there, and only that.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .csp import secure_site
from .diff import as_markdown, as_text
from .export import ExportError, Written, export, write_folder
from .problems import FrameworkError
from .render import Renderer
from .validate import load_framework


def _docs_dir(framework_file: Path, docs: str | None) -> Path | None:
    if docs is not None:
        return Path(docs)
    beside = framework_file.parent / "content"
    return beside if beside.is_dir() else None


REPLACE_HELP = (
    "the folder holds an earlier run's output: remove the files that run wrote (it keeps their list in "
    ".mkdocs-framework-output.json) and write afresh; anything else in the folder is kept"
)


def _replaced(written: Written) -> str:
    """Say what --replace removed and what it left alone, or nothing when nothing was there."""
    if not written.removed and not written.kept:
        return ""
    kept = ""
    if written.kept:
        count = f"{len(written.kept)} files" if len(written.kept) > 1 else "1 file"
        kept = f" Kept {count} it had not written, such as {written.kept[0]}."
    removed = f"{written.removed} files" if written.removed != 1 else "1 file"
    return f" Removed the {removed} of the earlier run first.{kept}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mkdocs_framework", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate a framework file and report every problem")
    check.add_argument("framework", type=Path)
    check.add_argument("--docs", help="docs folder that resource links point into (default: ./content beside the file)")
    render = commands.add_parser("render", help="write the generated Markdown pages to a folder")
    render.add_argument("framework", type=Path)
    render.add_argument("output", type=Path, help="a new or empty folder to write the pages into")
    render.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    render.add_argument(
        "--docs", help="docs folder that resource links point into (default: ./content beside the file)"
    )
    render.add_argument(
        "--publisher",
        default="",
        help="who publishes the site, named in the statement an unpublished framework's pages carry "
        "(as mkdocs.yml's extra: contact: organisation does for a build)",
    )
    diff = commands.add_parser("diff", help="say what changed between two versions of a framework file")
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("--markdown", action="store_true", help="write Markdown instead of plain text")
    exporter = commands.add_parser(
        "export",
        help="write a complete docs folder and configuration for a generator that runs no plugins (Zensical)",
    )
    exporter.add_argument("config", type=Path, help="the site's mkdocs.yml")
    exporter.add_argument("output", type=Path, help="a new or empty folder to write docs/ and mkdocs.yml into")
    exporter.add_argument("--replace", action="store_true", help=REPLACE_HELP)
    secure = commands.add_parser(
        "secure",
        help="give every page of a built site its Content-Security-Policy (after zensical build)",
    )
    secure.add_argument("site", type=Path, help="the built site's folder")
    args = parser.parse_args(argv)

    if args.command == "secure":
        if not (args.site / "index.html").is_file():
            print(
                f"{args.site}: no index.html here. Give the folder of a built site (its site/ folder).", file=sys.stderr
            )
            return 1
        secured = secure_site(args.site)
        print(f"Gave {secured} pages in {args.site} their Content-Security-Policy.")
        return 0

    if args.command == "export":
        try:
            done = export(args.config, args.output, replace=args.replace)
        except (ExportError, FrameworkError) as error:
            print(error.report() if isinstance(error, FrameworkError) else error, file=sys.stderr)
            return 1
        print(
            f"Wrote {done.generated_pages} generated pages and {done.pdfs} PDFs into {done.docs}, "
            f"and {done.config}.{_replaced(done.written)} Build it with: zensical build -f {done.config}"
        )
        return 0

    if args.command == "diff":
        try:
            old, new = load_framework(args.old), load_framework(args.new)
        except FrameworkError as error:
            print(error.report(), file=sys.stderr)
            return 1
        print((as_markdown if args.markdown else as_text)(old, new), end="")
        return 0
    try:
        framework = load_framework(args.framework, _docs_dir(args.framework, args.docs))
    except FrameworkError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.command == "check":
        print(
            f"{args.framework}: OK. {framework.title}, version {framework.version} ({framework.status}): "
            f"{len(framework.levels)} levels, {len(framework.dimensions)} dimensions, "
            f"{framework.criteria_count} criteria."
        )
        return 0
    renderer = Renderer(framework)
    renderer.publisher = args.publisher
    docs = _docs_dir(args.framework, args.docs)
    if docs is not None:  # link to hand-written pages only where they exist, as the plugin does
        renderer.docs_pages = {page.relative_to(docs).as_posix() for page in docs.rglob("*.md")}
    pages = renderer.pages()
    try:
        written = write_folder(
            args.output,
            {path: markdown.encode("utf-8") for path, markdown in pages.items()},
            replace=args.replace,
            command="render",
        )
    except ExportError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Wrote {len(pages)} pages to {args.output}.{_replaced(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
