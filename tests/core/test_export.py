"""Export formats: standalone HTML, body HTML, Markdown, Word, static site; failures leave nothing."""

from __future__ import annotations

import base64
import json
import re
import zipfile
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest

from editor_app.core.exporters import ExportOptions, export_site
from editor_app.core.exporters.body_html import export_body_html
from editor_app.core.exporters.docx import export_docx
from editor_app.core.exporters.markdown import export_markdown
from editor_app.core.exporters.standalone_html import export_standalone_html
from editor_app.core.files import WriteFailed
from editor_app.core.importers import read_article_file
from tests.conftest import FIXTURES, SEED_ARTICLE

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture
def seed(library, tmp_path):
    [record] = library.import_drafts([read_article_file(SEED_ARTICLE)])
    image = tmp_path / "cover.png"
    image.write_bytes(PNG)
    library.set_featured_image(record.id, image)
    return library.update_metadata(record.id, featured_caption="صورة الغلاف")


def options(library, **extra):
    return ExportOptions(asset_loader=library.asset, **extra)


def test_standalone_html_is_valid_html5_with_everything_inside(seed, library, tmp_path):
    output = export_standalone_html(seed, tmp_path / "article.html", options(library, site_url="https://example.ma"))
    html = output.read_text(encoding="utf-8")
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)  # raises on any parse error
    assert '<html lang="ar" dir="rtl">' in html
    assert '<meta name="description" content="أكدت وزارة الخارجية الأمريكية' in html
    assert '<meta property="og:title" content="العلاقات المغربية-الأمريكية' in html
    assert '<meta name="twitter:card"' in html
    # The same canonical URL as the static site's page of the article (test_site_and_standalone_agree_on_canonical).
    assert '<link rel="canonical" href="https://example.ma/articles/العلاقات-المغربية-الأمريكية-شراكة-استراتيجية.html">' in html
    assert "url('data:font/ttf;base64," in html
    assert 'src="data:image/png;base64,' in html  # the featured image travels inside
    assert "<figcaption" in html and "صورة الغلاف" in html
    assert "http://" not in re.sub(r"https?://(example\.ma|schema\.org)[^\"'<\s]*", "", html)
    assert not (tmp_path / "article_files").exists()


def test_json_ld_news_article(seed, library, tmp_path):
    html = export_standalone_html(seed, tmp_path / "a.html", options(library, site_url="https://example.ma")).read_text()
    block = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S).group(1)
    data = json.loads(block.replace("<\\/", "</"))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == seed.title
    assert data["datePublished"] == "2024-04-09T18:23:00+00:00"
    assert data["author"] == {"@type": "Person", "name": "أمين نشاط"}
    assert data["articleSection"] == "أمن وعدالة"
    assert data["inLanguage"] == "ar-MA"
    assert data["mainEntityOfPage"].startswith("https://example.ma/")


def test_copy_mode_puts_fonts_and_images_beside_the_page(seed, library, tmp_path):
    output = export_standalone_html(seed, tmp_path / "article.html", options(library, embed=False))
    html = output.read_text(encoding="utf-8")
    folder = tmp_path / "article_files"
    assert (folder / "NotoNaskhArabic-Regular.ttf").read_bytes()[:4] == b"\x00\x01\x00\x00"
    assert "url('article_files/NotoNaskhArabic-Regular.ttf')" in html
    images = list(folder.glob("image-*.png"))
    assert images and images[0].read_bytes() == PNG
    assert f'src="article_files/{images[0].name}"' in html


def test_local_body_images_are_embedded(library, tmp_path):
    (tmp_path / "photo.png").write_bytes(PNG)
    record = library.create(read_article_file(SEED_ARTICLE).__class__(title="صور", body="![صورة](photo.png)\n"))
    html = export_standalone_html(record, tmp_path / "out.html", options(library, source_folder=tmp_path)).read_text()
    assert 'src="data:image/png;base64,' in html


def test_body_only_html(seed, tmp_path):
    html = export_body_html(seed, tmp_path / "body.html").read_text(encoding="utf-8")
    assert html.startswith('<p dir="rtl">في تقييمها الدوري')
    assert "<html" not in html and "<script" not in html


def test_markdown_export_then_import_is_lossless(seed, library, tmp_path):
    path = export_markdown(seed, tmp_path / "article.md")
    draft = read_article_file(path)
    [again] = library.import_drafts([draft])
    for field in ("title", "column", "author", "category", "tags", "slug", "excerpt", "body", "status", "locale", "published_at"):
        assert getattr(again, field) == getattr(seed, field), field
    assert again.slug == seed.slug  # same slug: the import takes the file's slug as written


def test_markdown_round_trip_of_an_awkward_article(library, tmp_path):
    from editor_app.core.records import ArticleDraft

    tricky = ArticleDraft(title="yes", column="123", author="O'Brien: كاتب", tags=("null", "#وسم"), excerpt="a: b",
                          body="# ليس عنوانًا\n\n---\n\nنص بعد خط.\n", status="archived", locale="ar_DZ",
                          published_at=datetime(2024, 5, 1, 9, 30, tzinfo=timezone.utc))
    [record] = library.import_drafts([tricky])
    [again] = library.import_drafts([read_article_file(export_markdown(record, tmp_path / "t.md"))])
    for field in ("title", "column", "author", "tags", "excerpt", "body", "status", "locale", "published_at"):
        assert getattr(again, field) == getattr(record, field), field


