"""Two instances: a second window on the same data folder brings the first forward and
exits; another folder runs on its own; the CLI writing while the window autosaves
corrupts nothing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from editor_app.core.library import Library
from editor_app.core.storage import Database, resolve_location
from tests.cli.test_cli import midad
from tests.ui.drivers.type_in_rounds import LINE

REPO_ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENT = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def start_window(data_dir: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "editor_app", "--data-dir", str(data_dir)], cwd=REPO_ROOT,
                            env=ENVIRONMENT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_ready(data_dir: Path, process: subprocess.Popen, seconds: float = 60) -> None:
    """Ready once the start-up backup exists: the window is up by then."""
    deadline = time.monotonic() + seconds
    while not list((data_dir / "backups").glob("midad-*-start.db")):
        assert process.poll() is None, process.stderr.read()
        assert time.monotonic() < deadline, "the window did not start"
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> str:
    process.terminate()
    try:
        _out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        _out, err = process.communicate()
    return err


def test_a_second_launch_on_the_same_folder_brings_the_first_forward(tmp_path):
    data = tmp_path / "data"
    first = start_window(data)
    try:
        wait_until_ready(data, first)
        second = subprocess.run([sys.executable, "-m", "editor_app", "--data-dir", str(data)], cwd=REPO_ROOT,
                                env=ENVIRONMENT, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0
        assert "already open on this data folder" in second.stderr
        other_data = tmp_path / "other"
        other = start_window(other_data)
        try:
            wait_until_ready(other_data, other)  # another folder: a window of its own
            assert other.poll() is None
        finally:
            stop(other)
        assert first.poll() is None
    finally:
        errors = stop(first)
    assert "brought to the front by a second launch" in errors
    assert first.returncode == 0  # SIGTERM closes the window cleanly


def test_the_cli_importing_while_the_window_autosaves_corrupts_nothing(tmp_path):
    data = tmp_path / "data"
    rounds = 8
    window = subprocess.Popen([sys.executable, "-m", "tests.ui.drivers.type_in_rounds", str(data), str(rounds)],
                              cwd=REPO_ROOT, env=ENVIRONMENT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    imported = []
    try:
        first = window.stdout.readline()
        assert first.startswith("SAVED"), window.stderr.read()
        article_id = int(first.split()[2])
        for number in range(12):
            source = tmp_path / f"import-{number}.md"
            source.write_text(f"---\ntitle: مقال مستورد {number}\n---\nنص مستورد أثناء الكتابة.\n", encoding="utf-8")
            result = midad("import", str(source), data_dir=data)
            assert result.returncode == 0, result.stderr
            imported.append(int(result.stdout.split("\t")[0]))
        window.wait(timeout=120)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 0, window.stderr.read()

    with sqlite3.connect(data / "midad.db") as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    database = Database(resolve_location(data_dir=data, environ={}).database_url)
    try:
        library = Library(database)
        body = library.get(article_id).body
        assert all(LINE.format(n=n).strip() in body for n in range(rounds))
        assert [library.get(i).title for i in imported] == [f"مقال مستورد {n}" for n in range(12)]
    finally:
        database.close()
