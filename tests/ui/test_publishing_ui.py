"""Publishing from the window against the real WordPress: progress off the UI thread, the
list's sync state, conflicts resolved in a dialog, the outbox retried by the app itself."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from editor_app.core.publishing.sites import SiteRegistry
from editor_app.ui.article_list.list_model import SYNC_ROLE
from editor_app.ui.publishing.conflict_dialog import ConflictDialog
from editor_app.ui.publishing.controller import step_label
from editor_app.ui.publishing.publish_dialog import PublishDialog
from editor_app.ui.publishing.sites_dialog import SitesDialog
from tests.ui.typing import type_text
from tests.wordpress.fixtures import add_site


def window_with_article(open_window, qtbot, text="مقال من النافذة عن الأمن الرقمي"):
    window = open_window()
    window.new_article()
    type_text(window.editor.title_edit, "عنوان من النافذة")
    type_text(window.editor.body_edit, text)
    return window


def publish_and_wait(qtbot, window, site, monkeypatch, status="draft"):
    """Article › Publish to site…, choosing `site` and `status` in the dialog."""
    def choose(dialog: PublishDialog) -> int:
        dialog.site.setCurrentIndex(next(i for i in range(dialog.site.count()) if dialog.site.itemData(i).name == site))
        dialog.status.setCurrentIndex(dialog.status.findData(status))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PublishDialog, "exec", choose)
    window.commands.action("publish.publish").trigger()
    qtbot.waitUntil(lambda: not window.publishing.runner.busy, timeout=30000)


def sync_state(window):
    model = window.list_panel.model
    return model.index(model.row_of(window.editor.article_id), 1).data(SYNC_ROLE)


def test_publishing_from_the_window_saves_first_then_shows_the_link_and_the_sync_state(
        open_window, qtbot, wordpress, site_api, monkeypatch):
    window = window_with_article(open_window, qtbot)
    site = add_site(window.library, wordpress.url, wordpress.username, wordpress.password)
    steps = []
    window.publishing.progressed.connect(lambda step, fraction: steps.append((step, fraction)))
    publish_and_wait(qtbot, window, site.name, monkeypatch)  # the text typed a moment ago, not yet autosaved

    record = window.library.get(window.editor.article_id)
    posts = site_api.posts_marked(record.uuid)
    assert len(posts) == 1 and posts[0]["title"]["raw"] == "عنوان من النافذة"
    assert "مقال من النافذة عن الأمن الرقمي" in posts[0]["content"]["raw"]
    assert posts[0]["link"] in window.statusBar().currentMessage()
    assert steps[-1] == ("published", 1.0) and window.publishing.progress is None
    assert sync_state(window) == "synced"
    type_text(window.editor.body_edit, " تعديل")
    window.save_now()
    assert sync_state(window) == "changed"


def test_a_conflict_opens_the_dialog_and_taking_the_sites_version_loads_it(
        open_window, qtbot, wordpress, site_api, monkeypatch):
    window = window_with_article(open_window, qtbot)
    site = add_site(window.library, wordpress.url, wordpress.username, wordpress.password)
    publish_and_wait(qtbot, window, site.name, monkeypatch)
    post = site_api.posts_marked(window.library.get(window.editor.article_id).uuid)[0]
    qtbot.wait(1100)  # modified_gmt has one-second resolution
    site_api.post(f"wp/v2/posts/{post['id']}", title="عنوان المحرر على الموقع", content="<p>نص المحرر.</p>")

    shown = []

    def choose_site(dialog: ConflictDialog) -> int:
        shown.append(dialog.diff.toPlainText())
        dialog.take_site_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", choose_site)
    publish_and_wait(qtbot, window, site.name, monkeypatch)
    qtbot.waitUntil(lambda: not window.publishing.runner.busy and window.editor.title() == "عنوان المحرر على الموقع",
                    timeout=30000)
    assert "نص المحرر." in shown[0] and "مقال من النافذة" in shown[0]
    assert window.editor.body().strip() == "نص المحرر."


def test_a_publish_while_the_site_is_down_waits_in_the_outbox_and_lands_when_it_is_back(
        open_window, qtbot, wordpress, proxy, site_api, monkeypatch):
    window = window_with_article(open_window, qtbot)
    site = add_site(window.library, proxy.url, wordpress.username, wordpress.password)
    proxy.down = True
    publish_and_wait(qtbot, window, site.name, monkeypatch)
    panel = window.publishing.panel
    assert window.publishing.dock.isVisible() and panel.table.rowCount() == 1
    assert "تعذّر الوصول" in window.statusBar().currentMessage()
    assert sync_state(window) == "queued"
    assert "(1)" in window.commands.action("publish.outbox").text()

    proxy.down = False
    panel.table.setCurrentCell(0, 0)
    panel.retry_button.click()
    qtbot.waitUntil(lambda: not window.publishing.outbox_runner.busy and panel.table.rowCount() == 0, timeout=30000)
    assert len(site_api.posts_marked(window.library.get(window.editor.article_id).uuid)) == 1
    assert sync_state(window) == "synced"


def test_a_refusal_is_shown_in_a_dialog_and_not_queued(open_window, qtbot, wordpress, monkeypatch):
    window = window_with_article(open_window, qtbot)
    site = add_site(window.library, wordpress.url, wordpress.username, "wrong password")
    warnings = []
    monkeypatch.setattr("editor_app.ui.plain_text.warning", lambda parent, title, text, *args: warnings.append(text))
    publish_and_wait(qtbot, window, site.name, monkeypatch)
    assert len(warnings) == 1 and "401" in warnings[0]
    assert window.publishing.panel.table.rowCount() == 0 and sync_state(window) == ""


def test_the_sites_dialog_adds_a_site_and_tests_the_connection(qtbot, library, wordpress):
    dialog = SitesDialog(SiteRegistry(library.database))
    qtbot.addWidget(dialog)
    dialog.name.setText("الموقع الرئيسي")
    dialog.url.setText(wordpress.url)
    dialog.username.setText(wordpress.username)
    dialog.password.setText(wordpress.password)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "الاتصال يعمل" in dialog.result.text(), timeout=30000)
    assert dialog.password.text() == ""  # gone from the widget once it is in the keyring
    assert [site.name for site in SiteRegistry(library.database).list()] == ["الموقع الرئيسي"]

    dialog.url.setText("http://news.example.com")
    dialog.save_button.click()
    assert "plain http" in dialog.result.text()


@pytest.mark.parametrize(("step", "label"), [("uploading image 2 of 3", "رفع الصورة 2 من 3…"),
                                             ("sending the article", "إرسال المقال…")])
def test_progress_steps_read_in_arabic(step, label):
    assert step_label(step) == label


def test_the_publish_dialog_offers_each_site_with_its_default_status(qtbot, library):
    registry = SiteRegistry(library.database)
    registry.add("أ", "https://a.example.com", "u", "p", default_status="pending")
    registry.add("ب", "https://b.example.com", "u", "p", default_status="publish")
    dialog = PublishDialog(registry.list(), "عنوان", preferred_site="ب")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ("ب", "publish")
    dialog.site.setCurrentIndex(0)
    assert dialog.chosen() == ("أ", "pending")


def test_the_outbox_check_waits_quietly_while_the_database_is_away(open_window, monkeypatch):
    """The timer's 'anything waiting?' query on a full or unmounted disk: no exception reaches
    Qt's event loop (it would be an error dialog); the next tick asks again."""
    from editor_app.core.errors import DatabaseUnwritable, Text

    window = open_window()

    def away(_database):
        raise DatabaseUnwritable(Text("the folder or the file is read-only"))

    monkeypatch.setattr("editor_app.ui.publishing.controller.waiting_publishes", away)
    window.publishing.retry_due()
    assert not window.publishing.outbox_runner.busy
