"""Publishing to a real WordPress on 127.0.0.1: create, read back byte for byte, update the
same post, images uploaded once, conflicts, pulling."""

from __future__ import annotations

import hashlib
import time
from datetime import datetime, timezone
from urllib.parse import unquote

import pytest

from editor_app.core.publishing import post_content
from editor_app.core.publishing.publisher import ConflictChoice, PublishConflict, Publisher
from editor_app.core.publishing.pull import pull
from editor_app.core.records import ArticleDraft
from editor_app.core.render import render_markdown

BODY = ("قالت وزارة الداخلية إن “التعاون الأمني” مع **Interpol** ساعد في تفكيك 3 خلايا خلال 2024، "
        "وفق [رويترز](https://www.reuters.com/world/).\n\n"
        "![صورة من الندوة]({inline})\n\n"
        "- أولاً: تعزيز الأمن السيبراني؛\n- ثانياً: حماية الحريات.\n")


def arabic_article(library, images, **extra):
    inline, featured = images
    record = library.create(ArticleDraft(
        title="مكافحة الإرهاب في العصر الرقمي: Apple تكشف عن iPhone 16", column="افتتاحية.. بقلم: أمين نشاط",
        category="أخبار/أمن وعدالة", tags=("الأمن السيبراني", "المغرب"), excerpt="مقتطف قصير عن الأمن الرقمي.",
        body=BODY.format(inline=inline), **extra,
    ))
    return library.set_featured_image(record.id, featured)


def media_url(site_api, data: bytes) -> str:
    name = f"midad-{hashlib.sha256(data).hexdigest()[:24]}"
    found = [item for item in site_api.get("wp/v2/media", search=name) if name in item["source_url"]]
    assert len(found) == 1, f"{name} uploaded {len(found)} times"
    return found[0]["source_url"]


def test_an_arabic_article_is_created_and_reads_back_byte_for_byte(library, site, site_api, images):
    record = arabic_article(library, images)
    outcome = Publisher(library, image_folders=(images[0].parent,)).publish(record.id, site.name)
    assert outcome.created and outcome.status == "draft"

    post = site_api.get(f"wp/v2/posts/{outcome.post_id}", context="edit")
    assert post["title"]["raw"] == record.title
    expected = render_markdown(record.body).replace(f'src="{images[0]}"', f'src="{media_url(site_api, images[0].read_bytes())}"')
    assert 'src="http://127.0.0.1' in expected
    assert post["content"]["raw"] == expected + post_content.marker(record.uuid)
    assert post["excerpt"]["raw"] == record.excerpt
    assert post["meta"][post_content.COLUMN_META] == "افتتاحية.. بقلم: أمين نشاط"

    categories = {term["id"]: term for term in site_api.get("wp/v2/categories", per_page=100)}
    child = categories[post["categories"][0]]
    assert child["name"] == "أمن وعدالة" and categories[child["parent"]]["name"] == "أخبار"
    tags = site_api.get("wp/v2/tags", include=",".join(map(str, post["tags"])))
    assert sorted(tag["name"] for tag in tags) == sorted(record.tags)
    featured = site_api.get(f"wp/v2/media/{post['featured_media']}")
    assert featured["source_url"] == media_url(site_api, images[1].read_bytes())

    stored = library.get(record.id)
    assert [revision.reason for revision in library.revisions(record.id)][0] == "publish"
    assert stored.status == record.status  # a draft on the site stays a draft here


def test_publishing_again_updates_the_same_post_and_uploads_no_image_twice(library, proxied_site, proxy, site_api,
                                                                           images):
    record = arabic_article(library, images)
    publisher = Publisher(library, image_folders=(images[0].parent,))
    first = publisher.publish(record.id, proxied_site.name)
    assert first.media_uploaded == 2 and proxy.count("POST", r"/wp/v2/media") == 2
    before = site_api.get(f"wp/v2/posts/{first.post_id}", context="edit")["modified_gmt"]

    time.sleep(1.1)  # modified_gmt has one-second resolution
    library.save_text(record.id, title=record.title, body=record.body + "\nفقرة أضيفت بعد النشر الأول.\n")
    second = publisher.publish(record.id, proxied_site.name, status="publish")
    assert (second.post_id, second.created, second.media_uploaded) == (first.post_id, False, 0)
    assert proxy.count("POST", r"/wp/v2/media") == 2  # nothing uploaded the second time
    assert proxy.count("POST", r"/wp/v2/posts$") == 1  # one create, ever
    after = site_api.get(f"wp/v2/posts/{first.post_id}", context="edit")
    assert after["modified_gmt"] > before
    assert "فقرة أضيفت بعد النشر الأول" in after["content"]["raw"]
    assert after["status"] == "publish" and library.get(record.id).status == "published"
    assert len(site_api.posts_marked(record.uuid)) == 1


