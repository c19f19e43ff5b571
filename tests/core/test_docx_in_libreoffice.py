"""Word files judged by LibreOffice: our .docx rendered to PDF and measured with poppler,
and a LibreOffice-made Arabic .docx read back by `midad import`.

All our documents go through one LibreOffice run (module fixture): it is the slow part.
"""

from __future__ import annotations

import base64
import re
import time
import zipfile
from dataclasses import replace

import pytest

from editor_app.core.assets import asset_id_of, asset_source, image_from_bytes
from editor_app.core.exporters import ExportOptions
from editor_app.core.exporters.docx import MARGIN_MM, export_docx
from editor_app.core.importers import read_article_file
from editor_app.core.library import Library
from editor_app.core.records import ArticleDraft
from editor_app.core.storage import Database, resolve_location
from tests.conftest import SEED_ARTICLE
from tests.readers import MM, libreoffice_convert, pdf_fonts, pdf_info, pdf_pages, solid_png

EXTRA_BODY = """

An English paragraph that starts at the left margin and runs long enough to wrap onto a second line of the page, so that its left edge can be measured.

| البلد | Country |
|---|---|
| المغرب | Morocco |

استعمل الأمر `midad export` لتصدير المقال[^1].

1. الخطوة الأولى
2. الخطوة الثانية

فقرة تفصل بين القائمتين.

1. قائمة مستقلة

[^1]: حاشية تشرح مصدر الخبر.
"""
TOLERANCE = 3.0  # points: glyph side bearings


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Our .docx files and the PDFs LibreOffice makes of them."""
    folder = tmp_path_factory.mktemp("docx-lo")
    database = Database(resolve_location(data_dir=folder / "data", environ={}).database_url)
    library = Library(database)
    seed = read_article_file(SEED_ARTICLE)
    arabic, english = library.import_drafts([
        replace(seed, body=seed.body + EXTRA_BODY),
        ArticleDraft(title="Morocco and the United States", locale="en",
                     body="A short English article, laid out on Letter paper.\n"),
    ])
    documents = {"arabic": export_docx(arabic, folder / "arabic.docx", ExportOptions()),
                 "english": export_docx(english, folder / "english.docx", ExportOptions())}
    started = time.perf_counter()
    pdfs = libreoffice_convert(list(documents.values()), "pdf", folder / "pdf", folder / "profile")
    print(f"\nLibreOffice converted {len(pdfs)} .docx to PDF in {time.perf_counter() - started:.1f} s")
    yield {name: (documents[name], pdf) for name, pdf in zip(documents, pdfs)}
    database.close()


def _body_lines(pages, word):
    lines = [line for page in pages for line in page.lines_with(word)]
    assert lines, f"{word!r} is not in the PDF"
    return lines


def test_arabic_paragraph_lines_end_at_the_right_margin_and_english_starts_at_the_left(rendered):
    pages = pdf_pages(rendered["arabic"][1])
    page = pages[0]
    right_margin = page.width - MARGIN_MM * MM
    left_margin = MARGIN_MM * MM
    # The first paragraph: every line starts (right to left) at the right margin; its short
    # last line ends far from the left one (flush left, as the issue saw it, would fail both).
    first = page.block_with("تقييمها")
    assert len(first) >= 2
    for line in first:
        assert abs(line.x_max - right_margin) < TOLERANCE, (line.text, line.x_max, right_margin)
    assert first[-1].x_min > left_margin + 100
    english = next(page.block_with("English") for page in pages if page.lines_with("English"))
    assert len(english) >= 2
    for line in english:
        assert abs(line.x_min - left_margin) < TOLERANCE, (line.text, line.x_min)
    assert english[-1].x_max < right_margin - 100


def test_the_table_the_footnote_the_code_and_the_byline_survive(rendered):
    docx, pdf = rendered["arabic"]
    pages = pdf_pages(pdf)
    # The table's cells, right to left: the Arabic column on the right.
    [arabic_header] = _body_lines(pages, "البلد")
    [latin_header] = _body_lines(pages, "Country")
    assert "Morocco" in " ".join(line.text for page in pages for line in page.lines)
    assert abs(arabic_header.y_min - latin_header.y_min) < TOLERANCE
    assert arabic_header.x_min > latin_header.x_max
    # A real footnote: its text at the foot of the page that refers to it, not a link.
    [note] = _body_lines(pages, "تشرح")
    note_page = next(page for page in pages if note in page.lines)
    assert note.y_min > note_page.height * 0.75
    with zipfile.ZipFile(docx) as archive:
        assert "word/footnotes.xml" in archive.namelist()
        assert "#fn:" not in archive.read("word/_rels/document.xml.rels").decode()
        assert '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>' in archive.read("word/settings.xml").decode()
    assert "DejaVuSansMono" in pdf_fonts(pdf).replace(" ", "")  # inline code in a monospace face
    # The byline in the site's time zone (Casablanca: 18:23 UTC was 6:23 pm during Ramadan 2024).
    [byline] = _body_lines(pages, "كتبه")
    assert "أبريل" in byline.text and "6:23" in byline.text and "2024" in byline.text
    # Lists: the second numbered list starts again at 1, numbers inside the right margin.
    right_margin = pages[0].width - MARGIN_MM * MM
    items = [line for page in pages for line in page.lines if line.has_word("الخطوة") or line.has_word("مستقلة")]
    labels = [line for page in pages for line in page.lines if line.words and line.words[-1].isdigit()
              and any(abs(line.y_min - item.y_min) < 2 for item in items)]
    assert [line.words[-1] for line in labels] == ["1", "2", "1"]
    assert all(line.x_max <= right_margin + TOLERANCE for line in labels + items)
    assert all(line.x_max < label.x_min for line, label in zip(items, labels))  # each number to the right of its text
    [kicker] = _body_lines(pages, "افتتاحية..")
    assert "بقلم:" in kicker.text


def test_page_size_follows_the_locale_and_properties_come_from_the_article(rendered):
    arabic = pdf_pages(rendered["arabic"][1])[0]
    english = pdf_pages(rendered["english"][1])[0]
    assert (round(arabic.width / MM), round(arabic.height / MM)) == (210, 297)  # A4 for Arabic
    assert (round(english.width), round(english.height)) == (612, 792)  # Letter for en
    info = pdf_info(rendered["arabic"][1])
    assert info["Title"].startswith("العلاقات المغربية") and info["Author"] == "أمين نشاط"
    with zipfile.ZipFile(rendered["arabic"][0]) as archive:
        core = archive.read("docProps/core.xml").decode()
        styles = archive.read("word/styles.xml").decode()
        document = archive.read("word/document.xml").decode()
        assert "docProps/thumbnail.jpeg" not in archive.read("_rels/.rels").decode()
        assert "<Application>Midad " in archive.read("docProps/app.xml").decode()
    assert "python-docx" not in core and "2013" not in core
    assert "افتتاحية.. بقلم: أمين نشاط" in document
    # Arabic the same size as Latin, never letter-spaced, never slanted by a style.
    assert '<w:szCs w:val="26"/>' in styles and '<w:lang w:bidi="ar-MA"/>' in styles
    assert "<w:spacing w:val=" not in styles
    for name in ("Title", "Subtitle"):
        style = styles.split(f'<w:name w:val="{name}"/>')[1].split("</w:style>")[0]
        assert "<w:i/>" not in style and "<w:iCs/>" not in style


# -- a Word file made by LibreOffice, as correspondents send them ------------------------------

LIBREOFFICE_SOURCE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مراسلة</title></head><body>
<p dir="rtl">فقرة فيها كلمة <b>غامقة</b> وأخرى <i>مائلة</i> من المراسل.</p>
<ul dir="rtl"><li>بند أول</li><li>بند ثان</li></ul>
<ol dir="rtl"><li>خطوة أولى</li><li>خطوة ثانية</li></ol>
<blockquote dir="rtl"><p>اقتباس من بيان الوزارة</p></blockquote>
<table dir="rtl" border="1"><tr><th>المدينة</th><th>العدد</th></tr><tr><td>الرباط</td><td>12</td></tr></table>
<p dir="rtl"><img src="data:image/png;base64,{png}" alt="صورة الحدث" width="40" height="30"></p>
</body></html>"""


