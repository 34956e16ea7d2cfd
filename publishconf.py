"""Pelican settings for the published site: absolute URLs.

Set the address the site is served from and the feed-id authority here or in the environment:
    SITEURL=https://directory.your-ngo.az NGO_DIRECTORY_ID_AUTHORITY=directory.your-ngo.az,2026 make publish
A publishing build refuses to run with an empty SITEURL or with the example values."""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: F403  (Pelican's convention: publish = dev + overrides)

SITEURL = os.environ.get("SITEURL", "")
NGO_DIRECTORY_ID_AUTHORITY = os.environ.get(
    "NGO_DIRECTORY_ID_AUTHORITY",
    NGO_DIRECTORY_ID_AUTHORITY,  # noqa: F405  (from pelicanconf)
)
NGO_DIRECTORY_PUBLISHING = True
# Every text is read afresh: nothing published comes from a file this build did not make.
NGO_DIRECTORY_CACHE = False
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
