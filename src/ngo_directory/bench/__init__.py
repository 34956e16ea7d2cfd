"""``ngo-directory bench``: a synthetic directory at national scale (``generate``), built with the
project and with vanilla Pelican in child processes (``run``, ``child``), timed phase by phase."""
