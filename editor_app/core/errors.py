"""Errors that carry a message meant for the user (one clear sentence, no traceback)."""


class MidadError(Exception):
    """Base class: str(error) is what the user reads."""


class ArticleNotFound(MidadError):
    def __init__(self, article_id: object) -> None:
        super().__init__(f"there is no article with id {article_id}")
        self.article_id = article_id


class ImportFailed(MidadError):
    def __init__(self, path: object, reason: str) -> None:
        super().__init__(f"cannot import {path}: {reason}")
        self.path = path
        self.reason = reason


class InvalidField(MidadError):
    """A field value the model does not accept (unknown status, locale, date...)."""


class StorageError(MidadError):
    """The database cannot be opened, read or written."""


class DatabaseTooNew(StorageError):
    """The database was written by a newer Midad whose schema this version does not know."""


class DatabaseDamaged(StorageError):
    """The file is not a readable SQLite database any more (truncated, overwritten...)."""

    def __init__(self, message: str, path: object) -> None:
        super().__init__(message)
        self.path = path


class DatabaseLocked(StorageError):
    """Another process holds the database."""


class DatabaseUnwritable(StorageError):
    """The database or its folder cannot be written (permissions, read-only medium)."""


class NotAMidadDatabase(StorageError):
    """A SQLite file with someone else's tables: Midad will not add its own to it."""
