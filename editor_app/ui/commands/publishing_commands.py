"""Publish: the open article to a site, the outbox, the sites. The work is the publishing
controller's (ui/publishing/controller.py); these are its menu entries."""

from __future__ import annotations

from editor_app.ui.commands import COMMANDS
from editor_app.ui.commands.registry import Command, Menu, with_article
from editor_app.ui.i18n import QT_TRANSLATE_NOOP

COMMANDS.add_menu(Menu("publish", "menus", QT_TRANSLATE_NOOP("menus", "&نشر")))
COMMANDS.add(
    Command("publish.publish", "controller", QT_TRANSLATE_NOOP("controller", "نشر على الموقع…"),
            lambda c: c.window.publishing.publish_current(), "publish", "publish", "Ctrl+Shift+U", "publish",
            when=with_article, toolbar=60),
    Command("publish.outbox", "controller", QT_TRANSLATE_NOOP("controller", "صندوق الإرسال"),
            lambda c: c.window.publishing.dock.toggleViewAction().trigger(), "publish", "publish",
            checked=lambda c: c.window.publishing.dock.toggleViewAction().isChecked(),
            watch=lambda window: [window.publishing.dock.toggleViewAction().toggled]),
    Command("publish.sites", "controller", QT_TRANSLATE_NOOP("controller", "المواقع…"),
            lambda c: c.window.publishing.show_sites(), "publish", "sites"),
)
