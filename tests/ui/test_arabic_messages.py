"""Messages from the core read in Arabic in the Arabic window, whole: no English sentence left
inside (import failures, PDF export, the export formats, an unexpected error)."""

from __future__ import annotations

import re

import pytest

from editor_app.core.errors import ImportFailed, Text
from editor_app.core.exporters.page_setup import PAGE_DID_NOT_LOAD, PRINTING_FAILED
from editor_app.core.importers import read_article_file
from editor_app.core.records import ArticleDraft
from editor_app.ui.dialogs.export_dialog import ExportDialog
from editor_app.ui.i18n import apply_language, failure_text, user_text

ENGLISH_WORDS = re.compile(r"\b(?:the|is|not|a|an|of|file|cannot|write|page|it|no|such)\b", re.I)


def _english_left(shown: str, *allowed: str) -> list[str]:
    for text in allowed:
        shown = shown.replace(text, "")
    return ENGLISH_WORDS.findall(shown)


@pytest.fixture
def arabic(qapp):
    apply_language("ar")


@pytest.mark.parametrize("content, suffix", [(b"\x00\x01binary", ".md"), (b"---\ntitle: [\n", ".md"),
                                             (b"\xff\xfe\xfa", ".txt"), (b"text", ".odt"), (b"PK no zip", ".docx")])
def test_an_import_failure_reads_in_arabic(arabic, tmp_path, content, suffix):
    path = tmp_path / f"article{suffix}"
    path.write_bytes(content)
    with pytest.raises(ImportFailed) as failure:
        read_article_file(path)
    shown = user_text(failure.value)
    assert "تعذّر" in shown or "تعذر" in shown, shown
    # What may stay in Latin letters: the file's name, and the technical detail a library gave.
    detail = failure.value.text.values["reason"]
    technical = [str(value) for value in getattr(detail, "values", {}).values()]
    assert _english_left(shown, str(path), "UTF-8", "Word", "NUL", "YAML", *technical) == [], shown


def test_pdf_export_failures_read_in_arabic(arabic, tmp_path):
    for template in (PAGE_DID_NOT_LOAD, PRINTING_FAILED):
        shown = user_text(Text(template, path=tmp_path / "a.pdf"))
        assert _english_left(shown, str(tmp_path / "a.pdf"), "PDF") == [], shown


def test_an_unexpected_error_is_named_in_arabic(arabic):
    shown = failure_text(KeyError("slug"))
    assert "مداد" in shown and "KeyError" in shown and "slug" not in shown


def test_the_export_formats_are_named_in_arabic(arabic, qtbot, library):
    dialog = ExportDialog(library, library.create(ArticleDraft(title="مقال")).id)
    qtbot.addWidget(dialog)
    labels = [dialog.format.itemText(index) for index in range(dialog.format.count())]
    assert "صفحة HTML مستقلة" in labels and "موقع ثابت (مقالات المكتبة)" in labels
    for label in labels:
        assert _english_left(label, "HTML", "Markdown", "Word", "PDF", "docx") == [], label
