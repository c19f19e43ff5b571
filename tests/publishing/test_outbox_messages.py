"""The outbox keeps a publish's error as its template and values, so that the window shows it
in its own language (Arabic first) while the CLI prints the English sentence."""

from __future__ import annotations

from editor_app.core.errors import QT_TRANSLATE_NOOP, Text
from editor_app.core.publishing.errors import SiteRefused, SiteUnreachable
from editor_app.core.publishing.outbox import Outbox, error_text, stored_error
from editor_app.core.publishing.sites import SiteRegistry
from editor_app.core.records import ArticleDraft


def test_a_stored_error_comes_back_as_the_same_text_with_its_nested_advice():
    advice = Text(QT_TRANSLATE_NOOP("errors", "; check the Admin API key (Ghost › Settings › Integrations)"))
    refused = SiteRefused(Text(QT_TRANSLATE_NOOP("errors", "{url} refused ({status}){said}{advice}"),
                               url="https://ghost.example.com", status=401, said="", advice=advice), 401)
    text = error_text(stored_error(refused))
    assert text.template == "{url} refused ({status}){said}{advice}"
    assert isinstance(text.values["advice"], Text) and text.values["advice"].template == advice.template
    assert str(text) == str(refused)


def test_an_error_stored_by_an_older_midad_is_shown_as_it_was_even_with_braces():
    assert str(error_text("cannot reach {url}: ConnectError")) == "cannot reach {url}: ConnectError"
    assert str(error_text('{"template": "{missing}", "values": {}}')) == '{"template": "{missing}", "values": {}}'


def test_the_outbox_lists_the_english_sentence_and_the_text_to_translate(library):
    site = SiteRegistry(library.database).add("غوست", "https://ghost.example.com", "", "a" * 24 + ":" + "b" * 64,
                                              kind="ghost")
    record = library.create(ArticleDraft(title="خبر", body="نص.\n"))
    unreachable = SiteUnreachable(Text(QT_TRANSLATE_NOOP("errors", "{url} did not answer in time"), url=site.url))
    entry = Outbox(library.database).enqueue(record.id, site.id, "publish", unreachable)
    [listed] = Outbox(library.database).entries()
    assert entry.last_error == listed.last_error == "https://ghost.example.com did not answer in time"
    assert listed.last_error_text.template == "{url} did not answer in time"
    assert listed.to_json_dict()["last_error"] == "https://ghost.example.com did not answer in time"
