"""View › Preview: the preview's device widths, its zoom and remote media, also from the menu
and the palette (the preview's own toolbar has the same buttons). The web preview makes its
frame when its engine starts, after the window's first paint: until then these are disabled;
without QtWebEngine (the text preview) they are hidden."""

from __future__ import annotations

from editor_app.ui.commands import COMMANDS
from editor_app.ui.commands.registry import Command, CommandContext, Menu
from editor_app.ui.i18n import QT_TRANSLATE_NOOP
from editor_app.ui.preview.device_frame import PRESETS


def _web(context: CommandContext) -> bool:
    return hasattr(context.window.preview, "engine_started")


def _started(context: CommandContext) -> bool:
    return bool(getattr(context.window.preview, "engine_started", False))


def _frame(context: CommandContext):
    return context.window.preview.frame


def _preset(key: str, label: str) -> Command:
    return Command(f"preview.{key}", "device_frame", label, lambda c: _frame(c).set_preset(key), "view.preview",
                   "devices", when=_started, visible=_web,
                   checked=lambda c: _started(c) and _frame(c).preset.key == key)


def _watch(window):
    preview = window.preview
    return [preview.engine_ready, preview.remote_media_changed] if hasattr(preview, "engine_ready") else []


def _toggle_remote_media(context: CommandContext) -> None:
    context.window.preview.remote_media_action.trigger()


COMMANDS.add_menu(Menu("view.preview", "menus", QT_TRANSLATE_NOOP("menus", "المعاينة"), parent="view"))
COMMANDS.add(
    *[_preset(preset.key, preset.label) for preset in PRESETS],
    Command("preview.zoom_in", "menus", QT_TRANSLATE_NOOP("menus", "تكبير المعاينة"), lambda c: _frame(c).step_zoom(+1),
            "view.preview", "zoom", when=_started, visible=_web, icon="mdi6.magnify-plus-outline", watch=_watch),
    Command("preview.zoom_out", "menus", QT_TRANSLATE_NOOP("menus", "تصغير المعاينة"), lambda c: _frame(c).step_zoom(-1),
            "view.preview", "zoom", when=_started, visible=_web, icon="mdi6.magnify-minus-outline"),
    Command("preview.remote_media", "web_preview", QT_TRANSLATE_NOOP("web_preview", "السماح بالصور والفيديو من الإنترنت"),
            _toggle_remote_media, "view.preview", "media", when=_started, visible=_web,
            checked=lambda c: _started(c) and c.window.preview.remote_media_action.isChecked()),
)
