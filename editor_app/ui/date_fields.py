"""Date-and-time fields that read the same in both interface directions."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QDateTimeEdit, QWidget

DATE_TIME_FORMAT = "yyyy/MM/dd hh:mm"


def date_time_field(parent: QWidget, value: QDateTime | None = None) -> QDateTimeEdit:
    """A QDateTimeEdit laid out left to right *before* its format is set: setDisplayFormat
    reverses the sections of a right-to-left widget ("م 46:3 2/12/2026" for 3:46 PM)."""
    field = QDateTimeEdit(parent)
    field.setCalendarPopup(True)
    field.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    field.setDisplayFormat(DATE_TIME_FORMAT)
    if value is not None:
        field.setDateTime(value)
    return field
