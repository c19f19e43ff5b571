"""Real third-party readers as the judges of our exports: LibreOffice (headless), poppler's
pdftotext (word boxes) and Chromium (headless, DevTools-free: it prints what a page's
script writes into the DOM).

LibreOffice takes 1.5-3 s to start, so callers convert several documents in one run.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

SOFFICE = shutil.which("soffice")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Not skipped when missing: a judge that is absent must fail the run, not hide it.
MISSING = "{} is not installed: run scripts/setup.sh --test"
MM = 72 / 25.4  # PDF points per millimetre


def libreoffice_convert(sources: list[Path], target: str, outdir: Path, profile: Path) -> list[Path]:
    """One LibreOffice run converts every source (`target`: "pdf", "docx:MS Word 2007 XML"…);
    a private profile keeps it off the user's and other runs' settings."""
    assert SOFFICE, MISSING.format("LibreOffice (libreoffice-writer-nogui)")
    outdir.mkdir(parents=True, exist_ok=True)
    command = [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir), *map(str, sources)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    extension = target.split(":")[0]
    converted = [outdir / f"{source.stem}.{extension}" for source in sources]
    missing = [path.name for path in converted if not path.exists()]
    assert not missing, f"LibreOffice made no {missing}"
    return converted


@dataclass
class Line:
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    words: list[str]

    def has_word(self, word: str) -> bool:
        return word in _folded(self.text).split()

    @property
    def text(self) -> str:
        """Logical order: pdftotext gives right-to-left words with their letters reversed."""
        return " ".join(_logical(word) for word in self.words)


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    blocks: list[list[Line]] = field(default_factory=list)  # poppler's blocks: paragraphs, table cells

    def lines_with(self, word: str) -> list[Line]:
        return [line for line in self.lines if line.has_word(word)]

    def block_with(self, word: str) -> list[Line]:
        return next(block for block in self.blocks if any(line.has_word(word) for line in block))


def _logical(word: str) -> str:
    return word[::-1] if any(unicodedata.bidirectional(char) in ("R", "AL") for char in word) else word


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def pdf_pages(pdf: Path) -> list[Page]:
    """Every page's text lines with their boxes (points, origin top-left), by `pdftotext -bbox-layout`."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True).stdout
    namespace = "{http://www.w3.org/1999/xhtml}"
    root = ElementTree.fromstring(xhtml)
    pages = []
    for page_element in root.iter(f"{namespace}page"):
        page = Page(float(page_element.get("width")), float(page_element.get("height")))
        for block in page_element.iter(f"{namespace}block"):
            page.blocks.append([])
            for line in block.iter(f"{namespace}line"):
                words = [word.text or "" for word in line.iter(f"{namespace}word")]
                page.lines.append(Line(*(float(line.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")), words))
                page.blocks[-1].append(page.lines[-1])
        pages.append(page)
    return pages


def pdf_info(pdf: Path) -> dict[str, str]:
    output = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in output.splitlines())}


def pdf_fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout


def chromium_dom(url: str, profile: Path, *, extra: tuple[str, ...] = ()) -> str:
    """The page's DOM after its scripts ran, as headless Chromium serialises it."""
    assert CHROMIUM, MISSING.format("Chromium")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
               f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--allow-file-access-from-files",
               *extra, "--dump-dom", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    return result.stdout


def attribute(html: str, element_id: str, name: str) -> str | None:
    match = re.search(rf'id="{element_id}"[^>]*\s{name}="([^"]*)"', html) or re.search(
        rf'\s{name}="([^"]*)"[^>]*id="{element_id}"', html)
    return match.group(1) if match else None


def solid_png(width: int, height: int) -> bytes:
    """A small red PNG, made here so the tests carry no binary fixture."""
    rows = b"".join(b"\x00" + b"\xcc\x22\x22" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
