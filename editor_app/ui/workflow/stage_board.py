"""The articles grouped by desk and stage: a tree (desk › stage › article with its person),
each stage with its count, in the desks' and stages' order. Double-click opens an article."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from editor_app.core.workflow.records import DeskRecord, PlacementRecord
from editor_app.core.wording import ARTICLES
from editor_app.ui.i18n import counted, translate
from editor_app.ui.workflow.labels import ROLE_LABELS

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def fill_board(tree: QTreeWidget, desks: list[DeskRecord], placements: dict[int, PlacementRecord],
               titles: dict[int, str]) -> None:
    tree.clear()
    by_stage: dict[int, list[PlacementRecord]] = {}
    for placement in placements.values():
        by_stage.setdefault(placement.stage.id, []).append(placement)
    for desk in desks:
        desk_item = QTreeWidgetItem(tree, [desk.name, ""])
        total = 0
        for stage in desk.stages:
            here = sorted(by_stage.get(stage.id, []), key=lambda p: p.sent_at, reverse=True)
            total += len(here)
            label = translate("workflow", "{stage} ({count})").format(stage=stage.name, count=len(here))
            stage_item = QTreeWidgetItem(desk_item, [label, translate("workflow", "صلاحية: {role}").format(
                role=ROLE_LABELS[stage.required_role])])
            for placement in here:
                title = titles.get(placement.article_id, "").strip() or translate("workflow", "مقال بلا عنوان")
                article_item = QTreeWidgetItem(stage_item, [title, placement.person_name or ""])
                article_item.setData(0, ARTICLE_ID_ROLE, placement.article_id)
                article_item.setToolTip(0, title)
            stage_item.setExpanded(bool(here))
        desk_item.setText(1, counted(total, ARTICLES))
        desk_item.setExpanded(True)


class StageBoard(QDialog):
    article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stage_board")
        self.setWindowTitle(translate("workflow", "المكاتب والمراحل"))
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("stage_tree")
        self.tree.setAccessibleName(translate("workflow", "المقالات حسب المكتب والمرحلة"))
        self.tree.setHeaderLabels([translate("workflow", "المكتب › المرحلة › المقال"), translate("workflow", "الشخص")])
        self.tree.setColumnWidth(0, 330)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(520, 520)

    def show_board(self, desks, placements, titles) -> None:
        fill_board(self.tree, desks, placements, titles)

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        article_id = item.data(0, ARTICLE_ID_ROLE)
        if article_id is not None:
            self.article_requested.emit(article_id)
