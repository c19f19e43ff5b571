"""Saving a text that may have been overtaken: no lost update, anywhere.

Every save names the version it was written from (`TextBase`). When the stored article
moved on, both sides are merged against that base (core.merge): changes in different
places are combined and saved at once; changes to the same place come back as an
`ArticleConflict` for the writer to settle. Nothing is ever dropped: before a conflict is
settled, both texts are kept as revisions.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.core.errors import EditConflict
from editor_app.core.library import Library
from editor_app.core.merge import ArticleMerge, merge_article
from editor_app.core.models import RevisionReason
from editor_app.core.records import ArticleRecord

# Each retry means yet another save landed between our read and our write: give up
# (EditConflict: the caller tries again later) rather than loop while others save very fast.
MERGE_ATTEMPTS = 10


@dataclass(frozen=True)
class TextBase:
    """What the editor loaded: the version its text was written from, and that text."""

    article_id: int
    version: int
    title: str
    body: str

    @classmethod
    def of(cls, record: ArticleRecord) -> TextBase:
        return cls(record.id, record.version, record.title, record.body)


@dataclass(frozen=True)
class ArticleConflict:
    base: TextBase
    mine: tuple[str, str]  # (title, body)
    theirs: ArticleRecord
    merge: ArticleMerge


@dataclass(frozen=True)
class SaveOutcome:
    record: ArticleRecord | None  # what is stored now (None: a conflict waits, nothing written)
    merged: bool = False  # someone else's changes were merged in: record holds the combined text
    conflict: ArticleConflict | None = None


def save_text(library: Library, base: TextBase, title: str, body: str, *, explicit: bool = False) -> SaveOutcome:
    """Save (title, body) written from `base`, merging with whatever was saved meanwhile."""
    merged = False
    for _attempt in range(MERGE_ATTEMPTS):
        try:
            record = library.save_text(base.article_id, title=title, body=body, explicit=explicit,
                                       base_version=base.version)
            return SaveOutcome(record, merged)
        except EditConflict as error:
            theirs: ArticleRecord = error.theirs
        merge = merge_article((base.title, base.body), (title, body), (theirs.title, theirs.body))
        if not merge.clean:
            return SaveOutcome(None, merged, _keep_both(library, base, (title, body), theirs, merge))
        title, body = merge.title.text(), merge.body.text()
        base = TextBase.of(theirs)
        merged = True
    # Others kept saving between each merge and its write: nothing written; the caller tries
    # again later (the autosave retries, its text stays on screen).
    raise EditConflict(base.article_id, base.version, (title, body), library.get(base.article_id))


def _keep_both(library: Library, base: TextBase, mine: tuple[str, str], theirs: ArticleRecord,
               merge: ArticleMerge) -> ArticleConflict:
    library.keep_revision(base.article_id, theirs.title, theirs.body, RevisionReason.CONFLICT)
    library.keep_revision(base.article_id, mine[0], mine[1], RevisionReason.CONFLICT)
    return ArticleConflict(base, mine, theirs, merge)


def settle(library: Library, conflict: ArticleConflict, title: str, body: str) -> SaveOutcome:
    """Store the text the writer settled on (written from `theirs`: it may merge again)."""
    return save_text(library, TextBase.of(conflict.theirs), title, body, explicit=True)
