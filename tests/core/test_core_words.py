"""The Qt-free core says nothing to people in Arabic by itself: messages are English marked for
translation (midad_ar.ts), and the words the site's pages say come from the template folder's
page_words.json (a newsroom's folder may say them otherwise)."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import docx

import editor_app
from editor_app.core.exporters import ExportOptions, export_site
from editor_app.core.exporters.docx import export_docx
from editor_app.core.records import ArticleDraft
from editor_app.core.templates import ArticleTemplates, PageOptions, article_context

CORE = Path(editor_app.__file__).parent / "core"
ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")
# Language data, not sentences for people: letter forms, prefixes and suffixes the search and the
# spell checker strip, CLDR plural forms of the counts, the page chrome an importer drops.
LANGUAGE_DATA = {"arabic.py", "search.py", "spelling.py", "wording.py", "text_file.py"}


def _arabic_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and ARABIC_WORD.search(node.value)]


def test_no_arabic_sentence_is_written_in_the_core():
    found = {str(path.relative_to(CORE)): _arabic_literals(path)
             for path in sorted(CORE.rglob("*.py")) if path.name not in LANGUAGE_DATA and "migrations" not in path.parts}
    assert len(found) > 40  # the scan really read the core
    assert {path: words for path, words in found.items() if words} == {}


def test_a_newsrooms_page_words_reach_the_page_the_site_and_word(library, tmp_path):
    folder = tmp_path / "newsroom"
    folder.mkdir()
    (folder / "page_words.json").write_text(json.dumps({
        "home": "Accueil", "untitled": "Article sans titre", "latest": "Derniers articles",
        "by": "Par", "written_by": "Écrit par", "written_on": "le"}), encoding="utf-8")
    templates = ArticleTemplates(folder)
    record = library.create(ArticleDraft(title="", body="Texte.", author="Amine", column="Éditorial",
                                         category="Monde", status="published", locale="fr"))
    page = templates.render_page(article_context(record), PageOptions())
    assert "Accueil" in page and "الرئيسية" not in page
    assert "Accueil" in templates.render_article(article_context(record))
    report = export_site([record], tmp_path / "site", templates=templates)
    index = (report.folder / "index.html").read_text(encoding="utf-8")
    assert "Derniers articles" in index and "Article sans titre" in index and "أحدث المقالات" not in index
    word = docx.Document(str(export_docx(record, tmp_path / "a.docx", ExportOptions(templates=templates))))
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert "Éditorial.. Par Amine" in texts and "Écrit par Amine" in texts


def test_the_bundled_words_are_the_sites_arabic(library, tmp_path):
    record = library.create(ArticleDraft(title="", body="نص.", author="أمين نشاط", column="افتتاحية", status="published"))
    report = export_site([record], tmp_path / "site")
    index = (report.folder / "index.html").read_text(encoding="utf-8")
    assert "أحدث المقالات" in index and "مقال بلا عنوان" in index
    word = docx.Document(str(export_docx(record, tmp_path / "a.docx")))
    assert "افتتاحية.. بقلم: أمين نشاط" in [paragraph.text for paragraph in word.paragraphs]


def test_an_unreadable_page_words_file_falls_back_to_the_bundled_words(tmp_path):
    (tmp_path / "page_words.json").write_text("{not json", encoding="utf-8")
    assert ArticleTemplates(tmp_path).words["home"] == "الرئيسية"
