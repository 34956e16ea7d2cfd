"""The build's moment: now, or SOURCE_DATE_EPOCH for a reproducible build. What is upcoming, which
registration is open, and which dates are still in the future are all decided as of it."""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo

from .models import DEFAULT_TIMEZONE


def build_moment() -> dt.datetime:
    """Now (aware, UTC), or SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return dt.datetime.now(dt.UTC)


def today(time_zone: str = DEFAULT_TIMEZONE) -> dt.date:
    """The date of the build's moment in ``time_zone`` (the NGO_DIRECTORY_TIME_ZONE setting; by
    default Baku's), as the build counts days."""
    return build_moment().astimezone(zoneinfo.ZoneInfo(time_zone)).date()
