"""Ghost sites from the command line against the real Ghost: added with an Admin API key read
from standard input (kept in the keyring, never in the data folder), tested, refused clearly
when the key is wrong, and Ghost's own limits said in a sentence."""

from __future__ import annotations

import json

import pytest

from editor_app.core.publishing.sites import SiteError, SiteRegistry
from editor_app.core.errors import MidadError
from tests.cli.test_cli import midad


def test_a_ghost_site_is_added_tested_and_listed_from_the_cli(tmp_path, ghost):
    data = tmp_path / "data"
    added = midad("sites", "add", "--kind", "ghost", "غوست", ghost.url, "--key-stdin", "--default-status", "publish",
                  data_dir=data, stdin=ghost.admin_key + "\n")
    assert added.returncode == 0, added.stderr
    tested = midad("sites", "test", "غوست", data_dir=data)
    assert tested.returncode == 0 and "موقع الاختبار" in tested.stdout, tested.stderr
    [listed] = json.loads(midad("sites", "list", "--json", data_dir=data).stdout)
    key_id, secret = ghost.admin_key.split(":")
    assert (listed["kind"], listed["url"], listed["username"], listed["default_status"]) == \
        ("ghost", ghost.url, key_id, "publish")
    for path in (p for p in data.rglob("*") if p.is_file()):
        assert secret.encode() not in path.read_bytes(), f"the key's secret is in {path}"


def test_a_wrong_ghost_key_is_refused_with_advice_and_not_retried(tmp_path, ghost):
    data = tmp_path / "data"
    key_id, secret = ghost.admin_key.split(":")
    wrong = f"{key_id}:{secret[::-1]}"
    midad("sites", "add", "--kind", "ghost", "خطأ", "--url", ghost.url, "--key-stdin", data_dir=data, stdin=wrong + "\n")
    tested = midad("sites", "test", "خطأ", data_dir=data)
    assert tested.returncode == 3 and "Admin API key" in tested.stderr and "Traceback" not in tested.stderr
    assert secret[::-1] not in tested.stderr


def test_what_is_not_a_ghost_key_is_a_sentence_and_stores_nothing(library):
    registry = SiteRegistry(library.database)
    with pytest.raises(MidadError, match="not a Ghost Admin API key"):
        registry.add("غوست", "https://ghost.example.com", "", "not-a-key", kind="ghost")
    assert registry.list() == []


def test_ghost_offers_no_pending_review_status(library):
    with pytest.raises(SiteError, match="draft, publish, future"):
        SiteRegistry(library.database).add("غوست", "https://ghost.example.com", "", "a" * 24 + ":" + "b" * 64,
                                           kind="ghost", default_status="pending")


def test_an_edit_on_ghost_between_midads_read_and_write_is_a_conflict_not_overwritten(library, ghost, ghost_api,
                                                                                      monkeypatch):
    """Ghost refuses an update whose `updated_at` is stale (409): the editor's save that lands
    while Midad publishes is shown as a conflict, never lost."""
    import time

    from editor_app.core.publishing.ghost_target import GhostTarget
    from editor_app.core.publishing.publisher import PublishConflict, Publisher
    from editor_app.core.records import ArticleDraft

    site = SiteRegistry(library.database).add("غوست", ghost.url, "", ghost.admin_key, kind="ghost")
    record = library.create(ArticleDraft(title="عنوان أول", body="نص أول.\n"))
    post_id = Publisher(library).publish(record.id, site.name).post_id
    library.save_text(record.id, title="عنوان من مداد", body="نص ثان.\n")
    push = GhostTarget.push

    def editor_saves_first(self, fields, remote_id, existing):
        time.sleep(1.1)  # Ghost stamps updated_at to the second
        ghost_api.edit(post_id, title="عنوان المحرر على Ghost")
        return push(self, fields, remote_id, existing)

    monkeypatch.setattr(GhostTarget, "push", editor_saves_first)
    with pytest.raises(PublishConflict) as conflict:
        Publisher(library).publish(record.id, site.name)
    assert conflict.value.remote.title == "عنوان المحرر على Ghost"
    assert ghost_api.post(post_id)["title"] == "عنوان المحرر على Ghost"


GHOST_SHAPES = {
    "posts as a string": ("GET", r"/posts/\?", lambda answer: {"posts": "not a list"}),
    "a post without an id": ("POST", r"/posts/\?", lambda answer: {"posts": [{"title": "x"}]}),
    "an image without its address": ("POST", r"/images/upload/", lambda answer: {"images": [{"ref": "x"}]}),
    "a list for an object": ("GET", r"/posts/\?", lambda answer: [answer]),
}


@pytest.mark.parametrize("shape", sorted(GHOST_SHAPES))
def test_any_ghost_answer_of_the_wrong_shape_is_a_sentence_and_the_next_publish_works(library, ghost, images, shape):
    from editor_app.core.publishing.outbox import Outbox, publish_or_queue
    from editor_app.core.publishing.publisher import Publisher
    from editor_app.core.records import ArticleDraft
    from tests.wordpress.fault_proxy import Fault, FaultProxy

    proxy = FaultProxy(ghost.url).start()
    try:
        site = SiteRegistry(library.database).add("غوست", proxy.url, "", ghost.admin_key, kind="ghost")
        record = library.set_featured_image(library.create(ArticleDraft(title=f"شكل: {shape}", body="نص.\n")).id,
                                            images[1])
        method, path, rewrite = GHOST_SHAPES[shape]
        proxy.fail_next(method, path, Fault.rewritten(rewrite))
        with pytest.raises(MidadError) as refused:
            publish_or_queue(Publisher(library), Outbox(library.database), record.id, site.name)
        assert "Ghost does not send" in str(refused.value) and "Traceback" not in str(refused.value)
        assert Publisher(library).publish(record.id, site.name).post_id  # nothing half-done blocks the next one
    finally:
        proxy.stop()


def test_a_pulled_ghost_post_published_back_keeps_its_code_injection_and_gets_the_marker(library, ghost, ghost_api):
    from editor_app.core.publishing.publisher import Publisher
    from editor_app.core.publishing.pull import pull

    site = SiteRegistry(library.database).add("غوست", ghost.url, "", ghost.admin_key, kind="ghost")
    footer = "<script>window.newsroomCounter = 1;</script>"
    created = ghost_api.create(title="مقال فيه شيفرة مضمنة", html="<p>نص.</p>", status="draft", codeinjection_foot=footer)
    pull(library, site.name)
    [summary] = [s for s in library.summaries() if s.title == "مقال فيه شيفرة مضمنة"]
    record = library.get(summary.id)
    library.save_text(record.id, title="مقال فيه شيفرة مضمنة ثم عدل", body=record.body)
    assert Publisher(library).publish(record.id, site.name).post_id == created["id"]
    after = ghost_api.post(created["id"])
    assert after["codeinjection_foot"] == f"{footer}\n<!-- midad:{record.uuid} -->"
    assert after["title"] == "مقال فيه شيفرة مضمنة ثم عدل" and after["status"] == "draft"
