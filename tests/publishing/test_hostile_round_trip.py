"""Pull, then publish without any edit: the live post keeps its text, images, links, headings,
lists, figures with captions, literal text, and its status (issue 22, High 4). Against the
real test WordPress."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from bs4 import BeautifulSoup, Comment

from editor_app.core.publishing.publisher import Publisher
from editor_app.core.publishing.pull import pull
from tests.wordpress.fixtures import png

BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "figcaption", "blockquote", "td", "th", "pre")


def structure(content: str) -> dict:
    """What a reader of the post sees, independent of attributes, block comments and spacing."""
    soup = BeautifulSoup(content, "html.parser")
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()

    def text(node) -> str:
        return re.sub(r"\s+", " ", node.get_text(" ")).strip()

    return {
        "text": text(soup),
        "blocks": [(node.name, text(node)) for node in soup.find_all(BLOCKS)],
        "images": [(node.get("src"), node.get("alt") or "") for node in soup.find_all("img")],
        "links": [(node.get("href"), text(node)) for node in soup.find_all("a")],
        "figures": [text(node) for node in soup.find_all("figure")],
        "frames": [node.get("src") for node in soup.find_all("iframe")],
        "live_tags": sorted({node.name for node in soup.find_all(["script", "iframe", "object", "embed"])
                             if node.name != "iframe" or "youtube" not in (node.get("src") or "")}),
    }


def posts(image_url: str) -> list[dict]:
    mark = uuid.uuid4().hex[:6]  # the site is shared by the session: titles unique to this call
    return [{**post, "title": f"{post['title']} {mark}"} for post in _POSTS(image_url)]


def _POSTS(image_url: str) -> list[dict]:  # noqa: N802 - a table
    return [
        {"title": "خبر بصورة وتعليق", "status": "publish", "content": (
            '<!-- wp:heading --><h2 class="wp-block-heading">عنوان فرعي: 1. ليس قائمة</h2><!-- /wp:heading -->\n'
            "<!-- wp:paragraph --><p>يكتب المحررون &lt;iframe&gt; و&lt;script&gt;alert(1)&lt;/script&gt; نصاً حرفياً، "
            'ويذكرون <a href="https://example.com/تقرير">التقرير</a> و<strong>الأرقام</strong> و<em>المصادر</em>.</p>'
            "<!-- /wp:paragraph -->\n"
            f'<!-- wp:image --><figure class="wp-block-image size-large"><img src="{image_url}" alt="الوفد في الرباط"/>'
            '<figcaption class="wp-element-caption">الوفد في <strong>الرباط</strong> صباح اليوم</figcaption></figure>'
            "<!-- /wp:image -->\n"
            "<!-- wp:paragraph --><p>وبقية الخبر بعد الصورة، كاملة.</p><!-- /wp:paragraph -->")},
        {"title": "سطور تبدأ برقم ووسم", "status": "draft", "content": (
            "<p>1. هذه جملة تبدأ برقم وليست قائمة.</p>\n<p># وهذه ليست عنواناً</p>\n<p>- ولا هذه بنداً</p>\n"
            "<p>نص حرفي: ![صورة](/etc/passwd) و[رابط](javascript:alert(1)) و*نجوم* و_شرطات_ و`شيفرة`.</p>\n"
            "<p>سطر أول<br>سطر ثان بعد فاصل</p>\n"
            "<ol><li>البند الأول</li><li>البند الثاني</li></ol>\n<ul><li>نقطة</li><li>نقطة أخرى</li></ul>\n"
            "<blockquote><p>اقتباس من المصدر</p></blockquote>")},
        {"title": "مقال قيد المراجعة بصورة في فقرة", "status": "pending", "content": (
            f'<p>قبل الصورة <img src="{image_url}" alt="صورة داخل الفقرة"> وبعدها.</p>\n'
            '<p>English sentence with a <a href="https://example.org/a_b?x=1&amp;y=2">link &amp; more</a>.</p>\n'
            "<h3>عنوان ثالث</h3>\n<p>&amp;lt;b&amp;gt; نص مرمّز مرتين</p>")},
        {"title": "مقال خاص", "status": "private", "content": "<p>محتوى لا يراه إلا المحررون.</p>"},
    ]


@pytest.fixture
def site_image(site_api, wordpress) -> str:
    response = site_api.http.post("wp/v2/media", content=png(5, 5, (10, 120, 40)), headers={
        "Content-Type": "image/png", "Content-Disposition": 'attachment; filename="round-trip.png"'})
    response.raise_for_status()
    return response.json()["source_url"]


def _term(site_api, taxonomy: str, name: str, parent: int = 0) -> int:
    response = site_api.http.post(f"wp/v2/{taxonomy}", json={"name": name, **({"parent": parent} if parent else {})})
    payload = response.json()
    return payload["id"] if response.status_code < 400 else payload["data"]["term_id"]


def test_pull_then_publish_unchanged_leaves_every_post_equivalent_and_its_status(library, site, site_api, site_image):
    since = datetime.now(timezone.utc) - timedelta(seconds=2)
    news = _term(site_api, "categories", "أخبار الجولة")
    nested = _term(site_api, "categories", "أمن وعدالة", parent=news)
    other = _term(site_api, "categories", "مختارات")
    tag = _term(site_api, "tags", "وسم الجولة")
    terms = [{"categories": [nested], "tags": [tag]}, {"categories": [nested, other]}, {}, {}]
    created = [site_api.post("wp/v2/posts", **post, **extra) for post, extra in zip(posts(site_image), terms)]
    before = {post["id"]: site_api.get(f"wp/v2/posts/{post['id']}", context="edit") for post in created}

    report = pull(library, site.name, since=since)
    assert report.imported >= len(created)
    publisher = Publisher(library)
    for post_id, original in before.items():
        [article_id] = [summary.id for summary in library.summaries() if summary.title == original["title"]["raw"]]
        outcome = publisher.publish(article_id, site.name)  # no status chosen, no edit
        assert outcome.post_id == str(post_id) and not outcome.created and outcome.warnings == ()
        after = site_api.get(f"wp/v2/posts/{post_id}", context="edit")
        assert after["status"] == original["status"], original["title"]["raw"]
        assert structure(after["content"]["raw"]) == structure(original["content"]["raw"]), original["title"]["raw"]
        assert after["slug"] == original["slug"] and after["title"]["raw"] == original["title"]["raw"]
        assert after["featured_media"] == original["featured_media"]
        assert sorted(after["categories"]) == sorted(original["categories"]), original["title"]["raw"]
        assert sorted(after["tags"]) == sorted(original["tags"]), original["title"]["raw"]


def test_the_literal_text_stays_text_through_the_round_trip(library, site, site_api, site_image):
    since = datetime.now(timezone.utc) - timedelta(seconds=2)
    post = site_api.post("wp/v2/posts", **posts(site_image)[0])
    pull(library, site.name, since=since)
    [article_id] = [s.id for s in library.summaries() if s.title == post["title"]["raw"]]
    Publisher(library).publish(article_id, site.name)
    content = site_api.get(f"wp/v2/posts/{post['id']}", context="edit")["content"]["raw"]
    assert "&lt;iframe&gt;" in content and "<iframe" not in content and "<script" not in content
    assert "وبقية الخبر بعد الصورة، كاملة." in content  # nothing cut after the literal tag
    assert site_api.get(f"wp/v2/posts/{post['id']}")["status"] == "publish"  # still online


def test_a_hostile_slug_on_the_site_is_normalised_when_pulled(library, site, site_api, tmp_path):
    since = datetime.now(timezone.utc) - timedelta(seconds=2)
    title = f"رابط عدائي {uuid.uuid4().hex[:6]}"
    post = site_api.post("wp/v2/posts", title=title, status="draft", content="<p>نص</p>",
                         slug="%2e%2e%2f%2e%2e%2f%2e%2e%2ftmp%2fescaped")
    assert "%2e%2e" in post["slug"] or "%2f" in post["slug"] or ".." in post["slug"]  # the site keeps it
    pull(library, site.name, since=since)
    [record] = [library.get(s.id) for s in library.summaries() if s.title == title]
    assert "/" not in record.slug and "." not in record.slug and "%" not in record.slug


def test_a_long_arabic_slug_is_shortened_at_a_word_before_wordpress_cuts_it(library, site, site_api):
    from urllib.parse import unquote

    from editor_app.core.records import ArticleDraft

    words = ["العلاقات", "المغربية", "الأمريكية", "شراكة", "استراتيجية", "في", "مجالات", "الأمن", "والاقتصاد", "والطاقة"]
    record = library.create(ArticleDraft(title="رابط طويل", body="نص.\n", slug="-".join(words)))
    outcome = Publisher(library).publish(record.id, site.name)
    kept = unquote(site_api.get(f"wp/v2/posts/{outcome.post_id}", context="edit")["slug"])
    assert kept.split("-") == words[: len(kept.split("-"))]  # whole words, none cut in the middle
    assert any("shortened" in str(warning) for warning in outcome.warnings)
