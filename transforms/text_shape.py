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

__all__ = [
    "Stopwords",
    "ends_like_sentence",
    "is_name_like",
    "is_title_like",
    "load_stopwords",
    "word_count",
    "words",
]

# Runs of a script that separates words with spaces, or single characters of one that
# does not (CJK ideographs, kana, Thai, Lao, Khmer, Myanmar, Hangul is spaced).
_UNSPACED = (
    "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
)
_WORD = re.compile(rf"[{_UNSPACED}]|(?:(?![{_UNSPACED}])[^\W_])+(?:['’-](?:(?![{_UNSPACED}])[^\W_])+)*")
# A sentence ends in a full stop, question or exclamation mark (any script's), possibly
# inside closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？」』][\"'”’»)\]]*$")
# A name ends in none of these; a clause, a list item or a quotation often does.
_NAME_END = re.compile(r"[.!;:,\"”]$")
# Titles and outlet names are short; body paragraphs are not.
TITLE_MAX_WORDS = 30
NAME_MAX_WORDS = 6


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


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
