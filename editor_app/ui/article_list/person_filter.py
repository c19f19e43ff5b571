"""The list's filter by person on a newsroom server: «مقالاتي», «المسندة إليّ», or one person's."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from editor_app.core.library import Library
from editor_app.core.server.people import People
from editor_app.ui.i18n import translate

MINE, ASSIGNED, BY = "mine", "assigned", "by"


def fill_person_filter(combo: QComboBox, library: Library) -> None:
    """Everyone the server lists, keeping the current choice (people change rarely: read on refresh)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(translate("panel", "الجميع"), None)
    combo.addItem(translate("panel", "مقالاتي"), (MINE, library.actor))
    combo.addItem(translate("panel", "المسندة إليّ"), (ASSIGNED, library.actor))
    for person in People(library.database).list():
        if person.login != library.actor:
            combo.addItem(translate("panel", "بقلم {name}").format(name=person.display_name), (BY, person.login))
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def person_request(choice: tuple[str, str] | None) -> dict[str, str | None]:
    """The ListQuery fields for a choice of the filter."""
    if choice is None:
        return {"created_by": None, "assigned_to": None}
    kind, login = choice
    return {"created_by": None, "assigned_to": login} if kind == ASSIGNED else {"created_by": login, "assigned_to": None}
