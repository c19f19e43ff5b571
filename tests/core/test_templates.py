"""The article template and its context: the seed page's anatomy, Babel dates, custom folders."""

from __future__ import annotations

from dataclasses import replace
from html import unescape
from datetime import datetime, timezone

import pytest

from editor_app.core.dates import format_byline_date, resolve_timezone
from editor_app.core.importers import read_article_file
from editor_app.core.records import ArticleRecord
from editor_app.core.templates import ArticleTemplates, PageOptions, article_context
from tests.conftest import SEED_ARTICLE

CASABLANCA = resolve_timezone("Africa/Casablanca")


@pytest.fixture
def seed_record() -> ArticleRecord:
    draft = read_article_file(SEED_ARTICLE)
    moment = datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc)
    return ArticleRecord(
        id=1, uuid="00000000-0000-4000-8000-000000000001", title=draft.title, column=draft.column,
        author=draft.author, category=draft.category, tags=draft.tags, slug=draft.slug,
        excerpt=draft.excerpt, body=draft.body, status=draft.status, locale=draft.locale,
        published_at=draft.published_at, created_at=moment, updated_at=moment, trashed_at=None, version=1,
    )


@pytest.mark.parametrize(
    ("locale", "april", "may"),
    [
        ("ar", "9 أبريل 2024 - 6:23 م", "مايو"),
        ("ar_MA", "9 أبريل 2024 - 6:23 م", "ماي"),
        ("ar_EG", "9 أبريل 2024 - 6:23 م", "مايو"),
        ("ar_DZ", "9 أفريل 2024 - 6:23 م", "ماي"),
        ("ar_LB", "9 نيسان 2024 - 6:23 م", "أيار"),
    ],
)
def test_byline_dates_follow_the_locale(locale, april, may):
    assert format_byline_date(datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc), locale, CASABLANCA) == april
    assert may in format_byline_date(datetime(2024, 5, 9, 12, 0, tzinfo=timezone.utc), locale, CASABLANCA)


def test_page_has_the_seed_articles_anatomy(seed_record):
    templates = ArticleTemplates()
    html = templates.render_page(article_context(seed_record, zone=CASABLANCA), PageOptions())
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<span class="column">افتتاحية</span>.. بقلم: <span class="author">أمين نشاط</span>' in html
    assert "<li>الرئيسية</li>" in html and "<li>أمن وعدالة</li>" in html
    assert '<h1 class="title" dir="rtl">العلاقات المغربية-الأمريكية: شراكة استراتيجية في مجال الأمن ومكافحة الإرهاب</h1>' in html
    assert 'كتبه <span class="author">أمين نشاط</span>' in html
    assert 'كتب في <time datetime="2024-04-09T18:23:00+00:00">9 أبريل 2024 - 6:23 م</time>' in html
    assert "<li>المغرب</li>" in html
    assert "شارك المقال" in html and "تعليقات الزوار ( 0 )" in html
    assert "1000 / 1000 (عدد الأحرف المتبقية)" in html
    assert '<p dir="rtl">في تقييمها الدوري' in html
    assert "@font-face" in html and "data:font/ttf;base64," in html
    assert "Content-Security-Policy" in html and "script-src 'none'" in unescape(html)


def test_values_are_escaped(seed_record):
    hostile = replace(seed_record, title='<script>alert(1)</script>', author='"><img src=x onerror=a()>')
    html = ArticleTemplates().render_article(article_context(hostile))
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_article_block_is_the_same_markup_as_in_the_page(seed_record):
    templates = ArticleTemplates()
    context = article_context(seed_record, zone=CASABLANCA)
    block = templates.render_article(context)
    assert block.strip() and block in templates.render_page(context, PageOptions())


def test_preview_options_name_their_script_and_font_urls(seed_record):
    options = PageOptions(font_url=lambda name: f"midad://preview/fonts/{name}", script_url="midad://preview/preview.js")
    html = ArticleTemplates().render_page(article_context(seed_record), options)
    assert "midad://preview/fonts/NotoNaskhArabic-Regular.ttf" in html
    assert '<script src="midad://preview/preview.js" defer></script>' in html
    assert "script-src midad:" in unescape(html)
    assert f'<style nonce="{options.nonce}">' in html


def test_remote_media_is_allowed_only_on_request():
    assert "https:" not in PageOptions().content_security_policy()
    assert "img-src midad: data: http: https:" in PageOptions(allow_remote_media=True).content_security_policy()


def test_a_newsroom_template_folder_overrides_the_bundled_files(tmp_path, seed_record):
    (tmp_path / "article.css").write_text("body { color: rebeccapurple; }", encoding="utf-8")
    html = ArticleTemplates(tmp_path).render_page(article_context(seed_record), PageOptions())
    assert "rebeccapurple" in html
    assert "<h1 class=\"title\"" in html  # article.html still comes from the bundle


def test_article_without_date_author_or_category_renders(seed_record):
    bare = replace(seed_record, published_at=None, author=None, category=None, column="", tags=())
    html = ArticleTemplates().render_article(article_context(bare))
    assert "كتب في" not in html and "بقلم" not in html
    assert "<li>الرئيسية</li>" in html


def test_local_zone_applies_the_rules_of_the_date_not_todays_offset(monkeypatch):
    # The machine's zone, as Babel reads it from the system: a zone with rules.
    monkeypatch.setattr("babel.dates.LOCALTZ", resolve_timezone("Africa/Casablanca"))
    # Ramadan 2024: Morocco was on UTC+0 on 9 April, and back on UTC+1 in June.
    assert format_byline_date(datetime(2024, 4, 9, 18, 23, tzinfo=timezone.utc), "ar_MA") == "9 أبريل 2024 - 6:23 م"
    assert format_byline_date(datetime(2024, 6, 10, 17, 0, tzinfo=timezone.utc), "ar_MA") == "10 يونيو 2024 - 6:00 م"


def test_a_title_that_opens_with_a_latin_name_is_still_laid_out_right_to_left(seed_record):
    mixed = replace(seed_record, title="Apple تكشف عن iPhone 16 في مؤتمر WWDC 2024")
    html = ArticleTemplates().render_article(article_context(mixed))
    assert '<h1 class="title" dir="rtl">Apple تكشف عن' in html
    english = replace(seed_record, title="Morocco and the United States sign a pact")
    assert '<h1 class="title" dir="ltr">' in ArticleTemplates().render_article(article_context(english))
