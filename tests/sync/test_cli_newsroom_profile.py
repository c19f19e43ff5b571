"""`midad --newsroom list` (and every command on a library) works on the newsroom saved by File ›
Connect to newsroom…: its address from newsroom.json, its password from the keyring; without a
saved newsroom, one clear sentence."""

from __future__ import annotations

from editor_app.core.records import ArticleDraft
from editor_app.core.server.profile import NewsroomProfile, save_profile, store_password
from tests.cli.test_cli import assert_clean_failure, midad
from tests.postgres.fixtures import PASSWORD


def test_commands_use_the_saved_newsroom(tmp_path, newsroom):
    editor = newsroom.add("editor", "هدى")
    created = newsroom.library(editor).create(ArticleDraft(title="على الخادم", body="نص الخادم"))
    data = tmp_path / "data"
    profile = NewsroomProfile(host=newsroom.cluster.host, login=editor, database=newsroom.name,
                              port=newsroom.cluster.port, sslmode="verify-full",
                              sslrootcert=str(newsroom.cluster.ca_file))
    save_profile(data, profile)  # (the data folder is the configuration folder when it is chosen)
    store_password(profile, PASSWORD)
    listed = midad("--newsroom", "list", data_dir=data)
    assert listed.returncode == 0, listed.stderr
    assert [line.split("\t")[-1] for line in listed.stdout.splitlines()] == ["على الخادم"]
    shown = midad("show", str(created.id), "--newsroom", data_dir=data)
    assert shown.returncode == 0 and "نص الخادم" in shown.stdout
    people = midad("server", "users", "list", "--newsroom", data_dir=data)
    assert people.returncode == 0 and "هدى" in people.stdout, people.stderr
    # This computer's own library is untouched: without --newsroom, nothing from the server.
    local = midad("list", data_dir=data)
    assert local.returncode == 0 and "على الخادم" not in local.stdout


def test_no_saved_newsroom_and_contradictions_are_one_sentence(tmp_path):
    assert_clean_failure(midad("--newsroom", "list", data_dir=tmp_path / "data"))
    assert_clean_failure(midad("--newsroom", "--database-url", "sqlite:///x.db", "list", data_dir=tmp_path / "data"))
    assert_clean_failure(midad("sync", "--newsroom", data_dir=tmp_path / "data"))
