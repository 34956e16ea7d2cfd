"""Language-aware text: transliteration and slugs, alphabetical order, Markdown to safe HTML."""