@pytest.fixture(scope="module")
def libreoffice_docx(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lo-made")
    source = folder / "correspondent.html"
    source.write_text(LIBREOFFICE_SOURCE.replace("{png}", base64.b64encode(solid_png(40, 30)).decode()), encoding="utf-8")
    started = time.perf_counter()
    [docx] = libreoffice_convert([source], "docx:MS Word 2007 XML", folder / "out", folder / "profile")
    print(f"\nLibreOffice wrote a .docx in {time.perf_counter() - started:.1f} s")
    return docx


def test_a_libreoffice_arabic_docx_keeps_bold_lists_image_table_and_quote(libreoffice_docx, library):
    with zipfile.ZipFile(libreoffice_docx) as archive:
        xml = archive.read("word/document.xml").decode()
    assert "<w:bCs/>" in xml and "<w:b/>" not in xml  # Arabic bold only as the complex-script flag
    draft = read_article_file(libreoffice_docx)
    assert "**غامقة**" in draft.body and "*مائلة*" in draft.body
    assert "- بند أول\n- بند ثان" in draft.body
    assert "1. خطوة أولى\n2. خطوة ثانية" in draft.body
    assert "> اقتباس من بيان الوزارة" in draft.body
    assert "| المدينة | العدد |" in draft.body and "| الرباط | 12 |" in draft.body
    assert len(draft.images) == 1 and draft.images[0].mime_type == "image/png"
    assert "![](imported-image:1)" in draft.body
    # Stored, the image is the article's own asset, in the body where it stood.
    [record] = library.import_drafts([draft])
    [asset_id] = [asset_id_of(source) for source in re.findall(r"\]\(([^)]+)\)", record.body)]
    assert asset_id is not None and "imported-image" not in record.body
    assert library.article_image(record.id, asset_id).data == draft.images[0].data


def test_body_images_survive_our_docx_and_back(library, tmp_path):
    png = solid_png(40, 30)
    record = library.create(ArticleDraft(title="صور"))
    asset_id = library.add_image(record.id, image_from_bytes(png, "photo.png"))
    record = library.save_text(record.id, title="صور", body=f"قبل الصورة\n\n![صورة الحدث]({asset_source(asset_id)})\n\nبعدها\n",
                               explicit=True)
    path = export_docx(record, tmp_path / "images.docx", ExportOptions(article_asset_loader=library.article_image))
    [copy] = library.import_drafts([read_article_file(path)])
    assert re.fullmatch(r"قبل الصورة\n\n!\[صورة الحدث\]\(asset:\d+\)\n\nبعدها\n", copy.body), copy.body
    copied = asset_id_of(copy.body.split("(")[1].split(")")[0])
    assert copied != asset_id and library.article_image(copy.id, copied).data == png


def test_our_own_docx_read_back_keeps_midad_fields(rendered):
    draft = read_article_file(rendered["arabic"][0])
    seed = read_article_file(SEED_ARTICLE)
    assert (draft.slug, draft.excerpt, draft.status, draft.locale, draft.published_at) == (
        seed.slug, seed.excerpt, seed.status, seed.locale, seed.published_at)
    assert (draft.title, draft.column, draft.author, draft.tags) == (seed.title, seed.column, seed.author, seed.tags)
    assert "| البلد | Country |" in draft.body
    assert "`midad export`" in draft.body
    assert "[^1]: حاشية تشرح مصدر الخبر." in draft.body
    assert "كتبه" not in draft.body  # the byline is not body text
