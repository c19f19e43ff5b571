"""Files and text built to hurt: bounded reads, regular files only, clear sentences, text that
stays text (issue 22, High 4's conversion and the Medium/Low items on input)."""

from __future__ import annotations

import html
import io
import json
import os
import re
import zipfile
from datetime import datetime, timezone

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.core.assets import NotAnImage, read_image
from editor_app.core.errors import ImportFailed
from editor_app.core.exporters.head_metadata import json_ld
from editor_app.core.importers import read_article_file
from editor_app.core.paste import escape_markdown_text, html_to_markdown
from editor_app.core.records import ArticleDraft
from editor_app.core.render import render_markdown
from editor_app.core.settings import Settings


def text_of(rendered: str) -> str:
    return re.sub(r"\s+", " ", BeautifulSoup(rendered, "html.parser").get_text()).strip()


LIVE = ["iframe", "script", "img", "h1", "h2", "h3", "ol", "ul", "a", "code", "em", "strong", "blockquote", "hr",
        "pre", "table"]
pieces = st.sampled_from(list("ab اب12.#-+*_`[]()!<>&;:{}|\\~=/ ") +
                         ["&lt;", "1. ", "# ", "![x](/etc/passwd)", "<iframe>", "&amp;", "---", "***", "{: .x}", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=30).map("".join))
def test_any_literal_text_from_a_site_stays_exactly_that_text(text):
    text = re.sub(r"\s+", " ", text).strip()
    markdown = html_to_markdown(f"<p>{html.escape(text)}</p>")
    rendered = BeautifulSoup(render_markdown(markdown), "html.parser")
    assert rendered.find(LIVE) is None, markdown
    assert text_of(str(rendered)) == text


@given(st.text(max_size=200))
def test_escaped_text_renders_to_itself(text):
    line = re.sub(r"\s+", " ", text).strip()
    rendered = BeautifulSoup(render_markdown(escape_markdown_text(line)), "html.parser")
    assert rendered.find(LIVE) is None
    visible = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", line)  # control characters are not text
    assert text_of(str(rendered)) == re.sub(r"\s+", " ", visible).strip()


def test_images_figures_and_captions_survive_the_conversion():
    source = ('<figure class="wp-block-image"><img src="https://site.example/a b.png" alt="الوفد"/>'
              '<figcaption class="wp-element-caption">الوفد في <strong>الرباط</strong></figcaption></figure>'
              '<p>قبل <img src="https://site.example/inline.jpg" alt=""> بعد</p>'
              '<!-- wp:paragraph --><p>فقرة</p><!-- /wp:paragraph -->')
    rendered = BeautifulSoup(render_markdown(html_to_markdown(source)), "html.parser")
    assert [img["src"] for img in rendered.find_all("img")] == ["https://site.example/a b.png",
                                                               "https://site.example/inline.jpg"]
    assert text_of(str(rendered.find("figcaption"))) == "الوفد في الرباط"
    assert "wp:paragraph" not in rendered.get_text()


def test_a_deeply_nested_settings_file_is_moved_aside(tmp_path):
    (tmp_path / "settings.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    settings_ = Settings(tmp_path)
    assert settings_.damaged_copy is not None and settings_.damaged_copy.exists()
    assert not (tmp_path / "settings.json").exists() and "nested too deeply" in settings_.problem


def test_a_title_opening_a_comment_cannot_blank_the_page(library):
    record = library.create(ArticleDraft(title="<!--<script>", excerpt="</script><script>alert(1)</script>"))
    script = json_ld(record, canonical_url=None, image_url=None)
    inner = script.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in inner and ">" not in inner
    assert json.loads(inner)["headline"] == "<!--<script>"


@pytest.mark.parametrize("markdown", [
    "".join("  " * depth + "- بند\n" for depth in range(500)),
    "> " * 3000 + "اقتباس",
    "نص\n{: " + " ".join(f'a{n}="1"' for n in range(20_000)) + " }",
])
def test_runaway_nesting_and_attribute_lists_render_as_text(markdown):
    rendered = render_markdown("مقدمة\n\n" + markdown)
    assert "مقدمة" in rendered


def _yaml_bomb(levels: int = 6) -> str:  # 9**6 items once walked (more would only slow an old Midad down)
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "---\ntitle: قنبلة\nunknown_key:\n" + "\n".join("  " + line for line in lines) + "\n---\nنص\n"


def test_a_yaml_alias_bomb_in_an_unknown_key_is_refused(tmp_path):
    path = tmp_path / "bomb.md"
    path.write_text(_yaml_bomb(), encoding="utf-8")
    with pytest.raises(ImportFailed, match="aliases"):
        read_article_file(path)


@pytest.mark.parametrize(("date", "words"), [("2024-02-30", "impossible date"), ("0001-01-01T00:00:00", "out of range"),
                                             ("9999-12-31T23:59:59", "out of range")])
def test_impossible_or_out_of_range_dates_are_a_sentence(tmp_path, date, words):
    path = tmp_path / "dated.md"
    path.write_text(f"---\ntitle: تاريخ\ndate: {date}\n---\nنص\n", encoding="utf-8")
    try:
        draft = read_article_file(path)
    except ImportFailed as error:
        assert words in str(error) or "date" in str(error)
    else:  # a date at the edge of the range that still converts is kept as it is
        assert draft.published_at is None or draft.published_at.tzinfo == timezone.utc


@pytest.mark.parametrize("suffix", [".md", ".txt", ".docx"])
def test_a_fifo_given_as_a_file_is_refused_instead_of_hanging(tmp_path, suffix):
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_article_file(fifo)


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_a_file_linked_to_dev_zero_is_refused_instead_of_filling_memory(tmp_path, suffix):
    link = tmp_path / f"zero{suffix}"
    link.symlink_to("/dev/zero")
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_article_file(link)


def test_an_image_path_to_dev_zero_is_refused(tmp_path):
    link = tmp_path / "zero.png"
    link.symlink_to("/dev/zero")
    with pytest.raises(NotAnImage, match="not a regular file"):
        read_image(link)


def test_a_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * (300 * 1024 * 1024) + b"/>")
    assert path.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ImportFailed, match="unpacks to more than"):
        read_article_file(path)


def _docx_with_a_broken_part(tmp_path, broken: str):
    from docx import Document

    good = io.BytesIO()
    document = Document()
    document.add_paragraph("نص")
    document.core_properties.title = "عنوان"
    document.save(good)
    names = {"document": "word/document.xml", "styles": "word/styles.xml", "core": "docProps/core.xml",
             "content-types": "[Content_Types].xml"}
    path = tmp_path / f"{broken}.docx"
    with zipfile.ZipFile(io.BytesIO(good.getvalue())) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, b"<broken><unclosed>" if item.filename == names[broken] else data)
    return path


@pytest.mark.parametrize("broken", ["document", "styles", "content-types"])
def test_malformed_docx_parts_are_a_sentence(tmp_path, broken):
    with pytest.raises(ImportFailed, match="Word document"):
        read_article_file(_docx_with_a_broken_part(tmp_path, broken))


def test_damaged_document_properties_lose_only_the_properties(tmp_path):
    """The text is what matters: a malformed docProps/core.xml costs the title property, not the article."""
    draft = read_article_file(_docx_with_a_broken_part(tmp_path, "core"))
    assert "نص" in draft.body


def test_a_nul_in_a_slug_is_dropped(library):
    record = library.create(ArticleDraft(title="t", slug="a\x00b", published_at=datetime(2024, 4, 9, tzinfo=timezone.utc)))
    assert record.slug == "a-b"
