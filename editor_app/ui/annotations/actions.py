"""The window's comment and suggestion actions, in one place: Comment (Ctrl+Alt+M), Suggest
mode (Ctrl+Alt+S), accept/reject all, and the editor's context menu over a suggestion.

`install_annotations(window)` builds the controller and the margin beside the editor and
wires them to the window's autosave; the command registry (ui/commands) can take the
actions over from `window.annotation_actions` by their object names."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

from editor_app.core.annotations.store import Annotations
from editor_app.ui.annotations.controller import AnnotationController
from editor_app.ui.annotations.pane import AnnotationPane
from editor_app.ui.i18n import translate

COMMENT_SHORTCUT = "Ctrl+Alt+M"
SUGGEST_SHORTCUT = "Ctrl+Alt+S"


def attach_annotations(editor, annotations: Annotations, flush=lambda: True) -> tuple[AnnotationController, AnnotationPane]:
    """The controller and the margin for one ArticleEditor (the window, or a test, calls this)."""
    controller = AnnotationController(editor, annotations, flush)
    pane = AnnotationPane(controller, editor)
    pane.hide()  # until an article has something to show: the window's layout is restored without it
    editor.body_row.addWidget(pane)
    editor.body_edit.context_menu_requested.connect(
        lambda menu, cursor: add_suggestion_actions(menu, controller, cursor.position()))
    return controller, pane


def make_actions(parent, controller: AnnotationController, pane: AnnotationPane) -> dict[str, QAction]:
    comment = QAction(translate("annotations", "تعليق على التحديد"), parent)
    comment.setObjectName("comment_action")
    comment.setShortcut(QKeySequence(COMMENT_SHORTCUT))
    comment.triggered.connect(pane.start_comment)
    suggest = QAction(translate("annotations", "وضع الاقتراح"), parent)
    suggest.setObjectName("suggest_mode_action")
    suggest.setCheckable(True)
    suggest.setShortcut(QKeySequence(SUGGEST_SHORTCUT))
    suggest.toggled.connect(controller.set_suggesting)
    controller.suggesting_changed.connect(suggest.setChecked)
    accept_all = QAction(translate("annotations", "قبول كل الاقتراحات"), parent)
    accept_all.setObjectName("accept_all_action")
    accept_all.triggered.connect(lambda: controller.decide(None, True))
    reject_all = QAction(translate("annotations", "رفض كل الاقتراحات"), parent)
    reject_all.setObjectName("reject_all_action")
    reject_all.triggered.connect(lambda: controller.decide(None, False))
    return {"comment": comment, "suggest": suggest, "accept_all": accept_all, "reject_all": reject_all}


def add_suggestion_actions(menu, controller: AnnotationController, position_qt: int) -> None:
    """Over a suggestion, the context menu offers to accept or reject it."""
    suggestion_id = controller.suggestion_at(position_qt)
    if suggestion_id is None:
        return
    first = menu.actions()[0] if menu.actions() else None
    accept = QAction(translate("annotations", "قبول الاقتراح"), menu)
    accept.triggered.connect(lambda: controller.decide(suggestion_id, True))
    reject = QAction(translate("annotations", "رفض الاقتراح"), menu)
    reject.triggered.connect(lambda: controller.decide(suggestion_id, False))
    menu.insertAction(first, accept)
    menu.insertAction(first, reject)
    menu.insertSeparator(first)


def install_annotations(window) -> None:
    """Comments and suggestions in the main window: the margin beside the editor, the actions
    in the Edit menu, decisions followed by the autosave and the details."""
    controller, pane = attach_annotations(window.editor, Annotations(window.library), window.autosave.flush)
    actions = make_actions(window, controller, pane)
    for action in actions.values():
        window.addAction(action)  # shortcuts work wherever the focus is
    menu = _edit_menu(window)
    if menu is not None:
        menu.addSeparator()
        for action in actions.values():
            menu.addAction(action)

    def decided(record) -> None:
        window.autosave.loaded(record)
        window._on_record_changed(record)

    controller.text_decided.connect(decided)
    controller.failed.connect(lambda message: window.statusBar().showMessage(message, 10000))
    window.annotation_controller, window.annotation_pane, window.annotation_actions = controller, pane, actions


def _edit_menu(window):
    """The menu bar's second menu (File, Edit, …): until the command registry places actions."""
    menus = [action.menu() for action in window.menuBar().actions() if action.menu() is not None]
    return menus[1] if len(menus) > 1 else None
