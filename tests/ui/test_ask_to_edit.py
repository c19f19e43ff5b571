"""«اطلب التحرير» answered: two windows, two people on one library (SQLite, then PostgreSQL).
The holder is asked above their editor; handing over saves their text first and gives the
asker the article; declining keeps it and tells the asker."""

from __future__ import annotations

import pytest

from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from tests.ui.typing import type_text

pytestmark = pytest.mark.both_engines

BODY = "الفقرة الأولى.\n\nالفقرة الثانية.\n"


@pytest.fixture
def window_database_url(database_url) -> str:
    return database_url


@pytest.fixture
def two_windows(open_window, database_url):
    from editor_app.core import leases

    database = Database(database_url)
    record = Library(database, actor="b").create(ArticleDraft(title="عنوان", body=BODY))
    database.close()
    windows = []
    for person in ("أمينة", "خالد"):
        leases.set_person_hook(lambda db, person=person: person)
        window = open_window()
        window.list_panel.reload()
        window.open_article(record.id)
        windows.append(window)
    yield (*windows, record)
    leases.set_person_hook(None)


def test_the_holder_hands_the_article_over_after_saving_their_text(two_windows, qtbot):
    amina, khalid, record = two_windows
    assert not amina.follower.leases.read_only and khalid.follower.leases.read_only
    amina.editor.body_edit.setFocus()
    type_text(amina.editor.body_edit, " وسطر أخير")
    typed = amina.editor.body()
    khalid.follower.leases.banner.ask_button.click()
    holder = amina.follower.leases
    qtbot.waitUntil(lambda: holder.ask_banner.isVisible(), timeout=10_000)
    assert "خالد" in holder.ask_banner.label.text()
    holder.ask_banner.hand_over_button.click()
    assert holder.read_only and amina.editor.body_edit.isReadOnly() and not holder.ask_banner.isVisible()
    assert "خالد" in holder.banner.label.text()
    assert amina.library.get(record.id).body == typed  # saved before it was handed over
    asker = khalid.follower.leases
    qtbot.waitUntil(lambda: not asker.read_only, timeout=40_000)  # at its next change event or heartbeat
    assert not khalid.editor.body_edit.isReadOnly() and khalid.editor.body() == typed
    assert asker.banner.isHidden()


def test_the_holder_declines_and_the_asker_is_told(two_windows, qtbot):
    amina, khalid, record = two_windows
    khalid.follower.leases.banner.ask_button.click()
    holder = amina.follower.leases
    qtbot.waitUntil(lambda: holder.ask_banner.isVisible(), timeout=10_000)
    holder.ask_banner.decline_button.click()
    assert not holder.read_only and not holder.ask_banner.isVisible()
    khalid.follower.leases.heartbeat()
    assert "أمينة يواصل تحرير المقال" in khalid.statusBar().currentMessage()
    assert khalid.follower.leases.read_only
