"""When the site is away, slow, broken or says no: queued and retried, never twice, never
the password in a file or a log. Faults come from the proxy in front of the real WordPress."""

from __future__ import annotations

import base64
import json
import logging
import random
from datetime import timedelta

import httpx
import pytest

from editor_app.core.models import utc_now
from editor_app.core.publishing.outbox import Outbox, Queued, backoff_seconds, publish_or_queue
from editor_app.core.publishing.publisher import Publisher
from editor_app.core.publishing.sites import SiteError, SiteRegistry
from editor_app.core.publishing.wordpress_target import WordPressTarget
from editor_app.core.records import ArticleDraft
from tests.cli.test_cli import midad
from tests.wordpress.fault_proxy import Fault


def article(library, title="خبر عاجل: اجتماع وزراء الداخلية العرب في الرباط"):
    return library.create(ArticleDraft(title=title, body="انطلقت اليوم أشغال الاجتماع بحضور 22 وفداً.\n",
                                       category="دولي", tags=("الرباط",)))


def test_a_publish_made_while_the_site_is_unreachable_survives_a_restart_and_lands_once(
        tmp_path, wordpress, proxy, site_api):
    data = tmp_path / "data"
    added = midad("sites", "add", "newsroom", "--url", proxy.url, "--username", wordpress.username,
                  "--password-stdin", data_dir=data, stdin=wordpress.password + "\n")
    assert added.returncode == 0, added.stderr
    imported = midad("import", str(_markdown(tmp_path)), data_dir=data)
    article_id = imported.stdout.split("\t")[0]

    proxy.down = True
    queued = midad("publish", article_id, "--site", "newsroom", data_dir=data)
    assert queued.returncode == 75, queued.stderr
    assert "queued" in queued.stderr and "Traceback" not in queued.stderr
    waiting = json.loads(midad("outbox", "--json", data_dir=data).stdout)
    assert [(job["article_id"], job["state"], job["attempts"]) for job in waiting] == [(int(article_id), "pending", 1)]

    still_down = midad("outbox", "--retry", data_dir=data)  # a new process: the queue came from the database
    assert still_down.returncode == 75
    assert json.loads(midad("outbox", "--json", data_dir=data).stdout)[0]["attempts"] == 2

    proxy.down = False
    landed = midad("outbox", "--retry", data_dir=data)
    assert landed.returncode == 0, landed.stderr
    assert json.loads(midad("outbox", "--json", data_dir=data).stdout) == []
    uuid = json.loads(midad("show", article_id, "--json", data_dir=data).stdout)["uuid"]
    assert len(site_api.posts_marked(uuid)) == 1
    assert midad("outbox", "--retry", data_dir=data).returncode == 0
    assert len(site_api.posts_marked(uuid)) == 1  # exactly once


def _markdown(folder):
    path = folder / "article.md"
    path.write_text("---\ntitle: مقال ينتظر الشبكة\ncategory: مجتمع\n---\nنص المقال.\n", encoding="utf-8")
    return path


def test_a_timeout_after_the_site_created_the_post_leaves_one_post(library, proxied_site, proxy, site_api, wordpress):
    record = article(library)
    short = httpx.Timeout(1.5, connect=5)
    publisher = Publisher(library, target_factory=lambda site, password: WordPressTarget.open(
        site.url, site.username, password, timeout=short))
    proxy.fail_next("POST", r"/wp/v2/posts$", Fault.answer_late(seconds=4))
    outbox = Outbox(library.database)
    result = publish_or_queue(publisher, outbox, record.id, proxied_site.name)
    assert isinstance(result, Queued) and "did not answer in time" in result.entry.last_error
    assert len(site_api.posts_marked(record.uuid)) == 1  # the site did create it

    retried = outbox.run_due(publisher, everything=True)
    assert retried[0].outcome is not None and not retried[0].outcome.created
    assert len(site_api.posts_marked(record.uuid)) == 1
    assert proxy.count("POST", r"/wp/v2/posts$") == 1 and outbox.entries() == []


def test_a_dropped_connection_is_retried_and_media_are_not_uploaded_twice(library, proxied_site, proxy, site_api,
                                                                          images):
    record = library.set_featured_image(article(library).id, images[1])
    proxy.fail_next("POST", r"/wp/v2/posts$", Fault.drop())
    outbox = Outbox(library.database)
    assert isinstance(publish_or_queue(Publisher(library), outbox, record.id, proxied_site.name), Queued)
    assert outbox.run_due(Publisher(library), everything=True)[0].outcome is not None
    assert proxy.count("POST", r"/wp/v2/media") == 1
    assert len(site_api.posts_marked(record.uuid)) == 1


@pytest.mark.parametrize(("fault", "shortest_wait"), [
    (Fault.answer(500), 24), (Fault.answer(503), 24), (Fault.answer(429, retry_after="120"), 120)])
def test_server_errors_and_rate_limits_are_queued_with_backoff(library, proxied_site, proxy, fault, shortest_wait):
    record = article(library)
    proxy.fail_next("GET", r"/wp/v2/posts", fault)
    result = publish_or_queue(Publisher(library), Outbox(library.database), record.id, proxied_site.name)
    assert isinstance(result, Queued)
    assert str(fault.status) in result.entry.last_error
    wait = result.entry.next_attempt_at - utc_now()
    assert timedelta(seconds=shortest_wait - 2) < wait < timedelta(seconds=max(shortest_wait, 36) + 1)
    assert Outbox(library.database).run_due(Publisher(library)) == []  # not due yet


