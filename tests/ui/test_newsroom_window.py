"""The window on a newsroom server (the private PostgreSQL of tests/postgres): File › Connect to
newsroom…, who I am in the status bar, and the list's filters by person."""

from __future__ import annotations

import keyring
import shiboken6

from editor_app.core.records import ArticleDraft
from editor_app.core.server.profile import load_profile
from editor_app.core.storage import Database
from editor_app.ui.dialogs.newsroom_dialog import NewsroomDialog
from editor_app.ui.i18n import apply_language
from tests.postgres.fixtures import PASSWORD


def fill(dialog: NewsroomDialog, newsroom, login: str, password: str) -> None:
    dialog.host.setText(newsroom.cluster.host)
    dialog.port.setValue(newsroom.cluster.port)
    dialog.database_name.setText(newsroom.name)
    dialog.login.setText(login)
    dialog.password.setText(password)
    dialog.certificate.setText(str(newsroom.cluster.ca_file))


def test_connecting_says_what_went_wrong_then_reopens_the_window_on_the_server(window_host, newsroom, qtbot):
    apply_language("ar")
    writer = newsroom.add("writer", "سمير الكاتب")
    newsroom.library(writer).create(ArticleDraft(title="مقال على الخادم"))
    config_dir = window_host.location.config_dir
    dialog = NewsroomDialog(config_dir, None, window_host.window)
    fill(dialog, newsroom, writer, "not-the-password")
    dialog.try_connect()
    qtbot.waitUntil(lambda: dialog.connect_button.isEnabled(), timeout=30_000)
    assert dialog.message.text().startswith("رفض الخادم 127.0.0.1 كلمة سر")
    assert dialog.database is None and load_profile(config_dir) is None  # nothing kept
    dialog.password.setText(PASSWORD)
    dialog.try_connect()
    qtbot.waitUntil(lambda: dialog.database is not None, timeout=30_000)
    profile = load_profile(config_dir)
    assert (profile.login, profile.sslmode) == (writer, "verify-full")
    assert keyring.get_password("Midad", profile.keyring_account) == PASSWORD  # the test keyring, never a file of ours
    assert PASSWORD not in (config_dir / "newsroom.json").read_text(encoding="utf-8")

    local = window_host.window
    window_host.switch_database(dialog.database)
    assert not shiboken6.isValid(local)
    window = window_host.window
    window.show()
    assert window.library.database.engine.dialect.name == "postgresql"
    qtbot.waitUntil(lambda: window.newsroom_status.connected is not None, timeout=30_000)
    assert window.newsroom_status.connected, window.newsroom_status.toolTip()
    assert window.newsroom_status.text() == "غرفة الأخبار 127.0.0.1: سمير الكاتب (كاتب)"
    assert window.newsroom_status.isVisible()
    qtbot.waitUntil(lambda: window.list_panel.model.rowCount() == 1, timeout=30_000)
    reopened = NewsroomDialog(config_dir, load_profile(config_dir), window)
    assert (reopened.login.text(), reopened.password.text()) == (writer, PASSWORD)  # filled from the keyring
    window_host.database.close()


def test_the_list_filters_mine_assigned_to_me_and_by_person(newsroom, qtbot, location):
    apply_language("ar")
    writer, other = newsroom.add("writer", "سمير الكاتب"), newsroom.add("writer", "ليلى الصحفية")
    editor = newsroom.add("editor", "هدى المحررة")
    mine = newsroom.library(editor).create(ArticleDraft(title="مقال المحررة")).id
    given = newsroom.library(other).create(ArticleDraft(title="مقال ليلى")).id
    newsroom.library(editor).assign(given, writer)
    newsroom.library(other).create(ArticleDraft(title="مقال آخر لليلى"))
    from editor_app.ui.application import create_application, create_main_window

    create_application([])
    database = Database(newsroom.url(editor))
    window = create_main_window(database, location)
    window.show()
    try:
        panel = window.list_panel
        panel.refresh_filters()
        assert panel.person_filter.isVisible()
        labels = [panel.person_filter.itemText(i) for i in range(panel.person_filter.count())]
        assert labels == ["الجميع", "مقالاتي", "المسندة إليّ", "بقلم سمير الكاتب", "بقلم ليلى الصحفية"]

        def titles() -> set[str]:
            return {panel.model.index(row, 0).data() for row in range(panel.model.rowCount())}

        qtbot.waitUntil(lambda: titles() == {"مقال المحررة", "مقال ليلى", "مقال آخر لليلى"}, timeout=10_000)
        panel.person_filter.setCurrentIndex(1)
        qtbot.waitUntil(lambda: titles() == {"مقال المحررة"}, timeout=10_000)
        panel.person_filter.setCurrentIndex(4)
        qtbot.waitUntil(lambda: titles() == {"مقال ليلى", "مقال آخر لليلى"}, timeout=10_000)
        panel.person_filter.setCurrentIndex(2)
        qtbot.waitUntil(lambda: titles() == set(), timeout=10_000)  # nothing assigned to the editor
        assert mine and window.newsroom_status.isVisible()
    finally:
        window.close()
        shiboken6.delete(window)
        database.close()
    writer_window_database = Database(newsroom.url(writer))
    writer_window = create_main_window(writer_window_database, location)
    try:
        panel = writer_window.list_panel
        panel.refresh_filters()
        panel.person_filter.setCurrentIndex(2)  # assigned to me
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
        assert panel.model.index(0, 0).data() == "مقال ليلى"
    finally:
        writer_window.close()
        shiboken6.delete(writer_window)
        writer_window_database.close()
