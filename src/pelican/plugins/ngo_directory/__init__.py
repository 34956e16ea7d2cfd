"""The ngo-directory plugin in Pelican's namespace for plugins: with the package installed,
``PLUGINS = ["ngo_directory"]`` finds it here (Pelican looks in ``pelican.plugins`` first)."""

from ngo_directory.pelican_plugin import register

__all__ = ["register"]