def _docx_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def test_word_export_marks_arabic_right_to_left(library, tmp_path):
    [record] = library.import_drafts([read_article_file(FIXTURES / "mixed_article.md")])
    path = export_docx(record, tmp_path / "article.docx", options(library))
    xml = _docx_xml(path)
    assert xml.count('<w:bidi w:val="1"/>') >= 6  # the Arabic paragraphs
    assert "<w:rtl/>" in xml and 'w:cs="Noto Naskh Arabic"' in xml
    assert '<w:pStyle w:val="Heading2"/>' in xml
    assert "<w:b/>" in xml and "<w:bCs/>" in xml  # bold, for Arabic (complex script) too
    assert "w:hyperlink" in xml
    english = re.search(r"<w:p>(?:(?!</w:p>).)*This is the best iPhone(?:(?!</w:p>).)*</w:p>", xml, re.S).group(0)
    assert '<w:bidi w:val="1"/>' not in english  # the English paragraph stays left-to-right


def test_word_round_trip_keeps_text_headings_and_emphasis(library, tmp_path):
    original = read_article_file(FIXTURES / "mixed_article.md")
    [record] = library.import_drafts([original])
    draft = read_article_file(export_docx(record, tmp_path / "a.docx", options(library)))
    assert draft.title == original.title
    assert (draft.column, draft.author, draft.category, draft.tags) == (original.column, original.author, original.category, original.tags)
    assert draft.body == original.body


def test_a_broken_word_file_is_refused_clearly(tmp_path):
    from editor_app.core.errors import ImportFailed

    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFailed, match="not a (readable )?Word document"):
        read_article_file(bad)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if tag in ("a", "link", "img") and attributes.get(name):
                self.targets.append(attributes[name])


def test_static_site_links_all_resolve(library, tmp_path):
    records = library.import_drafts([read_article_file(SEED_ARTICLE), read_article_file(FIXTURES / "mixed_article.md")])
    report = export_site(records, tmp_path / "site", asset_loader=library.asset, include_drafts=True)
    pages = list((tmp_path / "site").rglob("*.html"))
    # index + categories أمن وعدالة, اقتصاد (the parent) and اقتصاد/تكنولوجيا + two articles
    assert report.articles == 2 and len(pages) == report.pages == 6
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'dir="rtl"' in html
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
        parser = _Links()
        parser.feed(html)
        for target in parser.targets:
            if target.startswith(("http", "data:", "#")):
                continue
            assert (page.parent / target).resolve().exists(), f"{page.name} → {target}"
        for font in re.findall(r"url\('([^']+)'\)", html):
            assert (page.parent / font).resolve().exists(), font
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Apple تكشف عن iPhone 16" in index and "العلاقات المغربية-الأمريكية" in index


def test_static_site_leaves_drafts_out_unless_asked(library, tmp_path):
    published, draft = library.import_drafts([read_article_file(SEED_ARTICLE), read_article_file(FIXTURES / "mixed_article.md")])
    assert (published.status, draft.status) == ("published", "draft")
    report = export_site([published, draft], tmp_path / "site")
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert report.articles == 1 and "العلاقات المغربية" in index and "Apple" not in index
    assert not list((tmp_path / "site").rglob("*iphone*")) and not (tmp_path / "site" / "category" / "اقتصاد.html").exists()
    ready = library.change_status(draft.id, "ready")
    assert export_site([published, ready], tmp_path / "ready").articles == 2
    assert export_site([published, draft], tmp_path / "all", include_drafts=True).articles == 2


def test_site_breadcrumb_navigation_favicon_and_one_canonical_url(library, tmp_path):
    [record] = library.import_drafts([read_article_file(FIXTURES / "mixed_article.md")])
    record = library.change_status(record.id, "published")
    export_site([record], tmp_path / "site", site_url="https://example.ma/")
    [page] = (tmp_path / "site" / "articles").glob("*.html")
    html = page.read_text(encoding="utf-8")
    # Home › اقتصاد › تكنولوجيا, each a link to its page
    assert '<a href="../index.html">الرئيسية</a>' in html
    assert '<a href="../category/اقتصاد.html">اقتصاد</a>' in html
    assert '<a href="../category/اقتصاد-تكنولوجيا.html">تكنولوجيا</a>' in html
    assert '<link rel="icon" href="../assets/favicon.svg"' in html and (tmp_path / "site" / "assets" / "favicon.svg").exists()
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert ".site-nav a { display: inline-block; color: var(--ink); text-decoration: none;" in index
    assert 'aria-current="page">الرئيسية</a>' in index
    standalone = export_standalone_html(record, tmp_path / "one.html", options(library, site_url="https://example.ma"))
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical == re.findall(r'<link rel="canonical" href="([^"]+)">', standalone.read_text(encoding="utf-8"))
    assert canonical == [f"https://example.ma/articles/{page.name}"]


def test_an_unwritable_destination_fails_in_one_sentence_and_leaves_nothing(seed, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(WriteFailed, match="a part of the path is not a folder|not a directory"):
        export_markdown(seed, blocker / "article.md")
    existing = tmp_path / "keep.md"
    existing.write_text("old")
    before = sorted(p.name for p in tmp_path.iterdir())
    export_markdown(seed, existing)
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no temporary file left over


def test_word_export_carries_body_images(library, tmp_path):
    from editor_app.core.records import ArticleDraft

    (tmp_path / "photo.png").write_bytes(PNG)
    [record] = library.import_drafts([ArticleDraft(title="صور", body="قبل الصورة\n\n![صورة](photo.png)\n\nبعدها\n")])
    path = export_docx(record, tmp_path / "images.docx", options(library, source_folder=tmp_path))
    with zipfile.ZipFile(path) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert media and archive.read(media[0]) == PNG
