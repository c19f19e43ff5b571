"""Dates as the site prints them, from CLDR through Babel (nothing hand-written).

`9 أبريل 2024 - 6:23 م` for ar, ar_MA and ar_EG; `9 أفريل …` for ar_DZ and ar_TN;
`9 نيسان …` for ar_LB: the locale is the article's (or the site's) setting.

The time is the **site's** (an IANA zone per site, with a default in Settings), never
the exporting machine's: a byline exported in New York must read as it does in
Casablanca. Zones come from zoneinfo (the system database, or the `tzdata` package
where there is none), which knows Morocco's Ramadan suspensions of its +01 offset.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

BYLINE_PATTERN = "d MMMM y - h:mm a"
# The newsroom the seed comes from is Moroccan; Settings › time zone changes it.
DEFAULT_TIME_ZONE = "Africa/Casablanca"


@lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def is_time_zone(name: str) -> bool:
    """Whether `name` is an IANA zone this machine knows (e.g. Africa/Casablanca)."""
    return bool(name) and _zone(name) is not None


def site_timezone(name: str | None = None) -> tzinfo:
    """The zone a byline is printed in: the site's, else the default (never the machine's)."""
    return (_zone(name) if name else None) or _zone(DEFAULT_TIME_ZONE)


def resolve_timezone(name: str | None) -> tzinfo:
    """Kept for callers of the old name: a zone name, or the default site zone."""
    return site_timezone(name)


def format_byline_date(moment: datetime, locale: str, zone: tzinfo | None = None) -> str:
    from babel.dates import format_datetime  # here, so that settings can name zones without loading Babel

    return format_datetime(moment, BYLINE_PATTERN, tzinfo=zone or site_timezone(), locale=locale)


def in_site_zone(moment: datetime, zone: tzinfo | None = None) -> datetime:
    """The moment as the site's clock shows it, with that zone's offset (for JSON-LD, OpenGraph)."""
    return moment.astimezone(zone or site_timezone())
