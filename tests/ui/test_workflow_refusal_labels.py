"""A comment or suggestion the server refused after an offline sync reads as one clear
sentence in the bell, in Arabic and in English (core.annotations.replica → ui.workflow.labels)."""

from __future__ import annotations

from datetime import datetime

import pytest

from editor_app.core.workflow.records import EventRecord
from editor_app.ui.i18n import apply_language
from editor_app.ui.workflow.labels import describe


def refused(rule: str, reason: str) -> EventRecord:
    return EventRecord(1, "u", 3, "annotation_refused", "huda", "هدى", "huda", "هدى",
                       {"action": "decide", "excerpt": " وأساسي", "reason": reason, "rule": rule}, datetime(2026, 1, 1))


@pytest.fixture
def language(qapp):
    yield apply_language
    apply_language("ar")


def test_a_refused_decision_names_the_words_and_the_rule_in_both_languages(language):
    event = refused("decided", "this suggestion was already decided")
    language("ar")
    assert describe(event) == "رفض الخادم ما فعلته دون اتصال في « وأساسي»: سبق أن بُتّ في هذا الاقتراح"
    language("en")
    assert describe(event) == ("The server refused what you did offline on “ وأساسي”: "
                               "this suggestion was already accepted or rejected")


def test_a_reply_to_a_comment_the_server_lacks_says_so_in_arabic(language):
    language("ar")
    assert describe(refused("missing", "the comment this reply answers is not on the server")).endswith(
        ": التعليق الذي يجيب عنه هذا الرد ليس على الخادم")
