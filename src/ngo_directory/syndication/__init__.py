"""Feeds, calendars and OPML lists: what there is to announce, and the files that announce it."""
