"""Midad's Qt-free core: storage, rendering, Arabic text tools, import and export.

Nothing below this package may import PySide6 (tests/core/test_qt_free.py enforces it),
so the CLI and the tests can use it without a display.
"""
