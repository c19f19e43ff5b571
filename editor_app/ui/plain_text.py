"""Showing text that comes from outside (titles, site messages, errors) exactly as written.

Qt guesses whether a label's text is HTML (Qt::AutoText): a site answering with
`<h1 style="color:red">Your password expired</h1>`, or a title holding `<img src=…>`,
would be rendered, not shown. Every label or message box that can hold such text is
made PlainText here; QMessageBox's static helpers (AutoText) are not used anywhere else
(a test keeps it so).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain(*labels: QLabel) -> None:
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str) -> str:
    """Tooltips have no format setting: the text is escaped, so Qt shows it literally."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: Button = Button.Ok, default: Button = Button.NoButton) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def _ask(icon: QMessageBox.Icon, parent, title: str, text: str, buttons: Button, default: Button) -> Button:
    box = message_box(parent, icon, title, text, buttons, default)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else Button.Cancel


def information(parent, title: str, text: str, buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    return _ask(QMessageBox.Icon.Information, parent, title, text, buttons, default)


def warning(parent, title: str, text: str, buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    return _ask(QMessageBox.Icon.Warning, parent, title, text, buttons, default)


def critical(parent, title: str, text: str, buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    return _ask(QMessageBox.Icon.Critical, parent, title, text, buttons, default)


def question(parent, title: str, text: str, buttons: Button = Button.Yes | Button.No,
             default: Button = Button.NoButton) -> Button:
    return _ask(QMessageBox.Icon.Question, parent, title, text, buttons, default)
