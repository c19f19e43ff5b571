"""Runs the real window in its own process, types text with key events, then idles.

Used by the kill tests: the test process kills this one with SIGKILL and checks
what reached the database. Usage: python -m tests.ui.drivers.type_then_wait DATA_DIR TEXT
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from editor_app.core.storage import open_database, resolve_location  # noqa: E402
from editor_app.ui.application import create_application, create_main_window  # noqa: E402
from tests.ui.typing import type_text  # noqa: E402


def main() -> None:
    data_dir, text = sys.argv[1], sys.argv[2]
    app = create_application(sys.argv[:1])
    location = resolve_location(data_dir=data_dir, environ={})
    window = create_main_window(open_database(location), location)
    window.show()

    def type_and_report() -> None:
        window.editor.body_edit.setFocus()
        type_text(window.editor.body_edit, text)
        print(f"TYPED {window.editor.article_id}", flush=True)

    QTimer.singleShot(200, type_and_report)
    app.exec()


if __name__ == "__main__":
    main()
