"""`midad desks|assign|send|notifications|history` as a user runs them (a real subprocess),
on a local library and, for the refusals, as a writer on a private newsroom server."""

from __future__ import annotations

import json

from tests.cli.test_cli import assert_clean_failure, midad
from tests.conftest import SEED_ARTICLE


def test_desks_send_and_history_on_a_local_library(tmp_path):
    added = midad("desks", "add", "أخبار", data_dir=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip().endswith("كتابة → تحرير → تدقيق → جاهز → منشور")
    staged = midad("desks", "stages", "أخبار", "--add", "أرشيف", "--role", "chief", "--json", data_dir=tmp_path)
    assert [s["name"] for s in json.loads(staged.stdout)][-1] == "أرشيف"
    members = midad("desks", "members", "أخبار", "--add", "huda", "--add", "samir", data_dir=tmp_path)
    assert members.stdout.split() == ["huda", "samir"]
    desks = json.loads(midad("desks", "list", "--json", data_dir=tmp_path).stdout)
    assert [d["name"] for d in desks] == ["أخبار"] and len(desks[0]["stages"]) == 6

    article_id = midad("import", str(SEED_ARTICLE), data_dir=tmp_path).stdout.split("\t")[0]
    sent = midad("send", article_id, "--to", "أخبار/جاهز", "--person", "huda", "--message", "للنشر", data_dir=tmp_path)
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.strip().split("\t") == [article_id, "أخبار/جاهز", "huda"]
    assert json.loads(midad("show", article_id, "--json", data_dir=tmp_path).stdout)["status"] == "ready"
    history = json.loads(midad("history", article_id, "--json", data_dir=tmp_path).stdout)
    assert [(e["kind"], e["payload"]["stage"], e["target"], e["payload"]["message"]) for e in history] == [
        ("sent", "جاهز", "huda", "للنشر")]

    unknown = midad("send", article_id, "--to", "أخبار/لا-توجد", data_dir=tmp_path)
    assert_clean_failure(unknown)
    assert "DESK/STAGE" in unknown.stderr
    assert_clean_failure(midad("send", "999", "--to", "أخبار/جاهز", data_dir=tmp_path))
    assert_clean_failure(midad("desks", "add", "أخبار", data_dir=tmp_path))


def test_the_budget_from_the_command_line(tmp_path):
    midad("desks", "add", "اقتصاد", data_dir=tmp_path)
    late = midad("assign", "add", "أسعار القمح", "--desk", "اقتصاد", "--deadline", "2020-01-01 10:00",
                 "--words", "500", data_dir=tmp_path)
    assert late.returncode == 0, late.stderr
    today = json.loads(midad("assign", "list", "--today", "--json", data_dir=tmp_path).stdout)
    assert [(line["title"], line["late"], line["expected_words"]) for line in today] == [("أسعار القمح", True, 500)]
    started = midad("assign", "start", late.stdout.split("\t")[0], data_dir=tmp_path)
    assert started.returncode == 0, started.stderr
    article_id, title = started.stdout.strip().split("\t")
    assert title == "أسعار القمح"
    history = json.loads(midad("history", article_id, "--json", data_dir=tmp_path).stdout)
    assert [(e["kind"], e["payload"]["stage"]) for e in history] == [("started", "كتابة")]
    assert_clean_failure(midad("assign", "add", "x", "--deadline", "غدًا", data_dir=tmp_path))
    other = midad("assign", "add", "مؤقت", data_dir=tmp_path).stdout.split("\t")[0]
    edited = midad("assign", "edit", other, "--title", "حوار الوزير", "--words", "800", data_dir=tmp_path)
    assert edited.stdout.strip() == f"{other}\tحوار الوزير"
    assert midad("assign", "remove", other, data_dir=tmp_path).returncode == 0
    assert [line["title"] for line in json.loads(midad("assign", "list", "--json", data_dir=tmp_path).stdout)] == [
        "أسعار القمح"]


def test_a_writer_on_the_server_is_refused_ready_and_the_editor_is_told(tmp_path, newsroom):
    writer = newsroom.add("writer", "سمير")
    editor = newsroom.add("editor", "هدى")
    chief = newsroom.add("chief", "أمين")
    def as_(login: str, *args: str):
        return midad("--database-url", newsroom.url(login), *args, data_dir=tmp_path / login)

    assert as_(chief, "desks", "add", "أخبار").returncode == 0
    draft = tmp_path / "draft.md"
    draft.write_text("# الموانئ\n\nمسودة الكاتب.\n", encoding="utf-8")
    imported = as_(writer, "import", str(draft))
    assert imported.returncode == 0, imported.stderr
    article_id = imported.stdout.split("\t")[0]
    refused = as_(writer, "send", article_id, "--to", "أخبار/جاهز")
    assert refused.returncode == 3
    assert refused.stderr.strip() == ("midad: refused: only an editor may send an article to the stage «جاهز»; "
                                      "the server refused, nothing was changed")
    sent = as_(writer, "send", article_id, "--to", "أخبار/تحرير", "--person", editor, "--message", "راجعيه")
    assert sent.returncode == 0, sent.stderr
    told = as_(editor, "notifications", "--json", "--mark-read")
    (notice,) = json.loads(told.stdout)
    assert (notice["kind"], notice["actor_name"], notice["payload"]["message"], notice["read"]) == (
        "sent", "سمير", "راجعيه", False)
    again = as_(editor, "notifications", "--unread", "--json")
    assert json.loads(again.stdout) == []
