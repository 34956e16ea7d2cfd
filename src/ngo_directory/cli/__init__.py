"""The ngo-directory command: a thin shell over the library, one module per group of commands."""

from __future__ import annotations

from . import bench, building, checking, contributing, issues  # noqa: F401  (each registers its commands on main)
from .common import DEFAULT_LANGUAGE, default_language, main

__all__ = ["DEFAULT_LANGUAGE", "default_language", "main"]
