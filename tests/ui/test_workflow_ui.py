"""The workflow in the window (pytest-qt, offscreen): the stage column and filter of the list,
"Send to…", the bell and its desktop notice, the history and the story budget."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QDialog

from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database
from editor_app.core.workflow.assignments import StoryBudget
from editor_app.core.workflow.service import Workflow
from editor_app.ui.workflow.actions import STAGE_COLUMN
from editor_app.ui.workflow.budget_dialog import BudgetDialog
from editor_app.ui.workflow.history_view import HistoryDialog
from editor_app.ui.workflow.send_dialog import SendDialog
from editor_app.ui.workflow.stage_board import StageBoard


def desk_window(open_window):
    window = open_window()
    workflow = window.workflow.workflow
    workflow.add_desk("أخبار")
    window.workflow.refresh_desks()
    return window, workflow


def test_the_list_shows_and_filters_by_desk_and_stage(open_window, qtbot):
    window = open_window()
    assert window.list_panel.view.isColumnHidden(STAGE_COLUMN)  # no desks: nothing to show
    assert not window.workflow.stage_filter.isVisibleTo(window)
    workflow = window.workflow.workflow
    workflow.add_desk("أخبار")
    window.workflow.refresh_desks()
    assert not window.list_panel.view.isColumnHidden(STAGE_COLUMN)
    first = window.library.create(ArticleDraft(title="الأول"))
    second = window.library.create(ArticleDraft(title="الثاني"))
    workflow.send(first.id, workflow.find_stage("أخبار/تحرير").id)
    workflow.send(second.id, workflow.find_stage("أخبار/تدقيق").id, person="huda")
    model = window.list_panel.model
    qtbot.waitUntil(lambda: model.row_of(second.id) is not None and model.row_of(first.id) is not None)
    model.reload()
    label = model.data(model.index(model.row_of(second.id), STAGE_COLUMN))
    assert label == "أخبار › تدقيق · huda"
    combo = window.workflow.stage_filter
    combo.setCurrentIndex(combo.findData(f"stage:{workflow.find_stage('أخبار/تحرير').id}"))
    assert [model.article_id_at(row) for row in range(model.rowCount())] == [first.id]
    combo.setCurrentIndex(combo.findData(f"desk:{workflow.desks()[0].id}"))
    assert {model.article_id_at(row) for row in range(model.rowCount())} == {first.id, second.id}


def test_send_to_moves_the_open_article_and_the_history_shows_it(open_window, qtbot):
    window, workflow = desk_window(open_window)
    window.new_article()
    window.editor.title_edit.setText("تحقيق الميناء")
    window.editor.body_edit.setPlainText("مسودة لم تُحفظ بعد")
    article_id = window.editor.article_id
    dialog = SendDialog(workflow.desks(), [("huda", "هدى المحررة")], None, window)
    assert dialog.stage.count() == 5 and "محرر" in dialog.stage.itemText(3)  # «جاهز (محرر)»
    dialog.stage.setCurrentIndex(1)
    dialog.person.setCurrentIndex(1)
    dialog.message.setPlainText("للمراجعة")
    assert dialog.choice() == (workflow.find_stage("أخبار/تحرير").id, "huda", "للمراجعة")
    assert window.workflow.send(article_id, *dialog.choice())
    assert workflow.placement(article_id).stage.name == "تحرير"
    assert "أخبار › تحرير · huda" in window.statusBar().currentMessage()
    assert window.library.get(article_id).body == "مسودة لم تُحفظ بعد"  # the text went with it
    again = SendDialog(workflow.desks(), [], workflow.placement(article_id), window)
    assert again.stage.currentData() == workflow.find_stage("أخبار/تدقيق").id  # the next stage is offered
    assert "تحرير" in again.where.text()
    history = HistoryDialog("تحقيق الميناء", workflow.history(article_id), window)
    (line,) = [history.timeline.item(row).text() for row in range(history.timeline.count())]
    assert "أخبار › تحرير" in line and "huda" in line and "«للمراجعة»" in line


def test_the_bell_counts_what_others_send_and_notifies_the_desktop_when_inactive(open_window, qtbot, location):
    window, workflow = desk_window(open_window)
    bell = window.workflow.bell
    assert bell.count == 0
    article = window.library.create(ArticleDraft(title="خبر عاجل"))
    other_database = Database(location.database_url)
    try:
        colleague = Workflow(Library(other_database, actor="huda"))
        colleague.library.actor = "huda"
        bell._window_inactive = lambda: True
        colleague.send(article.id, colleague.find_stage("أخبار/تدقيق").id, person=window.library.actor,
                       message="راجع العنوان")
        qtbot.waitUntil(lambda: bell.count == 1, timeout=5000)
        assert bell.text() == "1"
        assert "راجع العنوان" in bell.last_desktop_notice and "خبر عاجل" in bell.last_desktop_notice
        bell.show_popup()
        item = bell.popup.list.item(0)
        assert item.font().bold()
        with qtbot.waitSignal(bell.article_requested) as opened:
            bell._open(item)
        assert opened.args == [article.id] and bell.count == 0
        # Opted out in Settings: the bell counts, the desktop is left alone.
        window.settings.update(desktop_notifications=False)
        bell.last_desktop_notice = ""
        colleague.post_event(article.id, "mentioned", window.library.actor, {"excerpt": "@أنت"})
        qtbot.waitUntil(lambda: bell.count == 1, timeout=5000)
        assert bell.last_desktop_notice == ""
    finally:
        other_database.close()


def test_the_budget_marks_late_stories_and_starting_one_opens_its_article(open_window, qtbot):
    window, workflow = desk_window(open_window)
    budget = StoryBudget(workflow)
    now = datetime.now(timezone.utc)
    budget.add("أسعار القمح", desk="أخبار", deadline=now - timedelta(hours=2))
    budget.add("حوار الوزير", desk="أخبار", deadline=now + timedelta(minutes=30), expected_words=700)
    dialog = BudgetDialog(budget, [], window)
    assert dialog.table.rowCount() == 2
    late_row = [dialog.table.item(0, column).text() for column in range(6)]
    assert late_row[1] == "أسعار القمح" and late_row[5] == "متأخرة" and dialog.table.item(0, 1).font().bold()
    assert dialog.table.item(1, 4).text() == "700 كلمة" and not dialog.table.item(1, 1).font().bold()
    assert "1 متأخرة" in dialog.summary.text()
    dialog.table.setCurrentCell(1, 0)
    with qtbot.waitSignal(dialog.article_started) as started:
        dialog.start_selected()
    article_id = started.args[0]
    assert window.library.get(article_id).title == "حوار الوزير"
    assert workflow.placement(article_id).stage.name == "كتابة"
    window.workflow.open_article(article_id)
    assert window.editor.article_id == article_id


def test_the_board_groups_articles_by_desk_and_stage(open_window, qtbot):
    window, workflow = desk_window(open_window)
    for title, stage in (("أ", "تحرير"), ("ب", "تحرير"), ("ج", "جاهز")):
        article = window.library.create(ArticleDraft(title=title))
        workflow.send(article.id, workflow.find_stage(f"أخبار/{stage}").id)
    board = StageBoard(window)
    placements = workflow.placements()
    board.show_board(workflow.desks(), placements,
                     {s.id: s.title for s in window.library.summaries_for(list(placements))})
    desk = board.tree.topLevelItem(0)
    stages = [desk.child(i).text(0) for i in range(desk.childCount())]
    assert stages == ["كتابة (0)", "تحرير (2)", "تدقيق (0)", "جاهز (1)", "منشور (0)"]
    assert sorted(desk.child(1).child(i).text(0) for i in range(2)) == ["أ", "ب"]
    assert board.result() == QDialog.DialogCode.Rejected  # never shown modally in the test


def test_desktop_notifications_are_opted_out_in_settings(qtbot, tmp_path):
    from editor_app.core.settings import Preferences, Settings
    from editor_app.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(Preferences(), [])
    qtbot.addWidget(dialog)
    assert dialog.desktop_notifications.isChecked()
    dialog.desktop_notifications.setChecked(False)
    assert dialog.changes() == {"desktop_notifications": False}
    settings = Settings(tmp_path)
    settings.update(**dialog.changes())
    settings.save()
    assert Settings(tmp_path).preferences.desktop_notifications is False


def test_the_deadline_reads_year_to_minute_in_the_arabic_window(qtbot):
    """A right-to-left QDateTimeEdit reversed its sections: 3:46 PM showed as «م 46:3 2/12/2026»."""
    from PySide6.QtCore import QDate, QDateTime, QTime, Qt
    from PySide6.QtWidgets import QApplication

    from editor_app.ui.workflow.budget_dialog import AssignmentForm

    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        form = AssignmentForm(["أخبار"], [])
        qtbot.addWidget(form)
        form.deadline.setDateTime(QDateTime(QDate(2026, 12, 2), QTime(15, 46)))
        assert form.deadline.text() == "2026/12/02 15:46"
        assert form.deadline.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        QApplication.instance().setLayoutDirection(Qt.LayoutDirection.LeftToRight)
