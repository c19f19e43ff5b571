"""Images stored with an article and private notes travel with the article, both ways: each
side names an image by its own id, the bytes arrive once, nothing is removed by sync; a
private note reaches only its author's other desktops (the server's row-level security)."""

from __future__ import annotations

import os

import pytest

from editor_app.core.assets import ImageFile
from editor_app.core.records import ArticleDraft
from tests.sync.replicas import Desktop, server_checksums

PNG = b"\x89PNG\r\n\x1a\n"


def image(name: str) -> ImageFile:
    return ImageFile(f"{name}.png", "image/png", PNG + name.encode() + os.urandom(64))


@pytest.fixture
def desktops(tmp_path, newsroom):
    made = []

    def make(name: str, login: str) -> Desktop:
        desktop = Desktop(tmp_path / name, newsroom.url(login), name)
        made.append(desktop)
        return desktop

    yield make
    for desktop in made:
        desktop.close()


def body_images(desktop: Desktop, article_id: int) -> list[bytes]:
    """The bytes of each image the body shows, in order, as this desktop resolves them."""
    import re

    body = desktop.library.get(article_id).body
    found = []
    for asset_id in re.findall(r"\(asset:(\d+)", body):
        stored = desktop.library.article_image(article_id, int(asset_id))
        found.append(stored.data if stored else None)
    return found


def test_images_travel_both_ways_and_both_sides_keep_theirs(newsroom, desktops):
    editor = newsroom.add("editor", "هدى")
    a, b = desktops("a", editor), desktops("b", editor)
    created = a.library.create(ArticleDraft(title="معرض الكتاب", body="فقرة أولى.\n\nفقرة ثانية."))
    cover, inside = image("cover"), image("inside")
    a.library.set_featured_image_data(created.id, cover)
    inside_id = a.library.add_image(created.id, inside)
    a.library.save_text(created.id, title="معرض الكتاب",
                        body=f'فقرة أولى.\n\n![الزوار](asset:{inside_id} "زوار المعرض")\n\nفقرة ثانية.')
    assert a.sync().pushed == 1
    b.sync()
    b_id = b.library.id_for_uuid(created.uuid)
    on_b = b.library.get(b_id)
    assert b.library.asset(on_b.featured_asset_id).data == cover.data
    assert body_images(b, b_id) == [inside.data]
    assert '"زوار المعرض")' in on_b.body
    # The server resolves the body's image by its own id too.
    server = newsroom.library(editor)
    server_id = server.id_for_uuid(created.uuid)
    assert server.asset(server.get(server_id).featured_asset_id).data == cover.data
    assert a.checksums() == b.checksums() == server_checksums(newsroom)

    # Offline, each adds an image to a different paragraph: merged, every image on every side.
    from_a, from_b = image("from-a"), image("from-b")
    a_image = a.library.add_image(created.id, from_a)
    a.library.save_text(created.id, title="معرض الكتاب", body=a.library.get(created.id).body.replace(
        "فقرة أولى.", f"فقرة أولى.\n\n![أ](asset:{a_image})"))
    b_image = b.library.add_image(b_id, from_b)
    b.library.save_text(b_id, title="معرض الكتاب", body=b.library.get(b_id).body.replace(
        "فقرة ثانية.", f"فقرة ثانية.\n\n![ب](asset:{b_image})"))
    a.sync()
    assert b.sync().merged == 1
    a.sync()
    expected = [from_a.data, inside.data, from_b.data]
    assert body_images(a, created.id) == body_images(b, b_id) == expected
    assert a.checksums() == b.checksums() == server_checksums(newsroom)
    # Each image's bytes are stored once per side.
    for desktop, article_id in ((a, created.id), (b, b_id)):
        with desktop.database.transaction() as session:
            from sqlalchemy import text
            assert session.scalar(text("SELECT count(*) FROM assets WHERE article_id = :a"), {"a": article_id}) == 4


def test_a_private_note_reaches_only_its_authors_desktops(newsroom, desktops):
    writer = newsroom.add("writer", "سعاد")
    editor = newsroom.add("editor", "هدى")
    home, office, desk = desktops("home", writer), desktops("office", writer), desktops("desk", editor)
    created = home.library.create(ArticleDraft(title="تحقيق", body="نص"))
    home.library.set_private_note(created.id, "تأكد من الرقم مع المصدر")
    home.sync()
    office.sync()
    desk.sync()
    office_id, desk_id = office.library.id_for_uuid(created.uuid), desk.library.id_for_uuid(created.uuid)
    assert office.library.private_note(office_id) == "تأكد من الرقم مع المصدر"
    assert desk.library.private_note(desk_id) == ""
    # The editor's own note stays the editor's; the writer changes hers on the other desktop.
    desk.library.set_private_note(desk_id, "يحتاج عنوانًا أقصر")
    assert desk.sync().pushed == 1
    office.library.set_private_note(office_id, "الرقم مؤكد")
    assert office.sync().pushed == 1
    home.sync()
    desk.sync()
    assert home.library.private_note(created.id) == "الرقم مؤكد"
    assert desk.library.private_note(desk_id) == "يحتاج عنوانًا أقصر"
    assert newsroom.library(writer).private_note(newsroom.library(writer).id_for_uuid(created.uuid)) == "الرقم مؤكد"
    assert home.checksums() == office.checksums() == desk.checksums() == server_checksums(newsroom)
