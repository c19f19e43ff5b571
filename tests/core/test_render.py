"""Markdown → HTML: extensions, direction attributes, and the sanitiser's allow-list."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from editor_app.core.render import ALLOWED_FRAME_SOURCES, render_markdown
from tests.hostile_corpus import HOSTILE_MARKDOWN

ACTIVE_TAGS = {"script", "object", "embed", "meta", "link", "style", "base", "form", "input", "button",
               "svg", "math", "frame", "frameset", "applet", "template", "noscript", "video", "audio",
               "details", "body", "html", "head", "textarea", "select"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc", "data", "poster"}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    handle_startendtag = handle_starttag


def elements(html: str) -> list[tuple[str, dict[str, str]]]:
    parser = _Elements()
    parser.feed(html)
    return parser.elements


def active_parts(html: str) -> list[str]:
    """Everything in the HTML that could run, load or navigate on its own."""
    found = []
    for tag, attributes in elements(html):
        if tag in ACTIVE_TAGS:
            found.append(f"<{tag}>")
        for name, value in attributes.items():
            lowered = "".join(value.split()).lower()
            if name.startswith("on") or name == "style":
                found.append(f"{tag}[{name}]")
            if name in URL_ATTRIBUTES:
                if lowered.startswith(("javascript:", "vbscript:")):
                    found.append(f"{tag}[{name}]={value}")
                if lowered.startswith("data:") and not (tag == "img" and lowered.startswith(("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"))):
                    found.append(f"{tag}[{name}]=data")
        if tag == "iframe" and attributes.get("src") and not attributes["src"].startswith(ALLOWED_FRAME_SOURCES):
            found.append(f"iframe[src]={attributes['src']}")
    return found


def test_the_corpus_attempts_every_kind_of_active_html_the_checker_knows():
    """Without Midad's sanitiser (plain Python-Markdown), the corpus produces each kind of active
    HTML: so "nothing survives the renderer" below means something. (It used to assert only the
    corpus's size.)"""
    import markdown

    unsanitised = {name: active_parts(markdown.markdown(payload, extensions=["attr_list"]))
                   for name, payload in HOSTILE_MARKDOWN.items()}
    kinds = {part.split("=")[0] for parts in unsanitised.values() for part in parts}
    handlers = {kind for kind in kinds if "[on" in kind}
    urls = {part.split("=", 1)[1].split(":")[0] for parts in unsanitised.values() for part in parts if "=" in part}
    assert {"<script>", "<svg>", "<math>", "<object>", "<embed>", "<base>", "<meta>", "<form>", "<link>",
            "<style>", "<template>", "<details>", "<video>", "<noscript>"} <= kinds
    assert {"img[onerror]", "svg[onload]", "body[onload]", "input[onfocus]"} <= handlers
    assert {"javascript", "vbscript", "data"} <= urls and "p[style]" in kinds
    assert any(kind.startswith("iframe[src]") for kind in kinds)
    # Most entries are active as they stand; the rest target the sanitiser's own parsing
    # (comments, unclosed attributes, malformed nesting) and are checked below all the same.
    assert sum(1 for parts in unsanitised.values() if parts) >= len(HOSTILE_MARKDOWN) * 3 // 4


@pytest.mark.parametrize("name", sorted(HOSTILE_MARKDOWN))
def test_no_hostile_input_survives_the_renderer(name):
    html = render_markdown(HOSTILE_MARKDOWN[name])
    assert active_parts(html) == [], html


def test_the_checker_itself_catches_active_html():
    assert active_parts('<img src=x onerror="a()"><script>b()</script><a href="javascript:c()">x</a>') == [
        "img[onerror]", "<script>", "a[href]=javascript:c()",
    ]


def test_every_block_gets_its_direction_and_code_stays_ltr():
    html = render_markdown(
        "# عنوان\n\nفقرة عربية\n\nAn English paragraph\n\n**Apple** تكشف عن iPhone 16 في مؤتمرها\n\n"
        "- بند\n\n> اقتباس\n\n```\ncode\n```\n\n| أ | ب |\n|---|---|\n| 1 | 2 |\n"
    )
    blocks = [(tag, attributes.get("dir")) for tag, attributes in elements(html)
              if tag in {"h1", "p", "li", "blockquote", "pre", "td", "th"}]
    assert blocks == [
        ("h1", "rtl"), ("p", "rtl"), ("p", "ltr"), ("p", "rtl"), ("li", "rtl"), ("blockquote", "rtl"),
        ("p", "rtl"), ("pre", "ltr"), ("th", "rtl"), ("th", "rtl"), ("td", "auto"), ("td", "auto"),
    ]
    assert "<p></p>" not in html.replace(' dir="rtl"', "")


def test_extensions_writers_need():
    html = render_markdown(
        "## عنوان فرعي\n\nنص مع حاشية[^1].\n\n[^1]: الحاشية.\n\n![صورة](pic.jpg){: width=\"300\"}\n\n1. أول\n2. ثان\n"
    )
    assert 'id="عنوان-فرعي"' in html  # Arabic anchors, not "_1"
    assert 'class="footnote' in html
    assert 'width="300"' in html
    assert "<ol" in html


def test_allowed_video_embeds_keep_their_source_and_other_frames_go():
    html = render_markdown(
        '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>\n\n<iframe src="https://evil.example/"></iframe>'
        '\n\n<IFRAME>'
    )
    sources = [attributes.get("src") for tag, attributes in elements(html) if tag == "iframe"]
    assert sources == ["https://www.youtube-nocookie.com/embed/abc"]


def test_raster_data_images_are_kept():
    html = render_markdown("![x](data:image/png;base64,iVBORw0KGgo=)")
    assert 'src="data:image/png;base64,iVBORw0KGgo="' in html


def test_links_keep_their_targets_and_are_marked_noopener():
    html = render_markdown("[رويترز](https://www.reuters.com/world/)")
    assert 'href="https://www.reuters.com/world/"' in html and 'rel="noopener noreferrer"' in html


def test_arabic_text_passes_through_unchanged():
    text = "قال “المسؤول”: إن 3,5% من الميزانية، أي نحو ١٢ مليون، خُصّصت؟ نعم؛ وذلك عام 2024."
    assert text in render_markdown(text).replace("&amp;", "&")


# -- segment cache: converting segments apart must give the whole-document output --

TRICKY_BLOCKS = [
    "# عنوان\n\nفقرة أولى.",
    "- بند\n- بند\n\n- بند بعد سطر فارغ (قائمة فضفاضة)",
    "1. أول\n\n2. ثان\n\n   فقرة داخل البند الثاني",
    "> اقتباس\n\n> تتمة الاقتباس نفسه",
    "```python\nx = 1\n\n\ny = 2\n```",
    "~~~\nكود\n\nبأسطر فارغة\n~~~",
    "    كود مُزاح\n\n    تتمة الكود",
    "فقرة\n\n    كود بعد فقرة",
    "عنوان بخط تحته\n==============",
    "| أ | ب |\n|---|---|\n| 1 | 2 |",
    "## عنوان مكرر\n\nنص\n\n## عنوان مكرر\n\nنص",
    "![صورة](a.png){: width=\"300\"}",
    "نص مع `كود` و**عريض** و*مائل* و[رابط](https://example.com)",
    "---",
    "* * *\n\nفقرة",
    "- بند\n\n    كود داخل البند",
    "English paragraph with *emphasis*.\n\nفقرة عربية.",
]


@pytest.mark.parametrize("index", range(len(TRICKY_BLOCKS)))
def test_segmented_rendering_equals_whole_rendering_for_each_block(index):
    from editor_app.core import render

    text = "مقدمة.\n\n" + TRICKY_BLOCKS[index] + "\n\nخاتمة.\n"
    assert render._convert_by_segments(text) == render._convert(text)


def test_segmented_rendering_equals_whole_rendering_for_random_documents():
    import random

    from editor_app.core import render

    generator = random.Random(20241129)
    for _ in range(1000):
        blocks = generator.choices(TRICKY_BLOCKS, k=generator.randint(2, 8))
        separators = [generator.choice(["\n\n", "\n\n\n", "\n"]) for _ in blocks]
        text = "".join(block + separator for block, separator in zip(blocks, separators))
        assert render._convert_by_segments(text) == render._convert(text), text


def test_documents_with_document_wide_definitions_are_not_split():
    from editor_app.core.markdown_segments import split_segments

    assert split_segments("نص [رابط][1].\n\n[1]: https://example.com\n") is None
    assert split_segments("نص[^1].\n\n[^1]: حاشية\n") is None
    assert split_segments("<div>\n\nنص\n\n</div>\n") is None
    assert split_segments("أ\n\nب\n\nج") == ["أ\n", "ب\n", "ج"]


def test_a_hashtag_opening_a_paragraph_is_not_a_heading():
    """CommonMark: an ATX heading needs a space (or the line's end) after its #s."""
    html = render_markdown("#وسم_عربي في بداية الفقرة\n\n# عنوان حقيقي\n\nنص\n#وسم_آخر\n\n##\n\n####### سبعة")
    assert '<p dir="rtl">#وسم_عربي في بداية الفقرة</p>' in html
    assert "<h1" in html and "عنوان حقيقي</h1>" in html
    assert "#وسم_آخر</p>" in html and "####### سبعة</p>" in html
    assert html.count("<h") == 2  # the real heading and the empty "##"


def _whole_document_rendering(text: str) -> str:
    from editor_app.core import render

    return render._PRE_TAG.sub('<pre dir="ltr"', render.sanitise_html(render._convert(text)))


def test_rendering_sanitised_by_segments_equals_sanitising_the_whole_document():
    import random

    generator = random.Random(20261202)
    blocks = [*TRICKY_BLOCKS, "نص فيه <b>وسم لم يُغلق", "رابط <https://example.com> تلقائي", "أ & ب"]
    for _ in range(300):
        chosen = generator.choices(blocks, k=generator.randint(2, 8))
        text = "\n\n".join(chosen) + "\n"
        assert render_markdown(text) == _whole_document_rendering(text), text


def test_a_document_with_more_segments_than_the_cache_size_converts_only_its_changed_segment(monkeypatch):
    from editor_app.core import render

    monkeypatch.setattr(render, "SEGMENT_CACHE_SIZE", 8)
    paragraphs = [f"فقرة رقم {number} من المقال." for number in range(40)]
    text = "\n\n".join(paragraphs)
    first = render_markdown(text)
    converted = []
    original = render._convert
    monkeypatch.setattr(render, "_convert", lambda segment: converted.append(segment) or original(segment))
    paragraphs[20] += " كلمة جديدة"
    edited = "\n\n".join(paragraphs)
    shown = render_markdown(edited)
    assert converted == [paragraphs[20] + "\n"]
    monkeypatch.setattr(render, "_convert", original)
    assert shown == _whole_document_rendering(edited) != first
