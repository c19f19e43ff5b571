"""An accept made offline that the server refused: its text change already travelled with the
article (the articles sync before the comments), so it is taken back here as a new revision,
which the next round pushes. The words are found again by their anchor (core.annotations.anchors);
words no longer where they were (edited since) are left alone: the notification says what
was refused, and nothing typed since is thrown away."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from editor_app.core import revisions as revision_rules
from editor_app.core.annotations.anchors import Anchor, relocated
from editor_app.core.annotations.tables import SuggestionKind
from editor_app.core.models import Article, Revision, RevisionReason, utc_now
from editor_app.core.search import search_index_for


def undo_accepted_text(session: Session, row: dict) -> bool:
    """True when the body was given back its text from before the accept."""
    article = session.get(Article, row["article_id"])
    if article is None:
        return False
    body, quote = article.body, row["quote"]
    if row["kind"] == SuggestionKind.INSERT.value:
        found = relocated(Anchor(row["anchor_start"], row["anchor_start"] + len(quote), quote,
                                 row["context_before"], row["context_after"]), body)
        if found.orphaned or body[found.start:found.end] != quote:
            return False
        new_body = body[:found.start] + body[found.end:]
    else:  # a deletion: its words go back between the context they had
        point = relocated(Anchor(row["anchor_start"], row["anchor_start"], "", row["context_before"],
                                 row["context_after"]), body)
        if point.orphaned:
            return False
        new_body = body[:point.start] + quote + body[point.start:]
    article.body, article.updated_at = new_body, utc_now()
    session.flush()
    search_index_for(session.get_bind().dialect.name).update(session, article)
    session.add(Revision(article_id=article.id, reason=RevisionReason.SUGGESTION.value, status=article.status,
                         title=article.title, body=new_body, word_count=revision_rules.word_count(new_body),
                         created_at=utc_now(), note=json.dumps({"accepted": [], "undone": [
                             {"suggestion": row["uuid"], "kind": row["kind"], "text": quote}]}, ensure_ascii=False)))
    return True
