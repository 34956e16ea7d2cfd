"""ngo-directory: YAML records about NGOs, partners and meetings, built into a static site."""

from __future__ import annotations

from collections.abc import Callable
from importlib.metadata import version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pelican_plugin import register as register

# One definition of the version: pyproject.toml's, read from the installed package's metadata.
__version__ = version("ngo-directory")


def __getattr__(name: str) -> Callable[[], None]:
    """``register``, the plugin's entry point, imported only when asked for: Pelican falls back
    to ``import ngo_directory`` for ``PLUGINS = ["ngo_directory"]`` when the package is installed
    editable (its ``pelican.plugins`` portion is then out of Pelican's sight), and importing the
    package alone must not import Pelican."""
    if name == "register":
        from .pelican_plugin import register

        return register
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
