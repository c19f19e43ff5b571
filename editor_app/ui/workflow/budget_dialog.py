"""The story budget: today's assignments and the late ones (marked), soonest first; plan a
new one (editors; on a newsroom server the server decides) and start writing one, which
opens its new article."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import MidadError
from editor_app.core.workflow.assignments import StoryBudget
from editor_app.core.workflow.records import AssignmentRecord
from editor_app.ui import plain_text
from editor_app.ui.date_fields import date_time_field
from editor_app.ui.i18n import format_moment, translate, user_text
from editor_app.ui.theme import state_colour

ASSIGNMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def local_zone():
    return datetime.now().astimezone().tzinfo


class BudgetDialog(QDialog):
    article_started = Signal(int)

    def __init__(self, budget: StoryBudget, people: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("budget_dialog")
        self.setWindowTitle(translate("workflow", "خطة اليوم"))
        self.budget, self.people = budget, people
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("budget_table")
        self.table.setAccessibleName(translate("workflow", "خطة اليوم"))
        self.table.setHorizontalHeaderLabels([translate("workflow", name) for name in (
            "الموعد", "القصة", "الكاتب", "المكتب", "الطول", "الحالة")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        self.add_button = QPushButton(translate("workflow", "قصة جديدة…"), self)
        self.start_button = QPushButton(translate("workflow", "ابدأ الكتابة"), self)
        self.add_button.clicked.connect(self.add_assignment)
        self.start_button.clicked.connect(self.start_selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.start_selected())
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.start_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(760, 400)
        self.reload()

    def reload(self) -> None:
        try:
            lines = self.budget.today(local_zone())
        except MidadError as error:
            self.summary.setText(user_text(error))
            return
        self.show_lines(lines)

    def show_lines(self, lines: list[AssignmentRecord]) -> None:
        self.table.setRowCount(len(lines))
        late_colour = QBrush(QColor(state_colour("error")))
        for row, line in enumerate(lines):
            deadline = format_moment(line.deadline, translate("workflow", "d MMM، h:mm a")) if line.deadline else ""
            state = (translate("workflow", "متأخرة") if line.late else
                     translate("workflow", "بدأت") if line.article_id else translate("workflow", "لم تبدأ"))
            values = (deadline, line.title, line.person_name or "", line.desk or "",
                      translate("workflow", "{words} كلمة").format(words=line.expected_words) if line.expected_words else "",
                      state)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(ASSIGNMENT_ID_ROLE, line.id)
                if line.late:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setForeground(late_colour)
                self.table.setItem(row, column, item)
        late = sum(line.late for line in lines)
        self.summary.setText(translate("workflow", "{count} قصة، منها {late} متأخرة").format(count=len(lines), late=late))
        if lines:
            self.table.setCurrentCell(0, 0)

    def selected_assignment(self) -> int | None:
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(ASSIGNMENT_ID_ROLE) if item is not None else None

    def start_selected(self) -> None:
        assignment_id = self.selected_assignment()
        if assignment_id is None:
            return
        try:
            record = self.budget.start(assignment_id)
        except MidadError as error:
            plain_text.warning(self, translate("workflow", "خطة اليوم"), user_text(error))
            return
        self.reload()
        self.article_started.emit(record.id)

    def add_assignment(self) -> None:
        desks = [desk.name for desk in self.budget.workflow.desks()]
        form = AssignmentForm(desks, self.people, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.budget.add(**form.values())
        except MidadError as error:
            plain_text.warning(self, translate("workflow", "خطة اليوم"), user_text(error))
            return
        self.reload()


class AssignmentForm(QDialog):
    def __init__(self, desks: list[str], people: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("workflow", "قصة جديدة"))
        self.title = QLineEdit(self)
        self.title.setObjectName("assignment_title")
        self.desk = QComboBox(self)
        self.desk.addItem(translate("workflow", "بلا مكتب"), None)
        for desk in desks:
            self.desk.addItem(desk, desk)
        self.person = QComboBox(self)
        self.person.addItem(translate("workflow", "لا أحد بعد"), None)
        for login, name in people:
            self.person.addItem(name, login)
        self.deadline = date_time_field(self, QDateTime.currentDateTime().addSecs(4 * 3600))
        self.words = QSpinBox(self)
        self.words.setRange(0, 20000)
        self.words.setSingleStep(100)
        self.notes = QLineEdit(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("workflow", "العنوان المؤقت"), self.title)
        form.addRow(translate("workflow", "المكتب"), self.desk)
        form.addRow(translate("workflow", "الكاتب"), self.person)
        form.addRow(translate("workflow", "الموعد"), self.deadline)
        form.addRow(translate("workflow", "الطول المتوقع (كلمات)"), self.words)
        form.addRow(translate("workflow", "ملاحظات"), self.notes)
        form.addRow(buttons)

    def values(self) -> dict:
        moment = self.deadline.dateTime().toPython().replace(tzinfo=local_zone())
        return {"title": self.title.text(), "desk": self.desk.currentData(), "person": self.person.currentData(),
                "deadline": moment, "expected_words": self.words.value(), "notes": self.notes.text()}

