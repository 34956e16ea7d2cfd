"""Pelican's side: the generator that writes the directory's pages, and a build that swaps the
site in only when it succeeds."""
