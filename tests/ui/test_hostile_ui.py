"""Outside text is shown as written, never as Qt rich text; a broken newsroom template is
said, logged and replaced by the bundled one (issue 22, Medium and Low)."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

import editor_app
from editor_app.core.publishing.sites import SiteRegistry
from editor_app.core.records import ArticleDraft
from editor_app.core.templates import ArticleTemplates, PageOptions
from editor_app.ui import plain_text
from editor_app.ui.preview.controller import PreviewController
from editor_app.ui.publishing.sites_dialog import SitesDialog
from tests.wordpress.fault_proxy import Fault

HOSTILE_MESSAGE = "<h1 style='color:red'>Your password expired</h1><img src='file:///etc/passwd'>"


def test_no_message_box_uses_qts_rich_text_guess():
    """QMessageBox's static helpers show their text as AutoText: only plain_text's are used."""
    package = Path(editor_app.__file__).parent
    offenders = [f"{path.relative_to(package)}:{number}"
                 for path in package.rglob("*.py") if path.name != "plain_text.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if re.search(r"QMessageBox\.(warning|critical|information|question|about)\(", line)]
    assert offenders == []


def test_a_sites_h1_message_is_shown_literally(qtbot, library, wordpress, proxy):
    proxy.fail_next("GET", r"/wp-json/$", Fault.reply(403, json.dumps({"code": "x", "message": HOSTILE_MESSAGE}),
                                                       Content_Type="application/json"))
    dialog = SitesDialog(SiteRegistry(library.database))
    qtbot.addWidget(dialog)
    dialog.name.setText("موقع عدائي")
    dialog.url.setText(proxy.url)
    dialog.username.setText(wordpress.username)
    dialog.password.setText(wordpress.password)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "<h1" in dialog.result.text(), timeout=30000)
    assert dialog.result.textFormat() == Qt.TextFormat.PlainText
    assert "Your password expired</h1>" in dialog.result.text()


@pytest.mark.parametrize("show", [plain_text.warning, plain_text.critical, plain_text.information, plain_text.question])
def test_message_boxes_show_outside_text_literally(qtbot, monkeypatch, show):
    seen = []

    def record(box):
        seen.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    show(None, "مداد", HOSTILE_MESSAGE)
    assert seen == [(Qt.TextFormat.PlainText, HOSTILE_MESSAGE)]


def test_a_title_in_the_publish_dialog_is_plain(qtbot):
    from editor_app.ui.publishing.publish_dialog import PublishDialog

    dialog = PublishDialog([], HOSTILE_MESSAGE)
    qtbot.addWidget(dialog)
    labels = [label for label in dialog.findChildren(QLabel) if "<h1" in label.text()]
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


class _View:
    def __init__(self) -> None:
        self.pages: list[str] = []

    @property
    def has_page(self) -> bool:
        return bool(self.pages)

    def load_page(self, html: str) -> None:
        self.pages.append(html)

    def patch_article(self, article_html: str) -> None:
        self.pages.append(article_html)


def test_a_broken_newsroom_template_is_said_logged_and_replaced(qtbot, library, tmp_path, caplog):
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "article.html").write_text("<html>{% if title %}<h1>{{ title }}</h1></html>", encoding="utf-8")
    view = _View()
    controller = PreviewController(view, ArticleTemplates(folder), PageOptions())
    problems: list[str] = []
    controller.template_problem.connect(problems.append)
    record = library.create(ArticleDraft(title="عنوان المعاينة", body="نص المعاينة"))
    with caplog.at_level(logging.WARNING):
        controller.show(record, immediately=True)
        qtbot.waitUntil(lambda: bool(view.pages and problems), timeout=10000)
    controller.shutdown()
    assert "article.html, line 1" in problems[0] and "syntax error" in problems[0]
    assert "عنوان المعاينة" in view.pages[0]  # the bundled template, not a blank pane
    assert any("article.html" in message for message in caplog.messages)


def test_a_template_cannot_reach_python(library, tmp_path):
    from jinja2.exceptions import SecurityError

    from editor_app.core.templates import article_context

    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "article.html").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    record = library.create(ArticleDraft(title="t", body="b"))
    with pytest.raises(SecurityError):
        ArticleTemplates(folder).render_page(article_context(record), PageOptions())


def test_the_publish_dialog_keeps_the_status_of_a_post_that_exists(qtbot, library):
    from editor_app.ui.publishing.publish_dialog import PublishDialog

    registry = SiteRegistry(library.database)
    registry.add("أ", "https://a.example.com", "u", "p", default_status="draft")
    registry.add("ب", "https://b.example.com", "u", "p", default_status="draft")
    dialog = PublishDialog(registry.list(), "عنوان", preferred_site="أ", linked_sites=frozenset({"أ"}))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == ("أ", None)  # the live post stays live: Publisher keeps its status
    dialog.site.setCurrentIndex(1)
    assert dialog.chosen() == ("ب", "draft")  # a new post: the site's default


def test_enter_in_the_sites_dialog_never_deletes_a_site(qtbot, library):
    """Focus lands on Remove after a connection test; Enter there, then Enter in the question,
    once deleted the site and its password: buttons are not pressed by Enter, and the question's
    default answer keeps the site."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    registry = SiteRegistry(library.database)
    registry.add("الموقع", "https://example.org", "editor", "secret")
    dialog = SitesDialog(registry)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not any(button.autoDefault() for button in
                   (dialog.new_button, dialog.save_button, dialog.test_button, dialog.remove_button))
    dialog.sites.setCurrentRow(0)
    answered = []

    def press_enter_in_the_question():
        box = QApplication.activeModalWidget()
        answered.append(type(box).__name__)
        QTest.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(200, press_enter_in_the_question)
    dialog.remove()
    assert answered == ["QMessageBox"]
    assert [site.name for site in registry.list()] == ["الموقع"]
