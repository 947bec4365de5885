"""Static files the plugin adds to every site: its stylesheet (and later its scripts)."""

from __future__ import annotations

from importlib import resources

ASSET_FOLDER = "assets/framework"
STYLESHEET = f"{ASSET_FOLDER}/framework.css"


def files() -> dict[str, bytes]:
    """Return {path in the built site: content} for every asset shipped with the package."""
    package = resources.files(__package__).joinpath("assets")
    return {f"{ASSET_FOLDER}/{item.name}": item.read_bytes() for item in package.iterdir() if item.is_file()}
