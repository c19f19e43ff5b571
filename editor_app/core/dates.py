"""Dates as the site prints them, from CLDR through Babel (nothing hand-written).

`9 أبريل 2024 - 6:23 م` for ar, ar_MA and ar_EG; `9 أفريل …` for ar_DZ and ar_TN;
`9 نيسان …` for ar_LB: the locale is the article's (or the site's) setting.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from babel.dates import format_datetime, get_timezone

BYLINE_PATTERN = "d MMMM y - h:mm a"


def local_timezone() -> tzinfo:
    """This machine's zone with its rules (not today's offset: April in Morocco is not November)."""
    return get_timezone()


def resolve_timezone(name: str | None) -> tzinfo:
    """An IANA zone name (e.g. Africa/Casablanca), or this machine's zone when None."""
    return get_timezone(name) if name else local_timezone()


def format_byline_date(moment: datetime, locale: str, zone: tzinfo | None = None) -> str:
    return format_datetime(moment, BYLINE_PATTERN, tzinfo=zone or local_timezone(), locale=locale)
