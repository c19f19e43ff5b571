"""A desktop that writes and syncs in a loop until it is killed (tests/sync/test_sync_faults.py):
`python -m tests.sync.desktop_process FOLDER SERVER_URL`."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from editor_app.core.records import ArticleDraft
from tests.sync.replicas import Desktop


def main(folder: str, url: str) -> None:
    desktop = Desktop(Path(folder), url, "killed")
    print("ready", flush=True)
    for number in itertools.count():
        ids = [summary.id for summary in desktop.library.summaries()]
        if number % 3 == 0 or not ids:
            desktop.library.create(ArticleDraft(title=f"مقال {number}", body=f"سطر {number}"))
        else:
            article = desktop.library.get(ids[number % len(ids)])
            desktop.library.save_text(article.id, title=article.title, body=article.body + f"\n\nسطر {number}",
                                      explicit=number % 2 == 0)
        desktop.sync()


if __name__ == "__main__":
    main(*sys.argv[1:3])
