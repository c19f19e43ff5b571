"""The metadata panel beside the editor: everything about an article but its text."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.dates import DEFAULT_TIME_ZONE, format_byline_date
from editor_app.core.records import ArticleRecord, StatusChangeRecord
from editor_app.ui import plain_text
from editor_app.ui.article_list.list_model import STATUS_LABELS
from editor_app.ui.editor.counts_label import LimitCounter
from editor_app.ui.metadata.tag_completer import TagCompleter
from editor_app.ui.timers import single_shot_timer
from editor_app.ui.text_direction import follow_content_direction, isolate, isolate_ltr
from editor_app.ui.date_fields import date_time_field
from editor_app.ui.i18n import translate

EDIT_DELAY_MS = 500
EXCERPT_LIMIT = 160
SITE_LOCALES = ("ar", "ar_MA", "ar_EG", "ar_DZ", "ar_TN", "ar_LB", "ar_SA", "ar_AE", "ar_JO", "en")
SAMPLE_DATE = datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)


class MetadataPanel(QScrollArea):
    changed = Signal(dict)  # field → value, ready for Library.update_metadata
    status_requested = Signal(str)
    featured_image_chosen = Signal(str)
    featured_image_removed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadata_panel")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._loading = False
        self._pending: dict = {}
        body = QWidget(self)
        form = QFormLayout()

        self.status = QComboBox(body)
        for value, label in STATUS_LABELS.items():
            self.status.addItem(label, value)
        self.status_history = QLabel(body)
        plain_text.plain(self.status_history)  # names who changed the status: outside text
        self.status_history.setWordWrap(True)
        self.status_history.setObjectName("status_history")
        self.column = QLineEdit(body)
        self.column.setPlaceholderText(translate("panel", "مثال: افتتاحية"))
        self.author = QComboBox(body)
        self.author.setEditable(True)
        self.category = QComboBox(body)
        self.category.setEditable(True)
        self.category.setToolTip(translate("panel", "المستويات مفصولة بـ / مثل: أخبار/أمن وعدالة"))
        self.tags = QLineEdit(body)
        self.tags.setPlaceholderText(translate("panel", "وسوم مفصولة بفواصل"))
        self.tag_completer = TagCompleter(self.tags)
        self.slug = QLineEdit(body)
        self.slug_from_title = QPushButton(translate("panel", "من العنوان"), body)
        self.excerpt = QPlainTextEdit(body)
        self.excerpt.setFixedHeight(80)
        self.excerpt.setTabChangesFocus(True)
        self.excerpt_counter = LimitCounter(EXCERPT_LIMIT, body)
        self.has_date = QCheckBox(translate("panel", "محدد"), body)
        self.has_date.setAccessibleName(translate("panel", "للمقال تاريخ نشر محدد"))
        self.zone_name = DEFAULT_TIME_ZONE  # set by the window from Settings or the default site
        self.published_at = date_time_field(body)
        self.time_zone = QLabel(body)
        self.time_zone.setWordWrap(True)  # a long zone name must not widen the details beyond their pane
        self.locale = QComboBox(body)
        for combo in (self.status, self.author, self.category, self.locale):
            # Long entries elide instead of widening the panel beyond its dock.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        for code in SITE_LOCALES:
            # Isolated: the Latin code and the Arabic date example must not reorder each other.
            self.locale.addItem(f"{isolate_ltr(code)} — {isolate(format_byline_date(SAMPLE_DATE, code))}", code)
        self.image_preview = QLabel(body)
        self.image_preview.setFixedHeight(110)
        self.image_preview.setObjectName("featured_image_preview")
        self.choose_image = QPushButton(translate("panel", "اختيار صورة…"), body)
        self.remove_image = QPushButton(translate("panel", "إزالة"), body)
        self.caption = QLineEdit(body)
        self.caption.setAccessibleName(translate("panel", "تعليق الصورة البارزة"))
        self.caption.setPlaceholderText(translate("panel", "تعليق الصورة"))
        self.notes = QPlainTextEdit(body)
        self.notes.setPlaceholderText(translate("panel", "ملاحظات خاصة بالتحرير: لا تُصدَّر ولا تُنشر"))
        self.notes.setFixedHeight(90)
        self.notes.setTabChangesFocus(True)

        slug_row = QHBoxLayout()
        slug_row.addWidget(self.slug, 1)
        slug_row.addWidget(self.slug_from_title)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.published_at, 1)
        image_buttons = QHBoxLayout()
        image_buttons.addWidget(self.choose_image)
        image_buttons.addWidget(self.remove_image)
        form.addRow(translate("panel", "الحالة"), self.status)
        form.addRow("", self.status_history)
        form.addRow(translate("panel", "عمود"), self.column)
        form.addRow(translate("panel", "الكاتب"), self.author)
        form.addRow(translate("panel", "التصنيف"), self.category)
        form.addRow(translate("panel", "الوسوم"), self.tags)
        form.addRow(translate("panel", "الرابط المختصر"), slug_row)
        form.addRow(translate("panel", "المقتطف"), self.excerpt)
        form.addRow("", self.excerpt_counter)
        form.addRow(translate("panel", "تاريخ النشر"), date_row)
        form.addRow(self.time_zone)  # the whole width: a zone name must fit on one line
        form.addRow(translate("panel", "لغة التاريخ"), self.locale)
        form.addRow(translate("panel", "الصورة البارزة"), self.image_preview)
        form.addRow("", image_buttons)
        form.addRow("", self.caption)
        form.addRow(translate("panel", "ملاحظات"), self.notes)
        # Narrow docks put the field under its label instead of cutting it off at the edge,
        # and long choices (a locale with its date example) do not widen the panel.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for combo in (self.status, self.author, self.category, self.locale):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        layout = QVBoxLayout(body)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setWidget(body)
        follow_content_direction(self.column, self.author, self.category, self.tags, self.slug, self.excerpt,
                                 self.caption, self.notes)

        self._timer = single_shot_timer(self, EDIT_DELAY_MS, self.flush)
        self.column.textEdited.connect(lambda text: self._queue("column", text))
        self.author.currentTextChanged.connect(lambda text: self._queue("author", text))
        self.category.currentTextChanged.connect(lambda text: self._queue("category", text))
        self.tags.textChanged.connect(lambda text: self._queue("tags", text))
        self.slug.editingFinished.connect(lambda: self._queue("slug", self.slug.text(), now=True))
        self.excerpt.textChanged.connect(self._on_excerpt)
        self.has_date.toggled.connect(self._on_date)
        self.published_at.dateTimeChanged.connect(self._on_date)
        self.locale.currentIndexChanged.connect(lambda _i: self._queue("locale", self.locale.currentData()))
        self.caption.textEdited.connect(lambda text: self._queue("featured_caption", text))
        self.notes.textChanged.connect(lambda: self._queue("notes", self.notes.toPlainText()))
        self.status.activated.connect(lambda _i: self.status_requested.emit(self.status.currentData()))
        self.choose_image.clicked.connect(self._choose_image)
        self.remove_image.clicked.connect(self.featured_image_removed)
        self.setEnabled(False)

    # -- loading --------------------------------------------------------------------

    def set_vocabulary(self, authors: list[str], categories: list[str], tags: list[str]) -> None:
        self._loading = True
        for combo, values in ((self.author, authors), (self.category, categories)):
            text = combo.currentText()
            combo.clear()
            combo.addItems(["", *values])
            combo.setCurrentText(text)
        self.tag_completer.set_tags(tags)
        self._loading = False

    def load(self, record: ArticleRecord, history: list[StatusChangeRecord], image: bytes | None) -> None:
        self.flush()
        self._loading = True
        try:
            self.article_id = record.id
            self.status.setCurrentIndex(max(0, self.status.findData(record.status)))
            self.show_history(history)
            self.column.setText(record.column)
            self.author.setCurrentText(record.author or "")
            self.category.setCurrentText(record.category or "")
            self.tags.setText(translate("panel", "، ").join(record.tags))
            self.slug.setText(record.slug)
            self.excerpt.setPlainText(record.excerpt)
            self.excerpt_counter.update_for(record.excerpt)
            self.has_date.setChecked(record.published_at is not None)
            self.published_at.setEnabled(record.published_at is not None)
            moment = record.published_at or datetime.now(timezone.utc)
            self.published_at.setDateTime(QDateTime.fromSecsSinceEpoch(_whole_minute(int(moment.timestamp())), self._zone()))
            self.time_zone.setText(translate("panel", "بتوقيت الموقع ({zone})، ويُحفظ بالتوقيت العالمي").format(
                zone=isolate_ltr(self.zone_name.replace("/", "/\u2060"))))  # kept whole (word joiners), in order
            self.locale.setCurrentIndex(max(0, self.locale.findData(record.locale)))
            self.caption.setText(record.featured_caption)
            self.notes.setPlainText(record.notes)
            self.show_image(image)
        finally:
            self._loading = False
        self.setEnabled(True)

    def set_time_zone(self, name: str) -> None:
        """The date is typed and shown on the site's clock (its byline's), not this machine's."""
        self.zone_name = name
        self.published_at.setTimeZone(self._zone())

    def _zone(self) -> QTimeZone:
        return QTimeZone(self.zone_name.encode("ascii"))

    def show_history(self, history: list[StatusChangeRecord]) -> None:
        if not history:
            self.status_history.setText("")
            return
        last = history[-1]
        when = last.changed_at.astimezone().strftime("%Y/%m/%d %H:%M")
        label = STATUS_LABELS.get(last.to_status, last.to_status)
        self.status_history.setText(translate("panel", "«{status}» — {who}، {when}").format(status=label, who=last.changed_by, when=when))

    def show_image(self, data: bytes | None) -> None:
        if not data:
            self.image_preview.setText(translate("panel", "لا صورة"))
            self.remove_image.setEnabled(False)
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.image_preview.setPixmap(pixmap.scaledToHeight(100))
        self.remove_image.setEnabled(True)

    # -- editing --------------------------------------------------------------------

    def _queue(self, field: str, value, now: bool = False) -> None:
        if self._loading:
            return
        self._pending[field] = value
        if now:
            self.flush()
        else:
            self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        if self._pending:
            changes, self._pending = self._pending, {}
            self.changed.emit(changes)

    def _on_excerpt(self) -> None:
        text = self.excerpt.toPlainText()
        self.excerpt_counter.update_for(text)
        self._queue("excerpt", text)

    def _on_date(self, *_args) -> None:
        self.published_at.setEnabled(self.has_date.isChecked())
        if self.has_date.isChecked():
            seconds = _whole_minute(self.published_at.dateTime().toSecsSinceEpoch())
            self._queue("published_at", datetime.fromtimestamp(seconds, timezone.utc))
        else:
            self._queue("published_at", None)

    def _choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("panel", "اختيار الصورة البارزة"), "", translate("panel", "صور (*.png *.jpg *.jpeg *.gif *.webp)"))
        if path:
            self.featured_image_chosen.emit(path)


def _whole_minute(seconds: int) -> int:
    """The field shows hours and minutes: hidden seconds (from the creation time) must not
    reach the site, 09:30 is 09:30:00."""
    return seconds - seconds % 60
