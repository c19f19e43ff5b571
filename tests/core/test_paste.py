"""Pasted rich text becomes clean Markdown, Arabic intact."""

from editor_app.core.paste import html_to_markdown

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>
<body lang=AR-MA dir=RTL><h2 dir=RTL>عنوان فرعي</h2>
<p class=MsoNormal dir=RTL style='text-align:right'><b>قال</b> المسؤول إن <i>“التعاون”</i> مستمر منذ 2004<o:p></o:p></p>
<ul><li dir=RTL>أول</li><li dir=RTL>ثانٍ</li></ul>
<p class=MsoNormal dir=RTL>انظر <a href="https://example.com/تقرير">التقرير</a>.<script>alert(1)</script></p></body></html>"""

GOOGLE_DOCS_HTML = """<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-abc">
<p dir="rtl"><span style="font-weight:700;">عاجل:</span><span style="font-weight:400;"> وصل الوفد </span>
<span style="font-style:italic;font-weight:400;">اليوم</span></p>
<ol><li dir="rtl"><p dir="rtl"><span>البند الأول</span></p></li></ol></b>"""


def test_word_html():
    assert html_to_markdown(WORD_HTML) == (
        "## عنوان فرعي\n\n**قال** المسؤول إن *“التعاون”* مستمر منذ 2004\n\n- أول\n- ثانٍ\n\n"
        "انظر [التقرير](https://example.com/تقرير).\n"
    )


def test_google_docs_html():
    markdown = html_to_markdown(GOOGLE_DOCS_HTML)
    assert markdown.startswith("**عاجل:** وصل الوفد *اليوم*")
    assert "1. البند الأول" in markdown
    assert "**" not in markdown.split("*اليوم*")[1]  # the whole-document <b> wrapper is not bold


def test_plain_paragraphs_survive():
    assert html_to_markdown("<p>فقرة أولى</p><p>فقرة ثانية</p>") == "فقرة أولى\n\nفقرة ثانية\n"


def test_line_breaks_are_kept():
    # Two spaces: Python-Markdown has no backslash line break (it would show the backslash).
    assert html_to_markdown("<p>سطر أول<br>سطر ثان</p>") == "سطر أول  \nسطر ثان\n"
