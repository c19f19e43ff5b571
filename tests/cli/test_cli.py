"""`midad` as a user runs it: a real subprocess, a real database, stdout/stderr/exit code."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import editor_app
from tests.conftest import SEED_ARTICLE


def midad(*args: str, data_dir: Path, env: dict | None = None, stdin: str | None = None):
    environment = {**os.environ, "MIDAD_DATA_DIR": str(data_dir), **(env or {})}
    environment.pop("MIDAD_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "editor_app", *args],
        capture_output=True, text=True, encoding="utf-8", env=environment, input=stdin, timeout=60,
    )


def assert_clean_failure(result):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("midad: error: "), result.stderr


def test_version(tmp_path):
    result = midad("--version", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == f"midad {editor_app.__version__}"


def test_import_then_show_json_returns_every_field_exactly(tmp_path):
    imported = midad("import", str(SEED_ARTICLE), data_dir=tmp_path)
    assert imported.returncode == 0, imported.stderr
    article_id, title = imported.stdout.rstrip("\n").split("\t")
    assert title == "العلاقات المغربية-الأمريكية: شراكة استراتيجية في مجال الأمن ومكافحة الإرهاب"

    shown = midad("show", article_id, "--json", data_dir=tmp_path)
    assert shown.returncode == 0, shown.stderr
    article = json.loads(shown.stdout)
    assert list(article) == ["id", "uuid", "title", "column", "author", "category", "tags", "slug",
                             "excerpt", "status", "locale", "published_at", "created_at", "updated_at", "body"]
    assert article["id"] == int(article_id)
    assert article["title"] == title
    assert article["column"] == "افتتاحية"
    assert article["author"] == "أمين نشاط"
    assert article["category"] == "أمن وعدالة"
    assert article["tags"] == ["المغرب", "الولايات المتحدة", "مكافحة الإرهاب"]
    assert article["slug"] == "العلاقات-المغربية-الأمريكية-شراكة-استراتيجية"
    assert article["excerpt"] == ("أكدت وزارة الخارجية الأمريكية مجددًا على موقع المغرب كحليف رئيسي وأساسي"
                                  " للولايات المتحدة في صون الأمن الإقليمي والجهوي.")
    assert article["status"] == "published"
    assert article["locale"] == "ar_MA"
    assert article["published_at"] == "2024-04-09T18:23:00+00:00"
    assert article["created_at"].endswith("+00:00") and article["updated_at"].endswith("+00:00")
    assert article["body"] == SEED_ARTICLE.read_text(encoding="utf-8").split("---\n", 2)[2]


def test_import_several_files_prints_one_line_each_and_reuses_vocabulary(tmp_path):
    first = tmp_path / "1.md"
    first.write_text("---\ntitle: أول\nauthor: أمين نشاط\ntags: [أمن]\n---\nنص\n", encoding="utf-8")
    second = tmp_path / "2.txt"
    second.write_text("ثانٍ\n\nنص\n", encoding="utf-8")
    result = midad("import", str(first), str(second), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == ["أول", "ثانٍ"]


def test_list_json(tmp_path):
    midad("import", str(SEED_ARTICLE), data_dir=tmp_path)
    result = midad("list", "--json", data_dir=tmp_path)
    assert result.returncode == 0
    [row] = json.loads(result.stdout)
    assert row["title"].startswith("العلاقات المغربية")
    assert row["status"] == "published"


def test_database_url_option_points_anywhere(tmp_path):
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    assert midad("--database-url", url, "import", str(SEED_ARTICLE), data_dir=tmp_path / "d").returncode == 0
    assert (tmp_path / "elsewhere.db").exists()
    assert not (tmp_path / "d" / "midad.db").exists()
    assert json.loads(midad("list", "--json", "--database-url", url, data_dir=tmp_path / "d").stdout)


def test_missing_file_fails_cleanly_and_imports_nothing(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# عنوان\n", encoding="utf-8")
    result = midad("import", str(good), str(tmp_path / "missing.md"), data_dir=tmp_path / "data")
    assert_clean_failure(result)
    assert "missing.md" in result.stderr and "no such file" in result.stderr
    assert json.loads(midad("list", "--json", data_dir=tmp_path / "data").stdout) == []


def test_broken_front_matter_fails_cleanly(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [مكسور\n---\nنص\n", encoding="utf-8")
    result = midad("import", str(bad), data_dir=tmp_path / "data")
    assert_clean_failure(result)
    assert "broken front matter" in result.stderr


def test_unknown_id_fails_cleanly(tmp_path):
    result = midad("show", "999", data_dir=tmp_path)
    assert_clean_failure(result)
    assert "no article with id 999" in result.stderr


def test_unreadable_database_fails_cleanly_and_is_not_overwritten(tmp_path):
    (tmp_path / "midad.db").write_bytes(b"garbage" * 1000)
    result = midad("list", data_dir=tmp_path)
    assert_clean_failure(result)
    assert "is damaged (the file is not a SQLite database)" in result.stderr
    assert (tmp_path / "midad.db").read_bytes() == b"garbage" * 1000


def test_newer_database_is_refused(tmp_path):
    assert midad("list", data_dir=tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "midad.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zzzz'")
    result = midad("list", data_dir=tmp_path)
    assert_clean_failure(result)
    assert "newer version of Midad" in result.stderr


@pytest.mark.parametrize("args", [["show", "abc"], ["frobnicate"]])
def test_usage_errors_exit_2_without_traceback(tmp_path, args):
    result = midad(*args, data_dir=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "usage:" in result.stderr


def test_search_json_best_first(tmp_path):
    first = tmp_path / "a.md"
    first.write_text("---\ntitle: مكافحة الإرهاب\n---\nنص عن الأمن.\n", encoding="utf-8")
    second = tmp_path / "b.md"
    second.write_text("---\ntitle: الاقتصاد\n---\nذُكر الإرهاب مرة واحدة.\n", encoding="utf-8")
    midad("import", str(first), str(second), data_dir=tmp_path / "d")
    result = midad("search", "الارهاب", "--json", data_dir=tmp_path / "d")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert [hit["title"] for hit in hits] == ["مكافحة الإرهاب", "الاقتصاد"]
    assert set(hits[0]) == {"id", "title", "snippet"}
    assert "الإرهاب" in hits[1]["snippet"]


def test_list_filters(tmp_path):
    for name, status, category in (("1", "draft", "أخبار"), ("2", "ready", "أخبار/أمن"), ("3", "ready", "رياضة")):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: م{name}\nstatus: {status}\ncategory: {category}\n---\n", encoding="utf-8")
    midad("import", *(str(tmp_path / f"{n}.md") for n in "123"), data_dir=tmp_path / "d")
    result = midad("list", "--status", "ready", "--category", "أخبار", "--json", data_dir=tmp_path / "d")
    assert [row["title"] for row in json.loads(result.stdout)] == ["م2"]


def test_revisions_and_restore(tmp_path, monkeypatch):
    from editor_app.core.library import Library
    from editor_app.core.storage import Database

    data = tmp_path / "d"
    midad("import", str(SEED_ARTICLE), data_dir=data)
    database = Database(f"sqlite:///{data / 'midad.db'}")
    library = Library(database)
    library.save_text(1, title="عنوان", body="نص أول", explicit=True)
    library.save_text(1, title="عنوان", body="نص ثان أطول", explicit=True)
    database.close()
    listed = json.loads(midad("revisions", "1", "--json", data_dir=data).stdout)
    assert [(r["reason"], r["word_count"], r["word_delta"]) for r in listed] == [("save", 3, 1), ("save", 2, 0)]
    restored = midad("restore", "1", str(listed[1]["id"]), data_dir=data)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(midad("show", "1", "--json", data_dir=data).stdout)["body"] == "نص أول"
    assert_clean_failure(midad("restore", "1", "999", data_dir=data))
