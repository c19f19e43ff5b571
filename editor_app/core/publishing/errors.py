"""What can go wrong talking to any publish target (WordPress, Ghost): the outbox, the CLI's
exit codes and the window decide by these classes, never by a target's own.

`SiteUnreachable` is worth retrying later (no network, timeout, dropped connection, 5xx,
429); `SiteRefused` is the site saying no (401, 403, validation): retrying would not help.
"""

from __future__ import annotations

from editor_app.core.errors import QT_TRANSLATE_NOOP, MidadError, Text


class PublishError(MidadError):
    pass


class PublishCancelled(MidadError):
    def __init__(self) -> None:
        super().__init__(Text(QT_TRANSLATE_NOOP("errors", "publishing was cancelled")))


class SiteUnreachable(PublishError):
    def __init__(self, message: str | Text, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SiteRefused(PublishError):
    def __init__(self, message: str | Text, status: int, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class UnexpectedAnswer(SiteRefused):
    """The site answered, but not what its API answers (a list for an object, a post
    without an id...). Retrying would not help."""


class ChangedMeanwhile(SiteRefused):
    """The site refused an update because the post changed after Midad read it (Ghost checks
    `updated_at`; WordPress has no such check). The publisher reads it again and reports a
    conflict: the writer chooses, as for any change made on the site."""
