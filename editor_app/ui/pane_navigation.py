"""The keyboard's way round the window: Tab through the controls in reading order, F6
between the panes, and the panes' names for screen readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from editor_app.ui.accessibility import name_fields_from_labels
from editor_app.ui.i18n import translate

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow


class PaneNavigation:
    """Tab walks list → editor → details (right to left in Arabic, left to right in English);
    F6 / Shift+F6 move between the panes, the preview included."""

    def __init__(self, window: ArticleWindow) -> None:
        self.window = window
        name_fields_from_labels(window)
        for pane, name, description in (
            (window.list_panel, translate("main_window", "المقالات"),
             translate("main_window", "البحث في المقالات وقائمتها")),
            (window.editor, translate("main_window", "المحرر"), translate("main_window", "عنوان المقال ونصه بـ Markdown")),
            (window.preview, translate("main_window", "المعاينة"), translate("main_window", "المقال كما سيظهر في الموقع")),
            (window.metadata, translate("main_window", "بيانات المقال"),
             translate("main_window", "الركن والكاتب والتصنيف والوسوم والصورة وحالة النشر")),
        ):
            pane.setAccessibleName(name)
            pane.setAccessibleDescription(description)
        self.order_tab_chain()
        if hasattr(window.preview, "page_loaded"):  # the web view's focus widget appears with its page
            window.preview.page_loaded.connect(self.order_tab_chain)

    def order_tab_chain(self) -> None:
        """Tab goes from the editor to the details. The preview is left out of the Tab chain:
        a web page keeps Tab for its own links (dozens in an article page), so the keyboard
        reaches it with F6, which moves between the panes, as in browsers and office suites."""
        self.preview_focus_widget().setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        QWidget.setTabOrder(self.window.editor.body_edit, self.window.metadata)

    def preview_focus_widget(self) -> QWidget:
        preview = self.window.preview
        if not getattr(preview, "engine_started", True):
            return preview  # asking for its view would start QtWebEngine before the first paint
        content = getattr(preview, "view", None) or getattr(preview, "browser", preview)
        return content.focusProxy() or content

    def panes(self) -> list[QWidget]:
        """The panes in reading order, each by the widget that takes its focus."""
        window = self.window
        panes = [window.list_panel.view, window.editor.body_edit, self.preview_focus_widget()]
        if window.metadata_dock.isVisible():
            panes.append(window.metadata.status)
        return [pane for pane in panes if pane.isVisible()]

    def focus_pane(self, step: int) -> None:
        window = self.window
        panes = self.panes()
        focused = QApplication.focusWidget()
        containers = [window.list_panel, window.editor, window.preview, window.metadata]
        current = next((i for i, pane in enumerate(containers) if focused is not None
                        and (pane is focused or pane.isAncestorOf(focused))), -1)
        panes[(current + step) % len(panes)].setFocus(Qt.FocusReason.TabFocusReason)
