"""Arabic for the few strings of Qt's own dialogs that Qt's catalog (qtbase_ar.qm)
lacks or words oddly, so its file dialog is not half English.

Qt 6 gave the file dialog's labels mnemonics ("&Look in:", "Files of &type:") and its
Arabic catalog still has the old strings, so they showed in English; "Cancel" is the
bare imperative «ألغِ», which reads as a cut word without its vowel mark, and
"Discard" is «ارفض» (refuse). A table in code rather than a .ts catalog: the strings are
Qt's, not Midad's, so lupdate could not extract them, and the table is this short.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

QT_STRINGS_AR = {
    ("QFileDialog", "&Look in:"): "ال&بحث في:",
    ("QFileDialog", "Files of &type:"): "&نوع الملفات:",
    ("QAbstractFileIconProvider", "Folder"): "مجلد",
    ("QAbstractFileIconProvider", "Drive"): "قرص",
    ("QPlatformTheme", "Cancel"): "إلغاء",
    ("QPlatformTheme", "Discard"): "تجاهل",
}


class QtStringsTranslator(QTranslator):
    """Answers only for the table; None lets Qt ask the next translator (qtbase_ar)."""

    def __init__(self, table: dict[tuple[str, str], str], parent=None) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return self.table.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt API
        return False
