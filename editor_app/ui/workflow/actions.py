"""The workflow in the window: what its commands do (registered in ui.workflow.commands:
workflow.send, workflow.history, workflow.budget, workflow.board), the notification bell on the
toolbar, and the stage column and filter of the article list (ArticleListModel.placement_source)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QDialog, QToolBar

from editor_app.core.errors import MidadError
from editor_app.core.workflow.assignments import StoryBudget
from editor_app.core.workflow.service import Workflow
from editor_app.ui import plain_text
from editor_app.ui.i18n import translate, user_text
from editor_app.ui.workflow.bell import NotificationBell
from editor_app.ui.workflow.budget_dialog import BudgetDialog
from editor_app.ui.workflow.history_view import HistoryDialog
from editor_app.ui.workflow.labels import placement_label, stage_path
from editor_app.ui.workflow.send_dialog import SendDialog
from editor_app.ui.workflow.stage_board import StageBoard

STAGE_COLUMN = 5  # ArticleListModel.COLUMNS' SortKey.STAGE


class WorkflowActions(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.workflow = Workflow(window.library)
        self.budget = StoryBudget(self.workflow)
        self.bell = NotificationBell(self.workflow, lambda: window.settings.preferences.desktop_notifications, window)
        self.bell.article_requested.connect(self.open_article)
        self.stage_filter = QComboBox(window.list_panel)
        self.stage_filter.setObjectName("stage_filter")
        self.stage_filter.setAccessibleName(translate("workflow", "تصفية حسب المكتب والمرحلة"))
        self.stage_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.stage_filter.setMinimumContentsLength(8)
        self.stage_filter.currentIndexChanged.connect(self._apply_stage_filter)
        model = window.list_panel.model
        model.placement_source = self._placement_labels

    def install(self) -> None:
        toolbar = self.window.findChild(QToolBar, "main_toolbar")
        if toolbar is not None:
            toolbar.addWidget(self.bell)
        layout = self.window.list_panel.layout()
        layout.insertWidget(layout.indexOf(self.window.list_panel.view), self.stage_filter)
        self.refresh_desks()

    # -- the list ---------------------------------------------------------------------

    def _placement_labels(self, article_ids: list[int]) -> dict[int, str]:
        try:
            return {article_id: placement_label(p) for article_id, p in self.workflow.placements(article_ids).items()}
        except MidadError:
            return {}

    def refresh_desks(self) -> None:
        """The filter's desks and stages, and the stage column shown once there are desks."""
        try:
            desks = self.workflow.desks()
        except MidadError:
            return
        current = self.stage_filter.currentData()
        self.stage_filter.blockSignals(True)
        self.stage_filter.clear()
        self.stage_filter.addItem(translate("workflow", "كل المكاتب والمراحل"), None)
        for desk in desks:
            self.stage_filter.addItem(desk.name, f"desk:{desk.id}")
            for stage in desk.stages:
                self.stage_filter.addItem("   " + stage_path(desk.name, stage.name), f"stage:{stage.id}")
        self.stage_filter.setCurrentIndex(max(0, self.stage_filter.findData(current)))
        self.stage_filter.blockSignals(False)
        self.stage_filter.setVisible(bool(desks))
        self.window.list_panel.view.setColumnHidden(STAGE_COLUMN, not desks)

    def _apply_stage_filter(self) -> None:
        kind, _, number = (self.stage_filter.currentData() or "").partition(":")  # "desk:3", "stage:7"
        model = self.window.list_panel.model
        desk_id = int(number) if kind == "desk" else None
        stage_id = int(number) if kind == "stage" else None
        model.set_request(replace(model.request, desk_id=desk_id, stage_id=stage_id))

    # -- commands ------------------------------------------------------------------------

    def _people(self) -> list[tuple[str, str]]:
        if self.workflow.database.engine.dialect.name != "postgresql":
            return []
        from editor_app.core.server.people import People

        try:
            return [(p.login, p.display_name) for p in People(self.workflow.database).list() if not p.disabled]
        except MidadError:
            return []

    def _current(self) -> int | None:
        article_id = self.window.editor.article_id
        if article_id is None:
            self.window.statusBar().showMessage(translate("workflow", "افتح مقالًا أولًا"), 5000)
        return article_id

    def send_current(self) -> None:
        article_id = self._current()
        if article_id is None:
            return
        try:
            desks = self.workflow.desks()
            placement = self.workflow.placement(article_id)
        except MidadError as error:
            self._warn(error)
            return
        self.refresh_desks()  # a chief may have added desks meanwhile
        if not desks:
            plain_text.information(self.window, translate("workflow", "إرسال إلى…"), translate(
                "workflow", "لا مكاتب بعد: يضيفها رئيس التحرير (midad desks add أخبار)."))
            return
        dialog = SendDialog(desks, self._people(), placement, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.send(article_id, *dialog.choice())

    def send(self, article_id: int, stage_id: int, person: str | None, message: str) -> bool:
        self.window.autosave.flush()  # what the writer typed goes with it
        try:
            self.workflow.send(article_id, stage_id, person, message)
        except MidadError as error:
            self._warn(error)
            return False
        placement = self.workflow.placement(article_id)
        self.window.statusBar().showMessage(translate("workflow", "أُرسل إلى {where}").format(
            where=placement_label(placement) if placement else ""), 6000)
        self.window.list_panel.model.refresh_rows([article_id])
        return True

    def show_history(self) -> None:
        article_id = self._current()
        if article_id is None:
            return
        try:
            events = self.workflow.history(article_id)
            title = self.window.library.get(article_id).title
        except MidadError as error:
            self._warn(error)
            return
        HistoryDialog(title, events, self.window).exec()

    def show_budget(self) -> None:
        dialog = BudgetDialog(self.budget, self._people(), self.window)
        dialog.article_started.connect(self.open_article)
        dialog.exec()

    def show_board(self) -> None:
        board = StageBoard(self.window)
        try:
            placements = self.workflow.placements()
            titles = {s.id: s.title for s in self.window.library.summaries_for(list(placements))}
            board.show_board(self.workflow.desks(), placements, titles)
        except MidadError as error:
            self._warn(error)
            return
        board.article_requested.connect(self.open_article)
        board.article_requested.connect(lambda _id: board.accept())
        board.exec()

    def open_article(self, article_id: int) -> None:
        self.window.open_article(article_id)
        panel = self.window.list_panel
        if not panel.select_article(article_id, quietly=True):
            panel.reload(keep_article=article_id)  # new here (a started story): the list shows it

    def _warn(self, error: MidadError) -> None:
        plain_text.warning(self.window, translate("workflow", "سير العمل"), user_text(error))

    def shutdown(self) -> None:
        self.bell.shutdown()


def install_workflow(window: Any) -> WorkflowActions:
    """`window`: the main window (its list panel, editor, autosave, settings and status bar)."""
    actions = WorkflowActions(window)
    actions.install()
    return actions
