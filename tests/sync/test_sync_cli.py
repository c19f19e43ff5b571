"""`midad sync` as a user runs it: one round, what moved, the exit code says what is left."""

from __future__ import annotations

from tests.cli.test_cli import assert_clean_failure, midad
from tests.sync.replicas import server_checksums
from tests.wordpress.server import free_port


def test_sync_pushes_pulls_and_says_when_changes_wait(tmp_path, newsroom):
    editor = newsroom.add("editor", "هدى")
    newsroom.library(editor).create()
    created = midad("import", str(_article(tmp_path)), data_dir=tmp_path / "data")
    assert created.returncode == 0, created.stderr
    url = newsroom.url(editor)
    result = midad("sync", "--server", url, data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["pulled", "1", "removed", "0", "pushed", "1", "merged", "0", "conflicts", "0",
                                     "waiting", "0"]
    assert len(server_checksums(newsroom)) == 2
    # The server out of reach: the edit waits (exit 75), nothing lost.
    midad("import", str(_article(tmp_path, "ثان")), data_dir=tmp_path / "data")
    down = url.replace(f":{newsroom.cluster.port}/", f":{free_port()}/")
    offline = midad("sync", "--server", down, data_dir=tmp_path / "data")
    assert offline.returncode == 75
    assert "waiting 1" in offline.stdout and "the server could not be reached; 1 changes wait" in offline.stderr
    again = midad("sync", "--server", url, data_dir=tmp_path / "data")
    assert again.returncode == 0 and "pushed 1" in again.stdout
    assert len(server_checksums(newsroom)) == 3


def test_sync_without_a_newsroom_says_how_to_name_one(tmp_path):
    assert_clean_failure(midad("sync", data_dir=tmp_path / "data"))


def _article(folder, title: str = "مقال"):
    path = folder / f"{title}.md"
    path.write_text(f"---\ntitle: {title}\n---\nنص المقال\n", encoding="utf-8")
    return path
