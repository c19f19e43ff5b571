"""Errors that carry a message meant for the user (one clear sentence, no traceback).

Messages are English (the CLI's and the logs' language) and marked with
QT_TRANSLATE_NOOP("errors", …) so that Qt's lupdate collects them into
resources/translations/midad_ar.ts: the window shows them in Arabic
(editor_app/ui/i18n.user_text) while this package stays free of Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


class Text:
    """A sentence: an English template marked for translation and the values it names.
    A value may itself be a Text (a hint appended to a message)."""

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values = values

    def __str__(self) -> str:
        return self.template.format(**{name: str(value) for name, value in self.values.items()})

    def __repr__(self) -> str:
        return f"Text({str(self)!r})"


class MidadError(Exception):
    """Base class: str(error) is what the user reads (error.text, translated, in the window)."""

    def __init__(self, message: str | Text = "", *args: object) -> None:
        self.text = message if isinstance(message, Text) else Text(str(message))
        super().__init__(str(message), *args)


class ArticleNotFound(MidadError):
    def __init__(self, article_id: object) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP("errors", "there is no article with id {id}"), id=article_id))
        self.article_id = article_id


class ImportFailed(MidadError):
    def __init__(self, path: object, reason: str | Text) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP("errors", "cannot import {path}: {reason}"), path=path, reason=reason))
        self.path = path
        self.reason = str(reason)


class InvalidField(MidadError):
    """A field value the model does not accept (unknown status, locale, date...)."""


class StorageError(MidadError):
    """The database cannot be opened, read or written."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer Midad whose schema this version does not know."""


class DatabaseDamaged(StorageError):
    """The file is not a readable SQLite database any more (truncated, overwritten...)."""

    def __init__(self, message: str | Text, path: object) -> None:
        super().__init__(message)
        self.path = path


class DatabaseLocked(StorageError):
    """Another process holds the database."""


class DatabaseUnwritable(StorageError):
    """The database or its folder cannot be written (permissions, read-only medium)."""


class NotAMidadDatabase(StorageError):
    """A SQLite file with someone else's tables: Midad will not add its own to it."""


class EditConflict(MidadError):
    """The article changed elsewhere since the version a save was based on: nothing was
    written. `theirs` is the stored article now; `mine` what this save wanted to store
    ((title, body), or the metadata fields); `fields` the metadata fields both changed."""

    def __init__(self, article_id: int, base_version: int | None, mine: object, theirs: object,
                 fields: tuple[str, ...] = ()) -> None:
        if fields:
            message = Text(QT_TRANSLATE_NOOP("errors", "someone else changed {fields} of article {id} meanwhile; "
                                             "nothing was saved"), fields=", ".join(fields), id=article_id)
        else:
            message = Text(QT_TRANSLATE_NOOP("errors", "article {id} was changed elsewhere since this text was "
                                             "loaded; nothing was overwritten"), id=article_id)
        super().__init__(message)
        self.article_id, self.base_version, self.mine, self.theirs, self.fields = (
            article_id, base_version, mine, theirs, fields)
