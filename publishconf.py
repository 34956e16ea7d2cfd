"""Pelican settings for the published site: absolute URLs."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403  (Pelican's convention: publish = dev + overrides)

SITEURL = os.environ.get("SITEURL", "https://ngo-directory.example.org")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
