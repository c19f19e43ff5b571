"""A newsroom template's error is shown above the preview: which file, which line, what, in the
window's language; it goes away once the template renders again."""

from __future__ import annotations

from jinja2 import TemplateError

from editor_app.core.records import ArticleDraft
from editor_app.core.template_problems import template_problem
from editor_app.core.templates import ArticleTemplates, PageOptions, article_context
from editor_app.ui.i18n import apply_language, user_text
from editor_app.ui.preview.controller import PreviewController
from editor_app.ui.preview.text_preview import TextPreview

UNDEFINED = "<html>\n<body>\n{% block article %}<h1>{{ title }}</h1>\n<p>{{ reading_time }}</p>{% endblock %}\n</body></html>"
UNCLOSED = "<html>\n<body>\n{% block article %}\n{% if title %}<h1>{{ title }}</h1>\n{% endblock %}</body></html>"


def _error(folder, record, whole_page=True) -> TemplateError:
    templates = ArticleTemplates(folder)
    try:
        if whole_page:
            templates.render_page(article_context(record), PageOptions())
        else:
            templates.render_article(article_context(record))
    except TemplateError as error:
        return error
    raise AssertionError("the template rendered")


def test_the_problem_names_the_file_the_line_and_the_variable(library, tmp_path):
    record = library.create(ArticleDraft(title="عنوان", body="نص"))
    (tmp_path / "article.html").write_text(UNDEFINED, encoding="utf-8")
    for whole_page in (True, False):  # the page, and the article block the preview patches
        problem = template_problem(_error(tmp_path, record, whole_page), tmp_path)
        assert str(problem) == "the newsroom template article.html, line 4: reading_time is not a variable Midad gives the template"
    (tmp_path / "article.html").write_text(UNCLOSED, encoding="utf-8")
    problem = str(template_problem(_error(tmp_path, record), tmp_path))
    assert problem.startswith("the newsroom template article.html, line 5: syntax error (") and "endif" in problem
    (tmp_path / "article.html").write_text("<html>{{ title }}</html>", encoding="utf-8")
    problem = str(template_problem(_error(tmp_path, record, whole_page=False), tmp_path))
    assert problem.startswith("the newsroom template article.html: ") and "block article" in problem


def test_the_arabic_window_says_it_in_arabic(qapp, library, tmp_path):
    record = library.create(ArticleDraft(title="عنوان", body="نص"))
    (tmp_path / "article.html").write_text(UNDEFINED, encoding="utf-8")
    apply_language("ar")
    shown = user_text(template_problem(_error(tmp_path, record), tmp_path))
    assert "article.html" in shown and "4" in shown and "reading_time" in shown
    assert "line" not in shown and "variable" not in shown  # no English words left in the sentence


def test_the_preview_shows_the_problem_above_the_page_until_the_template_is_fixed(qtbot, library, tmp_path):
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "article.html").write_text(UNDEFINED, encoding="utf-8")
    view = TextPreview()
    qtbot.addWidget(view)
    view.show()
    controller = PreviewController(view, ArticleTemplates(folder), PageOptions())
    controller.template_problem.connect(view.template_problem.show_problem)
    record = library.create(ArticleDraft(title="عنوان المعاينة", body="نص المعاينة"))
    controller.show(record, immediately=True)
    # The bundled template stands in, and the problem is said above it.
    qtbot.waitUntil(lambda: "عنوان المعاينة" in view.browser.toPlainText(), timeout=10_000)
    assert view.template_problem.isVisible()
    assert "article.html" in view.template_problem.text() and "4" in view.template_problem.text()
    (folder / "article.html").write_text(UNDEFINED.replace("{{ reading_time }}", "{{ author }}"), encoding="utf-8")
    controller.set_templates(ArticleTemplates(folder))
    qtbot.waitUntil(lambda: not view.template_problem.isVisible(), timeout=10_000)
    controller.shutdown()
