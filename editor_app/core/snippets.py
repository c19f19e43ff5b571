"""The visible words of one Markdown source line, to find the same block in the rendered page.

Used to keep the preview on the paragraph the writer is looking at: the preview
searches its blocks for text that starts with this snippet.
"""

from __future__ import annotations

from editor_app.core.markdown_syntax import EMPHASIS, FOOTNOTE_REFERENCE, HTML_TAG, IMAGE, LINE_MARKERS, LINK

SNIPPET_LENGTH = 40


def visible_snippet(line: str, length: int = SNIPPET_LENGTH) -> str:
    text = LINE_MARKERS.sub("", line, count=1)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = FOOTNOTE_REFERENCE.sub("", text)
    text = HTML_TAG.sub("", text)
    text = EMPHASIS.sub("", text)
    return " ".join(text.split())[:length].strip()
