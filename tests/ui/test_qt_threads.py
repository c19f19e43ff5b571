"""Guards the PySide6 version pin: worker threads must be able to hand results to the UI.

PySide6 6.12.0 aborts the interpreter (a shiboken refcount bug) as soon as a
Python thread emits a signal while the UI thread runs; the preview renders and,
later, publishing runs on workers, so such a version must never be installed.
"""

from __future__ import annotations

import subprocess
import sys

REPRODUCER = """
import threading, time
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    produced = Signal(bool, str)
received = []
source = Source()
source.produced.connect(lambda ok, text: received.append(text))
def work():
    for number in range(3000):
        source.produced.emit(True, str(number))
worker = threading.Thread(target=work)
worker.start()
deadline = time.time() + 30
while len(received) < 3000 and time.time() < deadline:
    app.processEvents()
print(len(received))
"""


def test_signals_from_a_worker_thread_reach_the_ui_thread_without_crashing():
    result = subprocess.run([sys.executable, "-c", REPRODUCER], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "3000"
