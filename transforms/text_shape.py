"""What a line of text looks like: words, sentence shape, stopword density.

One module of shape predicates for every route, so "ends like a sentence" or "counts
words" means the same thing in segmentation, body parsing and the HTML route. Scripts
written without spaces between words (Chinese, Japanese, Thai, …) count each character of
such a script as a word, the unit their own word counts use for length.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from transforms.packaged import Packaged, built

__all__ = [
    "STORED_WORDS",
    "Stopwords",
    "count_stored_words",
    "ends_like_sentence",
    "identify_language",
    "is_name_like",
    "is_prose_block",
    "is_sentence",
    "is_title_like",
    "load_stopwords",
    "rough_word_count",
    "text_sample",
    "word_count",
    "words",
]

# Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer):
# each character counts as a word, the unit their own word counts use. Hangul is written
# with spaces. One list of code-point ranges, written out for Python's re and for polars.
_UNSPACED_RANGES = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
)  # fmt: skip
_UNSPACED = "".join(f"{chr(a)}-{chr(b)}" for a, b in _UNSPACED_RANGES)
_UNSPACED_POLARS = "".join(f"\\x{{{a:04X}}}-\\x{{{b:04X}}}" for a, b in _UNSPACED_RANGES)
# The stored `n_words` of paragraphs and articles: whitespace-separated runs, and each
# character of an unspaced script (the polars spelling of the same pattern below).
STORED_WORDS = rf"[{_UNSPACED_POLARS}]|[^\s{_UNSPACED_POLARS}]+"
_STORED_WORDS = re.compile(rf"[{_UNSPACED}]|[^\s{_UNSPACED}]+")
_HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
# Words of letters or digits for judging a line's shape (punctuation is not a word).
_WORD = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+(?:['’-][^\W_{_UNSPACED}]+)*")
# Below this many characters a language guess is noise.
LANGUAGE_MIN_CHARS = 40
# Enough text to tell a language by (py3langid's cost grows with the text).
LANGUAGE_SAMPLE_CHARS = 160
LANGUAGE_SAMPLE_PARAGRAPHS = 6
# The page's stoplist is chosen by its most frequent words (stopwords lead any count).
LANGUAGE_TOP_WORDS = 40
# A sentence ends in a full stop, question or exclamation mark (any script's), possibly
# inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？」』][\"'”’»)\]]*$")
_CLAUSE_END = re.compile(r"[.;:,]$")
# A name ends in none of these; a clause, a list item or a quotation often does.
_NAME_END = re.compile(r"[.!;:,\"”]$")
# The shortest sentence an article's body must have one of ("Officials declined to comment.").
SENTENCE_MIN_WORDS = 4
# A prose block has this many words (and so at least this many characters).
PROSE_BLOCK_MIN_WORDS = 20
PROSE_BLOCK_MIN_CHARS = 40
# Titles and outlet names are short; body paragraphs are not.
TITLE_MAX_WORDS = 30
NAME_MAX_WORDS = 6


def words(text: str) -> list[str]:
    found: list[str] = _WORD.findall(text)
    return found


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def is_prose_block(text: str) -> bool:
    """A block of running text worth accounting for when no article keeps it: 20 words or
    more of sentences (shorter lines are menus, credits and teasers)."""
    if len(text) < PROSE_BLOCK_MIN_CHARS:
        return False
    n = rough_word_count(text)
    return n >= PROSE_BLOCK_MIN_WORDS and (
        ends_like_sentence(text) or n >= 2 * PROSE_BLOCK_MIN_WORDS
    )


def rough_word_count(text: str) -> int:
    """word_count's figure at a fraction of its cost: spaces split words, except in text
    with characters of an unspaced script (punctuation between spaces counts as a word)."""
    if _HAS_UNSPACED.search(text):
        return word_count(text)
    return len(text.split())


def count_stored_words(text: str) -> int:
    """Words as the warehouse counts them (`n_words`)."""
    return len(_STORED_WORDS.findall(text))


def text_sample(paragraphs: Sequence[tuple[str, str]]) -> str:
    """The first paragraphs of body text of an article ((kind, text) pairs), to tell its
    language by (identify_language reads the first few hundred characters)."""
    return "\n".join(
        text for kind, text in paragraphs[:LANGUAGE_SAMPLE_PARAGRAPHS] if kind == "text"
    )


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (py3langid), None for too little text."""
    if len(text) < LANGUAGE_MIN_CHARS:
        return None
    code, _ = built(LANGUAGE_IDENTIFIER).classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(code)


def _build_language_identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE)


def is_sentence(text: str) -> bool:
    """A line that reads as at least one sentence: a few words and a sentence's end."""
    return ends_like_sentence(text) and rough_word_count(text) >= SENTENCE_MIN_WORDS


def ends_like_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def is_title_like(line: str) -> bool:
    """Short, and not ending like a clause (a headline has no closing full stop)."""
    return not _CLAUSE_END.search(line) and rough_word_count(line) <= TITLE_MAX_WORDS


def is_name_like(line: str) -> bool:
    """A few words with no closing punctuation: an outlet's or person's name."""
    return len(line.split()) <= NAME_MAX_WORDS and not _NAME_END.search(line)


@dataclass(frozen=True, slots=True, eq=False)
class Stopwords:
    """jusText's stoplists, indexed word -> languages, to find a page's stoplist by use."""

    languages: tuple[str, ...]  # by name; the tie-break order of best_language
    by_word: dict[str, tuple[int, ...]]  # word -> indexes into languages
    by_language: dict[str, frozenset[str]]

    def best_language(self, tokens: list[str]) -> str | None:
        """The stoplist that covers most of the (lower-cased) tokens, None if none does."""
        hits = [0] * len(self.languages)
        # A language's stopwords are a text's most frequent words: the most frequent few
        # decide, each weighted by its count.
        for token, count in Counter(tokens).most_common(LANGUAGE_TOP_WORDS):
            for index in self.by_word.get(token, ()):
                hits[index] += count
        best = max(range(len(hits)), key=hits.__getitem__, default=None)
        return None if best is None or hits[best] == 0 else self.languages[best]

    def density(self, tokens: list[str], language: str | None) -> float:
        """The share of tokens (lower-cased) that are stopwords of the language."""
        if not tokens or language is None:
            return 0.0
        return sum(map(self.by_language[language].__contains__, tokens)) / len(tokens)


def load_stopwords() -> Stopwords:
    """Built on first use (not at import): reading the ~100 stoplists takes half a second;
    a run's store keeps them between processes (transforms/packaged.py)."""
    return built(STOPWORDS)


def _build_stopwords() -> Stopwords:
    import justext

    by_language = {
        language: frozenset(justext.get_stoplist(language)) for language in justext.get_stoplists()
    }
    # Ties go to the smaller list (a short list that covers as much is the likelier one),
    # then to the name: languages in that order, and max() keeps the first best.
    languages = tuple(sorted(by_language, key=lambda lang: (len(by_language[lang]), lang)))
    by_word: dict[str, list[int]] = {}
    for index, language in enumerate(languages):
        for word in by_language[language]:
            by_word.setdefault(word, []).append(index)
    return Stopwords(languages, {w: tuple(ids) for w, ids in by_word.items()}, by_language)


STOPWORDS = Packaged("stopwords", ("jusText",), __name__, _build_stopwords)
# py3langid's model ships xz-compressed: decompressing it is most of its first use.
LANGUAGE_IDENTIFIER = Packaged(
    "language-identifier", ("py3langid",), __name__, _build_language_identifier
)
