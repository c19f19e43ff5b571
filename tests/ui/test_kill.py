"""Killing the app with SIGKILL after typing stops loses nothing."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor_app.core.library import Library
from editor_app.core.storage import Database, resolve_location

REPO_ROOT = Path(__file__).resolve().parents[2]
TEXT = "في تقييمها الدوري، أكدت وزارة الخارجية الأمريكية (USA) عام 2024 أن “التعاون” مستمر.\nفقرة ثانية."


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_sigkill_three_seconds_after_typing_loses_nothing(tmp_path):
    data_dir = tmp_path / "data"
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.drivers.type_then_wait", str(data_dir), TEXT],
        cwd=REPO_ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = process.stdout.readline()
        assert line.startswith("TYPED "), process.stderr.read()
        article_id = int(line.split()[1])
        time.sleep(3)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL

    database_file = data_dir / "midad.db"
    with sqlite3.connect(database_file) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    database = Database(resolve_location(data_dir=data_dir, environ={}).database_url)
    try:
        assert Library(database).get(article_id).body == TEXT
    finally:
        database.close()
