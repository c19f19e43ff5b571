"""The crash torture, short: a few SIGKILLs of the real app at random moments. The long
run (100 kills) is `python -m benchmarks.torture`; its figures are in the README."""

from __future__ import annotations

import random

from benchmarks.torture import run_torture


def test_random_kills_never_damage_the_database_or_lose_what_was_typed_two_seconds_before(tmp_path):
    report = run_torture(4, tmp_path / "data", random.Random(7))
    assert report.kills == 4, report.failures
    assert report.failures == []
    assert report.integrity_failures == report.losses_older_than_grace == report.invented_text == 0
    assert report.typed_characters > 0
