"""Coverage-guided fuzzing of the importers with atheris (the long version of the
property tests): any exception other than a clear MidadError is a crash.

Run: .venv/bin/pip install '.[fuzz]' && .venv/bin/python -m benchmarks.fuzz_importers -max_total_time=300
(libFuzzer options pass through; a crash leaves its input in crash-* beside you).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from editor_app.core.errors import MidadError
    from editor_app.core.importers import read_article_file
    from editor_app.core.render import render_markdown

FOLDER = Path(tempfile.mkdtemp(prefix="midad-fuzz-"))
SUFFIXES = (".md", ".txt", ".docx")


def one_input(data: bytes) -> None:
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = FOLDER / f"input{suffix}"
    path.write_bytes((b"PK\x03\x04" if suffix == ".docx" and data[1:2] == b"P" else b"") + data[1:])
    try:
        draft = read_article_file(path)
    except MidadError:
        return
    render_markdown(draft.body[:20000])


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
