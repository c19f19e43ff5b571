"""Reading .md (front matter) and .txt files, and every way they can be broken."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from editor_app.core.errors import ImportFailed
from editor_app.core.importers import read_article_file, read_article_files


def write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


def test_front_matter_keys_are_read(tmp_path):
    path = write(tmp_path, "a.md", (
        "---\ntitle: عنوان\ncolumn: افتتاحية\nauthor: أمين نشاط\ncategory: أمن وعدالة\n"
        "tags: [المغرب, أمن]\nslug: عنوان\nexcerpt: ملخص\ndate: 2024-04-09T18:23:00+01:00\n"
        "status: in review\nlocale: ar-MA\n---\nالنص.\n"
    ))
    draft = read_article_file(path)
    assert (draft.title, draft.column, draft.author, draft.category) == ("عنوان", "افتتاحية", "أمين نشاط", "أمن وعدالة")
    assert draft.tags == ("المغرب", "أمن")
    assert (draft.slug, draft.excerpt, draft.status, draft.locale) == ("عنوان", "ملخص", "in_review", "ar_MA")
    assert draft.published_at == datetime(2024, 4, 9, 17, 23, tzinfo=timezone.utc)
    assert draft.body == "النص.\n"


def test_markdown_without_front_matter_takes_its_title_from_the_first_heading(tmp_path):
    draft = read_article_file(write(tmp_path, "b.md", "# عنوان المقال\n\nالفقرة الأولى.\n"))
    assert (draft.title, draft.body) == ("عنوان المقال", "الفقرة الأولى.\n")


def test_markdown_without_title_anywhere_uses_the_file_name(tmp_path):
    draft = read_article_file(write(tmp_path, "مسودة.md", "نص فقط\n"))
    assert draft.title == "مسودة"


def test_text_file_first_non_empty_line_is_the_title(tmp_path):
    draft = read_article_file(write(tmp_path, "c.txt", "\n\n  العنوان  \n\nفقرة أولى\r\nفقرة ثانية\n"))
    assert draft.title == "العنوان"
    assert draft.body == "فقرة أولى\nفقرة ثانية\n"


def test_byte_order_mark_is_ignored(tmp_path):
    draft = read_article_file(write(tmp_path, "d.md", "\ufeff---\ntitle: ع\n---\nن\n"))
    assert draft.title == "ع"


def test_tags_as_comma_separated_text(tmp_path):
    draft = read_article_file(write(tmp_path, "e.md", "---\ntags: المغرب، أمن, اقتصاد\n---\n"))
    assert draft.tags == ("المغرب", "أمن", "اقتصاد")


def test_unknown_keys_are_reported_as_warnings(tmp_path):
    draft = read_article_file(write(tmp_path, "f.md", "---\ntitle: ع\nlayout: post\n---\n"))
    assert draft.warnings and "layout" in draft.warnings[0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.md", "---\ntitle: [غير مغلق\n---\nنص", "broken front matter at line"),
        ("unclosed.md", "---\ntitle: ع\nنص بلا نهاية", "never closed"),
        ("list.md", "---\n- a\n- b\n---\n", "key: value"),
        ("status.md", "---\nstatus: lost\n---\n", "unknown status"),
        ("locale.md", "---\nlocale: xx_NOPE\n---\n", "unknown locale"),
        ("date.md", "---\ndate: next tuesday\n---\n", "cannot read the date"),
        ("latin1.md", "عنوان".encode("cp1256"), "not UTF-8"),
        ("binary.txt", b"abc\x00def", "NUL"),
        ("image.png", b"\x89PNG", "unsupported file type"),
    ],
)
def test_broken_files_fail_with_a_clear_message(tmp_path, name, content, message):
    path = write(tmp_path, name, content)
    with pytest.raises(ImportFailed, match=message) as caught:
        read_article_file(path)
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(ImportFailed, match="no such file"):
        read_article_file(tmp_path / "nowhere.md")


def test_folder_instead_of_file(tmp_path):
    folder = tmp_path / "folder.md"
    folder.mkdir()
    with pytest.raises(ImportFailed, match="folder"):
        read_article_file(folder)


def test_reading_several_files_stops_at_the_first_bad_one(tmp_path):
    good = write(tmp_path, "good.md", "# ع\n")
    with pytest.raises(ImportFailed):
        read_article_files([good, tmp_path / "missing.md"])


def test_a_text_dump_of_a_web_page_takes_the_headline_not_the_site_chrome():
    seed = Path(__file__).parents[1] / "fixtures" / "seed_page.txt"  # the seed page's text dump, as saved
    draft = read_article_file(seed)
    assert draft.title == "العلاقات المغربية-الأمريكية: شراكة استراتيجية في مجال الأمن ومكافحة الإرهاب"
    assert draft.body.startswith("كتبه كتب في 9 أبريل 2024")


def test_a_text_file_skips_leading_punctuation_lines_for_its_title(tmp_path):
    draft = read_article_file(write(tmp_path, "d.txt", "-\n°C\n\nمرحبا\nنص المقال.\n"))
    assert (draft.title, draft.body) == ("مرحبا", "نص المقال.\n")
    assert read_article_file(write(tmp_path, "e.txt", "***\n")).title == "***"  # nothing better: the first line
