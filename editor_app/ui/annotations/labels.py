"""Words for what annotations leave in other places: a revision's note (who accepted whose
suggestion), stored as data by core.annotations.store and worded here in the interface's language."""

from __future__ import annotations

import json

from editor_app.ui.i18n import translate

EXCERPT = 40


def revision_note_text(note: str, decider_name: str = "") -> str:
    """The note of a revision in words; a note that is not a suggestion's is shown as it is."""
    try:
        data = json.loads(note)
    except (TypeError, ValueError):
        return note
    if not isinstance(data, dict) or "accepted" not in data:
        return note
    decider = decider_name or data.get("accepted_by", "")
    parts = []
    for item in data["accepted"]:
        text = " ".join(str(item.get("text", "")).split())
        text = text if len(text) <= EXCERPT else text[:EXCERPT - 1] + "…"
        what = (translate("annotations", "إضافة «{text}»") if item.get("kind") == "insert"
                else translate("annotations", "حذف «{text}»")).format(text=text)
        parts.append(translate("annotations", "قبِل {decider} اقتراح {author}: {what}").format(
            decider=decider, author=item.get("author", ""), what=what))
    return "؛ ".join(parts)
