"""A library of 100,000 generated Arabic articles: size, import, list, scrolling, search, autosave.

Run: .venv/bin/python -m benchmarks.bench_library [COUNT]   (default 100000; offscreen)
Builds the library in a temporary folder (about 1.5 GB at 100,000) and prints numbers.
"""

from __future__ import annotations

import os
import random
from itertools import accumulate
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.articles import seed_paragraphs  # noqa: E402
from editor_app.core.library import Library  # noqa: E402
from editor_app.core.records import ArticleDraft  # noqa: E402
from editor_app.core.storage import Database  # noqa: E402

WORDS_PER_ARTICLE = 600
BATCH = 1000
LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
PATTERNS = ("{0}ا{1}{2}", "م{0}{1}و{2}", "ت{0}{1}ي{2}", "است{0}{1}ا{2}", "{0}{1}ي{2}", "م{0}ا{1}{2}", "{0}{1}{2}ة")
PREFIXES = ("", "", "", "و", "ال", "وال", "بال", "لل", "ف")
SUFFIXES = ("", "", "", "ها", "هم", "ات", "ون", "ين", "ية")
CATEGORIES = ("أخبار/سياسة", "أخبار/أمن وعدالة", "اقتصاد", "اقتصاد/أسواق", "رياضة", "ثقافة", "تكنولوجيا", "رأي", "دولي", "مجتمع")
AUTHORS = ("أمين نشاط", "سارة بنعلي", "يوسف العلوي", "ليلى حداد", "كريم منصور", "نادية الفاسي", "عمر التازي", "هدى السعدي")
STATUSES = ("draft", "in_review", "ready", "published", "published", "published", "archived")


def vocabulary(generator: random.Random) -> list[str]:
    seed_words = sorted({word for paragraph in seed_paragraphs() for word in paragraph.split()})
    roots = {"".join(generator.choice(LETTERS) for _ in range(3)) for _ in range(6000)}
    made = {
        generator.choice(PREFIXES) + generator.choice(PATTERNS).format(*root) + generator.choice(SUFFIXES)
        for root in roots for _ in range(3)
    }
    return seed_words + sorted(made)


def generate(count: int, generator: random.Random) -> list[ArticleDraft]:
    words = vocabulary(generator)
    # Zipf-like: early words (the seed's real vocabulary) are common, made-up ones rare.
    weights = list(accumulate(1 / (rank + 10) for rank in range(len(words))))
    drafts = []
    for number in range(count):
        body_words = generator.choices(words, cum_weights=weights, k=WORDS_PER_ARTICLE)
        paragraphs = [" ".join(body_words[i : i + 60]) + "." for i in range(0, WORDS_PER_ARTICLE, 60)]
        title = " ".join(generator.choices(words, cum_weights=weights, k=8))
        drafts.append(ArticleDraft(
            title=title, body="\n\n".join(paragraphs), author=generator.choice(AUTHORS),
            category=generator.choice(CATEGORIES), status=generator.choice(STATUSES),
            excerpt=" ".join(body_words[:25]), tags=tuple(generator.sample(words[:300], 3)),
        ))
        if number % BATCH == BATCH - 1:
            yield drafts
            drafts = []
    if drafts:
        yield drafts


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(fraction * len(ordered)) - 1)]


def summary(samples: list[float]) -> str:
    return f"p50 {statistics.median(samples):.1f} ms, p95 {percentile(samples, 0.95):.1f} ms, max {max(samples):.1f} ms (n={len(samples)})"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    folder = Path(tempfile.mkdtemp(prefix="midad-bench-"))
    try:
        run(count, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(count: int, folder: Path) -> None:
    generator = random.Random(7)
    path = folder / "midad.db"
    database = Database(f"sqlite:///{path}")
    library = Library(database)
    start = time.perf_counter()
    imported = 0
    for batch in generate(count, generator):
        library.import_drafts(batch)
        imported += len(batch)
    elapsed = time.perf_counter() - start
    with database.engine.begin() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size / 1024 / 1024
    print(f"generated and imported {imported:,} articles of {WORDS_PER_ARTICLE} words in {elapsed:.0f} s "
          f"({imported / elapsed:,.0f} articles/s, search index kept in step)")
    print(f"database size: {size:,.0f} MB")

    start = time.perf_counter()
    Library(database)  # what the app does when it opens: checks the index is complete
    print(f"open the library (index completeness check): {(time.perf_counter() - start) * 1000:.0f} ms")

    from PySide6.QtWidgets import QApplication

    from editor_app.ui.article_list.panel import ArticleListPanel
    from editor_app.ui.application import create_application

    app = create_application(sys.argv[:1])  # noqa: F841 - the reference keeps the QApplication alive
    start = time.perf_counter()
    panel = ArticleListPanel(library)
    panel.resize(700, 800)
    panel.refresh_filters()
    panel.reload()
    panel.show()
    panel.view.viewport().repaint()
    QApplication.processEvents()
    print(f"article list first paint: {(time.perf_counter() - start) * 1000:.0f} ms "
          f"(rows loaded: {panel.model.rowCount()} of {panel.model.total:,})")

    scroll_samples = []
    bar = panel.view.verticalScrollBar()
    for _ in range(40):
        start = time.perf_counter()
        bar.setValue(bar.maximum())
        QApplication.processEvents()
        panel.view.viewport().repaint()
        scroll_samples.append((time.perf_counter() - start) * 1000)
    print(f"scroll to the end of the loaded rows (fetching the next page, painting): {summary(scroll_samples)}; "
          f"rows now {panel.model.rowCount():,}")

    queries = ["الإرهاب", "الارهاب", "مكافحة", "مكافحه", "مُكافحة", "الأمن", "والأمن", "التعاون", "المغرب", "الولايات المتحدة",
               "استراتيج", "الاستخبار", "السيبراني", "الجيوسياسية", "تعزيز الأمن", "الشرق الأوسط", "منطقة", "الإقليمي",
               "وزارة الخارجية", "العصر الرقمي", "مدا", "تكنولوجي", "الدبلوماسية الأمنية", "حيوية"]
    for query in queries[:3]:
        library.search(query)  # warm the page cache as a running app would be
    search_samples = []
    hit_counts = []
    for query in queries * 2:
        start = time.perf_counter()
        hits = library.search(query, limit=50)
        search_samples.append((time.perf_counter() - start) * 1000)
        hit_counts.append(len(hits))
    print(f"search, {len(queries)} queries ×2 (with/without diacritics, prefixes, rare and common, top 50 with snippets): "
          f"{summary(search_samples)}")
    slowest = sorted(zip(search_samples, queries * 2), reverse=True)[:5]
    print("  slowest: " + ", ".join(f"{query} {ms:.1f} ms" for ms, query in slowest))
    with database.engine.connect() as connection:
        segments = connection.exec_driver_sql("SELECT count(DISTINCT segid) FROM article_search_idx").scalar()
    print(f"  (search index segments: {segments}; the app merges them while the writer is idle)")

    ids = [summary.id for summary in library.page(panel.model.request, 0, 200)]
    save_samples = []
    for number, article_id in enumerate(ids[:60]):
        record = library.get(article_id)
        start = time.perf_counter()
        library.save_text(article_id, title=record.title, body=record.body + f" كلمة{number}")
        save_samples.append((time.perf_counter() - start) * 1000)
    print(f"single autosave of a 600-word article (with the search index kept in step): {summary(save_samples)}")
    database.close()


if __name__ == "__main__":
    main()
