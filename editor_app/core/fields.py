"""Validation and normalisation of article field values, shared by importers and the UI."""

from __future__ import annotations

from datetime import date, datetime, time, timezone, tzinfo

from babel import Locale, UnknownLocaleError

from editor_app.core.dates import site_timezone
from editor_app.core.errors import QT_TRANSLATE_NOOP, InvalidField, Text
from editor_app.core.statuses import CATEGORY_SEPARATOR, ArticleStatus

_STATUS_ALIASES = {
    "in review": ArticleStatus.IN_REVIEW,
    "in-review": ArticleStatus.IN_REVIEW,
    "review": ArticleStatus.IN_REVIEW,
}


def normalise_status(value: object) -> str:
    text = str(value).strip().lower()
    if text in _STATUS_ALIASES:
        return _STATUS_ALIASES[text].value
    try:
        return ArticleStatus(text.replace(" ", "_")).value
    except ValueError:
        allowed = ", ".join(status.value for status in ArticleStatus)
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "unknown status {value} (expected one of: {allowed})"),
                                value=repr(value), allowed=allowed)) from None


def normalise_locale(value: object) -> str:
    text = str(value).strip().replace("-", "_")
    try:
        return str(Locale.parse(text))
    except (UnknownLocaleError, ValueError):
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "unknown locale {value} (examples: ar, ar_MA, ar_EG, en)"),
                                value=repr(value))) from None


def normalise_datetime(value: object, zone: tzinfo | None = None) -> datetime | None:
    """An aware UTC datetime from a YAML value or an ISO 8601 string.

    A value without a time zone means the site's time (`zone`, by default the zone set
    in Settings' default, core.dates.DEFAULT_TIME_ZONE): a newsroom typing
    "2024-04-09 18:23" means its own clock, wherever the machine that reads it is.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime.combine(value, time())
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise InvalidField(Text(
                QT_TRANSLATE_NOOP("errors", "cannot read the date {value}; use ISO 8601, e.g. 2024-04-09T18:23:00+01:00"),
                value=repr(text))) from None
    try:
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zone or site_timezone())  # zoneinfo resolves the offset of that date
        return moment.astimezone(timezone.utc)
    except (OverflowError, ValueError, OSError):  # 0001-01-01 or 9999-12-31 shifted out of range
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "the date {value} is out of range"), value=repr(str(value)))) from None


def normalise_tags(value: object) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        items = value.replace("،", ",").split(",")
    elif isinstance(value, list | tuple):
        items = [str(item) for item in value]
    else:
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "tags must be a list, not {kind}"), kind=type(value).__name__))
    seen: dict[str, None] = {}
    for item in items:
        name = " ".join(item.split())
        if name:
            seen.setdefault(name, None)
    return tuple(seen)


def category_parts(path: str) -> list[str]:
    parts = [" ".join(part.split()) for part in path.split(CATEGORY_SEPARATOR)]
    if any(not part for part in parts):
        raise InvalidField(Text(QT_TRANSLATE_NOOP("errors", "category {path} has an empty level"), path=repr(path)))
    return parts


def clean_name(value: object) -> str | None:
    if value is None:
        return None
    name = " ".join(str(value).split())
    return name or None
