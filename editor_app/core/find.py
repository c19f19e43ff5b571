"""Find and replace that ignores diacritics and letter variants, and maps back exactly.

The search runs on the normalised text (core.arabic); every match is mapped back
to the original characters, so replacing "مكافحه" in "مُكافحة" replaces exactly
"مُكافحة", diacritics included, and nothing around it.
"""

from __future__ import annotations

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
import re
from dataclasses import dataclass

from editor_app.core.arabic import normalise_for_matching

_WORD_CHARACTER = r"[\w\u064B-\u065F\u0670\u0640]"
_TEMPLATE_PART = re.compile(r"\\(?:g<(\w+)>|(\d{1,2})|(.))", re.S)
_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\"}


class InvalidPattern(ValueError):
    """A regular expression that does not compile; the message says why."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


@dataclass(frozen=True)
class FindOptions:
    loose: bool = True  # ignore diacritics, tatweel and letter variants (and case)
    whole_word: bool = False
    regex: bool = False
    case_sensitive: bool = False


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    groups: tuple[tuple[int, int] | None, ...] = ()
    named: tuple[tuple[str, int], ...] = ()


def _pattern(query: str, options: FindOptions) -> re.Pattern[str]:
    if options.regex:
        source = normalise_for_matching(query, fold_case=False).text if options.loose else query
    else:
        folded = normalise_for_matching(query, fold_case=not options.case_sensitive).text if options.loose else query
        source = re.escape(folded)
    if options.whole_word:
        source = rf"(?<!{_WORD_CHARACTER})(?:{source})(?!{_WORD_CHARACTER})"
    flags = re.MULTILINE | (0 if options.case_sensitive else re.IGNORECASE)
    try:
        return re.compile(source, flags)
    except re.error as error:
        raise InvalidPattern(Text(QT_TRANSLATE_NOOP("errors", "invalid regular expression: {error}"), error=error)) from None


def find_all(text: str, query: str, options: FindOptions = FindOptions()) -> list[Match]:
    """Every non-empty match, as spans of the original text."""
    if not query:
        return []
    pattern = _pattern(query, options)
    if not options.loose:
        return [_plain_match(match) for match in pattern.finditer(text) if match.end() > match.start()]
    normalised = normalise_for_matching(text, fold_case=not options.case_sensitive)
    matches = []
    for match in pattern.finditer(normalised.text):
        if match.end() == match.start():
            continue
        start, end = normalised.original_span(match.start(), match.end())
        groups = tuple(
            normalised.original_span(*match.span(index)) if match.start(index) >= 0 else None
            for index in range(1, (match.re.groups or 0) + 1)
        )
        matches.append(Match(start, end, groups, tuple(match.re.groupindex.items())))
    return matches


def _plain_match(match: re.Match[str]) -> Match:
    groups = tuple(match.span(index) if match.start(index) >= 0 else None for index in range(1, (match.re.groups or 0) + 1))
    return Match(match.start(), match.end(), groups, tuple(match.re.groupindex.items()))


def expand_replacement(template: str, text: str, match: Match, regex: bool) -> str:
    """The replacement for one match; in regex mode \\1 and \\g<name> insert the
    original text of the group (with its diacritics), not its normalised form."""
    if not regex:
        return template
    names = dict(match.named)

    def group_text(key: str) -> str:
        index = int(key) if key.isdigit() else names.get(key)
        if index is None or not 0 <= index <= len(match.groups):
            raise InvalidPattern(Text(QT_TRANSLATE_NOOP("errors", "no group {group} in the pattern"), group=key))
        span = (match.start, match.end) if index == 0 else match.groups[index - 1]
        return "" if span is None else text[span[0] : span[1]]

    def substitute(part: re.Match[str]) -> str:
        name, number, escaped = part.groups()
        if name is not None:
            return group_text(name)
        if number is not None:
            return group_text(number)
        return _ESCAPES.get(escaped, "\\" + escaped)

    return _TEMPLATE_PART.sub(substitute, template)


def replace_all(text: str, query: str, replacement: str, options: FindOptions = FindOptions()) -> tuple[str, int]:
    matches = find_all(text, query, options)
    parts = []
    position = 0
    for match in matches:
        parts.append(text[position : match.start])
        parts.append(expand_replacement(replacement, text, match, options.regex))
        position = match.end
    parts.append(text[position:])
    return "".join(parts), len(matches)
