"""ngo-directory: YAML records about NGOs, partners and meetings, built into a static site."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pelican_plugin import register as register

    __version__: str


def __getattr__(name: str) -> Callable[[], None] | str:
    """``register``, the plugin's entry point, imported only when asked for: Pelican falls back
    to ``import ngo_directory`` for ``PLUGINS = ["ngo_directory"]`` when the package is installed
    editable (its ``pelican.plugins`` portion is then out of Pelican's sight), and importing the
    package alone must not import Pelican. ``__version__`` likewise, read when asked for: one
    definition of the version, pyproject.toml's, from the installed package's metadata
    (importlib.metadata costs more to import than a small site's whole check)."""
    if name == "register":
        from .pelican_plugin import register

        return register
    if name == "__version__":
        from importlib.metadata import version

        return version("ngo-directory")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
