"""Shows the page at the pane's width or at a device's CSS width (desktop, tablet, phone), with zoom.

"Fit width" (the default) lays the page out at the pane's width divided by the zoom, as
a responsive site shows itself in a window that size: the text stays readable however
narrow the pane, and zoom makes it larger or smaller. A device preset gives the view
width × zoom pixels and a zoom factor of `zoom`, so the page sees the device's viewport
width and its media queries apply as on that device. Until the writer zooms, a device
page is shrunk to the pane (the whole page at a glance); zooming then sets the size,
and a page wider than the pane scrolls sideways. Clicking the percentage goes back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QToolBar, QToolButton, QVBoxLayout, QWidget

from editor_app.ui.icons import set_icon
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, format_number, translate


@dataclass(frozen=True)
class DevicePreset:
    key: str
    label: str
    css_width: int | None  # None: the pane's own width
    icon: str


PRESETS = (
    DevicePreset("fit", QT_TRANSLATE_NOOP("device_frame", "ملء العرض"), None, "mdi6.arrow-expand-horizontal"),
    DevicePreset("desktop", QT_TRANSLATE_NOOP("device_frame", "سطح المكتب (1200)"), 1200, "mdi6.monitor"),
    DevicePreset("tablet", QT_TRANSLATE_NOOP("device_frame", "لوحي (768)"), 768, "mdi6.tablet"),
    DevicePreset("phone", QT_TRANSLATE_NOOP("device_frame", "هاتف (390)"), 390, "mdi6.cellphone"),
)
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0)


class DeviceFrame(QWidget):
    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.preset = PRESETS[0]
        self.zoom = 1.0
        self.shrink_to_pane = True  # a device page, until the writer zooms

        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("preview_toolbar")
        self.toolbar.setIconSize(self.toolbar.iconSize() * 0.8)
        group = QActionGroup(self)
        self.preset_actions: dict[str, QAction] = {}
        for preset in PRESETS:
            action = set_icon(QAction(translate("device_frame", preset.label), self), preset.icon)
            action.setCheckable(True)
            action.setChecked(preset is self.preset)
            action.triggered.connect(lambda _checked=False, chosen=preset: self.set_preset(chosen.key))
            group.addAction(action)
            self.toolbar.addAction(action)
            self.preset_actions[preset.key] = action
        self.toolbar.addSeparator()
        self.zoom_out_action = set_icon(self.toolbar.addAction(translate("device_frame", "تصغير")),
                                        "mdi6.magnify-minus-outline")
        self.zoom_button = QToolButton(self.toolbar)
        self.zoom_button.setObjectName("preview_zoom")
        self.zoom_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # like the toolbar's other buttons
        self.zoom_button.setToolTip(translate("device_frame", "حجم المعاينة؛ انقر للعودة إلى الحجم الأول"))
        self.zoom_button.clicked.connect(self.reset_zoom)
        self.toolbar.addWidget(self.zoom_button)
        self.zoom_in_action = set_icon(self.toolbar.addAction(translate("device_frame", "تكبير")),
                                       "mdi6.magnify-plus-outline")
        self.zoom_out_action.triggered.connect(lambda: self.step_zoom(-1))
        self.zoom_in_action.triggered.connect(lambda: self.step_zoom(+1))

        # A scroll area, not a layout, around the view: a layout would make the view's
        # width the pane's minimum width, and the writer could no longer narrow the pane.
        self.stage = _Stage(self._apply, self)
        self.stage.setWidget(view)
        self.stage.setStyleSheet("background: #d9d9de;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stage, 1)
        self._show_zoom()

    def set_preset(self, key: str) -> None:
        self.preset = next(preset for preset in PRESETS if preset.key == key)
        self.preset_actions[key].setChecked(True)
        self.reset_zoom()

    def reset_zoom(self) -> None:
        """100% at the pane's width; a device page shrunk to the pane."""
        self.zoom, self.shrink_to_pane = 1.0, True
        self._show_zoom()
        self._apply()

    def step_zoom(self, direction: int) -> None:
        steps = list(ZOOM_STEPS)
        current = self.effective_zoom()
        if direction > 0:
            chosen = next((step for step in steps if step > current + 0.005), steps[-1])
        else:
            chosen = next((step for step in reversed(steps) if step < current - 0.005), steps[0])
        self.set_zoom(chosen)

    def set_zoom(self, zoom: float) -> None:
        self.zoom, self.shrink_to_pane = zoom, False
        self._show_zoom()
        self._apply()

    def effective_zoom(self) -> float:
        if self.preset.css_width is not None and self.shrink_to_pane:
            return min(1.0, max(1, self.stage.width()) / self.preset.css_width)
        return self.zoom

    def css_width(self) -> int:
        """The viewport width the page sees."""
        if self.preset.css_width is None:
            return max(1, round(self.stage.width() / self.zoom))
        return self.preset.css_width

    def _show_zoom(self) -> None:
        self.zoom_button.setText(translate("device_frame", "{percent}٪").format(
            percent=format_number(round(self.effective_zoom() * 100))))

    def _apply(self) -> None:
        zoom = self.effective_zoom()
        available = max(1, self.stage.width())
        width = available if self.preset.css_width is None else max(1, round(self.preset.css_width * zoom))
        height = self.stage.height()
        if width > available:  # the sideways scroll bar takes its height from the page
            height -= self.stage.horizontalScrollBar().sizeHint().height()
        self.view.resize(width, max(1, height))
        set_zoom = getattr(self.view, "setZoomFactor", None)
        if set_zoom is not None:
            set_zoom(zoom)
        self._show_zoom()


class _Stage(QScrollArea):
    def __init__(self, on_resize, parent: QWidget) -> None:
        super().__init__(parent)
        self._on_resize = on_resize
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the page inside takes the focus, not its frame
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        # The page scrolls itself vertically; the stage only sideways, for a page wider than the pane.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The page itself is reached by F6 (pane_navigation); the stage is no stop of its own for Tab.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._on_resize()
