"""Live counts in the status bar: words, characters, paragraphs, reading time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from editor_app.core.counts import WORDS_PER_MINUTE, TextCounts, count_text, remaining
from editor_app.core.wording import CHARACTERS, MINUTES, PARAGRAPHS, WORDS
from editor_app.ui.i18n import counted, format_number, translate
from editor_app.ui.tasks import BackgroundRunner
from editor_app.ui.theme import state_colour
from editor_app.ui.timers import single_shot_timer

COUNT_DELAY_MS = 250
# Longer texts are counted on a worker thread (half a second for 200,000 words).
BACKGROUND_COUNT_CHARACTERS = 100_000
def describe(counts: TextCounts) -> str:
    return translate("counts_label", "{words} · {characters} ({without_spaces} دون مسافات) · {paragraphs} · "
                                     "قراءة في {minutes}").format(
        words=counted(counts.words, WORDS), characters=counted(counts.characters, CHARACTERS),
        without_spaces=format_number(counts.characters_without_spaces), paragraphs=counted(counts.paragraphs, PARAGRAPHS),
        minutes=counted(counts.reading_minutes, MINUTES))


class CountsLabel(QLabel):
    """Recounts shortly after typing pauses: counting never runs on every keystroke."""

    counted = Signal(object)  # TextCounts, each time a count is shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counts_label")
        self.setToolTip(translate("counts_label", "زمن القراءة محسوب على أساس {rate} كلمة في الدقيقة").format(
            rate=format_number(WORDS_PER_MINUTE)))
        self.counts: TextCounts | None = None
        self._text: str | Callable[[], str] = ""
        self._timer = single_shot_timer(self, COUNT_DELAY_MS, self._recount)
        self._runner = BackgroundRunner("counts", self)

    def schedule(self, text: str | Callable[[], str], immediately: bool = False) -> None:
        """`text` may be a function giving it: then the text is only read when counting,
        not on every keystroke (reading a long article costs milliseconds)."""
        self._text = text
        if immediately:
            self._recount()
        else:
            self._timer.start()

    def _recount(self) -> None:
        self._timer.stop()
        text = self._text() if callable(self._text) else self._text
        if len(text) > BACKGROUND_COUNT_CHARACTERS:
            self._runner.run(lambda: count_text(text), self._show)  # a newer count supersedes it
        else:
            self._show(count_text(text))

    def _show(self, counts: TextCounts) -> None:
        self.counts = counts
        self.setText(describe(counts))
        self.counted.emit(counts)

    def shutdown(self) -> None:
        self._runner.shutdown()


class LimitCounter(QLabel):
    """The site's "remaining / limit" counter, for a limited field such as the title."""

    def __init__(self, limit: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.update_for("")

    def update_for(self, text: str) -> None:
        left = remaining(text, self.limit)
        self.setText(translate("counts_label", "{left} / {limit} (عدد الأحرف المتبقية)").format(
            left=format_number(left), limit=format_number(self.limit)))
        self.setStyleSheet(f"color: {state_colour('error')}; font-weight: bold;" if left < 0
                           else f"color: {state_colour('muted')};")
