"""Realistic Arabic articles of any length, built from the seed editorial's paragraphs."""

from __future__ import annotations

from pathlib import Path

from editor_app.core.importers import read_article_file

SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seed_article.md"


def seed_paragraphs() -> list[str]:
    return [p for p in read_article_file(SEED).body.split("\n\n") if p.strip()]


def arabic_markdown(words: int) -> str:
    """About `words` words of Markdown: paragraphs, headings, a list, a quote, a link, every so often."""
    paragraphs = seed_paragraphs()
    parts: list[str] = []
    count = 0
    index = 0
    while count < words:
        paragraph = paragraphs[index % len(paragraphs)]
        if index % 6 == 0:
            parts.append(f"## محور رقم {index // 6 + 1}: الأمن والتعاون")
        if index % 6 == 3:
            parts.append("- بند أول عن **التعاون الأمني**\n- بند ثانٍ مع [رابط](https://example.com/news)")
        if index % 6 == 5:
            parts.append("> قال المسؤول إن “الشراكة” مع الولايات المتحدة (USA) مستمرة منذ 2004.")
        parts.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(parts) + "\n"
