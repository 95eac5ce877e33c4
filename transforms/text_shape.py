"""What a line of text looks like: words, sentence shape, stopword density.

One module of shape predicates for every route, so "ends like a sentence" or "counts
words" means the same thing in segmentation, body parsing and the HTML route. Scripts
written without spaces between words (Chinese, Japanese, Thai, …) count each character of
such a script as a word, the unit their own word counts use for length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

__all__ = [
    "STORED_WORDS",
    "Stopwords",
    "count_stored_words",
    "ends_like_sentence",
    "identify_language",
    "is_name_like",
    "is_title_like",
    "load_stopwords",
    "word_count",
    "words",
]

# Scripts written without spaces between words: each character counts as a word, the
# unit their own word counts use. (Hangul is written with spaces.)
_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
# The stored `n_words` of paragraphs and articles: whitespace-separated runs, and each
# character of an unspaced script. One pattern for Python and polars (both read \p{..}).
STORED_WORDS = rf"[{_UNSPACED}]|[^\s{_UNSPACED}]+"
_STORED_WORDS = regex.compile(STORED_WORDS)
# Words of letters or digits for judging a line's shape (punctuation is not a word).
_WORD = regex.compile(
    rf"[{_UNSPACED}]|(?:(?![{_UNSPACED}])[^\W_])+(?:['’-](?:(?![{_UNSPACED}])[^\W_])+)*"
)
# Below this many characters a language guess is noise.
LANGUAGE_MIN_CHARS = 40
# A sentence ends in a full stop, question or exclamation mark (any script's), possibly
# inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？」』][\"'”’»)\]]*$")
# A name ends in none of these; a clause, a list item or a quotation often does.
_NAME_END = re.compile(r"[.!;:,\"”]$")
# Titles and outlet names are short; body paragraphs are not.
TITLE_MAX_WORDS = 30
NAME_MAX_WORDS = 6


def words(text: str) -> list[str]:
    found: list[str] = _WORD.findall(text)
    return found


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def count_stored_words(text: str) -> int:
    """Words as the warehouse counts them (`n_words`)."""
    return len(_STORED_WORDS.findall(text))


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language (py3langid), None for too little text."""
    if len(text) < LANGUAGE_MIN_CHARS:
        return None
    import py3langid  # its model loads on first use, in the worker that needs it

    code, _ = py3langid.classify(text)
    return str(code)


def ends_like_sentence(text: str) -> bool:
    return bool(_SENTENCE_END.search(text.rstrip()))


def is_title_like(line: str) -> bool:
    """Short, and not ending like a clause (a headline has no closing full stop)."""
    return word_count(line) <= TITLE_MAX_WORDS and not re.search(r"[.;:,]$", line)


def is_name_like(line: str) -> bool:
    """A few words with no closing punctuation: an outlet's or person's name."""
    return len(line.split()) <= NAME_MAX_WORDS and not _NAME_END.search(line)


@dataclass(frozen=True, slots=True, eq=False)
class Stopwords:
    """jusText's stoplists, indexed word -> languages, to find a page's stoplist by use."""

    by_word: dict[str, frozenset[str]]
    by_language: dict[str, frozenset[str]]

    def best_language(self, tokens: list[str]) -> str | None:
        """The stoplist that covers most of the tokens (None when none covers any)."""
        hits: dict[str, int] = {}
        for token in tokens:
            for language in self.by_word.get(token.lower(), ()):
                hits[language] = hits.get(language, 0) + 1
        if not hits:
            return None
        # Ties go to the smaller list: a short list that covers as much is the likelier one.
        return max(hits, key=lambda lang: (hits[lang], -len(self.by_language[lang]), lang))

    def density(self, tokens: list[str], language: str | None) -> float:
        if not tokens or language is None:
            return 0.0
        stoplist = self.by_language[language]
        return sum(token.lower() in stoplist for token in tokens) / len(tokens)


@cache
def load_stopwords() -> Stopwords:
    """Built on first use (not at import): reading the ~100 stoplists takes ~50 ms."""
    import justext

    by_language = {
        language: frozenset(justext.get_stoplist(language))
        for language in sorted(justext.get_stoplists())
    }
    by_word: dict[str, set[str]] = {}
    for language, stoplist in by_language.items():
        for word in stoplist:
            by_word.setdefault(word, set()).add(language)
    return Stopwords({w: frozenset(langs) for w, langs in by_word.items()}, by_language)
