"""The workflow's commands in the window's registry (ui.commands): a «سير العمل» menu before
Help, "Send to…" on the toolbar. The work is ui.workflow.actions.WorkflowActions'."""

from __future__ import annotations

from editor_app.ui.commands import COMMANDS, Command, Menu, with_article
from editor_app.ui.i18n import QT_TRANSLATE_NOOP

COMMANDS.add_menu(Menu("workflow", "workflow", QT_TRANSLATE_NOOP("workflow", "&سير العمل")), before="help")
COMMANDS.add(
    Command("workflow.send", "workflow", QT_TRANSLATE_NOOP("workflow", "إرسال إلى…"),
            lambda c: c.window.workflow.send_current(), "workflow", "article", icon="mdi6.send-outline",
            when=with_article, toolbar=70),
    Command("workflow.history", "workflow", QT_TRANSLATE_NOOP("workflow", "مسار المقال"),
            lambda c: c.window.workflow.show_history(), "workflow", "article", icon="mdi6.timeline-text-outline",
            when=with_article),
    Command("workflow.notifications", "workflow", QT_TRANSLATE_NOOP("workflow", "الإشعارات"),
            lambda c: c.window.workflow.bell.show_popup(), "workflow", "newsroom", icon="mdi6.bell-outline"),
    Command("workflow.budget", "workflow", QT_TRANSLATE_NOOP("workflow", "خطة اليوم"),
            lambda c: c.window.workflow.show_budget(), "workflow", "newsroom", icon="mdi6.calendar-clock"),
    Command("workflow.board", "workflow", QT_TRANSLATE_NOOP("workflow", "المكاتب والمراحل"),
            lambda c: c.window.workflow.show_board(), "workflow", "newsroom", icon="mdi6.view-column-outline"),
)
