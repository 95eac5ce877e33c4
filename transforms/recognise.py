"""Persons, organisations and places named in an article, with no registry entry needed.

Names in English news are capitalised spans. Each span is read for what it is from the
words in and around it, the way rule-based recognisers (spaCy's entity ruler, the
gazetteer features of statistical taggers) read them:

- a title before it ("Sen.", "Prime Minister") or a first name opening it: a person;
- an organisation's head word ("… Party", "… Inc", "Ministry of …"), an acronym, a
  camel-cased brand, an outlet or wire agency, a lone "House" or "Senate": an organisation;
- a gazetteer place ("Idlib", "New Delhi", "D-Minn.", "Texas-based", an all-caps dateline),
  or an unknown word after "in" or "near": a place;
- words that are never names on their own — sentence openers, months, demonyms, pronouns,
  labels — are left out, and a span ending in a common word ("… Field", "… Cup") is a
  venue, an event or a thing, not an actor.

Within the article a surname or a first name alone is the person named in full elsewhere
in it ("Sondland" is Gordon Sondland); a person's shorter full name inside a longer one is
the longer one; two words with no first name are a person when the article names them by
the last word alone too ("Ahmado said"), else an organisation. A wire credit in brackets
("(Reuters)") is no mention. The curated lists are in data/recognition.yaml.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import pycountry
import regex
import yaml

from transforms.gazetteer import Gazetteer, fold, load_gazetteer, zipf
from transforms.outlets import load_outlets

__all__ = ["Found", "Recogniser", "load_recogniser"]

# A capitalised word this common in lower case opens sentences more than it names anyone
# ("But", "When", "After"): at a sentence's start it is not part of a name.
SENTENCE_OPENER_MIN_ZIPF = 3.5
# Words this common are function words even where they are also a town or a first name.
FUNCTION_WORD_MIN_ZIPF = 5.5
# A one-word town this common as a word is the word ("To", "Central", "East").
COMMON_PLACE_WORD_ZIPF = 5.0
# A multi-word span whose last word is this common names a venue, an event or a thing
# ("Heinz Field", "Davis Cup", "Central Park"), not an actor.
COMMON_TAIL_MIN_ZIPF = 4.3
# A span of more than this many words with no organisation's head word is a title of a
# work or a heading, not a name.
MAX_NAME_WORDS = 4
# A word alone that names no one else in the article is an organisation when it is rarer
# than this as a word ("Taliban" 3.7, "Airbus" 3.3; "Earth" 5.1, "Street" 5.3)...
LONE_WORD_MAX_ZIPF = 4.0
# ...or when the article capitalises it this often mid-sentence and never writes it in
# lower case, and it is no commoner than this ("Twitter" 4.8, "Google" 4.9).
LONE_WORD_REPEATS = 2
REPEATED_WORD_MAX_ZIPF = 5.0
# Two capitalised words with no first name known are a person's names when the first is
# this rare as an English word ("Maurkice", "Evo"), else a company's ("Blue Origin").
PAIR_FIRST_WORD_MAX_ZIPF = 3.3
# A line of at least this many words, this share of them capitalised, is a title-case
# heading: only names known otherwise (gazetteer, titles, first names, the article's
# people) are read in it.
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_MAX_CHARS = 200
TITLE_CASE_SHARE = 0.6
# An all-capitals word this common in lower case is emphasis ("YES", "VOTE"), not an
# acronym.
ACRONYM_MAX_ZIPF = 5.0

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}s?$")
# A brand in camel case: "WeWork", "SoftBank", "YouTube" (two humps at most).
_CAMEL = re.compile(r"^[A-Z]?[a-z]+[A-Z][a-z]+$|^[A-Z][a-z]+[A-Z][a-z]*$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]+\b")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_POSSESSIVE = re.compile(r"['’]s?$")
_BASED = re.compile(r"-(?:based|born|bound|area|led|backed)$", re.I)
_PARTY_STATE = re.compile(r"^[DRI]-([A-Z][\w.]*)$")
# Span readings kept for reuse (a few MB), cleared when full.
MAX_READINGS = 50_000
# The characters either side of a span it is read with: a word or two.
CONTEXT_CHARS = 40
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]|[.!?][\"'”’)\]]|[\"'“‘(\[—–])\s*$")
_WORD_AFTER = re.compile(r"^\s+([a-z]+)\b")
_MONTHS_AND_DAYS = frozenset(
    [
        *calendar.month_name[1:],
        *calendar.month_abbr[1:],
        *calendar.day_name,
        *calendar.day_abbr,
        *("Sept", "Tues", "Thurs"),
    ]
)


@dataclass(frozen=True, slots=True)
class Found:
    """One mention: where it is, how it is written, and the name and type it resolves to."""

    paragraph: int
    start: int
    end: int
    surface: str
    name: str  # the fullest form in the article
    type: str  # person / organization / place


@dataclass(slots=True)
class _Span:
    paragraph: int
    start: int
    end: int
    words: list[str]
    sentence_start: bool
    before: str = ""  # the paragraph's text before the span, and after it
    after: str = ""
    title_start: int | None = None  # where a person's title before the name starts
    in_heading: bool = False  # in a line of capitalised words, where capitals say little
    the_start: int | None = None  # where a "The" the name may own starts
    type: str | None = None  # person / organization / place, or single / pair (resolved later)
    name: str | None = None


@dataclass(frozen=True, slots=True, eq=False)
class Recogniser:
    """The curated lists of data/recognition.yaml with the gazetteer; one per process."""

    gazetteer: Gazetteer
    titles: Mapping[str, tuple[tuple[str, ...], ...]]  # by first word; longest first
    title_words: frozenset[str]  # the titles of one word ("Sen.", "Mayor")
    title_ends: frozenset[str]  # every title's last word (a dot there is no full stop)
    organisation_heads: frozenset[str]
    organisation_openers: frozenset[str]
    institutions: frozenset[str]
    connectors: frozenset[str]
    organisation_connectors: frozenset[str]
    not_names: frozenset[str]
    group_labels: frozenset[str]
    generic_acronyms: frozenset[str]
    currencies: frozenset[str]  # ISO 4217 codes: "EUR" is money, not an organisation
    short_forms: Mapping[str, str]  # place short forms and state abbreviations
    place_prepositions: frozenset[str]
    speech_verbs: frozenset[str]
    organisations: Mapping[str, str]  # outlets and wire agencies, folded -> name
    version: str  # of the curated lists: a change re-derives stored articles
    candidates: regex.Pattern[str]  # the words a name can be made of (_candidate_words)
    # What each span read before came to: names recur within an article and across a
    # batch, and reading a span depends only on its words and the few facts in the key.
    _readings: dict[tuple[object, ...], tuple[_Reading, ...]] = field(default_factory=dict)

    def article(self, paragraphs: Sequence[str]) -> list[Found]:
        """Every name in the article's paragraphs, resolved within the article."""
        spans: list[_Span] = []
        for i, text in enumerate(paragraphs):
            for span in self._spans(i, text):
                spans += self._read(span)
        return _resolve(spans, paragraphs, self)

    def _read(self, span: _Span) -> list[_Span]:
        """The span classified, from the readings of an identical span when there is one."""
        credit = span.before.endswith("(") and span.after.startswith(")")
        key = (tuple(span.words), span.sentence_start, span.start == 0, credit)
        readings = self._readings.get(key)
        if readings is None:
            if len(self._readings) >= MAX_READINGS:
                self._readings.clear()
            base = span.start
            readings = tuple(_Reading.of(part, base) for part in self._classify(_copy(span)))
            self._readings[key] = readings
        return [reading.on(span) for reading in readings]

    # --- finding spans ------------------------------------------------------------

    def _spans(self, paragraph: int, text: str) -> list[_Span]:
        heading = text.isupper()
        title_case = _is_title_case(text)
        spans: list[_Span] = []
        run: list[tuple[int, int]] = []

        def close() -> None:
            # A name never ends in "of" or "and", and a date beside it is not part of it
            # ("Twitter Tuesday", "October Norway").
            while run and (
                text[run[-1][0] : run[-1][1]] in self.connectors
                or text[run[-1][0] : run[-1][1]].rstrip(".") in _MONTHS_AND_DAYS
            ):
                run.pop()
            while run and text[run[0][0] : run[0][1]].rstrip(".") in _MONTHS_AND_DAYS:
                run.pop(0)
            if run:
                spans.append(self._span(paragraph, text, run))
                spans[-1].in_heading = title_case
            run.clear()

        # Only capitalised words and the connectors after one are visited: a paragraph's
        # other words can only end a name, and the gap between two visited words says so.
        for match in self.candidates.finditer(text):
            start, end, word = match.start(), match.end(), match.group()
            joined = bool(run) and text[run[-1][1] : start] == " "
            if not joined:
                close()
            name_word = self._is_name_word(word) and not (heading and start > 0)
            connects = joined and word in self.connectors and self._may_join(text, run, word)
            if name_word or connects:
                run.append((start, end))
            else:
                close()
            # A sentence's full stop or a possessive ends the name ("India. The", "Norway's
            # October").
            if run and run[-1][1] == end and self._ends_name(word):
                close()
        close()
        return spans

    def _may_join(self, text: str, run: list[tuple[int, int]], word: str) -> bool:
        """Whether a connector may go on a name: "the" only after another ("Bank of the
        West"), never straight after a name ("… Polygraph.info the Russian …")."""
        previous = text[run[-1][0] : run[-1][1]]
        return word != "the" or previous in self.connectors

    def _is_name_word(self, word: str) -> bool:
        if _DIGIT_OR_UNDERSCORE.search(word):
            return False  # a ticker, a handle, a model number
        if word[:1].isupper():
            return True
        # "al-Assad", "bin-Salman": a particle joined to a capitalised name.
        head, _, rest = word.partition("-")
        return head in self.connectors and rest[:1].isupper()

    def _ends_name(self, word: str) -> bool:
        return bool(_POSSESSIVE.search(word)) or (word.endswith(".") and not self._keeps_dot(word))

    def _keeps_dot(self, word: str) -> bool:
        return (
            word in self.short_forms
            or word in self.organisation_heads  # "Co.", "Inc."
            or word in self.title_ends
            or "." in word[:-1]
            or len(word) == 2
            or bool(_PARTY_STATE.match(word))
        )

    def _span(self, paragraph: int, text: str, run: list[tuple[int, int]]) -> _Span:
        start, end = run[0][0], run[-1][1]
        words = [text[s:e] for s, e in run]
        if words[-1].endswith(".") and not self._keeps_dot(words[-1]):
            words[-1], end = words[-1][:-1], end - 1
        if (possessive := _POSSESSIVE.search(words[-1])) and len(words[-1]) > 2:
            words[-1] = words[-1][: possessive.start()]
            end -= len(possessive.group())
        # A few words either side are all the context a span is read with (copying the
        # whole paragraph's prefix for each span made long paragraphs quadratic).
        before = text[max(0, start - CONTEXT_CHARS) : start]
        return _Span(
            paragraph,
            start,
            end,
            words,
            sentence_start=start == 0 or bool(_SENTENCE_END.search(before)),
            before=before,
            after=text[end : end + CONTEXT_CHARS],
        )

    # --- what a span is -----------------------------------------------------------

    def _classify(self, span: _Span) -> list[_Span]:
        """The span with its type and name set, its parts when it joins several names
        ("Trump and Pelosi", "Virginia Democrats"), or nothing."""
        if span.before.endswith("(") and span.after.startswith(")"):
            return []  # "(Reuters)": a credit
        self._take_title(span)
        while len(span.words) > 1 and (
            span.words[-1].rstrip(".") in self.not_names or span.words[-1] in self.title_words
        ):
            span.words.pop()  # "Patrick Roe Jr.", "the House Speaker"
            span.end = span.start + len(" ".join(span.words))
        if span.title_start is None:
            self._drop_opening_phrase(span)
            self._drop_openers(span, labels=False, common=FUNCTION_WORD_MIN_ZIPF)
            if span.words and (named := self._named(span)) is not None:
                return [named]  # "Fort Worth Police Department" opening a sentence
            self._drop_openers(span, labels=False, common=SENTENCE_OPENER_MIN_ZIPF)
            self._take_title(span)  # "Interior Minister Jane Roe" at a sentence's start
        if not span.words:
            return []
        if span.title_start is not None and (at := self._name_ends(span.words)) is not None:
            # "President Jane Roe and Russian …", "President Jane Roe of France": the name
            # ends at the first word that joins another name.
            head, tail = _split_at(span, at)
            head.title_start, head.type = span.title_start, "person"
            return self._classify(head) + self._classify(tail)
        if (at := self._person_inside(span.words)) is not None:
            # "Energy Secretary Rick Perry", "the European Union Gordon Sondland": what
            # stands before a title or a first name inside the span is a name of its own.
            head, tail = _split_at(span, at)
            return self._classify(head) + self._classify(tail)
        if (named := self._named(span)) is not None:
            return [named]
        if span.title_start is None:
            # A party or a people before a name is no part of it ("Ukrainian", "Republican").
            self._drop_openers(span, labels=True, common=SENTENCE_OPENER_MIN_ZIPF)
            if not span.words:
                return []
            if (named := self._named(span)) is not None:
                return [named]
        words = span.words
        splits = self.organisation_connectors | self.group_labels
        if span.title_start is None and any(w in splits or self._is_demonym(w) for w in words):
            parts = _split(span, lambda w: w in splits or self._is_demonym(w))
            return [found for part in parts for found in self._classify(part)]
        if len(words) == 1:
            self._classify_word(span, words[0])
        elif len(words) <= MAX_NAME_WORDS:
            self._classify_words(span, words)
        return [span] if span.type else []

    def _named(self, span: _Span) -> _Span | None:
        """The span typed when it is known as a whole (a place, an outlet, an agency) or
        names an organisation by its words ("… Ministry", "Bank of …")."""
        whole = " ".join(span.words)
        if _is_dateline(span) and (place := self.gazetteer.place(whole)):
            return _typed(span, "place", place)
        if (named := self._named_whole(whole)) is not None:
            return _typed(span, *named)
        if self._is_organisation(span.words):
            return _typed(span, "organization", whole)
        return None

    def _name_ends(self, words: list[str]) -> int | None:
        """Where a person's name after a title ends: at "and", "of" or a people's name."""
        for at, word in enumerate(words[1:], 1):
            if word in self.organisation_connectors or word in self.group_labels:
                return at
            if self._is_demonym(word):
                return at
        return None

    def _person_inside(self, words: list[str]) -> int | None:
        """Where a person starts inside a span: at a title with a name after it, or at a
        first name after an organisation or a place ("… Union Gordon Sondland")."""
        for at in range(1, len(words) - 1):
            titles = self.titles.get(words[at], ())
            if any(tuple(words[at : at + len(t)]) == t for t in titles if at + len(t) < len(words)):
                return at
            if self.gazetteer.is_first_name(words[at]) and at + 1 < len(words):
                before = words[:at]
                if (
                    self._is_organisation(before)
                    or before[-1] in self.organisation_heads
                    or _ACRONYM.match(before[-1])
                    or self._named_whole(" ".join(before))
                ):
                    return at
        return None

    def _take_title(self, span: _Span) -> None:
        """A person's title opening the span ("Gov.", "Secretary of State") comes off it."""
        for title in self.titles.get(span.words[0], ()) if span.words else ():
            n = len(title)
            if len(span.words) > n and tuple(span.words[:n]) == title:
                span.title_start = span.start
                span.start += len(" ".join(span.words[:n])) + 1
                span.words = span.words[n:]
                span.type = "person"
                return

    def _drop_opening_phrase(self, span: _Span) -> None:
        """A sentence's opening word and the connector after it are not the name ("Shares
        of Acme Inc.", "Head of Acme"), unless the word opens names ("Bank of …")."""
        words = span.words
        if (
            span.sentence_start
            and len(words) > 2
            and words[1] in self.organisation_connectors
            and words[0] not in self.organisation_openers
            and self._is_sentence_word(words[0])
        ):
            span.start += len(words[0]) + len(words[1]) + 2
            span.words = words[2:]
            while span.words and span.words[0] in self.connectors:
                span.start += len(span.words[0]) + 1
                span.words = span.words[1:]
            span.sentence_start = False

    def _drop_openers(self, span: _Span, labels: bool, common: float) -> None:
        """Leading words that are not part of the name: a sentence's opening word at least
        this common ("But", "When") and "The" (an organisation's name keeps a "The"
        mid-sentence); with labels, a party or a people too ("Republican", "Ukrainian")."""
        while span.words and (len(span.words) > 1 or span.words[0] == "The"):
            word = span.words[0]
            if word == "The":
                if not span.sentence_start:
                    span.the_start = span.start
            elif span.sentence_start and self._is_sentence_word(word, common):
                pass
            elif not (labels and (word in self.not_names or self._is_demonym(word))):
                return
            span.start += len(word) + 1
            span.words = span.words[1:]
            span.sentence_start = False

    def _is_sentence_word(self, word: str, common: float = SENTENCE_OPENER_MIN_ZIPF) -> bool:
        if _ACRONYM.match(word) or _CAMEL.match(word):
            return False
        frequency = zipf(word)
        # A place or a first name opening a sentence is a name, unless it is a word far
        # commoner than any name ("To", "On", "An" are towns and first names too).
        name_like = frequency < FUNCTION_WORD_MIN_ZIPF and (
            self.gazetteer.place(word) or self.gazetteer.is_first_name(word)
        )
        return word in _MONTHS_AND_DAYS or (frequency >= common and not name_like)

    def _named_whole(self, whole: str) -> tuple[str, str] | None:
        """A span the short forms, the outlets and agencies or the gazetteer know whole."""
        if whole in self.not_names or whole in _MONTHS_AND_DAYS:
            return None
        if whole in self.short_forms:
            return "place", self.short_forms[whole]
        if (state := _PARTY_STATE.match(whole)) and state.group(1) in self.short_forms:
            return "place", self.short_forms[state.group(1)]
        based = _BASED.search(whole)
        if based and (place := self.gazetteer.place(whole[: based.start()])):
            return "place", place
        if organisation := self.organisations.get(fold(whole)):
            return "organization", organisation
        if (place := self.gazetteer.place(whole)) and self._reads_as_place(whole):
            # As the text spells it, unless it shouts it ("WASHINGTON (AP)").
            return "place", place if whole.isupper() else whole
        return None

    def _is_name(self, words: list[str]) -> bool:
        """Whether these words are a whole name already: an organisation, a place, an
        outlet ("Securities" alone is not, so "Securities and Exchange …" is one name)."""
        if not words:
            return False
        if len(words) > 1 and self._is_organisation(words):
            return True
        return self._named_whole(" ".join(words)) is not None

    def _reads_as_place(self, name: str) -> bool:
        """A gazetteer name read as a place: a town named like a common word ("To",
        "Central", "East") is the word, unless it is a country, a state or a continent."""
        common = zipf(name) >= COMMON_PLACE_WORD_ZIPF
        return " " in name or not common or self.gazetteer.is_country(name)

    def _is_organisation(self, words: list[str]) -> bool:
        if not words:
            return False
        if self.gazetteer.is_first_name(words[0]) and any(w in self.connectors for w in words):
            return False  # "Jane Roe and Energy (Secretary …)": a person, then more
        for at, word in enumerate(words):
            if word in ("and", "&") and self._is_name(words[:at]):
                return False  # "USA Today and Bloomberg News", "U.S. and the Soviet Union"
        if len(words) > 1 and words[-1] in self.organisation_heads:
            return True
        return len(words) > 2 and words[0] in self.organisation_openers and words[1] == "of"

    def _is_demonym(self, word: str) -> bool:
        """'Ukrainian', 'Syrian', 'Kurds', 'Texan', 'American': a people or an adjective of
        a country, state or continent (its name plus a demonym ending)."""
        if word in self.not_names:
            return True
        if self.gazetteer.is_first_name(word) or self.gazetteer.place(word):
            return False
        stem = word[:-1] if word.endswith("s") else word
        for suffix in ("ian", "ean", "an", "ese", "ish", "i", "ic", "er", "ite"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                root = stem[: -len(suffix)]
                for ending in ("", "a", "e", "ia", "y", "o", "istan"):
                    if self.gazetteer.is_region(root + ending) or root + ending in self.short_forms:
                        return True
        return False

    def _classify_word(self, span: _Span, word: str) -> None:
        if span.type == "person":
            span.name = word  # after a title: "Mr. Sondland"
            return
        if (
            word in self.not_names
            or word in self.generic_acronyms
            or word in _MONTHS_AND_DAYS
            or len(word) < 2
            or self._is_demonym(word)
            or (word in self.organisation_heads and word not in self.institutions)
            or word in self.title_words
        ):
            return
        if word in self.institutions:
            if not span.sentence_start or span.the_start is not None:
                _typed(span, "organization", word)
        elif span.the_start is not None:
            _typed(span, "organization", word)  # "told The Hill": a name owns its "The"
        elif _ACRONYM.match(word):
            if zipf(word) < ACRONYM_MAX_ZIPF and word.rstrip("s") not in self.currencies:
                _typed(span, "organization", word)
        elif _CAMEL.match(word):
            _typed(span, "organization", word)
        elif not (span.sentence_start and zipf(word) >= SENTENCE_OPENER_MIN_ZIPF):
            _typed(span, "single", word)  # resolved against the article's other names

    def _classify_words(self, span: _Span, words: list[str]) -> None:
        whole = " ".join(words)
        if span.type == "person":
            span.name = whole
        elif all(_ACRONYM.match(w) for w in words):
            return  # a heading in capitals
        elif self.gazetteer.is_first_name(words[0]) and not _ACRONYM.match(words[-1]):
            _typed(span, "person", whole)
        elif span.the_start is not None:
            _typed(span, "organization", whole)  # "The Doobie Brothers", mid-sentence
        elif any(_ACRONYM.match(w) for w in words) or _CAMEL.match(words[0]):
            _typed(span, "organization", whole)  # "CBS Sports", "WoodSpring Suites"
        elif zipf(words[-1]) >= COMMON_TAIL_MIN_ZIPF:
            return  # a venue, an event, a thing
        else:
            _typed(span, "pair", whole)  # a person if named by the last word alone too


@dataclass(frozen=True, slots=True)
class _Reading:
    """A classified part of a span, at offsets relative to the span's start."""

    start: int
    end: int
    words: tuple[str, ...]
    sentence_start: bool
    type: str | None
    name: str | None
    title_start: int | None

    @classmethod
    def of(cls, part: _Span, base: int) -> _Reading:
        title = None if part.title_start is None else part.title_start - base
        return cls(
            part.start - base,
            part.end - base,
            tuple(part.words),
            part.sentence_start,
            part.type,
            part.name,
            title,
        )

    def on(self, span: _Span) -> _Span:
        start = span.start + self.start
        return _Span(
            span.paragraph,
            start,
            span.start + self.end,
            list(self.words),
            self.sentence_start,
            before=span.before + " " * (start - span.start) if self.start else span.before,
            after=span.after,
            title_start=None if self.title_start is None else span.start + self.title_start,
            in_heading=span.in_heading,
            type=self.type,
            name=self.name,
        )


def _copy(span: _Span) -> _Span:
    return _Span(
        span.paragraph,
        span.start,
        span.end,
        list(span.words),
        span.sentence_start,
        span.before,
        span.after,
        in_heading=span.in_heading,
    )


def _typed(span: _Span, kind: str, name: str) -> _Span:
    span.type, span.name = kind, name.removesuffix(".")  # "Acme Inc." is named "Acme Inc"
    if kind == "organization" and span.the_start is not None:
        span.start, span.name = span.the_start, f"The {name}"  # "The Hill"
    return span


def _is_title_case(text: str) -> bool:
    """A headline or heading in title case ("Moscow's Global Maneuvers"): most words are
    capitalised, so a capital does not mark a name."""
    if len(text) > TITLE_CASE_MAX_CHARS:
        return False  # a paragraph, not a heading
    words = [w for w in text.split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) >= TITLE_CASE_MIN_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


def _is_dateline(span: _Span) -> bool:
    """An all-caps place opening a paragraph ("WASHINGTON (AP) —")."""
    return span.start == 0 and all(w.isupper() for w in span.words)


def _split(span: _Span, is_separator: object) -> list[_Span]:
    """The parts of a span between its separating words, each a span of its own."""
    assert callable(is_separator)
    parts: list[_Span] = []
    offset, words = span.start, list[str]()
    position = span.start
    for word in span.words:
        if is_separator(word):
            if words:
                parts.append(_part(span, offset, words))
            words = []
            position += len(word) + 1
            offset = position
        else:
            words.append(word)
            position += len(word) + 1
    if words:
        parts.append(_part(span, offset, words))
    return parts


def _split_at(span: _Span, at: int) -> tuple[_Span, _Span]:
    head_words, tail_words = span.words[:at], span.words[at:]
    tail_start = span.start + len(" ".join(head_words)) + 1
    return _part(span, span.start, head_words), _part(span, tail_start, tail_words)


def _part(span: _Span, start: int, words: list[str]) -> _Span:
    while len(words) > 1 and words[0].islower():
        start += len(words[0]) + 1  # "of Acme Inc." after a split: the name starts later
        words = words[1:]
    while len(words) > 1 and words[-1].islower():
        words = words[:-1]
    end = start + len(" ".join(words))
    first = start == span.start
    shift_before = span.before + " " * (start - span.start)
    return _Span(
        span.paragraph,
        start,
        end,
        words,
        span.sentence_start and first,
        shift_before,
        in_heading=span.in_heading,
    )


def _resolve(spans: list[_Span], paragraphs: Sequence[str], lists: Recogniser) -> list[Found]:
    """Each span's actor within the article (see the module's docstring)."""
    people = {s.name for s in spans if s.type == "person" and s.name and " " in s.name}
    # A shorter full name inside a longer one ("Gordon Sondland" in "Gordon D. Sondland")
    # is the same person: the longest form names them.
    fullest = {person: person for person in people}
    for person in people:
        for other in people:
            if len(other) > len(fullest[person]) and _same_person(other, person):
                fullest[person] = other
    by_part: dict[str, set[str]] = {}
    for person in people:
        parts = person.split()
        for part in {parts[0], parts[-1]}:
            by_part.setdefault(part, set()).add(fullest[person])
    lone = Counter(s.name for s in spans if s.type in ("single", "place") and not s.sentence_start)
    # A surname alone anywhere, a sentence's first word too ("Braun has worked …").
    alone = {s.words[-1] for s in spans if len(s.words) == 1}
    lowered: set[str] | None = None  # the article's lower-case words, when first asked for
    found: list[Found] = []
    for span in spans:
        if span.type is None or span.name is None:
            continue
        kind: str = span.type
        name: str = span.name
        if kind == "single" and name.endswith("s") and name[:-1] in by_part:
            continue  # "the Bidens": a family, not an actor
        if " " not in name and kind in ("single", "person", "place"):
            owners = by_part.get(name, set())
            if len(owners) == 1:
                kind, name = "person", next(iter(owners))
            elif kind == "single":
                if span.in_heading:
                    continue  # capitals say nothing in a title-case heading
                if lowered is None:
                    lowered = {w for text in paragraphs for w in _LOWER_WORD.findall(text)}
                in_lower_case = name.lower() in lowered
                kind = _lone_word_type(span, lone[name], in_lower_case, lists)
        elif kind == "person":
            name = fullest.get(name, name)
        elif kind == "pair" and span.in_heading:
            continue
        elif kind == "pair":
            first, last = name.split()[0], name.split()[-1]
            # Two words that are no English words are a person's names ("Evo Morales");
            # words of the language name a company or a title ("Blue Origin").
            rare = zipf(first) < PAIR_FIRST_WORD_MAX_ZIPF or "-" in first
            kind = "person" if last in alone or rare else "organization"
        if not kind:
            continue
        start = span.title_start if span.title_start is not None else span.start
        surface = paragraphs[span.paragraph][start : span.end]
        found.append(Found(span.paragraph, start, span.end, surface, name, kind))
    return found


def _lone_word_type(span: _Span, repeats: int, in_lower_case: bool, lists: Recogniser) -> str:
    """What a capitalised word naming no one else in the article is, or "" for nothing."""
    word = span.words[0]
    if (verb := _WORD_AFTER.match(span.after)) and verb.group(1) in lists.speech_verbs:
        return "person"  # "Ahmado said", "Schiff asked"
    if span.sentence_start:
        return ""
    after_preposition = span.before.rstrip().rsplit(" ", 1)[-1] in lists.place_prepositions
    if after_preposition and zipf(word) < LONE_WORD_MAX_ZIPF:
        return "place"  # "in Sarkh", "near Idlib"
    if zipf(word) < LONE_WORD_MAX_ZIPF and repeats >= LONE_WORD_REPEATS:
        return "organization"
    if repeats >= LONE_WORD_REPEATS and not in_lower_case and zipf(word) < REPEATED_WORD_MAX_ZIPF:
        return "organization"
    return ""


def _same_person(longer: str, shorter: str) -> bool:
    long_words, short_words = longer.split(), shorter.split()
    same_ends = short_words[0] == long_words[0] and short_words[-1] == long_words[-1]
    return same_ends or f" {shorter} " in f" {longer} "


def _candidate_words(connectors: frozenset[str]) -> regex.Pattern[str]:
    """Capitalised words (not a handle's, a tag's, a path's or a ticker's: no @ # / $ .
    before), a particle joined to one ("al-Assad"), and connectors standing after one of
    those or after another connector ("Bank of the West")."""
    joins = "|".join(regex.escape(c) for c in sorted(connectors, key=len, reverse=True))
    word = r"(?:\p{Lu}|(?:" + joins + r")-\p{Lu})[\w'’\-]*(?:\.(?=[^\W_])[\w'’\-]*)*\.?"
    return regex.compile(
        rf"(?<![\w@#/$.]){word}"
        rf"|(?<=(?:\p{{Lu}}[\w'’.\-]*|(?<!\w)(?:{joins}))\x20)(?:{joins})(?=\x20)"
    )


def _by_first_word(titles: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        words = tuple(title.split())
        grouped.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(ts, key=len, reverse=True)) for first, ts in grouped.items()}


