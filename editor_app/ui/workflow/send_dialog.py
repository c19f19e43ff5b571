"""«إرسال إلى…»: choose a desk, its stage, optionally a person, and write a message. The
stages a person may not move the article into stay listed (the server has the last word) but
say who may («للمحررين»), so a refusal never surprises."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from editor_app.core.workflow.records import DeskRecord, PlacementRecord
from editor_app.ui import plain_text
from editor_app.ui.i18n import translate
from editor_app.ui.workflow.labels import ROLE_LABELS, placement_label


class SendDialog(QDialog):
    def __init__(self, desks: list[DeskRecord], people: list[tuple[str, str]], placement: PlacementRecord | None,
                 parent: QWidget | None = None) -> None:
        """`people`: (login, display name) of the newsroom (empty on a library of one)."""
        super().__init__(parent)
        self.setObjectName("send_dialog")
        self.setWindowTitle(translate("workflow", "إرسال إلى…"))
        self.desks = desks
        self.where = QLabel(self)
        plain_text.plain(self.where)
        self.where.setText(translate("workflow", "المقال الآن في: {where}").format(where=placement_label(placement))
                           if placement else translate("workflow", "المقال لم يدخل سير العمل بعد."))
        self.desk = QComboBox(self)
        self.desk.setObjectName("send_desk")
        self.desk.setAccessibleName(translate("workflow", "المكتب"))
        for desk in desks:
            self.desk.addItem(desk.name, desk.id)
        self.stage = QComboBox(self)
        self.stage.setObjectName("send_stage")
        self.stage.setAccessibleName(translate("workflow", "المرحلة"))
        self.person = QComboBox(self)
        self.person.setObjectName("send_person")
        self.person.setAccessibleName(translate("workflow", "إلى شخص"))
        self.person.setEditable(True)  # a login may be typed (a library of one, or an offline copy, lists nobody)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.addItem(translate("workflow", "لا أحد بعينه"), None)
        for login, name in people:
            self.person.addItem(name, login)
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("send_message")
        self.message.setAccessibleName(translate("workflow", "رسالة"))
        self.message.setPlaceholderText(translate("workflow", "ما الذي ينبغي فعله بالمقال؟"))
        self.message.setMaximumHeight(90)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("workflow", "إرسال"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.where)
        form.addRow(translate("workflow", "المكتب"), self.desk)
        form.addRow(translate("workflow", "المرحلة"), self.stage)
        form.addRow(translate("workflow", "إلى"), self.person)
        form.addRow(translate("workflow", "رسالة"), self.message)
        form.addRow(self.buttons)
        self.desk.currentIndexChanged.connect(self._fill_stages)
        if placement is not None:
            self.desk.setCurrentIndex(max(0, self.desk.findData(placement.stage.desk_id)))
        self._fill_stages()
        if placement is not None:  # the next stage is the usual choice
            here = self.stage.findData(placement.stage.id)
            self.stage.setCurrentIndex(min(here + 1, self.stage.count() - 1) if here >= 0 else 0)
        self.resize(420, 300)

    def _fill_stages(self) -> None:
        self.stage.clear()
        desk = next((d for d in self.desks if d.id == self.desk.currentData()), None)
        for stage in desk.stages if desk else ():
            label = stage.name if stage.required_role == "writer" else translate("workflow", "{stage} ({role})").format(
                stage=stage.name, role=ROLE_LABELS[stage.required_role])
            self.stage.addItem(label, stage.id)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.stage.count() > 0)

    def choice(self) -> tuple[int, str | None, str]:
        """(stage id, person login or None, message)."""
        typed = self.person.currentText().strip()
        index = self.person.findText(typed)
        person = self.person.itemData(index) if index >= 0 else (typed or None)
        return self.stage.currentData(), person, self.message.toPlainText().strip()
