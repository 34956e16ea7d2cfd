"""Press releases and pages: the checks on press releases and every page's language versions."""