def _rules_bytes() -> bytes:
    return resources.files("transforms").joinpath("data/recognition.yaml").read_bytes()


def rules_version() -> str:
    """The version of the curated lists (and so of what recognition finds)."""
    return hashlib.sha256(_rules_bytes()).hexdigest()[:16]


@cache
def load_recogniser() -> Recogniser:
    raw_bytes = _rules_bytes()
    raw = yaml.safe_load(raw_bytes)
    outlets = load_outlets()
    organisations = {
        fold(spelling): name
        for name, aliases in outlets.outlets.items()
        for spelling in (name, *aliases)
    }
    for spelling in outlets.wire_names():
        if wire := outlets.canonical_wire(spelling):
            organisations.setdefault(fold(spelling), wire)
    return Recogniser(
        gazetteer=load_gazetteer(),
        titles=_by_first_word(raw["person_titles"]),
        title_words=frozenset(t for t in raw["person_titles"] if " " not in t),
        title_ends=frozenset(t.split()[-1] for t in raw["person_titles"]),
        organisation_heads=frozenset(raw["organisation_heads"]),
        organisation_openers=frozenset(raw["organisation_openers"]),
        institutions=frozenset(raw["institutions"]),
        connectors=frozenset(raw["connectors"]),
        organisation_connectors=frozenset(raw["organisation_connectors"]),
        not_names=frozenset(raw["not_names"]) | frozenset(raw["group_labels"]),
        group_labels=frozenset(raw["group_labels"]),
        generic_acronyms=frozenset(raw["generic_acronyms"]),
        currencies=frozenset(c.alpha_3 for c in pycountry.currencies),
        short_forms={**raw["place_short_forms"], **raw["state_abbreviations"]},
        place_prepositions=frozenset(raw["place_prepositions"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        organisations=organisations,
        version=hashlib.sha256(raw_bytes).hexdigest()[:16],
        candidates=_candidate_words(frozenset(raw["connectors"])),
    )