def test_backoff_doubles_with_jitter_and_honours_retry_after():
    rng = random.Random(1)
    delays = [backoff_seconds(attempt, rng=rng) for attempt in range(1, 10)]
    for attempt, delay in enumerate(delays, start=1):
        base = min(3600, 30 * 2 ** (attempt - 1))
        assert base * 0.8 <= delay <= base * 1.2
    assert backoff_seconds(1, retry_after=900, rng=rng) == 900


def test_a_wrong_password_gives_a_clear_401_and_is_not_retried(tmp_path, wordpress):
    data = tmp_path / "data"
    midad("sites", "add", "newsroom", "--url", wordpress.url, "--username", wordpress.username, "--password-stdin",
          data_dir=data, stdin="wrong pass word 1234\n")
    article_id = midad("import", str(_markdown(tmp_path)), data_dir=data).stdout.split("\t")[0]
    tested = midad("sites", "test", "newsroom", data_dir=data)
    assert tested.returncode == 3 and "401" in tested.stderr and "application password" in tested.stderr
    refused = midad("publish", article_id, "--site", "newsroom", data_dir=data)
    assert refused.returncode == 3, refused.stderr
    assert "(401)" in refused.stderr and "Application Passwords" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert json.loads(midad("outbox", "--json", data_dir=data).stdout) == []  # not queued for a retry


def test_sites_test_and_list_against_the_real_site(tmp_path, wordpress):
    data = tmp_path / "data"
    midad("sites", "add", "الموقع", "--url", wordpress.url + "/", "--username", wordpress.username, "--password-stdin",
          "--date-locale", "ar_MA", "--default-status", "pending", data_dir=data, stdin=wordpress.password + "\n")
    tested = midad("sites", "test", "الموقع", data_dir=data)
    assert tested.returncode == 0 and "Midad test site" in tested.stdout and "administrator" in tested.stdout
    listed = json.loads(midad("sites", "list", "--json", data_dir=data).stdout)
    assert listed == [{"name": "الموقع", "kind": "wordpress", "url": wordpress.url, "username": wordpress.username,
                       "date_locale": "ar_MA", "default_status": "pending", "default_category": "", "time_zone": "",
                       "options": {}}]


@pytest.mark.parametrize("url", ["http://example.com", "http://192.168.1.10/wp", "ftp://example.com", "example"])
def test_plain_http_is_refused_except_on_this_machine(library, url):
    with pytest.raises(SiteError):
        SiteRegistry(library.database).add("remote", url, "editor", "secret")


def test_https_and_local_http_are_accepted(library):
    registry = SiteRegistry(library.database)
    assert registry.add("live", "https://news.example.com/", "editor", "a b c").url == "https://news.example.com"
    assert registry.add("local", "http://localhost:8080", "editor", "abc").url == "http://localhost:8080"
    assert registry.password(registry.get("live")) == "abc"  # WordPress shows it with spaces; they are not part of it


def test_the_password_is_in_no_file_of_the_data_folder_and_no_log_line(tmp_path, wordpress, proxy, caplog):
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "data"
    secret = wordpress.password
    midad("sites", "add", "ok", "--url", proxy.url, "--username", wordpress.username, "--password-stdin",
          data_dir=data, stdin=secret + "\n")
    article_id = midad("import", str(_markdown(tmp_path)), data_dir=data).stdout.split("\t")[0]
    outputs = [midad("publish", article_id, "--site", "ok", data_dir=data)]
    proxy.down = True
    outputs.append(midad("publish", article_id, "--site", "ok", "--status", "pending", data_dir=data))
    proxy.down = False
    midad("sites", "add", "wrong", "--url", wordpress.url, "--username", wordpress.username, "--password-stdin",
          data_dir=data, stdin=secret[::-1] + "\n")
    outputs.append(midad("publish", article_id, "--site", "wrong", data_dir=data))
    outputs.append(midad("sites", "test", "wrong", data_dir=data))

    forms = [secret, secret[::-1], base64.b64encode(f"{wordpress.username}:{secret}".encode()).decode()]
    files = [path for path in data.rglob("*") if path.is_file()]
    assert any(path.suffix == ".db" for path in files)
    for path in files:
        content = path.read_bytes()
        for form in forms:
            assert form.encode() not in content, f"{form!r} found in {path}"
    for result in outputs:
        for form in forms:
            assert form not in result.stdout + result.stderr
    for form in forms:
        assert form not in caplog.text


def test_a_timeout_after_the_site_stored_an_image_does_not_upload_it_twice(library, proxied_site, proxy, site_api,
                                                                           images, wordpress):
    record = library.set_featured_image(article(library).id, images[1])
    short = httpx.Timeout(1.5, connect=5)
    publisher = Publisher(library, target_factory=lambda site, password: WordPressTarget.open(
        site.url, site.username, password, timeout=short))
    proxy.fail_next("POST", r"/wp/v2/media", Fault.answer_late(seconds=4))
    outbox = Outbox(library.database)
    assert isinstance(publish_or_queue(publisher, outbox, record.id, proxied_site.name), Queued)
    result = outbox.run_due(publisher, everything=True)[0]
    assert result.outcome is not None and result.outcome.media_uploaded == 0  # found, not uploaded again
    assert proxy.count("POST", r"/wp/v2/media") == 1
    post = site_api.posts_marked(record.uuid)[0]
    assert site_api.get(f"wp/v2/media/{post['featured_media']}")["source_url"].endswith(".png")
