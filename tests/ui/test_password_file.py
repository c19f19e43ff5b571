"""Publishing on a computer without a system keyring: the window offers an encrypted
password file protected by a passphrase; the password is never readable in that file;
test connection and publishing then work against the real WordPress."""

from __future__ import annotations

import base64

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from editor_app.core.publishing import credentials
from editor_app.core.publishing.credentials import NoSystemKeyring, PassphraseNeeded, WrongPassphrase
from editor_app.core.publishing.outbox import Outbox, publish_or_queue
from editor_app.core.publishing.publisher import Publisher
from editor_app.core.publishing.sites import SiteRegistry
from editor_app.core.publishing.errors import SiteUnreachable
from editor_app.core.records import ArticleDraft
from editor_app.ui.publishing.password_store import PasswordStoreDialog
from editor_app.ui.publishing.sites_dialog import SitesDialog

PASSPHRASE = "عبارة مرور طويلة 2026"


@pytest.fixture
def no_system_keyring(monkeypatch, tmp_path):
    """As on a minimal Linux desktop: no Secret Service, no KWallet, no backend named by the user."""
    import keyring

    configured = keyring.get_keyring()  # the tests' own backend stays keyring's choice for later tests
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.delenv(credentials.PASSPHRASE_ENV, raising=False)
    assert credentials.system_keyring() is None
    credentials.configure(tmp_path / "data")
    yield tmp_path / "data" / credentials.PASSWORD_FILE
    credentials.lock()
    credentials._file_path = None  # later tests start without this folder's file
    keyring.set_keyring(configured)


def test_without_a_system_keyring_nothing_is_stored_until_the_encrypted_file_is_chosen(no_system_keyring, library):
    with pytest.raises(NoSystemKeyring):
        SiteRegistry(library.database).add("موقع", "https://news.example.com", "editor", "abcd efgh ijkl")
    assert not no_system_keyring.exists()  # never a file by itself, never plain text


def test_a_password_in_the_encrypted_file_is_not_readable_and_needs_the_passphrase(no_system_keyring, monkeypatch):
    secret = "Sup3rSecretAppPassw0rd"
    credentials.unlock(PASSPHRASE, create=True)
    credentials.store_password("موقع", "editor", secret)
    stored = no_system_keyring.read_bytes()
    for form in (secret.encode(), base64.b64encode(secret.encode()), secret.encode("utf-16-le"), PASSPHRASE.encode()):
        assert form not in stored
    assert oct(no_system_keyring.stat().st_mode & 0o777) == "0o600"
    assert credentials.password_for("موقع", "editor") == secret

    credentials.lock()  # the next run
    with pytest.raises(PassphraseNeeded):
        credentials.password_for("موقع", "editor")
    with pytest.raises(WrongPassphrase):
        credentials.unlock("not the passphrase")
    monkeypatch.setenv(credentials.PASSPHRASE_ENV, PASSPHRASE)  # the command line's way
    assert credentials.password_for("موقع", "editor") == secret


def answer_password_dialog(qtbot, passphrase: str, confirm: str | None = None):
    """Fills the modal passphrase dialog when it appears (it runs its own event loop)."""
    seen = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PasswordStoreDialog):
            QTimer.singleShot(50, fill)
            return
        seen.append(dialog.creating)
        dialog.passphrase.setText(passphrase)
        dialog.confirm.setText(passphrase if confirm is None else confirm)
        dialog.accept()

    QTimer.singleShot(0, fill)
    return seen


def test_the_sites_dialog_offers_the_encrypted_file_and_the_connection_works(no_system_keyring, qtbot, library, wordpress):
    dialog = SitesDialog(SiteRegistry(library.database))
    qtbot.addWidget(dialog)
    dialog.name.setText("الموقع الرئيسي")
    dialog.url.setText(wordpress.url)
    dialog.username.setText(wordpress.username)
    dialog.password.setText(wordpress.password)
    offered = answer_password_dialog(qtbot, PASSPHRASE)
    dialog.test_button.click()
    assert offered == [True]  # it offered to create the file
    qtbot.waitUntil(lambda: "الاتصال يعمل" in dialog.result.text(), timeout=30000)
    assert no_system_keyring.exists()
    assert wordpress.password.replace(" ", "").encode() not in no_system_keyring.read_bytes()


def test_publishing_works_with_the_passwords_in_the_encrypted_file(no_system_keyring, library, wordpress, site_api):
    credentials.unlock(PASSPHRASE, create=True)
    site = SiteRegistry(library.database).add("موقع الاختبار", wordpress.url, wordpress.username, wordpress.password)
    credentials.lock()
    credentials.unlock(PASSPHRASE)  # a later run, the passphrase given again
    record = library.create(ArticleDraft(title="منشور بكلمة مرور من ملف مشفّر", body="نص المقال.\n"))
    publish_or_queue(Publisher(library), Outbox(library.database), record.id, site.name, status="draft")
    [post] = site_api.posts_marked(library.get(record.id).uuid)
    assert post["title"]["raw"] == "منشور بكلمة مرور من ملف مشفّر"


def test_a_short_or_mismatched_passphrase_is_refused_in_the_dialog(no_system_keyring, qtbot):
    dialog = PasswordStoreDialog(creating=True)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    dialog.confirm.setText("short")
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and "8" in dialog.problem.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirm.setText(PASSPHRASE + "x")
    dialog.accept()
    assert not no_system_keyring.exists() and dialog.problem.text()


def test_publishing_with_no_site_offers_the_sites_dialog(open_window, qtbot):
    window = open_window()
    window.new_article()
    opened = []

    def press_add() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "no_site_box":
            QTimer.singleShot(50, press_add)
            return
        [add] = [button for button in box.buttons() if box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole]
        QTimer.singleShot(0, close_sites)
        add.click()

    def close_sites() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SitesDialog):
            QTimer.singleShot(50, close_sites)
            return
        opened.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, press_add)
    window.commands.action("publish.publish").trigger()
    assert len(opened) == 1


def test_waiting_publishes_are_not_refused_while_the_password_file_is_locked(no_system_keyring, open_window, qtbot):
    window = open_window()
    credentials.configure(no_system_keyring.parent)  # the window's own data folder is another tmp folder
    credentials.unlock(PASSPHRASE, create=True)
    site = SiteRegistry(window.library.database).add("موقع", "https://news.example.com", "editor", "abcd efgh")
    record = window.library.create(ArticleDraft(title="ينتظر"))
    outbox = Outbox(window.library.database)
    outbox.enqueue(record.id, site.id, "draft", SiteUnreachable("https://news.example.com did not answer in time"))
    credentials.lock()  # as after a restart: the file is there, its passphrase not yet given
    window.publishing.retry_due(everything=False)  # the timer's retry
    window.publishing.outbox_runner.wait()  # had it started, its attempt is over now
    assert [entry.state for entry in outbox.entries()] == ["pending"]
