"""ngo-directory: YAML records about NGOs, partners and meetings, built into a static site."""

__version__ = "0.1.0"
