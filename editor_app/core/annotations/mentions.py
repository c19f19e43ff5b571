"""@mentions in a comment: which of the newsroom's people it names."""

from __future__ import annotations

import re


def mentioned_logins(body: str, people: list[tuple[str, str]]) -> list[str]:
    """The logins @mentioned in a comment: «@login» or «@display name» (the longest name that
    follows the @ wins, so «@هدى المحررة» is Huda the editor, not a Huda)."""
    names = sorted(((name, login) for login, display in people for name in {login, display} if name),
                   key=lambda pair: -len(pair[0]))
    found: list[str] = []
    for match in re.finditer(r"@", body):
        following = body[match.end():]
        for name, login in names:
            if following.startswith(name) and not _continues_word(following[len(name):]):
                if login not in found:
                    found.append(login)
                break
    return found


def _continues_word(rest: str) -> bool:
    return bool(rest) and (rest[0].isalnum() or rest[0] in "_.-")
