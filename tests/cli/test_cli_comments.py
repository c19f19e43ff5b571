"""`midad comments ID [--json]` as a user runs it (a real subprocess) on a local library."""

from __future__ import annotations

import json

from tests.cli.test_cli import assert_clean_failure, midad

BODY = "أكدت الوزارة موقع المغرب كحليف رئيسي.\n\nهذا الإقرار يعكس عمق العلاقات بين البلدين."


def test_threads_replies_resolved_state_quotes_and_pending_suggestions(tmp_path):
    from editor_app.core.annotations.store import Annotations
    from editor_app.core.library import Library
    from editor_app.core.records import ArticleDraft
    from editor_app.core.storage import Database

    data = tmp_path / "d"
    assert midad("list", data_dir=data).returncode == 0  # the library exists
    database = Database(f"sqlite:///{data / 'midad.db'}")
    library = Library(database, actor="huda")
    article = library.create(ArticleDraft(title="تقرير", body=BODY))
    notes = Annotations(library)
    first = notes.start_thread(article.id, BODY.index("كحليف"), BODY.index("كحليف") + len("كحليف رئيسي"),
                               "هل نضيف «وأساسي»؟")
    notes.reply(first.id, "نعم")
    second = notes.start_thread(article.id, BODY.index("عمق"), BODY.index("عمق") + len("عمق العلاقات"), "مصدر؟")
    notes.resolve(second.id)
    insertion = notes.suggest_insert(article.id, BODY.index("رئيسي") + len("رئيسي"), " وأساسي")
    decided = notes.suggest_delete(article.id, 0, len("أكدت "))
    notes.reject(decided.id)
    database.close()

    shown = json.loads(midad("comments", str(article.id), "--json", data_dir=data).stdout)
    assert shown["article_id"] == article.id
    assert [(t["id"], t["quote"], t["resolved"], t["resolved_by"], [(m["author"], m["body"]) for m in t["messages"]])
            for t in shown["threads"]] == [
        (first.id, "كحليف رئيسي", False, "", [("huda", "هل نضيف «وأساسي»؟"), ("huda", "نعم")]),
        (second.id, "عمق العلاقات", True, "huda", [("huda", "مصدر؟")])]
    assert [(s["id"], s["kind"], s["text"], s["author"], s["state"]) for s in shown["suggestions"]] == [
        (insertion.id, "insert", " وأساسي", "huda", "pending")]  # the rejected one is not pending

    text = midad("comments", str(article.id), data_dir=data)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == f"thread {first.id}\topen\t«كحليف رئيسي»"
    assert lines[1].split("\t")[2:] == ["huda", "هل نضيف «وأساسي»؟"]
    assert lines[3] == f"thread {second.id}\tresolved by huda\t«عمق العلاقات»"
    assert lines[-1] == f"suggestion {insertion.id}\tinsert\thuda\t« وأساسي»"
    assert len(lines) == 6


def test_an_article_without_comments_and_an_unknown_one(tmp_path):
    from tests.conftest import SEED_ARTICLE

    article_id = midad("import", str(SEED_ARTICLE), data_dir=tmp_path).stdout.split("\t")[0]
    empty = midad("comments", article_id, "--json", data_dir=tmp_path)
    assert json.loads(empty.stdout) == {"article_id": int(article_id), "threads": [], "suggestions": []}
    assert midad("comments", article_id, data_dir=tmp_path).stdout == ""
    assert_clean_failure(midad("comments", "999", data_dir=tmp_path))
    not_an_id = midad("comments", "abc", data_dir=tmp_path)
    assert not_an_id.returncode == 2 and "“abc” is not an id" in not_an_id.stderr
    assert "Traceback" not in not_an_id.stderr
