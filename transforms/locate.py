"""Where the article is in a page dump: the densest stretch of prose among its lines.

A page's rendered text is its menus, share bars, galleries, teasers and footers around one
article. Lines are judged by what they are, the way jusText and trafilatura judge HTML
blocks: a prose line has enough words, the stopword density of running text in the page's
language, and ends like a sentence (or is long); menu items, labels, credits and teaser
headlines are not. Each prose line scores its words and each other line costs a fixed
amount, and the article is the stretch with the highest total (a maximum-sum run), so
headings and captions between paragraphs stay inside it while a menu run or a footer
between two prose regions splits them.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

from transforms.boilerplate import Boilerplate
from transforms.text_shape import (
    Stopwords,
    ends_like_sentence,
    rough_word_count,
    words,
)

__all__ = [
    "LineShape",
    "PageShape",
    "best_stretch",
    "prose_resumes",
    "reads_as_prose",
    "shape_lines",
]

# A prose line has at least this many words: shorter lines are labels, menu items and
# credits whatever their punctuation (jusText's "short" class ends at ~70 characters).
PROSE_MIN_WORDS = 8
# Running text in any language has at least this share of stopwords; jusText's lowest
# threshold for "good" paragraphs is 0.30 and its "near-good" 0.20 — lines of a dump are
# shorter than paragraphs, so the lower one.
PROSE_MIN_STOPWORD_DENSITY = 0.2
# Below this share of stopwords over the whole page's long lines, no stoplist is the
# page's language (a language jusText has no list for, or a page of names and figures).
PAGE_MIN_STOPWORD_DENSITY = 0.1
# A line this long is prose even without a closing full stop (a paragraph ending in a
# quotation mark, a colon before a list, a cut-off teaser of the next paragraph).
PROSE_LONG_WORDS = 25
# What one line that is not prose costs the stretch it sits in, in words of prose: a
# heading or a caption between paragraphs costs less than the paragraphs around it bring,
# a run of a dozen menu lines costs more than a stray sentence of footer brings.
NON_PROSE_LINE_COST = 7
# Paragraphs of one article are at most this many lines apart (a heading between them).
PROSE_RUN_GAP = 1
# What a prose line with no other prose that near brings, as a share of its words.
ISOLATED_PROSE_WEIGHT = 0.5


# A line's stopword density is judged on its first this many characters.
DENSITY_SAMPLE_CHARS = 300
# The page's language is told from its first long lines: this many words are plenty.
LANGUAGE_SAMPLE_TOKENS = 600
# A list of links set inside an article holds a few items: prose resuming within this
# many lines after its opener ("Related stories") means the article goes on.
INLINE_LIST_LOOKAHEAD_LINES = 8
INLINE_LIST_OPENER_MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class LineShape:
    n_words: int
    is_prose: bool
    in_inline_list: bool = False  # an inline list's opener or links: costs the stretch nothing


@dataclass(frozen=True, slots=True)
class PageShape:
    language: str | None  # the jusText stoplist the page's text uses most
    lines: tuple[LineShape, ...]


def prose_resumes(lines: list[str], index: int) -> int | None:
    """Where the article goes on after a list of links opens at lines[index]: the first of
    two prose lines among the next few non-blank lines, or None when none follow."""
    ahead = [i for i in range(index + 1, len(lines)) if lines[i].strip()]
    ahead = ahead[:INLINE_LIST_LOOKAHEAD_LINES]
    prose = [k for k, i in enumerate(ahead) if reads_as_prose(lines[i])]
    # Two paragraphs at most a heading apart, as the article's own paragraphs run.
    for first, second in itertools.pairwise(prose):
        if second - first <= PROSE_RUN_GAP + 1:
            return ahead[first]
    return None


def reads_as_prose(line: str) -> bool:
    """A line shaped like a sentence of prose (no stopword test: for a first look)."""
    return rough_word_count(line) >= PROSE_MIN_WORDS and ends_like_sentence(line.strip())


def shape_lines(
    lines: list[str],
    stopwords: Stopwords,
    rules: Boilerplate,
    chrome: Container[str] = frozenset(),
) -> PageShape:
    """Each line's word count and whether it is prose, judged in the page's language;
    chrome holds the lines the site prints on its other pages too (never prose)."""
    # The words a line's stopword density is judged on: its opening words are plenty (a
    # paragraph's share of stopwords is steady along it), and cheap on run-on lines.
    counts = [rough_word_count(line) for line in lines]
    # (A line too short to be prose is not read word by word.)
    tokens = [
        words(line[:DENSITY_SAMPLE_CHARS].lower()) if n >= PROSE_MIN_WORDS else []
        for line, n in zip(lines, counts, strict=True)
    ]
    long_tokens = [
        t for toks, n in zip(tokens, counts, strict=True) if n >= PROSE_MIN_WORDS for t in toks
    ][:LANGUAGE_SAMPLE_TOKENS]
    language = stopwords.best_language(long_tokens)
    if stopwords.density(long_tokens, language) < PAGE_MIN_STOPWORD_DENSITY:
        language = None  # no stoplist fits the page: judge its lines by shape alone
    # A line printed more than once on a page is furniture: a gallery's caption, a teaser
    # shown in two lists, a promo repeated between paragraphs. Article paragraphs are not
    # repeated.
    repeated = {line for line, n in Counter(lines).items() if n > 1 or line in chrome}
    shapes = []
    for line, toks, n in zip(lines, tokens, counts, strict=True):
        prose = (
            n >= PROSE_MIN_WORDS
            and line not in repeated
            and (ends_like_sentence(line) or n >= PROSE_LONG_WORDS)
            and (
                language is None or stopwords.density(toks, language) >= PROSE_MIN_STOPWORD_DENSITY
            )
        )
        shapes.append(LineShape(n, prose))
    for i, line in enumerate(lines):
        if shapes[i].is_prose or shapes[i].n_words > INLINE_LIST_OPENER_MAX_WORDS:
            continue  # an opener is a short label; most lines need no rule looked up
        rule = rules.furniture_rule(line)
        if rule is not None and rule.action == "cut_list" and (resume := prose_resumes(lines, i)):
            for j in range(i, resume):
                shapes[j] = LineShape(shapes[j].n_words, False, in_inline_list=True)
    return PageShape(language, tuple(shapes))


def best_stretch(shape: PageShape) -> tuple[int, int] | None:
    """[start, end) of the highest-scoring run of lines, starting and ending on prose."""
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    lines = shape.lines
    for i, line in enumerate(lines):
        if line.is_prose:
            # A prose line with no prose near it is a teaser's summary or a caption more
            # often than a paragraph: paragraphs come in runs, at most a heading apart.
            near = lines[max(0, i - PROSE_RUN_GAP - 1) : i] + lines[i + 1 : i + PROSE_RUN_GAP + 2]
            alone = not any(other.is_prose for other in near)
            gain = line.n_words * (ISOLATED_PROSE_WEIGHT if alone else 1.0)
        else:
            gain = 0 if line.in_inline_list else -NON_PROSE_LINE_COST
        if total <= 0:
            total, start = 0.0, i
        total += gain
        if line.is_prose and (best is None or total > best[0]):
            best = (total, start, i + 1)
    if best is None:
        return None
    _, start, end = best
    while start < end and not shape.lines[start].is_prose:
        start += 1
    return start, end
