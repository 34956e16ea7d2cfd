"""What the plugin reads and calls of Pelican's own objects. Pelican ships no types; these
protocols name the few attributes the seam uses, so that nothing past it is typed ``Any``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from jinja2 import Environment, Template

Settings = dict[str, Any]
"""Pelican's settings: its own and the plugin's, each of its own type (checked in settings.py)."""


class PelicanApp(Protocol):
    """The ``Pelican`` object the ``initialized`` and ``finalized`` signals send."""

    settings: Settings
    output_path: str


class PelicanGenerator(Protocol):
    """Any of Pelican's generators, as the ``generator_init`` signal sends it."""

    settings: Settings
    env: Environment


class PelicanWriter(Protocol):
    """Pelican's ``Writer``: renders a template into a file of the output folder."""

    def write_file(
        self,
        name: str,
        template: Template,
        context: Mapping[str, Any],
        relative_urls: bool = False,
        **kwargs: object,
    ) -> None: ...
