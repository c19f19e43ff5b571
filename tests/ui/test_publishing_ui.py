"""Publishing from the window against the real WordPress and the real Ghost: progress off the
UI thread, the list's sync state, conflicts resolved in a dialog, the outbox retried by the
app itself."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from editor_app.core.publishing.sites import SiteRegistry
from editor_app.core.publishing.target import Progress, PublishStep
from editor_app.ui import i18n
from editor_app.ui.article_list.list_model import SYNC_ROLE
from editor_app.ui.publishing.conflict_dialog import ConflictDialog
from editor_app.ui.publishing.labels import STEP_LABELS, step_label
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
        open_window, qtbot, remote, monkeypatch):
    window = window_with_article(open_window, qtbot)
    site = remote.add(window.library, remote.server.url)
    steps = []
    window.publishing.progressed.connect(steps.append)
    publish_and_wait(qtbot, window, site.name, monkeypatch)  # the text typed a moment ago, not yet autosaved

    record = window.library.get(window.editor.article_id)
    [post_id] = remote.marked_ids(record.uuid)
    seen = remote.seen(post_id)
    assert seen.title == "عنوان من النافذة" and "مقال من النافذة عن الأمن الرقمي" in seen.html
    assert seen.link in window.statusBar().currentMessage()
    assert steps[0].step is PublishStep.CHECKING and steps[-1] == Progress(PublishStep.PUBLISHED, 1.0)
    assert window.publishing.progress is None
    assert sync_state(window) == "synced"
    type_text(window.editor.body_edit, " تعديل")
    window.save_now()
    assert sync_state(window) == "changed"


def test_a_conflict_opens_the_dialog_and_taking_the_sites_version_loads_it(
        open_window, qtbot, remote, monkeypatch):
    window = window_with_article(open_window, qtbot)
    site = remote.add(window.library, remote.server.url)
    publish_and_wait(qtbot, window, site.name, monkeypatch)
    [post_id] = remote.marked_ids(window.library.get(window.editor.article_id).uuid)
    qtbot.wait(1100)  # both sites stamp versions to the second
    remote.edit(post_id, "عنوان المحرر على الموقع", "<p>نص المحرر.</p>")

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
        open_window, qtbot, remote, cut, monkeypatch):
    window = window_with_article(open_window, qtbot)
    site = remote.add(window.library, cut.url)
    proxy = cut
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
    assert remote.marked(window.library.get(window.editor.article_id).uuid) == 1
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


@pytest.mark.parametrize(("progress", "arabic", "english"), [
    (Progress(PublishStep.UPLOADING_IMAGE, 0.5, 2, 3), "رفع الصورة 2 من 3…", "Uploading image 2 of 3…"),
    (Progress(PublishStep.SENDING, 0.85), "إرسال المقال…", "Sending the article…"),
    (Progress(PublishStep.TOOK_SITE_VERSION, 1.0), "أُخذت نسخة الموقع", "The site’s version was taken")])
def test_progress_steps_read_in_arabic_and_english(qapp, progress, arabic, english):
    try:
        i18n.apply_language("ar")
        assert step_label(progress) == arabic
        i18n.apply_language("en")
        assert step_label(progress) == english
    finally:
        i18n.apply_language("ar")


def test_every_progress_step_has_a_label_in_both_languages(qapp):
    assert set(STEP_LABELS) == set(PublishStep)
    try:
        i18n.apply_language("en")
        english = {step: step_label(Progress(step, 0.0, 1, 2)) for step in PublishStep}
    finally:
        i18n.apply_language("ar")
    for step, text in english.items():
        assert text and not any("\u0600" <= character <= "\u06ff" for character in text), (step, text)


def test_the_publish_dialog_offers_each_site_with_its_default_status(qtbot, library):
    registry = SiteRegistry(library.database)
    registry.add("أ", "https://a.example.com", "u", "p", default_status="pending")
    registry.add("ب", "https://b.example.com", "u", "p", default_status="publish")
    dialog = PublishDialog(registry.list(), "عنوان", preferred_site="ب")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ("ب", "publish")
    dialog.site.setCurrentIndex(0)
    assert dialog.chosen() == ("أ", "pending")


def test_the_sites_dialog_adds_a_ghost_site_with_its_key_and_tests_the_connection(qtbot, library, ghost):
    i18n.apply_language("ar")  # the core's English refusals must read in Arabic here
    dialog = SitesDialog(SiteRegistry(library.database))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("ghost"))
    assert not dialog.username.isVisible() and dialog.admin_url.isVisible() and not dialog.default_category.isVisible()
    assert dialog.password_label.text() == "مفتاح Admin API"
    assert [dialog.default_status.itemData(i) for i in range(dialog.default_status.count())] == ["draft", "publish", "future"]
    dialog.name.setText("غوست")
    dialog.url.setText(ghost.url)
    dialog.password.setText("not a key")
    dialog.save_button.click()
    assert "ليس مفتاح Admin API" in dialog.result.text() and SiteRegistry(library.database).list() == []

    dialog.password.setText(ghost.admin_key)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "الاتصال يعمل" in dialog.result.text(), timeout=30000)
    assert "موقع الاختبار" in dialog.result.text() and dialog.password.text() == ""
    [site] = SiteRegistry(library.database).list()
    assert (site.kind, site.username) == ("ghost", ghost.admin_key.split(":")[0])

    dialog.start_new()
    dialog.kind.setCurrentIndex(dialog.kind.findData("wordpress"))
    assert dialog.username.isVisible() and not dialog.admin_url.isVisible()
    dialog.sites.setCurrentRow(0)  # back to the Ghost site: its kind and fields come back
    assert dialog.kind.currentData() == "ghost" and not dialog.username.isVisible()


def test_the_publish_dialog_offers_only_the_statuses_of_each_sites_kind(qtbot, library):
    registry = SiteRegistry(library.database)
    registry.add("ووردبريس", "https://a.example.com", "u", "p", default_status="pending")
    registry.add("غوست", "https://g.example.com", "", "a" * 24 + ":" + "b" * 64, kind="ghost", default_status="publish")
    dialog = PublishDialog(registry.list(), "عنوان", preferred_site="غوست")
    qtbot.addWidget(dialog)
    statuses = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert statuses == ["", "draft", "publish", "future"] and dialog.chosen() == ("غوست", "publish")
    dialog.site.setCurrentIndex(dialog.site.findText("ووردبريس", flags=Qt.MatchFlag.MatchStartsWith))
    assert "pending" in [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert dialog.chosen() == ("ووردبريس", "pending")


def test_the_outbox_panel_shows_the_sites_error_in_the_windows_language(qtbot, library):
    from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
    from editor_app.core.publishing.errors import SiteUnreachable
    from editor_app.core.publishing.outbox import Outbox
    from editor_app.core.records import ArticleDraft
    from editor_app.ui.publishing.outbox_panel import OutboxPanel

    site = SiteRegistry(library.database).add("غوست", "https://ghost.example.com", "", "a" * 24 + ":" + "b" * 64,
                                              kind="ghost")
    record = library.create(ArticleDraft(title="خبر", body="نص.\n"))
    Outbox(library.database).enqueue(record.id, site.id, "publish", SiteUnreachable(
        Text(QT_TRANSLATE_NOOP("errors", "{url} did not answer in time"), url=site.url)))
    i18n.apply_language("ar")
    panel = OutboxPanel()
    qtbot.addWidget(panel)
    panel.show_entries(Outbox(library.database).entries())
    shown = panel.table.item(0, panel.table.columnCount() - 1).text()
    assert shown == i18n.user_text(Text("{url} did not answer in time", url=site.url)) and "did not answer" not in shown
    assert "https://ghost.example.com" in shown


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