def test_a_post_edited_on_the_site_is_a_conflict_until_the_writer_chooses(library, site, site_api, images):
    record = arabic_article(library, images)
    publisher = Publisher(library, image_folders=(images[0].parent,))
    post_id = publisher.publish(record.id, site.name).post_id
    time.sleep(1.1)
    site_api.post(f"wp/v2/posts/{post_id}", title="عنوان عدّله المحرر على الموقع",
                  content="<p>نص كتبه المحرر على الموقع مباشرة.</p>")
    library.save_text(record.id, title=record.title, body=record.body + "\nتعديل محلي.\n")

    with pytest.raises(PublishConflict) as conflict:
        publisher.publish(record.id, site.name)
    assert conflict.value.remote.title == "عنوان عدّله المحرر على الموقع"
    assert "نص كتبه المحرر على الموقع مباشرة." in conflict.value.remote.body_markdown
    assert "تعديل محلي." in conflict.value.local.body
    assert site_api.get(f"wp/v2/posts/{post_id}", context="edit")["title"]["raw"] == "عنوان عدّله المحرر على الموقع"

    taken = publisher.publish(record.id, site.name, on_conflict=ConflictChoice.TAKE_SITE)
    assert taken.took_site_version and taken.post_id == post_id
    local = library.get(record.id)
    assert local.title == "عنوان عدّله المحرر على الموقع" and local.body.strip() == "نص كتبه المحرر على الموقع مباشرة."
    assert "تعديل محلي." in library.revisions(record.id)[1].body  # the writer's text is kept as a revision

    library.save_text(record.id, title="عنوان جديد من مداد", body=local.body)
    publisher.publish(record.id, site.name)  # in step again: no conflict
    time.sleep(1.1)
    site_api.post(f"wp/v2/posts/{post_id}", title="تعديل ثان على الموقع")
    overwritten = publisher.publish(record.id, site.name, on_conflict=ConflictChoice.OVERWRITE)
    assert overwritten.post_id == post_id
    assert site_api.get(f"wp/v2/posts/{post_id}", context="edit")["title"]["raw"] == "عنوان جديد من مداد"


def test_a_post_deleted_on_the_site_is_published_anew(library, site, site_api, images):
    record = arabic_article(library, images)
    publisher = Publisher(library, image_folders=(images[0].parent,))
    first = publisher.publish(record.id, site.name)
    site_api.http.delete(f"wp/v2/posts/{first.post_id}", params={"force": "true"}).raise_for_status()
    second = publisher.publish(record.id, site.name)
    assert second.created and second.post_id != first.post_id


def test_pull_imports_the_sites_posts_as_markdown_linked_for_later_publishes(library, site, site_api):
    tag = site_api.http.post("wp/v2/tags", json={"name": "سحب"}).json()
    created = site_api.post("wp/v2/posts", title="مقال كتب على الموقع", status="publish", slug="مقال-الموقع",
                            content="<p>فقرة فيها <strong>خط عريض</strong> و<a href=\"https://example.com/\">رابط</a>.</p>"
                                    "<ul><li>بند أول</li><li>بند ثان</li></ul>",
                            tags=[tag.get("id") or tag["data"]["term_id"]])
    since = datetime.fromisoformat(created["modified_gmt"]).replace(tzinfo=timezone.utc)
    report = pull(library, site.name)
    assert report.imported >= 1
    imported = [s for s in library.summaries() if s.title == "مقال كتب على الموقع"]
    assert len(imported) == 1
    record = library.get(imported[0].id)
    assert "**خط عريض**" in record.body and "[رابط](https://example.com/)" in record.body
    assert "بند أول" in record.body and record.status == "published" and "سحب" in record.tags
    assert unquote(record.slug) == "مقال-الموقع"

    assert pull(library, site.name, since=since).imported == 0  # nothing twice
    time.sleep(1.1)
    site_api.post(f"wp/v2/posts/{created['id']}", title="مقال كتب على الموقع ثم عدل")
    later = pull(library, site.name)  # since the last pull began: only the post edited since
    assert (later.imported, later.updated) == (0, 1)
    assert library.get(record.id).title == "مقال كتب على الموقع ثم عدل"

    library.save_text(record.id, title="عدلته في مداد", body=library.get(record.id).body)
    outcome = Publisher(library).publish(record.id, site.name, status="publish")
    assert outcome.post_id == str(created["id"]) and not outcome.created
    assert site_api.get(f"wp/v2/posts/{created['id']}", context="edit")["title"]["raw"] == "عدلته في مداد"


def test_a_future_publication_date_schedules_the_post(library, site, site_api, images):
    from datetime import timedelta

    when = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=3)
    record = library.create(ArticleDraft(title="مقال مجدول", body="ينشر بعد ثلاثة أيام.\n", published_at=when))
    outcome = Publisher(library).publish(record.id, site.name, status="publish")
    post = site_api.get(f"wp/v2/posts/{outcome.post_id}", context="edit")
    assert post["status"] == "future" and post["date_gmt"] == when.replace(tzinfo=None).isoformat()
    assert library.get(record.id).status == "published"


def test_pull_walks_every_page_of_the_sites_posts(library, site, site_api, monkeypatch):
    titles = {f"صفحة السحب {n}" for n in range(5)}
    for title in titles:
        site_api.post("wp/v2/posts", title=title, status="draft", content="<p>نص</p>")
    from editor_app.core.publishing.wordpress import WordPressClient

    original = WordPressClient.posts
    monkeypatch.setattr(WordPressClient, "posts", lambda self, **kw: original(self, **{**kw, "per_page": 2}))
    pull(library, site.name)
    assert titles <= {summary.title for summary in library.summaries()}
