"""The same publishing scenarios against both targets, each a real server on 127.0.0.1 behind
the fault proxy (tests/publishing/remotes.py): create, update the same post, images uploaded
once, a conflict until the writer chooses, the outbox after a cut, pull back to Markdown,
scheduled posts."""

from __future__ import annotations

import hashlib
import time
from datetime import datetime, timedelta, timezone

import httpx
import pytest

from editor_app.core.publishing.outbox import Outbox, Queued, publish_or_queue
from editor_app.core.publishing.publisher import ConflictChoice, PublishConflict, Publisher
from editor_app.core.publishing.pull import pull
from editor_app.core.records import ArticleDraft
from tests.publishing.remotes import names
from tests.wordpress.fault_proxy import Fault

COLUMN = "افتتاحية.. بقلم: أمين نشاط"
BODY = ("قالت وزارة الداخلية إن “التعاون الأمني” مع **Interpol** ساعد في تفكيك 3 خلايا خلال 2024.\n\n"
        "![صورة من الندوة]({inline})\n\n- أولاً: تعزيز الأمن السيبراني؛\n- ثانياً: حماية الحريات.\n")


def article(library, images, **extra):
    inline, featured = images
    record = library.create(ArticleDraft(title="مكافحة الإرهاب في العصر الرقمي: Apple تكشف عن iPhone 16", column=COLUMN,
                                         tags=("الأمن السيبراني", "المغرب"), excerpt="مقتطف قصير عن الأمن الرقمي.",
                                         body=BODY.format(inline=inline), **extra))
    return library.set_featured_image(record.id, featured)


def uploaded_name(path) -> str:
    return f"midad-{hashlib.sha256(path.read_bytes()).hexdigest()[:24]}"


def test_an_arabic_article_is_created_with_its_images_tags_excerpt_and_column(library, remote, cut, images):
    site = remote.add(library, cut.url)
    record = article(library, images)
    outcome = Publisher(library, image_folders=(images[0].parent,)).publish(record.id, site.name)
    assert outcome.created and outcome.status == "draft" and outcome.media_uploaded == 2

    seen = remote.seen(outcome.post_id)
    assert seen.title == record.title and seen.status == "draft"
    assert seen.excerpt == record.excerpt and seen.tags == tuple(sorted(record.tags))
    assert seen.column == COLUMN
    assert "Interpol" in seen.html and "تعزيز الأمن السيبراني" in seen.html
    assert str(images[0]) not in seen.html and uploaded_name(images[0]) in seen.html  # the site's copy, not this disk's
    assert uploaded_name(images[1]) in seen.featured_url
    assert remote.marked(record.uuid) == 1


def test_publishing_again_updates_the_same_post_and_uploads_no_image_twice(library, remote, cut, images):
    site = remote.add(library, cut.url)
    record = article(library, images)
    publisher = Publisher(library, image_folders=(images[0].parent,))
    first = publisher.publish(record.id, site.name)
    assert cut.count("POST", remote.media_upload) == 2

    time.sleep(1.1)  # both sites stamp versions to the second
    library.save_text(record.id, title=record.title, body=record.body + "\nفقرة أضيفت بعد النشر الأول.\n")
    second = publisher.publish(record.id, site.name, status="publish")
    assert (second.post_id, second.created, second.media_uploaded) == (first.post_id, False, 0)
    assert cut.count("POST", remote.media_upload) == 2 and cut.count("POST", remote.post_create) == 1
    seen = remote.seen(first.post_id)
    assert "فقرة أضيفت بعد النشر الأول" in seen.html and seen.status == "publish"
    assert library.get(record.id).status == "published" and remote.marked(record.uuid) == 1


def test_a_post_edited_on_the_site_is_a_conflict_until_the_writer_chooses(library, remote, cut, images):
    site = remote.add(library, cut.url)
    record = article(library, images)
    publisher = Publisher(library, image_folders=(images[0].parent,))
    post_id = publisher.publish(record.id, site.name).post_id
    time.sleep(1.1)
    remote.edit(post_id, "عنوان عدّله المحرر على الموقع", "<p>نص كتبه المحرر على الموقع مباشرة.</p>")
    library.save_text(record.id, title=record.title, body=record.body + "\nتعديل محلي.\n")

    with pytest.raises(PublishConflict) as conflict:
        publisher.publish(record.id, site.name)
    assert conflict.value.remote.title == "عنوان عدّله المحرر على الموقع"
    assert "نص كتبه المحرر على الموقع مباشرة." in conflict.value.remote.body_markdown
    assert remote.seen(post_id).title == "عنوان عدّله المحرر على الموقع"  # nothing overwritten

    taken = publisher.publish(record.id, site.name, on_conflict=ConflictChoice.TAKE_SITE)
    assert taken.took_site_version and taken.post_id == post_id
    local = library.get(record.id)
    assert local.title == "عنوان عدّله المحرر على الموقع" and local.body.strip() == "نص كتبه المحرر على الموقع مباشرة."
    assert "تعديل محلي." in library.revisions(record.id)[1].body  # the writer's text is kept as a revision

    library.save_text(record.id, title="عنوان جديد من مداد", body=local.body)
    publisher.publish(record.id, site.name)  # in step again: no conflict
    time.sleep(1.1)
    remote.edit(post_id, "تعديل ثان على الموقع")
    assert publisher.publish(record.id, site.name, on_conflict=ConflictChoice.OVERWRITE).post_id == post_id
    assert remote.seen(post_id).title == "عنوان جديد من مداد"


