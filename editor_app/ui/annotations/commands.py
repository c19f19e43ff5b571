"""Comments and suggestions in the window's command registry (ui.commands): Edit › Comment on
selection (Ctrl+Alt+M), Suggest mode (Ctrl+Shift+E, Word's key for track changes), Accept all,
Reject all. The work is ui.annotations.controller's and pane's (installed by ui.annotations.actions)."""

from __future__ import annotations

from editor_app.ui.commands import COMMANDS, Command, with_article
from editor_app.ui.i18n import QT_TRANSLATE_NOOP


def _suggesting(context) -> bool:
    controller = getattr(context.window, "annotation_controller", None)
    return controller is not None and controller.suggesting


def _toggle_suggesting(context) -> None:
    context.window.annotation_controller.set_suggesting(not _suggesting(context))


COMMANDS.add(
    Command("annotations.comment", "annotations", QT_TRANSLATE_NOOP("annotations", "تعليق على التحديد"),
            lambda c: c.window.annotation_pane.start_comment(), "edit", "annotations", shortcut="Ctrl+Alt+M",
            icon="mdi6.comment-plus-outline", when=with_article),
    Command("annotations.suggest_mode", "annotations", QT_TRANSLATE_NOOP("annotations", "وضع الاقتراح"),
            _toggle_suggesting, "edit", "annotations", shortcut="Ctrl+Shift+E", icon="mdi6.file-document-edit-outline",
            when=with_article, checked=_suggesting,
            tip=QT_TRANSLATE_NOOP("annotations", "ما تكتبه أو تحذفه يُسجَّل اقتراحًا لا يغيّر النص حتى يُقبل"),
            watch=lambda window: [window.annotation_controller.suggesting_changed]),
    Command("annotations.accept_all", "annotations", QT_TRANSLATE_NOOP("annotations", "قبول كل الاقتراحات"),
            lambda c: c.window.annotation_controller.decide(None, True), "edit", "annotations", when=with_article),
    Command("annotations.reject_all", "annotations", QT_TRANSLATE_NOOP("annotations", "رفض كل الاقتراحات"),
            lambda c: c.window.annotation_controller.decide(None, False), "edit", "annotations", when=with_article),
)
