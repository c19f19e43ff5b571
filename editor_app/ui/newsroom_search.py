"""Find older articles in the newsroom (those outside this copy's last N days): a search on the
server; opening a result fetches it into this copy (kept in step from then on) and opens it.
Offline, the dialog says why nothing can be fetched now; the copy's own articles stay searchable
in the list as always."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from editor_app.core.errors import MidadError
from editor_app.core.sync.engine import ServerOffline
from editor_app.core.sync.on_demand import ServerHit
from editor_app.ui.i18n import translate, user_text
from editor_app.ui.tasks import BackgroundRunner

if TYPE_CHECKING:
    from editor_app.core.sync.engine import SyncEngine
    from editor_app.ui.window_parts import ArticleWindow

UUID_ROLE = Qt.ItemDataRole.UserRole


class NewsroomSearchDialog(QDialog):
    def __init__(self, window: ArticleWindow, engine: SyncEngine) -> None:
        super().__init__(window)
        self.setObjectName("newsroom_search")
        self.setWindowTitle(translate("newsroom_search", "البحث في أرشيف غرفة الأخبار"))
        self.window_, self.engine = window, engine
        # Its own worker: a search must not wait behind (or cancel) a sync round.
        self.runner = BackgroundRunner("newsroom-search", self)
        explanation = QLabel(translate(
            "newsroom_search", "نسختك تضم مقالات آخر {days} يومًا. ابحث هنا عن الأقدم منها؛ "
            "ما تفتحه يُجلب إلى نسختك ويبقى متزامنًا.").format(days=engine.days), self)
        explanation.setWordWrap(True)
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(translate("newsroom_search", "كلمات البحث"))
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton(translate("newsroom_search", "ابحث"), self)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.search_button)
        self.results = QListWidget(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = buttons.addButton(translate("newsroom_search", "افتح"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.search_button.clicked.connect(self.search)
        self.query.returnPressed.connect(self.search)
        self.open_button.clicked.connect(self.open_selected)
        self.results.itemActivated.connect(lambda _item: self.open_selected())
        self.results.currentItemChanged.connect(lambda item, _old: self.open_button.setEnabled(item is not None))
        self.resize(620, 460)

    def search(self) -> None:
        query = self.query.text().strip()
        if not query:
            return
        self.message.setText(translate("newsroom_search", "جارٍ البحث في غرفة الأخبار…"))
        engine = self.engine
        self.runner.run(lambda: engine.search_server(query), self._found, self._failed)

    def _found(self, hits: list[ServerHit]) -> None:
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(hit.title or translate("newsroom_search", "(بلا عنوان)"), self.results)
            item.setData(UUID_ROLE, hit.uuid)
            item.setToolTip(hit.snippet)
        if hits:
            self.results.setCurrentRow(0)
            self.message.setText(translate("newsroom_search", "اختر مقالًا وافتحه لجلبه إلى نسختك"))
        else:
            self.message.setText(translate("newsroom_search", "لا مقالات أخرى في غرفة الأخبار تطابق البحث"))

    def open_selected(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        uuid = item.data(UUID_ROLE)
        self.message.setText(translate("newsroom_search", "جارٍ جلب المقال من غرفة الأخبار…"))
        engine = self.engine
        self.runner.run(lambda: engine.fetch(uuid), self._fetched, self._failed)

    def _fetched(self, article_id: int) -> None:
        window = self.window_
        window.list_panel.reload()
        window.open_article(article_id)
        window.statusBar().showMessage(translate("newsroom_search", "جُلب المقال من غرفة الأخبار إلى نسختك"), 8000)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServerOffline):
            self.message.setText(translate(
                "newsroom_search", "غرفة الأخبار غير متاحة الآن، فلا يمكن جلب المقالات الأقدم. "
                "مقالات نسختك كلها متاحة كالمعتاد؛ أعد المحاولة حين يعود الاتصال."))
        elif isinstance(error, MidadError):
            self.message.setText(user_text(error))
        else:
            self.message.setText(translate("newsroom_search", "تعذّر البحث في غرفة الأخبار: {problem}").format(
                problem=type(error).__name__))

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        self.runner.shutdown(wait=False)
        super().done(result)


def open_newsroom_search(window: ArticleWindow) -> NewsroomSearchDialog | None:
    engine = window.sync_status.engine
    if engine is None:
        return None
    dialog = NewsroomSearchDialog(window, engine)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
