"""Shows the page at a device's CSS width (desktop, tablet, phone), with zoom.

The view gets exactly width × zoom pixels and a zoom factor of `zoom`, so the page
sees the device's viewport width and its media queries apply as on that device.
When the pane is too narrow, the zoom shrinks to fit instead of cutting the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import QToolBar, QVBoxLayout, QWidget

from editor_app.ui.icons import set_icon
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, translate


@dataclass(frozen=True)
class DevicePreset:
    key: str
    label: str
    css_width: int
    icon: str


PRESETS = (
    DevicePreset("desktop", QT_TRANSLATE_NOOP("device_frame", "سطح المكتب (1200)"), 1200, "mdi6.monitor"),
    DevicePreset("tablet", QT_TRANSLATE_NOOP("device_frame", "لوحي (768)"), 768, "mdi6.tablet"),
    DevicePreset("phone", QT_TRANSLATE_NOOP("device_frame", "هاتف (390)"), 390, "mdi6.cellphone"),
)
ZOOM_STEPS = (0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5)


class DeviceFrame(QWidget):
    def __init__(self, view: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.preset = PRESETS[0]
        self.zoom = 1.0

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
        self.zoom_in_action = set_icon(self.toolbar.addAction(translate("device_frame", "تكبير")),
                                       "mdi6.magnify-plus-outline")
        self.zoom_out_action.triggered.connect(lambda: self.step_zoom(-1))
        self.zoom_in_action.triggered.connect(lambda: self.step_zoom(+1))

        # No layout around the view: a layout would make the view's width the pane's
        # minimum width, and the writer could no longer narrow the preview pane.
        self.stage = _Stage(self._apply, self)
        view.setParent(self.stage)
        self.stage.setStyleSheet("background: #d9d9de;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stage, 1)

    def set_preset(self, key: str) -> None:
        self.preset = next(preset for preset in PRESETS if preset.key == key)
        self.preset_actions[key].setChecked(True)
        self._apply()

    def step_zoom(self, direction: int) -> None:
        steps = list(ZOOM_STEPS)
        nearest = min(range(len(steps)), key=lambda i: abs(steps[i] - self.zoom))
        self.zoom = steps[max(0, min(len(steps) - 1, nearest + direction))]
        self._apply()

    def effective_zoom(self) -> float:
        available = max(1, self.stage.width())
        return min(self.zoom, available / self.preset.css_width)

    def _apply(self) -> None:
        zoom = self.effective_zoom()
        width = max(1, round(self.preset.css_width * zoom))
        left = max(0, (self.stage.width() - width) // 2)
        self.view.setGeometry(left, 0, width, self.stage.height())
        set_zoom = getattr(self.view, "setZoomFactor", None)
        if set_zoom is not None:
            set_zoom(zoom)


class _Stage(QWidget):
    def __init__(self, on_resize, parent: QWidget) -> None:
        super().__init__(parent)
        self._on_resize = on_resize

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._on_resize()

