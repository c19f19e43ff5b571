"""The line above the preview that says what is wrong with the newsroom's template (file, line,
what), shown while the bundled template stands in for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from editor_app.ui.i18n import translate


class TemplateProblemBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("template_problem")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a file name or Jinja2's words are shown as written
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet("padding: 4px 8px; background: #fde7e9; color: #6e0811;")
        self.hide()

    def show_problem(self, text: str) -> None:
        """"" hides it: the newsroom's template renders again."""
        if text:
            self.setText(translate("problem_banner", "المعاينة بالقالب المضمّن إلى أن يُصلَح قالب غرفة الأخبار: {problem}")
                         .format(problem=text))
        self.setVisible(bool(text))
