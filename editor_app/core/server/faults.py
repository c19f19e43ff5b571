"""What went wrong with a newsroom server, in one sentence the person can act on.

libpq and PostgreSQL word their failures for administrators ("FATAL: password
authentication failed for user …", "server certificate for … does not match host name");
these are matched here and turned into core Text messages. A refusal by the newsroom's own
rules (core.server.security) arrives as "midad: …" and is translated too. Nothing is
written when any of them happens: each is raised before or instead of the change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from editor_app.core.errors import QT_TRANSLATE_NOOP, StorageError, Text


class ServerUnreachable(StorageError):
    """No server answered: wrong address, server down, network."""


class ServerRefusedLogin(StorageError):
    """The server answered but would not let this person in (password, disabled, TLS)."""


class NotAllowed(StorageError):
    """The person is logged in, but the newsroom's rules forbid what was asked."""


_REFUSALS = [
    (re.compile(r"only an editor may set the status (?P<status>\w+)"),
     QT_TRANSLATE_NOOP("errors", "only an editor may set the status «{status}»; nothing was changed")),
    (re.compile(r"only an editor may change the status (?P<old>\w+) to (?P<new>\w+)"),
     QT_TRANSLATE_NOOP("errors", "only an editor may change the status «{old}» to «{new}»; nothing was changed")),
    (re.compile(r"only an editor may assign articles"),
     QT_TRANSLATE_NOOP("errors", "only an editor may assign articles; nothing was changed")),
    (re.compile(r"only an admin may change who wrote an article"),
     QT_TRANSLATE_NOOP("errors", "only an admin may change who wrote an article; nothing was changed")),
    (re.compile(r"only an admin may (add people|change roles|disable people|change the password of another person)"),
     QT_TRANSLATE_NOOP("errors", "only an admin of the newsroom may manage people; nothing was changed")),
    # Comments and suggested edits (core.annotations.server_rights).
    (re.compile(r"only the writer of the article or an editor may accept or reject a suggestion"),
     QT_TRANSLATE_NOOP("errors", "only the article's writer or an editor may accept or reject its suggestions; "
                                 "nothing was changed")),
    (re.compile(r"only the author of a comment or an editor may resolve or reopen it"),
     QT_TRANSLATE_NOOP("errors", "only who started a comment, or an editor, may resolve or reopen it; nothing was changed")),
    (re.compile(r"this suggestion was already decided"),
     QT_TRANSLATE_NOOP("errors", "this suggestion was already accepted or rejected; nothing was changed")),
    (re.compile(r"only its author may change the text of a suggestion"),
     QT_TRANSLATE_NOOP("errors", "only its author may change a suggestion's text; nothing was changed")),
    (re.compile(r"the login (?P<login>\S+) is already taken"),
     QT_TRANSLATE_NOOP("errors", "the login {login} is already taken on this server; choose another")),
    (re.compile(r"there is no person (?P<login>\S+)"),
     QT_TRANSLATE_NOOP("errors", "{login} is not a person of this newsroom")),
]


def _where(url: str) -> dict[str, object]:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return {"host": "?", "port": "", "user": "?", "database": "?"}
    host = parsed.query.get("host") or parsed.host or "localhost"
    return {"host": host, "port": parsed.port or 5432, "user": parsed.username or "?", "database": parsed.database or "?"}


def named_failure(reason: str, url: str) -> StorageError | None:
    """The sentence for a server failure (its libpq/PostgreSQL text), or None if not recognised."""
    where = _where(url)
    if "midad: " in reason:
        said = reason.split("midad: ", 1)[1]
        for pattern, template in _REFUSALS:
            found = pattern.search(said)
            if found:
                return NotAllowed(Text(template, **found.groupdict()))
    if "password authentication failed" in reason or "no password supplied" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "the server {host} refused the password of {user}: check it, or ask an admin to reset it"),
            **where))
    if "is not permitted to log in" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "{user} is disabled on the newsroom server {host}: ask an admin"), **where))
    if "does not match host name" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "the certificate of the server is not for {host}: this may not be your newsroom's server; "
                      "check the address (with sslmode=verify-full the name must match the certificate)"), **where))
    if "certificate verify failed" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "the certificate of the server {host} is not signed by the authority you trust (sslrootcert): "
                      "this may not be your newsroom's server"), **where))
    if "root certificate file" in reason and "does not exist" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "sslmode=verify-full needs the newsroom's certificate authority: give its file with "
                      "sslrootcert=PATH"), **where))
    if "no encryption" in reason or ("pg_hba.conf" in reason and "SSL off" in reason):
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "the server {host} accepts only encrypted connections: use sslmode=verify-full (or require)"),
            **where))
    if "server does not support SSL" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "the server {host} does not offer TLS, and this connection requires it"), **where))
    if "no pg_hba.conf entry" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "the server {host} does not let {user} connect to {database} from this machine"), **where))
    if re.search(r"database \".*\" does not exist", reason):
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "there is no database {database} on the server {host}"), **where))
    if "could not translate host name" in reason or "Name or service not known" in reason \
            or "nodename nor servname" in reason:
        return ServerUnreachable(Text(QT_TRANSLATE_NOOP(
            "errors", "cannot find the server {host}: check its address"), **where))
    if "Connection refused" in reason or "timeout expired" in reason or "could not connect to server" in reason \
            or "No route to host" in reason or "server closed the connection unexpectedly" in reason \
            or "the connection is closed" in reason or "terminating connection due to administrator" in reason:
        return ServerUnreachable(Text(QT_TRANSLATE_NOOP(
            "errors", "the newsroom server {host}:{port} does not answer: it may be down or restarting, or the "
                      "address is wrong; try again in a moment"), **where))
    if "permission denied for database" in reason:
        return ServerRefusedLogin(Text(QT_TRANSLATE_NOOP(
            "errors", "{user} is not a person of the newsroom {database}: ask an admin to add them"), **where))
    if "permission denied" in reason or "row-level security" in reason or "must be owner of" in reason:
        return NotAllowed(Text(QT_TRANSLATE_NOOP(
            "errors", "{user} has no right to do this on the newsroom server; nothing was changed"), **where))
    return None


@contextmanager
def named_connection_failure(url: str) -> Iterator[None]:
    """Turn a server's failure inside the block into its sentence (others pass unchanged)."""
    try:
        yield
    except DBAPIError as error:
        named = named_failure(str(error.orig or error), url)
        if named is None:
            raise
        raise named from error
    except StorageError as error:
        named = named_failure(str(error), url)
        if named is None or type(error) is not StorageError:
            raise
        raise named from error
