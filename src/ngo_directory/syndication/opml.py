"""OPML 2.0 lists of feeds, for importing many subscriptions into a feed reader at once."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from email.utils import format_datetime

from ..text.markup import one_line
from .feeds import absolute
from .subscriptions import Channel


def render_opml(
    title: str,
    groups: Sequence[tuple[str, Sequence[Channel]]],
    *,
    format: str,
    base: str,
    updated: dt.datetime,
) -> bytes:
    """One outline per group (``(heading, channels)``), one ``type="rss"`` outline per feed in
    ``format`` ('atom' or 'rss'); groups without feeds are left out."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = one_line(title)
    ET.SubElement(head, "dateModified").text = format_datetime(updated)
    body = ET.SubElement(opml, "body")
    for heading, channels in groups:
        feeds = [c for c in channels if c.atom and c.rss]
        if not feeds:
            continue
        group = ET.SubElement(body, "outline", text=one_line(heading))
        for channel in feeds:
            address = channel.atom if format == "atom" else channel.rss
            assert address is not None
            ET.SubElement(
                group,
                "outline",
                type="rss",
                text=one_line(channel.title),
                title=one_line(channel.title),
                xmlUrl=absolute(base, address),
                htmlUrl=absolute(base, channel.page),
                language=channel.language,
            )
    ET.indent(opml)
    return bytes(ET.tostring(opml, encoding="utf-8", xml_declaration=True)) + b"\n"
