"""Puts the writer's preferences into effect on the running application and window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.core.arabic import QuoteStyle
from editor_app.core.dates import site_timezone
from editor_app.core.settings import Preferences
from editor_app.core.spelling import SpellChecker, newsroom_words
from editor_app.ui.fonts import ARABIC_FONT_FAMILY
from editor_app.ui.i18n import set_digits
from editor_app.ui.theme import apply_theme

if TYPE_CHECKING:
    from editor_app.ui.window_parts import ArticleWindow


def apply_to_application(preferences: Preferences) -> None:
    """What is shared by every window: the theme and the digits numbers are shown in."""
    apply_theme(preferences.theme)
    set_digits(preferences.digits)


def apply_to_window(window: ArticleWindow, preferences: Preferences, before: Preferences | None = None) -> None:
    changed = (lambda *names: before is None or any(getattr(before, n) != getattr(preferences, n) for n in names))
    editor = window.editor
    body = editor.body_edit
    if changed("editor_font_family", "editor_font_size"):
        font = body.font()
        # The bundled Arabic face stays as the fallback: a Latin-only choice still shapes Arabic.
        font.setFamilies([preferences.editor_font_family, ARABIC_FONT_FAMILY])
        font.setPointSize(preferences.editor_font_size)
        body.setFont(font)
    body.set_line_height(preferences.line_height)
    if before is not None and changed("shortcuts"):  # a new window's commands read them when made
        window.commands.apply_shortcuts(preferences.shortcuts)
    window.commands.refresh()  # the line spacing's check mark
    window.autosave.delay_ms = preferences.autosave_delay_ms
    editor.commands.quote_style = QuoteStyle.GUILLEMETS if preferences.quote_style == "guillemets" else QuoteStyle.CURLY
    # A new window (before None) has its checker already; the newsroom's word list lives with its templates.
    if before is not None and changed("spell_arabic", "spell_latin", "template_folder"):
        data_dir = editor.spelling.data_dir if editor.spelling is not None else None
        editor.set_spelling(SpellChecker((preferences.spell_arabic, preferences.spell_latin), data_dir=data_dir,
                                         newsroom_words=newsroom_words(preferences.template_folder)))
    if changed("time_zone", "default_site"):  # bylines in the site's zone, not this machine's
        window.preview_controller.zone = site_timezone(window.byline_zone())
        window.metadata.set_time_zone(window.byline_zone())
        if before is not None:
            window.preview_controller.reload_page()
    if changed("template_folder", "digits"):
        folder = Path(preferences.template_folder) if preferences.template_folder else None
        from editor_app.core.templates import ArticleTemplates  # Jinja2 and the ORM: not before the first paint

        window.preview_controller.set_templates(ArticleTemplates(folder, digits=preferences.digits))
    if before is not None and before.theme != preferences.theme:
        window.on_theme_changed()
    if preferences.default_site and not window.publishing.last_site:
        window.publishing.last_site = preferences.default_site
    window.counts_label.schedule(editor.body, immediately=True)
