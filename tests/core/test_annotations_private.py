"""Comments and pending suggestions stay inside the newsroom: no export (HTML page, body HTML,
Markdown, Word, static site) and no WordPress post carries a word of them."""

from __future__ import annotations

import zipfile

import pytest

from editor_app.core.annotations.store import Annotations
from editor_app.core.exporters import ExportOptions, export_site
from editor_app.core.exporters.body_html import export_body_html
from editor_app.core.exporters.docx import export_docx
from editor_app.core.exporters.markdown import export_markdown
from editor_app.core.exporters.standalone_html import export_standalone_html
from editor_app.core.publishing.publisher import Publisher
from editor_app.core.records import ArticleDraft

BODY = "أكدت وزارة الخارجية الأمريكية موقع المغرب كحليف رئيسي.\n\nهذا الإقرار يعكس عمق العلاقات بين البلدين."
# Words that appear only in the comments and suggestions.
SECRETS = ("مصدرنا-السري-في-الوزارة", "ردّ-داخلي-للمحرر", "إضافة-مقترحة-لم-تقبل")


@pytest.fixture
def annotated(library):
    record = library.create(ArticleDraft(title="العلاقات المغربية-الأمريكية", body=BODY, status="ready"))
    notes = Annotations(library)
    thread = notes.start_thread(record.id, 0, 4, f"هل تأكدنا من {SECRETS[0]}؟")
    notes.reply(thread.id, SECRETS[1])
    notes.suggest_insert(record.id, len(BODY), f" {SECRETS[2]}")
    notes.suggest_delete(record.id, BODY.index("عمق"), BODY.index("عمق") + 3)
    return library.get(record.id)


def _without_secrets(text: str) -> bool:
    return not any(secret in text for secret in SECRETS)


def test_no_export_contains_a_comment_or_a_pending_suggestion(library, annotated, tmp_path):
    options = ExportOptions(asset_loader=library.asset)
    page = export_standalone_html(annotated, tmp_path / "a.html", options).read_text(encoding="utf-8")
    body = export_body_html(annotated, tmp_path / "b.html").read_text(encoding="utf-8")
    markdown = export_markdown(annotated, tmp_path / "a.md").read_text(encoding="utf-8")
    with zipfile.ZipFile(export_docx(annotated, tmp_path / "a.docx", options)) as archive:
        word = "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist()
                       if name.endswith(".xml"))
    export_site([annotated], tmp_path / "site", asset_loader=library.asset)
    site = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "site").rglob("*.html"))
    for exported in (page, body, markdown, word, site):
        assert "عمق العلاقات" in exported  # the article is there (a pending deletion deletes nothing yet)
        assert _without_secrets(exported)


def test_the_wordpress_post_carries_no_comment(library, annotated, site, site_api):
    outcome = Publisher(library).publish(annotated.id, site.name)
    post = site_api.get(f"wp/v2/posts/{outcome.post_id}", context="edit")
    assert "عمق العلاقات" in post["content"]["raw"]
    assert _without_secrets(post["content"]["raw"] + post["title"]["raw"] + post["excerpt"]["raw"])
