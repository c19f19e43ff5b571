"""The notification bell: the count of unread notifications beside the toolbar, a popup list
(newest first; a click opens the article and marks it read), and a desktop notice through
the system tray when the window is not the active one (Settings › Interface can turn it off).

It learns of new notifications from core.workflow.watch (LISTEN midad_workflow on a newsroom
server, a cheap look on a local library) at the change follower's pace."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.core.errors import MidadError
from editor_app.core.workflow.records import NotificationRecord
from editor_app.core.workflow.service import Workflow
from editor_app.core.workflow.watch import NotificationWatcher
from editor_app.ui.i18n import format_moment, translate
from editor_app.ui.icons import icon, set_icon
from editor_app.ui.workflow.labels import describe

POLL_INTERVAL_MS = 250  # as ui.concurrency.change_events: a notice is heard within the second
NOTIFICATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def notification_text(notice: NotificationRecord) -> str:
    when = format_moment(notice.event.created_at, translate("workflow", "d MMM، h:mm a"))
    title = notice.article_title.strip()
    line = describe(notice.event)
    return f"{line}\n{title} · {when}" if title else f"{line}\n{when}"


class NotificationPopup(QFrame):
    """The list under the bell (a popup: it closes when the person clicks elsewhere)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("notification_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.list = QListWidget(self)
        self.list.setObjectName("notification_list")
        self.list.setAccessibleName(translate("workflow", "الإشعارات"))
        self.list.setWordWrap(True)
        self.mark_all = QPushButton(translate("workflow", "تعليم الكل مقروءًا"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.list)
        layout.addWidget(self.mark_all)
        self.resize(380, 360)

    def show_notifications(self, notices: list[NotificationRecord]) -> None:
        self.list.clear()
        if not notices:
            empty = QListWidgetItem(translate("workflow", "لا إشعارات."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        for notice in notices:
            item = QListWidgetItem(notification_text(notice))
            item.setData(NOTIFICATION_ID_ROLE, notice.id)
            item.setData(ARTICLE_ID_ROLE, notice.event.article_id)
            font = item.font()
            font.setBold(not notice.read)
            item.setFont(font)
            self.list.addItem(item)


class NotificationBell(QToolButton):
    article_requested = Signal(int)

    def __init__(self, workflow: Workflow, desktop_notices_wanted: Callable[[], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notification_bell")
        self.workflow = workflow
        self.desktop_notices_wanted = desktop_notices_wanted
        set_icon(self, "mdi6.bell-outline")  # (a placeholder until the first paint: named to be drawn then)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAccessibleName(translate("workflow", "الإشعارات"))
        # Like the toolbar's other buttons, not a Tab stop between the panes: the keyboard opens
        # it with Workflow › Notifications (workflow.notifications in the command registry).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup = NotificationPopup(self)
        self.popup.list.itemActivated.connect(self._open)
        self.popup.list.itemClicked.connect(self._open)
        self.popup.mark_all.clicked.connect(self.mark_all_read)
        self.clicked.connect(self.show_popup)
        self.count = 0
        self.last_desktop_notice = ""  # what the tray was last asked to say (for tests and the log)
        self._tray: QSystemTrayIcon | None = None
        self.watcher: NotificationWatcher | None = None
        try:
            self.watcher = NotificationWatcher(workflow.database, workflow.actor)
        except MidadError:
            self.watcher = None  # the server is away: the next refresh tries again
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_INTERVAL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.refresh()

    def poll(self) -> None:
        try:
            if self.watcher is None:
                self.watcher = NotificationWatcher(self.workflow.database, self.workflow.actor)
            arrived = self.watcher.poll()
        except MidadError:
            return
        if arrived:
            self.refresh(announce=True)

    def refresh(self, announce: bool = False) -> None:
        try:
            count = self.workflow.unread_count()
            newest = self.workflow.notifications(unread_only=True, limit=1) if announce else []
        except MidadError:
            return
        self.count = count
        self.setText(str(count) if count else "")
        self.setToolTip(translate("workflow", "{count} إشعار غير مقروء").format(count=count) if count
                        else translate("workflow", "لا إشعارات جديدة"))
        if newest and self._window_inactive() and self.desktop_notices_wanted():
            self._desktop_notice(newest[0])
        if self.popup.isVisible():
            self._fill_popup()

    def _window_inactive(self) -> bool:
        window = self.window()
        return window is None or not window.isActiveWindow()

    def _desktop_notice(self, notice: NotificationRecord) -> None:
        self.last_desktop_notice = notification_text(notice)
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return  # no tray on this desktop (or offscreen): the bell alone says it
        if self._tray is None:
            self._tray = QSystemTrayIcon(icon("app"), self)
            self._tray.messageClicked.connect(lambda: self._bring_up(notice.event.article_id))
        self._tray.show()
        self._tray.showMessage(translate("workflow", "مداد"), self.last_desktop_notice,
                               QSystemTrayIcon.MessageIcon.Information, 8000)

    def _bring_up(self, article_id: int | None) -> None:
        window = self.window()
        window.showNormal()
        window.raise_()
        window.activateWindow()
        if article_id is not None:
            self.article_requested.emit(article_id)

    def show_popup(self) -> None:
        self._fill_popup()
        below = self.mapToGlobal(self.rect().bottomLeft())
        self.popup.move(below)
        self.popup.show()
        self.popup.list.setFocus()

    def _fill_popup(self) -> None:
        try:
            self.popup.show_notifications(self.workflow.notifications(limit=50))
        except MidadError:
            pass

    def _open(self, item: QListWidgetItem) -> None:
        notification_id, article_id = item.data(NOTIFICATION_ID_ROLE), item.data(ARTICLE_ID_ROLE)
        if notification_id is None:
            return
        try:
            self.workflow.mark_read([notification_id])
        except MidadError:
            pass
        self.popup.hide()
        self.refresh()
        if article_id is not None:
            self.article_requested.emit(article_id)

    def mark_all_read(self) -> None:
        try:
            self.workflow.mark_read()
        except MidadError:
            pass
        self.refresh()

    def shutdown(self) -> None:
        self._timer.stop()
        if self.watcher is not None:
            self.watcher.close()
        if self._tray is not None:
            self._tray.hide()

