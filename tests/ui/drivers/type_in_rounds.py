"""Runs the real window and types a line, waits for the autosave, and does it again,
printing "SAVED n" after each round. Usage: python -m tests.ui.drivers.type_in_rounds DATA_DIR ROUNDS"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from editor_app.core.storage import open_database, resolve_location  # noqa: E402
from editor_app.ui.application import create_application, create_main_window  # noqa: E402
from tests.ui.typing import type_text  # noqa: E402

LINE = "سطر رقم {n} كُتب بينما يستورد سطر الأوامر مقالات أخرى.\n"


def main() -> None:
    data_dir, rounds = sys.argv[1], int(sys.argv[2])
    app = create_application(sys.argv[:1])
    location = resolve_location(data_dir=data_dir, environ={})
    window = create_main_window(open_database(location), location)
    window.show()
    done = {"round": 0}

    def type_round() -> None:
        window.editor.body_edit.setFocus()
        type_text(window.editor.body_edit, LINE.format(n=done["round"]))

    def on_saved(_record) -> None:
        print(f"SAVED {done['round']} {window.editor.article_id}", flush=True)
        done["round"] += 1
        if done["round"] >= rounds:
            app.quit()
        else:
            QTimer.singleShot(50, type_round)

    window.autosave.saved.connect(on_saved)
    QTimer.singleShot(300, type_round)
    app.exec()


if __name__ == "__main__":
    main()
