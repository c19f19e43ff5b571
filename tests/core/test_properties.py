"""Property-based tests (hypothesis) on everything that reads untrusted text: importers,
front matter, DOCX, the renderer and the Arabic tools. Arbitrary Unicode, bidi controls,
zero-width joiners, lone surrogates written as escapes, NUL bytes, invalid UTF-8, long lines."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import html5lib
from docx import Document
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from editor_app.core import arabic
from editor_app.core.errors import MidadError
from editor_app.core.importers import read_article_file
from editor_app.core.render import render_markdown

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
BIDI_AND_JOINERS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200c\u200d\ufeff\u0640"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىةًٌٍَُِّْ٠١٢٣٤٥٦٧٨٩،؛؟«»“”"
MARKUP = "<>/=\"'`*_#[]()!:-|{}\\&;\n "
# Text as writers and attackers produce it: Arabic, Latin, markup, bidi controls, anything.
texts = st.text(alphabet=st.one_of(st.sampled_from(ARABIC + BIDI_AND_JOINERS + MARKUP + "abcXYZ019."),
                                   st.characters(exclude_categories=("Cs",))), max_size=400)
TAGS = ("script", "iframe", "object", "embed", "svg", "math", "style", "img", "a", "form", "input", "base",
        "meta", "link", "details", "video", "audio", "source", "body", "html", "template")
hostile_fragments = st.lists(st.one_of(
    texts,
    st.builds(lambda tag, attr, value: f"<{tag} {attr}=\"{value}\">", st.sampled_from(TAGS),
              st.sampled_from(("onerror", "onload", "src", "href", "style", "srcdoc", "formaction", "xlink:href",
                               "onclick", "data")),
              st.sampled_from(("javascript:alert(1)", "jav&#x61;script:x", "x", "data:text/html,<script>x</script>",
                               "https://evil.example/", "vbscript:x", " javascript:x"))),
    st.sampled_from(("[x](javascript:alert(1))", "![x](javascript:x)", "<script>x</script>", "</p><script>",
                     "<!--", "-->", "<![CDATA[", "```", "<svg><script>x</script></svg>", "&lt;script&gt;",
                     "[x]: javascript:alert(1)\n\n[y][x]", "<a href='jAvAsCrIpT:x'>", "<img src=x onerror=x>")),
), max_size=12).map("".join)


def _write(data: bytes, suffix: str) -> Path:
    handle = tempfile.NamedTemporaryFile(suffix=suffix, delete=False)
    handle.write(data)
    handle.close()
    return Path(handle.name)


def _imports_or_fails_clearly(path: Path):
    try:
        return read_article_file(path)
    except MidadError as error:
        assert str(error).strip() and "Traceback" not in str(error)
        return None
    finally:
        path.unlink(missing_ok=True)


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from((".md", ".txt", ".markdown")))
def test_any_bytes_import_or_fail_with_a_message(data, suffix):
    _imports_or_fails_clearly(_write(data, suffix))


@SETTINGS
@given(texts)
def test_any_unicode_markdown_keeps_every_character_of_its_body(body):
    assume(not body.lstrip("\ufeff \t\r\n").startswith("---"))
    draft = _imports_or_fails_clearly(_write(body.encode("utf-8"), ".md"))
    if draft is not None:
        original, kept = "".join(body.lstrip("\ufeff").split()), "".join(draft.body.split())
        if kept != original:  # a leading "# Heading" becomes the title (documented); nothing else may go
            assert original.endswith(kept)
            assert original[: len(original) - len(kept)].lstrip("#") == "".join(draft.title.split())


@SETTINGS
@given(st.dictionaries(st.sampled_from(("title", "tags", "category", "author", "date", "status", "slug", "excerpt",
                                        "column", "locale", "published_at", "x")),
                       st.one_of(texts, st.integers(), st.lists(texts, max_size=3), st.none(), st.booleans(),
                                 st.sampled_from(("2024-04-09", "2024-04-09T18:23:00+01:00", "not a date",
                                                  "[unclosed", "{a: b", "!!python/object:os.system ls")))),
       texts)
def test_any_front_matter_imports_or_fails_with_a_message(meta, body):
    lines = []
    for key, value in meta.items():
        lines.append(f"{key}: {value!r}" if not isinstance(value, str) else f"{key}: {value}")
    _imports_or_fails_clearly(_write(("---\n" + "\n".join(lines) + "\n---\n" + body).encode("utf-8", "surrogatepass"),
                                     ".md"))


@SETTINGS
@given(st.binary(max_size=3000))
def test_any_bytes_named_docx_fail_with_a_message(data):
    assert _imports_or_fails_clearly(_write(b"PK\x03\x04" + data, ".docx")) is None


@SETTINGS
@given(st.lists(texts.filter(lambda t: "\x00" not in t and not re.search(r"[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", t)),
                min_size=1, max_size=6))
def test_a_real_docx_with_any_paragraphs_imports_their_words(paragraphs):
    document = Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    draft = _imports_or_fails_clearly(_write(buffer.getvalue(), ".docx"))
    assert draft is not None
    words = [word for paragraph in paragraphs for word in re.findall(r"[^\W_]{3,}", paragraph)]
    flattened = draft.title + " " + draft.body
    for word in words[:20]:
        assert word in flattened


def _active_content(html: str) -> list[str]:
    found = []
    document = html5lib.parse(html, namespaceHTMLElements=False)
    for element in document.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in ("script", "object", "embed", "base", "meta", "link", "form", "style", "svg", "math", "template"):
            found.append(tag)
        if tag == "iframe" and not re.match(r"^https://(www\.youtube(-nocookie)?\.com|player\.vimeo\.com)/",
                                             element.get("src", "")):
            found.append(f"iframe {element.get('src')}")
        for name, value in element.attrib.items():
            if name.lower().startswith("on") or name.lower() in ("srcdoc", "formaction", "style"):
                found.append(f"{tag} {name}")
            if name.lower() in ("href", "src", "xlink:href", "action"):
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if scheme.startswith(("javascript:", "vbscript:")) or (
                        scheme.startswith("data:") and not re.match(r"data:image/(png|jpeg|gif|webp);", scheme)):
                    found.append(f"{tag} {name}={value[:40]}")
    return found


@SETTINGS
@given(hostile_fragments)
def test_the_renderer_never_outputs_an_active_element(markdown_text):
    assert _active_content(render_markdown(markdown_text)) == []


@SETTINGS
@given(texts)
def test_removing_tatweel_or_diacritics_removes_only_them(text):
    assert arabic.remove_tatweel(text) == "".join(c for c in text if c != "\u0640")
    removed = arabic.remove_diacritics(text)
    assert removed == "".join(c for c in text if c not in arabic.DIACRITICS)


@SETTINGS
@given(texts)
def test_digit_conversion_changes_only_digits_and_comes_back(text):
    assume(not any(c in text for c in "٠١٢٣٤٥٦٧٨٩"))
    eastern = arabic.to_eastern_digits(text)
    assert len(eastern) == len(text)
    for before, after in zip(text, eastern):
        assert before == after or (before in "0123456789" and after in "٠١٢٣٤٥٦٧٨٩")
    assert arabic.to_western_digits(eastern) == text


@SETTINGS
@given(texts)
def test_punctuation_and_quotes_change_only_their_marks(text):
    for tool, allowed in ((arabic.arabic_punctuation, {(",", "،"), (";", "؛"), ("?", "؟")}),
                          (arabic.smart_quotes, {('"', "“"), ('"', "”")})):
        result = tool(text)
        assert len(result) == len(text)
        for before, after in zip(text, result):
            assert before == after or (before, after) in allowed


@SETTINGS
@given(texts)
def test_normalised_positions_map_back_into_the_original_in_order(text):
    normalised = arabic.normalise_for_matching(text, fold_case=False)
    origins = [normalised.original_index(i) for i in range(len(normalised.text))]
    assert origins == sorted(set(origins))  # nothing lost twice, nothing reordered
    for index, origin in enumerate(origins):
        assert arabic.normalise_for_matching(text[origin], fold_case=False).text == normalised.text[index]


@SETTINGS
@given(st.sampled_from(("\\ud800", "\\udfff", "\\ud83d", "x\\ud800y", "\\U0001F600\\ud800")),
       st.sampled_from(("title", "excerpt", "column", "tags")))
def test_lone_surrogates_written_as_escapes_never_reach_the_database(library, escape, key):
    value = f'["{escape}"]' if key == "tags" else f'"{escape}"'
    draft = _imports_or_fails_clearly(_write(f"---\n{key}: {value}\n---\nنص\n".encode(), ".md"))
    if draft is not None:
        stored = library.import_drafts([draft])[0]  # would raise if a lone surrogate got through
        text = stored.title + stored.excerpt + stored.column + "".join(stored.tags)
        assert not any(0xD800 <= ord(character) <= 0xDFFF for character in text)


def test_a_ten_megabyte_line_imports_and_is_stored(library):
    line = ("كلمة عربية طويلة Latin 123 " * 400_000)[:10_000_000]
    draft = _imports_or_fails_clearly(_write(("# عنوان\n\n" + line).encode(), ".md"))
    stored = library.import_drafts([draft])[0]
    assert len(library.get(stored.id).body) >= 10_000_000
