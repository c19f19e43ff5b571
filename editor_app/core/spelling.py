"""Spell checking of Arabic and English with Hunspell dictionaries (through pyenchant).

pyenchant was measured against pure-Python spylls on the seed's vocabulary:
6 ms against 481 ms (plus 5.6 s to load) for the same 291 verdicts.
Words are routed by script (Arabic letters → the Arabic dictionary, Latin → English);
Markdown syntax, URLs, code and numbers are never checked. Verdicts are cached,
so a long article costs one lookup per distinct word. The writer's own words
live in a personal word list in the data folder; the newsroom's shared words
(names, places, its jargon) in `newsroom-words.txt` in the newsroom's template
folder, which every desk already shares.

Never flagged: acronyms in capitals (DGST, MENA), handles and hashtags
(@user_name, #وسم), and an Arabic word whose proclitics (ال، وال، بال، لل…) hide a
stem the dictionary knows (Hunspell's Arabic affixes miss «السيبراني» though they
know «سيبراني»).
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from editor_app.core.arabic import is_arabic_letter, remove_diacritics
from editor_app.core.protected import ProtectedIndex

log = logging.getLogger(__name__)
PERSONAL_DICTIONARY = "personal-dictionary.txt"
NEWSROOM_WORDS = "newsroom-words.txt"  # in the template folder: shared by the newsroom
_PROCLITICS = ("وبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")  # the article, with what may precede it
_HANDLE_MARKS = "@#"
# After the article a noun takes no attached pronoun: «الوزاره» is not «ال» + «وزاره» (a misspelt «الوزارة»).
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "نا")
_WORD = re.compile(r"[^\W\d_][\w\u064B-\u065F\u0670\u0640'’]*")
_CACHE_SIZE = 50_000


@dataclass(frozen=True)
class Misspelling:
    start: int
    length: int
    word: str


class SpellChecker:
    def __init__(self, languages: tuple[str, str] = ("ar", "en_US"), data_dir: Path | None = None,
                 newsroom_words: Path | None = None) -> None:
        # "" turns a script's checking off (a setting); its words are then never flagged.
        self.arabic_language, self.latin_language = languages
        languages = tuple(language for language in languages if language)
        self._dictionaries: dict[str, object] = {}
        self.missing: list[str] = []
        try:
            import enchant  # pyenchant: needs the system's libenchant
        except ImportError as error:
            log.warning("spell checking is off: %s", error)
            self.missing = list(languages)
            enchant = None
        if enchant is not None:
            for language in languages:
                try:
                    self._dictionaries[language] = enchant.Dict(language)
                except enchant.errors.Error:
                    self.missing.append(language)
        self.data_dir = data_dir
        self._personal_path = data_dir / PERSONAL_DICTIONARY if data_dir else None
        self._personal: set[str] = set(self._read_personal())
        self.newsroom_words = newsroom_words
        self._newsroom: set[str] = set(_read_word_list(newsroom_words)) if newsroom_words else set()
        self._ignored: set[str] = set()
        self._verdicts: OrderedDict[str, bool] = OrderedDict()

    @property
    def available(self) -> bool:
        return bool(self._dictionaries)

    def _read_personal(self) -> list[str]:
        return _read_word_list(self._personal_path) if self._personal_path is not None else []

    def _dictionary_for(self, word: str):
        language = self.arabic_language if is_arabic_letter(word[0]) else self.latin_language
        return self._dictionaries.get(language)

    def is_correct(self, word: str) -> bool:
        if word in self._personal or word in self._newsroom or word in self._ignored:
            return True
        verdict = self._verdicts.get(word)
        if verdict is None:
            dictionary = self._dictionary_for(word)
            verdict = True if dictionary is None else self._known(dictionary, word.replace("’", "'"))
            self._verdicts[word] = verdict
            if len(self._verdicts) > _CACHE_SIZE:
                self._verdicts.popitem(last=False)
        return verdict

    def _known(self, dictionary, word: str) -> bool:
        if dictionary.check(word):
            return True
        if not is_arabic_letter(word[0]):
            return False
        for clitic in _PROCLITICS:
            stem = word[len(clitic):]
            if (word.startswith(clitic) and len(stem) >= 3 and not stem.endswith(_PRONOUN_ENDINGS)
                    and (dictionary.check(stem) or stem in self._newsroom or stem in self._personal)):
                return True
        return False

    def misspellings(self, line: str) -> list[Misspelling]:
        if not self.available:
            return []
        protected = ProtectedIndex(line) if any(mark in line for mark in "`<(:w") else None
        found = []
        for match in _WORD.finditer(line):
            if match.start() > 0 and line[match.start() - 1] in _HANDLE_MARKS:
                continue  # @user_name, #وسم: names, not words
            for start, word in _script_runs(match.start(), match.group().rstrip("'’")):
                if len(word) < 2 or any(character.isdigit() for character in word) or word.isupper():
                    continue  # model names and codes (A18, H2O), acronyms (DGST, MENA) are not dictionary words
                if protected is not None and start in protected:
                    continue
                if not self.is_correct(word):
                    found.append(Misspelling(start, len(word), word))
        return found

    def suggestions(self, word: str, limit: int = 8) -> list[str]:
        """Slow (5-100 ms): only on demand, never while typing."""
        dictionary = self._dictionary_for(word)
        if dictionary is None:
            return []
        return list(dict.fromkeys(dictionary.suggest(remove_diacritics(word))))[:limit]

    def add_to_personal(self, word: str) -> None:
        self._personal.add(word)
        if self._personal_path is None:
            return
        try:
            self._personal_path.parent.mkdir(parents=True, exist_ok=True)
            with self._personal_path.open("a", encoding="utf-8") as personal:
                personal.write(word + "\n")
        except OSError as error:
            log.warning("cannot save to the personal dictionary: %s", error)

    def ignore(self, word: str) -> None:
        self._ignored.add(word)


def newsroom_words(template_folder: str | Path | None) -> Path | None:
    """The newsroom's shared word list, beside its templates (None without a template folder)."""
    return Path(template_folder) / NEWSROOM_WORDS if template_folder else None


def _script_runs(start: int, word: str) -> list[tuple[int, str]]:
    """«وNASA» is «و» + «NASA»: each script's part goes to its own dictionary."""
    runs: list[tuple[int, str]] = []
    begin = 0
    for index in range(1, len(word) + 1):
        if index == len(word) or (word[index].isalpha() and word[begin].isalpha()
                                  and is_arabic_letter(word[index]) != is_arabic_letter(word[begin])):
            runs.append((start + begin, word[begin:index]))
            begin = index
    return runs


def _read_word_list(path: Path) -> list[str]:
    if not path.exists():
        return []
    try:
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    except (OSError, UnicodeDecodeError) as error:
        log.warning("cannot read the word list %s: %s", path, error)
        return []


def installed_dictionaries() -> list[str]:
    """The Enchant dictionaries this machine has (for the settings dialog)."""
    try:
        import enchant
    except ImportError:
        return []
    return sorted(set(enchant.list_languages()))
