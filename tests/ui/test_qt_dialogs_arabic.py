"""Qt's own dialogs speak Arabic in the Arabic interface (issue 15: the file dialog showed
"Look in:" and "Files of type:" in English, Cancel as a cut-looking «ألغ»)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QPushButton

from editor_app.ui.i18n import apply_language

ARABIC = re.compile(r"[\u0600-\u06FF]")


def test_the_file_dialog_has_no_english_label_or_button(open_window, qtbot):
    window = open_window()
    apply_language("ar")  # as the application's start does
    dialog = QFileDialog(window, "اختيار صورة")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own, as under X11 without a desktop
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    texts += [button.text() for button in dialog.findChildren(QPushButton) if button.isVisible()]
    assert len(texts) >= 4
    english = [text for text in texts if not ARABIC.search(text)]
    assert english == []
    assert "إلغاء" in texts


def test_message_box_buttons_say_what_they_do(open_window, qtbot):
    window = open_window()
    apply_language("ar")
    box = QMessageBox(QMessageBox.Icon.Warning, "مداد", "؟", QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Discard, window)
    qtbot.addWidget(box)
    labels = {box.button(button).text() for button in (QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)}
    assert labels == {"إلغاء", "تجاهل"}
