"""Help › Tour: a few steps that point at the window's panes, one at a time.

An overlay dims the window except the pane being explained; a bubble beside it says
what the pane is for. Enter/→ next, Backspace/← back, Esc ends it (keyboard first).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from editor_app.ui.i18n import QT_TRANSLATE_NOOP, format_number, translate

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow

MARGIN = 6


@dataclass(frozen=True)
class TourStep:
    target: str  # attribute path on the window
    title: str
    text: str


STEPS = (
    TourStep("list_panel", QT_TRANSLATE_NOOP("tour", "المقالات"),
             QT_TRANSLATE_NOOP("tour", "كل مقالاتك هنا. ابحث بالكلمات العربية كما تُكتب، ورتّب وصفِّ حسب الحالة "
                                       "والتصنيف والكاتب.")),
    TourStep("editor", QT_TRANSLATE_NOOP("tour", "المحرر"),
             QT_TRANSLATE_NOOP("tour", "اكتب بـ Markdown من اليمين إلى اليسار. يُحفظ نصك تلقائيًا بعد كل توقف، "
                                       "ولا يضيع حتى لو انقطع التيار.")),
    TourStep("preview", QT_TRANSLATE_NOOP("tour", "المعاينة"),
             QT_TRANSLATE_NOOP("tour", "هكذا سيبدو المقال على الموقع، على سطح المكتب أو اللوحي أو الهاتف.")),
    TourStep("metadata_dock", QT_TRANSLATE_NOOP("tour", "بيانات المقال"),
             QT_TRANSLATE_NOOP("tour", "الركن والكاتب والتصنيف والوسوم والصورة البارزة وحالة المقال.")),
    TourStep("main_toolbar", QT_TRANSLATE_NOOP("tour", "الأوامر"),
             QT_TRANSLATE_NOOP("tour", "مقال جديد، تصدير، نشر على الموقع. كل أمر تجده أيضًا في لوحة الأوامر "
                                       "(Ctrl+Shift+P) بالعربية أو الإنجليزية.")),
)


class TourOverlay(QWidget):
    def __init__(self, window: ArticleWindow) -> None:
        super().__init__(window)
        self.setObjectName("tour_overlay")
        self.window_ = window
        self.steps = [step for step in STEPS if self._target(step) is not None and self._target(step).isVisible()]
        self.index = 0
        self.bubble = QFrame(self)
        self.bubble.setObjectName("tour_bubble")
        self.bubble.setFrameShape(QFrame.Shape.StyledPanel)
        self.bubble.setAutoFillBackground(True)
        self.bubble.setAccessibleName(translate("tour", "جولة في الواجهة"))
        self.title = QLabel(self.bubble)
        self.title.setObjectName("tour_title")
        title_font = self.title.font()
        title_font.setBold(True)
        title_font.setPointSize(title_font.pointSize() + 2)
        self.title.setFont(title_font)
        self.text = QLabel(self.bubble)
        self.text.setWordWrap(True)
        self.counter = QLabel(self.bubble)
        self.back_button = QPushButton(translate("tour", "السابق"), self.bubble)
        self.next_button = QPushButton(translate("tour", "التالي"), self.bubble)
        self.skip_button = QPushButton(translate("tour", "إنهاء الجولة"), self.bubble)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.skip_button.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        buttons.addWidget(self.counter)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self.bubble)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.bubble.setFixedWidth(360)
        window.installEventFilter(self)

    def _target(self, step: TourStep) -> QWidget | None:
        if step.target == "main_toolbar":
            return self.window_.findChild(QWidget, "main_toolbar")
        return getattr(self.window_, step.target, None)

    def start(self) -> None:
        if not self.steps:
            self.deleteLater()
            return
        self.setGeometry(self.window_.rect())
        self.show()
        self.raise_()
        self.show_step(0)

    def show_step(self, index: int) -> None:
        self.index = index
        step = self.steps[index]
        self.title.setText(translate("tour", step.title))
        self.text.setText(translate("tour", step.text))
        self.counter.setText(translate("tour", "{step} من {steps}").format(
            step=format_number(index + 1), steps=format_number(len(self.steps))))
        self.back_button.setEnabled(index > 0)
        last = index == len(self.steps) - 1
        self.next_button.setText(translate("tour", "انتهيت") if last else translate("tour", "التالي"))
        self._place_bubble()
        self.update()
        self.next_button.setFocus()

    def target_rect(self) -> QRect:
        target = self._target(self.steps[self.index])
        top_left = target.mapTo(self.window_, target.rect().topLeft())
        return QRect(top_left, target.size()).adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def _place_bubble(self) -> None:
        self.bubble.adjustSize()
        hole = self.target_rect()
        size = self.bubble.size()
        area = self.rect()
        # Inside the pane near its top when it is wide enough, else beside it.
        x = hole.center().x() - size.width() // 2
        y = hole.top() + 60
        x = max(8, min(area.width() - size.width() - 8, x))
        y = max(8, min(area.height() - size.height() - 8, y))
        self.bubble.move(x, y)

    def next(self) -> None:
        if self.index + 1 < len(self.steps):
            self.show_step(self.index + 1)
        else:
            self.finish()

    def back(self) -> None:
        if self.index > 0:
            self.show_step(self.index - 1)

    def finish(self) -> None:
        self.window_.removeEventFilter(self)
        self.hide()
        self.deleteLater()
        self.window_.editor.focus_body()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        key = event.key()
        forward, backward = (Qt.Key.Key_Left, Qt.Key.Key_Right) if self.isRightToLeft() else (Qt.Key.Key_Right, Qt.Key.Key_Left)
        if key == Qt.Key.Key_Escape:
            self.finish()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, forward):
            self.next()
        elif key in (Qt.Key.Key_Backspace, backward):
            self.back()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.window_ and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.window_.rect())
            self._place_bubble()
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shade = QPainterPath()
        shade.addRect(self.rect())
        hole = QPainterPath()
        hole.addRoundedRect(self.target_rect(), 8, 8)
        painter.fillPath(shade.subtracted(hole), QColor(0, 0, 0, 130))
        pen = painter.pen()
        pen.setColor(self.palette().highlight().color())
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawPath(hole)
