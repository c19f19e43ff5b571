"""Comments and suggestions in the window: `install_annotations(window)` builds the controller
and the margin beside the editor and wires them to the window's autosave; the editor's context
menu over a suggestion accepts or rejects it. The menu commands (Comment on selection,
Suggest mode, Accept/Reject all) are in ui.annotations.commands, in the window's registry."""

from __future__ import annotations

from PySide6.QtGui import QAction

from editor_app.core.annotations.notify import post_to_workflow
from editor_app.core.annotations.store import Annotations
from editor_app.ui.annotations.controller import AnnotationController
from editor_app.ui.annotations.pane import AnnotationPane
from editor_app.ui.i18n import translate


def attach_annotations(editor, annotations: Annotations, flush=lambda: True) -> tuple[AnnotationController, AnnotationPane]:
    """The controller and the margin for one ArticleEditor (the window, or a test, calls this)."""
    controller = AnnotationController(editor, annotations, flush)
    pane = AnnotationPane(controller, editor)
    pane.hide()  # until an article has something to show: the window's layout is restored without it
    editor.body_row.addWidget(pane)
    editor.body_edit.context_menu_requested.connect(
        lambda menu, cursor: add_suggestion_actions(menu, controller, cursor.position()))
    return controller, pane


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
    """Comments and suggestions in the main window: the margin beside the editor, decisions
    followed by the autosave and the details. Its commands are in ui.annotations.commands."""
    controller, pane = attach_annotations(window.editor, Annotations(window.library), window.autosave.flush)

    def decided(record) -> None:
        window.autosave.loaded(record)
        window._on_record_changed(record)

    controller.text_decided.connect(decided)
    controller.failed.connect(lambda message: window.statusBar().showMessage(message, 10000))
    window.annotation_controller, window.annotation_pane = controller, pane
    workflow = getattr(getattr(window, "workflow", None), "workflow", None)
    if workflow is not None:
        # Mentions and decisions ring the other person's bell and enter the article's history.
        stop = post_to_workflow(workflow)
        window.destroyed.connect(lambda *_: stop())