def test_a_publish_during_a_cut_waits_in_the_outbox_and_lands_once(library, remote, cut, images):
    site = remote.add(library, cut.url)
    record = article(library, images)
    publisher, outbox = Publisher(library, image_folders=(images[0].parent,)), Outbox(library.database)
    cut.down = True
    queued = publish_or_queue(publisher, outbox, record.id, site.name, status="publish")
    assert isinstance(queued, Queued) and queued.entry.state == "pending"
    assert outbox.run_due(publisher, everything=True)[0].outcome is None  # still cut: stays queued
    assert remote.marked(record.uuid) == 0

    cut.down = False
    landed = outbox.run_due(publisher, everything=True)
    assert landed[0].outcome is not None and landed[0].outcome.created
    assert outbox.entries() == [] and remote.marked(record.uuid) == 1
    assert remote.seen(landed[0].outcome.post_id).status == "publish"
    assert outbox.run_due(publisher, everything=True) == [] and remote.marked(record.uuid) == 1


def test_pull_brings_posts_back_as_markdown_linked_for_later_publishes(library, remote, cut):
    site = remote.add(library, cut.url)
    title = f"مقال كتب على الموقع {next(names)}"
    post_id = remote.create(title, "<p>فقرة فيها <strong>خط عريض</strong> و<a href=\"https://example.com/\">رابط</a>.</p>"
                                   "<ul><li>بند أول</li><li>بند ثان</li></ul>", "سحب")
    assert pull(library, site.name).imported >= 1
    [summary] = [s for s in library.summaries() if s.title == title]
    record = library.get(summary.id)
    assert "**خط عريض**" in record.body and "[رابط](https://example.com/)" in record.body and "- بند أول" in record.body
    assert record.status == "published" and "سحب" in record.tags

    time.sleep(1.1)
    remote.edit(post_id, title + " ثم عدل")
    later = pull(library, site.name)  # since the last pull began: only what changed
    assert (later.imported, later.updated) == (0, 1) and library.get(record.id).title == title + " ثم عدل"

    library.save_text(record.id, title="عدلته في مداد", body=library.get(record.id).body)
    outcome = Publisher(library).publish(record.id, site.name)
    assert outcome.post_id == post_id and not outcome.created
    assert remote.seen(post_id).title == "عدلته في مداد" and remote.seen(post_id).status == "publish"


def test_a_future_publication_date_schedules_the_post(library, remote, cut):
    site = remote.add(library, cut.url)
    when = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=3)
    record = library.create(ArticleDraft(title="مقال مجدول", body="ينشر بعد ثلاثة أيام.\n", published_at=when))
    outcome = Publisher(library).publish(record.id, site.name, status="publish")
    assert outcome.status == "future" and remote.seen(outcome.post_id).status == "future"
    assert library.get(record.id).status == "published"


def short_timeout_publisher(library, images):
    from editor_app.core.publishing.targets import open_target

    short = httpx.Timeout(5, connect=5)
    return Publisher(library, image_folders=(images[0].parent,),
                     target_factory=lambda site, secret: open_target(site, secret, timeout=short))


def eventually(check, seconds: float = 60.0) -> None:
    """Waits for the site to finish what it was doing when Midad stopped waiting for it
    (Ghost resizes an upload for seconds): a retry before then is another case."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the site never finished"
        time.sleep(0.2)


def test_answers_lost_after_the_site_acted_leave_one_post_and_one_upload(library, remote, cut, images):
    """The site stores the image, then creates the post, but each answer comes too late: the
    retries find both (by their names and by the marker) instead of making them twice."""
    site = remote.add(library, cut.url)
    record = library.set_featured_image(library.create(ArticleDraft(title="خبر ينتظر الجواب", body="نص.\n")).id,
                                        images[1])
    publisher, outbox = short_timeout_publisher(library, images), Outbox(library.database)
    cut.fail_next("POST", remote.media_upload, Fault.answer_late(seconds=8))
    assert isinstance(publish_or_queue(publisher, outbox, record.id, site.name), Queued)
    eventually(lambda: remote.has_media(uploaded_name(images[1])))
    cut.fail_next("POST", remote.post_create, Fault.answer_late(seconds=8))
    second = outbox.run_due(publisher, everything=True)[0]
    assert second.outcome is None and "did not answer in time" in second.error
    eventually(lambda: remote.marked(record.uuid) == 1)  # the site did create it

    landed = outbox.run_due(publisher, everything=True)[0].outcome
    assert landed is not None and not landed.created and landed.media_uploaded == 0
    assert cut.count("POST", remote.media_upload) == 1 and cut.count("POST", remote.post_create) == 1
    assert remote.marked(record.uuid) == 1 and uploaded_name(images[1]) in remote.seen(landed.post_id).featured_url
