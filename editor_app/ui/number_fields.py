"""Decimal fields written the way CLDR writes numbers in the interface's language and
digits (through Babel, like every other number Midad shows): 1.5 or ١٫٥.

QDoubleSpinBox writes numbers with QLocale, and the Qt locale Midad picks for Western
digits in Arabic (ar_LY, for its month names) writes "1,50"; with the Eastern digits a
comma could meet Eastern digits. One formatter for all numbers avoids both.
"""

from __future__ import annotations

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from editor_app.ui.i18n import format_number

_EASTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_DECIMAL_SEPARATORS = str.maketrans({"٫": ".", ",": ".", "،": "."})


def parse_decimal(text: str) -> float | None:
    """A decimal typed in either digits, with any of the separators writers use; None if it is not one."""
    cleaned = text.strip().translate(_EASTERN_DIGITS).replace("٬", "").translate(_DECIMAL_SEPARATORS)
    try:
        return float(cleaned)
    except ValueError:
        return None


class DecimalField(QDoubleSpinBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def textFromValue(self, value: float) -> str:  # noqa: N802 - Qt API
        return format_number(round(value, self.decimals()))

    def _number_part(self, text: str) -> str:
        if self.prefix() and text.startswith(self.prefix()):
            text = text[len(self.prefix()):]
        if self.suffix() and text.endswith(self.suffix()):
            text = text[: -len(self.suffix())]
        return text

    def valueFromText(self, text: str) -> float:  # noqa: N802 - Qt API
        value = parse_decimal(self._number_part(text))
        return self.value() if value is None else value

    def validate(self, text: str, position: int):
        number = self._number_part(text).strip()
        if not number:
            return QValidator.State.Intermediate, text, position
        value = parse_decimal(number)
        if value is None:
            partial = parse_decimal(number + "0")  # "1٫" on the way to "1٫5"
            return (QValidator.State.Intermediate if partial is not None else QValidator.State.Invalid), text, position
        inside = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if inside else QValidator.State.Intermediate), text, position
