"""Who created, changed and saved what: the acting person (Database.actor, put in each session's
info by Database.transaction) stamped on articles and revisions as they are flushed.

On SQLite this is the only record of who did it (the OS login); on a newsroom server the
server's triggers overwrite it with current_user (core.server.security), so a client cannot
claim another name there.
"""

from __future__ import annotations

from sqlalchemy import event
from sqlalchemy.orm import Session

from editor_app.core.models import Article, Revision


@event.listens_for(Article, "before_insert")
def _stamp_new_article(_mapper, _connection, article: Article) -> None:
    actor = Session.object_session(article).info.get("actor", "")
    article.created_by = article.created_by or actor
    article.updated_by = actor


@event.listens_for(Article, "before_update")
def _stamp_changed_article(_mapper, _connection, article: Article) -> None:
    article.updated_by = Session.object_session(article).info.get("actor", article.updated_by)


@event.listens_for(Revision, "before_insert")
def _stamp_revision(_mapper, _connection, revision: Revision) -> None:
    revision.created_by = revision.created_by or Session.object_session(revision).info.get("actor", "")
