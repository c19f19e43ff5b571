"""Defects a writer met walking through the merged app (QA pass on the real window under
Xvfb); each test drives the real widgets offscreen and failed before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor_app.core.importers import read_article_file
from tests.conftest import SEED_ARTICLE
from tests.ui.test_password_file import no_system_keyring  # noqa: F401 - a fixture


def test_an_article_opened_at_start_shows_its_first_line(open_window, library, qtbot):
    """The window loads the last article before it is shown, in an editor a few pixels
    high: centring the cursor there scrolled one line down, and the welcome article
    opened with its first line hidden above the top (the scroll bar already at the top)."""
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    window = open_window()
    QApplication.processEvents()
    editor = window.editor.body_edit
    assert editor.textCursor().position() == 0
    assert editor.verticalScrollBar().value() == 0
    first_line = editor.document().firstBlock().layout().lineAt(0)
    top = editor.blockBoundingGeometry(editor.document().firstBlock()).translated(editor.contentOffset()).top()
    assert top + first_line.y() >= 0


def test_the_details_fit_their_pane_with_the_site_time_zone(open_window, library, qtbot):
    """The time-zone line under the publication date («بتوقيت الموقع (Africa/Casablanca)، ويُحفظ
    بالتوقيت العالمي») did not wrap: the details grew wider than their pane, which cannot scroll
    sideways, and every field lost its start (the date read «4/04/09 18:23»)."""
    library.import_drafts([read_article_file(SEED_ARTICLE)])
    window = open_window()
    window.resize(1400, 860)
    qtbot.waitUntil(lambda: window.width() == 1400)
    panel = window.metadata
    panel.set_time_zone("America/Argentina/ComodRivadavia")
    window.open_article(window.editor.article_id)
    QApplication.processEvents()
    assert "America/Argentina/ComodRivadavia" in panel.time_zone.text().replace("\u2060", "")
    assert panel.widget().width() <= panel.viewport().width()
    for field in (panel.published_at, panel.slug, panel.locale, panel.time_zone):
        left = field.mapTo(panel.viewport(), field.rect().topLeft()).x()
        assert 0 <= left and left + field.width() <= panel.viewport().width()


SIXTY_FIVE_PARAGRAPHS = "\n\n".join(
    f"الفقرة {number}: أكدت وزارة الخارجية الأمريكية مجددًا على موقع المغرب كحليف رئيسي وأساسي للولايات المتحدة."
    for number in range(1, 66))


def cursor_in_view(editor) -> bool:
    return editor.viewport().rect().contains(editor.cursorRect())


def test_focus_mode_in_and_out_keeps_the_line_being_typed_in_view(open_window, library, qtbot):
    """Typing at the end of a long article, F11 made the editor taller and narrower and F11
    again made it shorter: Qt kept the top line, so the cursor (and what was being typed)
    ended up below the edge, in focus mode and after it."""
    from editor_app.core.records import ArticleDraft

    record = library.create(ArticleDraft(title="مقال طويل", body=SIXTY_FIVE_PARAGRAPHS))
    window = open_window()
    window.resize(1400, 860)
    window.open_article(record.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    editor = window.editor.body_edit
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert cursor_in_view(editor)
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: window.isFullScreen() and window.editor.layout().contentsMargins().left() > 0)
    QApplication.processEvents()
    assert cursor_in_view(editor)
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen() and window.editor.layout().contentsMargins().left() == 0)
    QApplication.processEvents()
    assert cursor_in_view(editor)


def test_the_preview_opens_where_the_editor_reopened(open_window, library, qtbot):
    """A restart reopens the article at the writer's place (the end of a long one), but the
    preview's page loads after the editor has scrolled there: it stayed at the headline."""
    from editor_app.core.records import ArticleDraft
    from tests.ui.test_preview import JS_TIMEOUT_MS, evaluate, wait_for_text

    record = library.create(ArticleDraft(title="مقال طويل", body=SIXTY_FIVE_PARAGRAPHS))
    window = open_window()
    window.open_article(record.id)
    editor = window.editor.body_edit
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    window.close()

    window = open_window()
    assert window.editor.article_id == record.id
    assert window.editor.body_edit.verticalScrollBar().value() > 0
    preview = window.preview
    wait_for_text(qtbot, preview, "الفقرة 65")
    qtbot.waitUntil(lambda: evaluate(qtbot, preview, "window.scrollY") > 200, timeout=JS_TIMEOUT_MS)


def test_a_site_export_of_drafts_only_says_why_it_is_empty(qtbot, library, tmp_path):
    """A fresh library holds drafts only (the welcome article too): the dialog's site
    export wrote an empty «أحدث المقالات» page and said only «تم التصدير»."""
    from editor_app.core.records import ArticleDraft
    from editor_app.ui.dialogs.export_dialog import ExportDialog

    draft = library.create(ArticleDraft(title="مسودة", body="نص المسودة.\n"))
    dialog = ExportDialog(library, draft.id)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("site"))
    dialog.destination.setText(str(tmp_path / "site"))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_path is not None, timeout=10_000)
    assert not (tmp_path / "site" / "articles").exists() or not list((tmp_path / "site" / "articles").iterdir())
    assert "تضمين المسودات" in dialog.message.text()


def test_without_a_system_keyring_the_newsroom_password_follows_the_site_passwords(no_system_keyring):
    """File › Connect to newsroom on a desktop with no Secret Service: the password went to
    keyring's default pick, here keyrings.cryptfile, which asked for a new passphrase on the
    terminal (EOFError) and the window showed an unexpected error after connecting. It goes
    where site passwords go: the system keyring, or the encrypted file once chosen."""
    import keyring
    import pytest

    from editor_app.core.publishing import credentials
    from editor_app.core.server.profile import NewsroomProfile, store_password, stored_password

    profile = NewsroomProfile(host="db.newsroom.example", login="samir", database="midad")
    with pytest.raises(credentials.CredentialsUnavailable):
        store_password(profile, "كلمة سر")
    assert keyring.get_password("Midad", profile.keyring_account) is None  # nothing left in another store
    assert stored_password(profile) is None
    credentials.unlock("عبارة مرور طويلة 2026", create=True)
    store_password(profile, "كلمة سر")
    assert stored_password(profile) == "كلمة سر"
    assert b"samir" not in no_system_keyring.read_bytes() or "كلمة سر".encode() not in no_system_keyring.read_bytes()


def test_on_the_newsroom_server_a_lease_names_the_person_logged_in(newsroom):
    """Two people of the newsroom on one computer (one OS account): the lease was keyed by
    the OS login, so the second person's window took the first one's lease as its own and
    nobody saw «يحرّره الآن». On the server the person is the one logged in."""
    from editor_app.core.leases import Leases as LeaseKeeper
    from editor_app.core.records import ArticleDraft

    writer = newsroom.add("writer", "سمير العلوي")
    editor = newsroom.add("editor", "هدى السعدي")
    writers_library = newsroom.library(writer)
    article = writers_library.create(ArticleDraft(title="مقال مشترك", body="نص.\n"))
    samir = LeaseKeeper(writers_library.database, machine="newsroom-pc")
    huda = LeaseKeeper(newsroom.library(editor).database, machine="newsroom-pc")
    assert samir.person == "سمير العلوي" and huda.person == "هدى السعدي"
    samir.acquire(article.id)
    held = huda.acquire(article.id)
    assert not huda.is_mine(held) and held.person == "سمير العلوي"
