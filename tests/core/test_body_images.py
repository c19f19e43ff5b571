"""Images in the article's body: stored as the article's assets, named `asset:ID` in the
Markdown, found by the preview, the HTML export and the site export; never another
article's file, never bytes that are not a raster image."""

from __future__ import annotations

import base64

import pytest

from editor_app.core.assets import NotAnImage, asset_id_of, asset_source, image_from_bytes
from editor_app.core.exporters.standalone_html import ExportOptions, export_standalone_html
from editor_app.core.formatting import image_paragraph
from editor_app.core.models import Asset
from editor_app.core.records import ArticleDraft
from editor_app.core.render import render_markdown
from editor_app.core.templates import article_context

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def test_an_image_is_inserted_as_its_own_paragraph():
    text = "الجملة الأولى. الجملة الثانية."
    edit = image_paragraph(text, 15, 15, "asset:7", alt="صورة [الوزير]", caption='الوزير "في" المؤتمر')
    assert edit.apply(text) == ('الجملة الأولى.\n\n![صورة \\[الوزير\\]](asset:7 "الوزير ”في” المؤتمر")\n\n'
                                "الجملة الثانية.")
    assert image_paragraph("", 0, 0, "asset:1").apply("") == "![](asset:1)\n\n"


def test_a_captioned_image_renders_as_a_figure_and_asset_sources_survive_the_sanitiser():
    html = render_markdown('فقرة\n\n![صورة المؤتمر](asset:12 "الوزير في المؤتمر")\n\n[رابط](asset:3)')
    assert '<figure><img alt="صورة المؤتمر" src="asset:12"><figcaption dir="rtl">الوزير في المؤتمر</figcaption></figure>' in html
    assert 'href="asset' not in html  # only an image may name a stored asset


def test_stored_images_belong_to_their_article_and_must_be_raster(library, database):
    article = library.create(ArticleDraft(title="أ"))
    other = library.create(ArticleDraft(title="ب"))
    asset_id = library.add_image(article.id, image_from_bytes(PNG, "pasted.png"))
    assert library.add_image(article.id, image_from_bytes(PNG, "again.png")) == asset_id  # stored once
    assert library.article_image(article.id, asset_id).data == PNG
    assert library.article_image(other.id, asset_id) is None  # another article's image is not served
    assert library.article_image(article.id, asset_id + 100) is None
    with database.transaction() as session:  # bytes changed behind Midad's back are no longer an image
        session.get(Asset, asset_id).data = b"#!/bin/sh\nrm -rf ~\n"
    assert library.article_image(article.id, asset_id) is None
    with pytest.raises(NotAnImage):
        image_from_bytes(b"<svg onload=alert(1)>", "x.png")


def test_asset_references_are_parsed_strictly():
    assert asset_id_of(asset_source(42)) == 42
    assert [asset_id_of(source) for source in ("asset:../etc/passwd", "asset:", "/tmp/asset:3", "asset:3/x")] == [None] * 4


def test_the_template_and_the_html_export_find_body_images(library, tmp_path):
    record = library.create(ArticleDraft(title="عنوان"))
    asset_id = library.add_image(record.id, image_from_bytes(PNG, "a.png"))
    record = library.save_text(record.id, title="عنوان", body=f"فقرة\n\n![صورة]({asset_source(asset_id)})\n", explicit=True)
    context = article_context(record, asset_url=lambda found: f"midad://preview/article/{record.id}/{found}")
    assert f'src="midad://preview/article/{record.id}/{asset_id}"' in context["body_html"]
    page = export_standalone_html(record, tmp_path / "a.html", ExportOptions(asset_loader=library.asset, article_asset_loader=library.article_image)).read_text()
    assert "data:image/png;base64," + base64.b64encode(PNG).decode() in page
    assert "asset:" not in page


def test_a_duplicate_owns_copies_of_the_body_images(library):
    record = library.create(ArticleDraft(title="أصل"))
    first = library.add_image(record.id, image_from_bytes(PNG, "a.png"))
    record = library.save_text(record.id, title="أصل", body=f"![أ]({asset_source(first)})\n", explicit=True)
    copy = library.duplicate(record.id)
    copied_id = asset_id_of(copy.body.split("(")[1].rstrip(")\n"))
    assert copied_id != first
    assert library.article_image(copy.id, copied_id).data == PNG


def test_the_word_export_carries_a_stored_body_image(library, tmp_path):
    import docx

    from editor_app.core.exporters.docx import export_docx

    record = library.create(ArticleDraft(title="عنوان"))
    asset_id = library.add_image(record.id, image_from_bytes(PNG, "a.png"))
    record = library.save_text(record.id, title="عنوان", body=f'فقرة\n\n![صورة]({asset_source(asset_id)} "تعليق")\n', explicit=True)
    document = docx.Document(str(export_docx(record, tmp_path / "a.docx", ExportOptions(asset_loader=library.asset, article_asset_loader=library.article_image))))
    blobs = [part.blob for part in document.part.package.parts if part.partname.startswith("/word/media/")]
    assert PNG in blobs
