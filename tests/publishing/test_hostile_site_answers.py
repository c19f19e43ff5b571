"""A site that answers slowly, hugely, elsewhere, or in the wrong shape: a clear sentence, a
bounded wait, nothing sent where it should not go (issue 22, Medium and Low). The real
WordPress sits behind the fault proxy, which only makes the answers a real site would not."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest

from editor_app.core.errors import MidadError
from editor_app.core.models import utc_now
from editor_app.core.publishing.credentials import password_for, store_password
from editor_app.core.publishing.outbox import Outbox, Queued, publish_or_queue
from editor_app.core.publishing.publisher import Publisher
from editor_app.core.publishing.pull import pull
from editor_app.core.publishing.sites import SiteError, SiteRegistry
from editor_app.core.publishing.errors import PublishCancelled, SiteRefused, SiteUnreachable, UnexpectedAnswer
from editor_app.core.publishing.wordpress import WordPressClient
from editor_app.core.records import ArticleDraft
from tests.cli.test_cli import midad
from tests.wordpress.fault_proxy import Fault, FaultProxy


def article(library, title="خبر عن الأشكال الغريبة"):
    return library.create(ArticleDraft(title=title, body="نص الخبر.\n"))


def finishes(action, seconds: float = 90) -> object:
    """Runs action on a thread; the test fails (instead of hanging for ever) if it never ends.
    A liveness bound, not a speed measurement."""
    outcome: dict = {}

    def run() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # noqa: BLE001
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the request never ended"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def client(proxy, wordpress, **options) -> WordPressClient:
    return WordPressClient(proxy.url, wordpress.username, wordpress.password, **options)


def test_a_site_that_trickles_bytes_is_given_up_at_the_overall_deadline(proxy, wordpress):
    proxy.fail_next("GET", r"/wp-json/$", Fault.trickle(0.5))
    with client(proxy, wordpress, deadline=3) as slow:
        with pytest.raises(SiteUnreachable, match="did not answer in time"):
            finishes(slow.check)


def test_cancel_interrupts_a_request_in_flight(proxy, wordpress):
    proxy.fail_next("GET", r"/wp-json/$", Fault.trickle(0.5))
    pressed = threading.Event()
    threading.Timer(1.0, pressed.set).start()
    with client(proxy, wordpress, cancelled=pressed.is_set) as slow:  # the default deadline: minutes
        with pytest.raises(PublishCancelled):
            finishes(slow.check)


def test_an_endless_answer_is_cut_at_the_size_limit(proxy, wordpress, monkeypatch):
    monkeypatch.setattr("editor_app.core.publishing.site_http.MAX_ANSWER_BYTES", 4 * 1024 * 1024)
    proxy.fail_next("GET", r"/wp-json/$", Fault.endless())
    with client(proxy, wordpress) as flooded:
        with pytest.raises(UnexpectedAnswer, match="larger than"):
            finishes(flooded.check)


def _without(key):
    return lambda answer: {k: v for k, v in answer.items() if k != key}


SHAPES = {
    "a list for an object": ("POST", r"/wp/v2/posts$", Fault.rewritten(lambda answer: [answer])),
    "a post without id": ("POST", r"/wp/v2/posts$", Fault.rewritten(_without("id"))),
    "a huge id": ("POST", r"/wp/v2/posts$", Fault.rewritten(lambda answer: {**answer, "id": 2**70})),
    "an id that is a word": ("POST", r"/wp/v2/posts$", Fault.rewritten(lambda answer: {**answer, "id": "abc"})),
    "a boolean id": ("POST", r"/wp/v2/posts$", Fault.rewritten(lambda answer: {**answer, "id": True})),
    "an object for a list": ("GET", r"/wp/v2/posts\?", Fault.rewritten(lambda answer: {"posts": answer})),
    "a list of numbers": ("GET", r"/wp/v2/posts\?", Fault.rewritten(lambda answer: [1, 2, 3])),
    "who am I as a list": ("GET", r"/wp/v2/users/me", Fault.rewritten(lambda answer: [answer])),
    "a schema that is a string": ("OPTIONS", r"/wp/v2/posts", Fault.rewritten(lambda answer: "schema")),
    "not JSON": ("GET", r"/wp/v2/users/me", Fault.reply(200, "<html>hello</html>", Content_Type="text/html")),
    "a JSON nested too deep": ("GET", r"/wp/v2/users/me", Fault.reply(200, "[" * 100_000 + "]" * 100_000)),
    "a term answer without an id": ("POST", r"/wp/v2/tags", Fault.rewritten(_without("id"))),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_any_answer_of_the_wrong_shape_is_a_sentence_not_a_crash(library, proxied_site, proxy, shape):
    method, path, fault = SHAPES[shape]
    proxy.fail_next(method, path, fault)
    record = library.create(ArticleDraft(title=f"شكل: {shape}", body="نص.\n", tags=("وسم الأشكال",)))
    try:
        publish_or_queue(Publisher(library), Outbox(library.database), record.id, proxied_site.name)
    except MidadError as error:
        assert str(error) and "Traceback" not in str(error)
    # Whatever happened, nothing crashed and the next publish works.
    outcome = Publisher(library).publish(record.id, proxied_site.name)
    assert int(outcome.post_id) > 0


@pytest.mark.parametrize("pages", ["abc", "", "-1", "99999999999999999999"])
def test_a_strange_page_count_is_read_as_one_page(library, proxied_site, proxy, pages):
    proxy.fail_next("GET", r"/wp/v2/posts\?", Fault.reply(200, "[]", X_WP_TotalPages=pages, Content_Type="application/json"))
    report = pull(library, proxied_site.name, since=utc_now())
    assert report.imported == 0


def test_a_date_that_is_not_a_date_still_imports_the_post(library, proxied_site, proxy, site_api):
    since = utc_now() - timedelta(seconds=2)  # modified_after is strict, to the second
    site_api.post("wp/v2/posts", title="تاريخ غريب", status="publish", content="<p>نص</p>")
    proxy.fail_next("GET", r"/wp/v2/posts\?", Fault.rewritten(lambda posts: [{**post, "date_gmt": "yesterday"} for post in posts]))
    pull(library, proxied_site.name, since=since)
    [record] = [library.get(s.id) for s in library.summaries() if s.title == "تاريخ غريب"]
    assert record.published_at is None


def test_a_string_post_id_does_not_duplicate_the_post(library, proxied_site, proxy, site_api):
    record = article(library, "خبر بمعرّف نصي")
    proxy.fail_next("POST", r"/wp/v2/posts$", Fault.rewritten(lambda answer: {**answer, "id": str(answer["id"])}))
    first = Publisher(library).publish(record.id, proxied_site.name)
    second = Publisher(library).publish(record.id, proxied_site.name)
    assert second.post_id == first.post_id and not second.created
    assert len(site_api.posts_marked(record.uuid)) == 1


def test_a_huge_retry_after_is_queued_not_an_unexpected_error(library, proxied_site, proxy):
    record = article(library, "خبر ينتظر طويلاً")
    proxy.fail_next("GET", r"/wp/v2/users/me", Fault.answer(503, retry_after="9" * 40))
    result = publish_or_queue(Publisher(library), Outbox(library.database), record.id, proxied_site.name)
    assert isinstance(result, Queued)
    wait = result.entry.next_attempt_at - utc_now()
    assert wait.days <= 1


def test_a_redirect_to_another_host_never_receives_the_article(library, proxied_site, proxy, wordpress, site_api):
    elsewhere = FaultProxy(wordpress.url).start()  # another origin (another port) that would accept anything
    try:
        record = article(library, "خبر لا يذهب إلى مكان آخر")
        proxy.fail_next("POST", r"/wp/v2/posts$", Fault.reply(307, "", Location=f"{elsewhere.url}/wp-json/wp/v2/posts"))
        with pytest.raises(SiteRefused, match="redirect"):
            Publisher(library).publish(record.id, proxied_site.name)
        assert elsewhere.requests == []
        assert site_api.posts_marked(record.uuid) == []  # and no "success" was reported
    finally:
        elsewhere.stop()


def test_a_redirect_that_turns_a_write_into_a_read_is_refused(library, proxied_site, proxy, site_api):
    record = article(library, "خبر لا يتحول إلى قراءة")
    proxy.fail_next("POST", r"/wp/v2/posts$", Fault.reply(302, "", Location="/wp-json/wp/v2/posts"))
    with pytest.raises(SiteRefused):
        Publisher(library).publish(record.id, proxied_site.name)
    assert site_api.posts_marked(record.uuid) == []


@pytest.mark.parametrize("url", ["https://user:secret@news.example.com", "https://:secret@news.example.com",
                                 "http://editor@127.0.0.1:8080", "https://a%40b:secret@news.example.com"])
def test_credentials_in_a_site_address_are_refused_and_never_repeated(library, url):
    with pytest.raises(SiteError) as refused:
        SiteRegistry(library.database).add("site", url, "editor", "app password")
    assert "secret" not in str(refused.value) and "password" in str(refused.value)
    assert SiteRegistry(library.database).list() == []


def test_the_cli_refuses_credentials_in_a_site_address_without_printing_them(tmp_path):
    added = midad("sites", "add", "newsroom", "--url", "https://editor:s3cret-token@news.example.com",
                  "--username", "editor", "--password-stdin", data_dir=tmp_path, stdin="app password\n")
    assert added.returncode == 1 and "s3cret-token" not in added.stderr + added.stdout
    assert "password" in added.stderr


def test_two_sites_whose_names_and_users_collide_keep_their_own_passwords():
    store_password("a:b", "c", "first password")
    store_password("a", "b:c", "second password")
    assert password_for("a:b", "c") == "first password"
    assert password_for("a", "b:c") == "second password"


def test_cli_output_carries_no_terminal_escapes_or_fake_rows(tmp_path):
    source = tmp_path / "hostile.md"
    source.write_text('---\ntitle: "عنوان\\n2\\tpublished\\tfake row\\u001b]0;owned\\u0007\\u001b[31mأحمر"\n---\nنص\n',
                      encoding="utf-8")
    imported = midad("import", str(source), data_dir=tmp_path / "data")
    assert imported.returncode == 0, imported.stderr
    listed = midad("list", data_dir=tmp_path / "data")
    lines = listed.stdout.strip().split("\n")
    assert len(lines) == 1 and lines[0].count("\t") == 3
    for output in (imported.stdout, listed.stdout, midad("show", "1", data_dir=tmp_path / "data").stdout):
        assert "\x1b" not in output and "\x07" not in output


def test_an_id_too_large_for_the_database_is_a_sentence(tmp_path):
    shown = midad("show", str(2**63), data_dir=tmp_path)
    assert shown.returncode == 2 and "is not an id" in shown.stderr and "Traceback" not in shown.stderr
    published = midad("publish", "99999999999999999999999", "--site", "x", data_dir=tmp_path)
    assert published.returncode == 2 and "unexpected" not in published.stderr


def test_a_slow_site_test_from_the_cli_ends(tmp_path, proxy, wordpress, monkeypatch):
    data = tmp_path / "data"
    assert midad("sites", "add", "slow", "--url", proxy.url, "--username", wordpress.username, "--password-stdin",
                 data_dir=data, stdin=wordpress.password + "\n").returncode == 0
    proxy.fail_next("GET", r"/wp-json/$", Fault.trickle(0.5))
    tested = midad("sites", "test", "slow", data_dir=data, env={"MIDAD_REQUEST_DEADLINE": "3"})
    assert tested.returncode == 75 and "did not answer in time" in tested.stderr
    assert json.loads(midad("sites", "list", "--json", data_dir=data).stdout)[0]["name"] == "slow"


def test_a_cut_or_an_address_with_no_server_is_worded_for_a_writer_not_by_exception_class(proxy, wordpress):
    from tests.wordpress.server import free_port

    proxy.fail_next("GET", r"/wp-json/$", Fault.drop())
    with client(proxy, wordpress, deadline=20) as cut:
        with pytest.raises(SiteUnreachable, match="was cut before its answer arrived"):
            finishes(cut.check)
    with WordPressClient(f"http://127.0.0.1:{free_port()}", wordpress.username, wordpress.password) as nobody:
        with pytest.raises(SiteUnreachable, match="nothing answers at that address") as refused:
            finishes(nobody.check)
    assert "Error" not in str(refused.value)
