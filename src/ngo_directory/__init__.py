"""ngo-directory: YAML records about NGOs, partners and meetings, built into a static site."""

from importlib.metadata import version

# One definition of the version: pyproject.toml's, read from the installed package's metadata.
__version__ = version("ngo-directory")
