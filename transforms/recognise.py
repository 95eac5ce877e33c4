"""Persons, organisations and places named in an article, with no registry entry needed.

Names in English news are capitalised spans. Each span is read for what it is from the
words in and around it, the way rule-based recognisers (spaCy's entity ruler, the
gazetteer features of statistical taggers) read them:

- a title before it ("Sen.", "Prime Minister") or a first name opening it: a person;
- an organisation's head word ("… Party", "… Inc", "Ministry of …"), an acronym, a
  camel-cased brand, an outlet or wire agency, a lone "House" or "Senate": an organisation;
- a gazetteer place ("Lagos", "Nova Scotia", "D-Minn.", "Ohio-based", an all-caps dateline),
  or an unknown word after "in" or "near": a place;
- words that are never names on their own — sentence openers, months, demonyms, pronouns,
  labels — are left out, and a span ending in a common word ("… Field", "… Cup") is a
  venue, an event or a thing, not an actor.

Within the article a surname or a first name alone is the person named in full elsewhere
in it ("Quint" is Halvard Quint); a person's shorter full name inside a longer one is
the longer one; two words with no first name are a person when the article names them by
the last word alone too ("Okonkwo said"), else an organisation. A wire credit in brackets
("(Reuters)") is no mention. The curated lists are in data/recognition.yaml.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

import pycountry
import regex
import yaml

from transforms.gazetteer import Gazetteer, fold, load_gazetteer, zipf
from transforms.name_cues import Cues, parse_cues
from transforms.name_resolution import resolve
from transforms.name_spans import (
    MONTHS_AND_DAYS,
    Found,
    Reading,
    Span,
    copy_span,
    is_date_word,
    is_dateline,
    is_title_case,
    split_at,
    split_span,
    typed,
)
from transforms.outlets import OutletRegistry

__all__ = ["Found", "Recogniser", "build_recogniser", "rules_version"]

# A capitalised word this common in lower case opens sentences more than it names anyone
# ("But", "When", "After"): at a sentence's start it is not part of a name.
SENTENCE_OPENER_MIN_ZIPF = 3.5
# Words this common are function words even where they are also a town or a first name.
FUNCTION_WORD_MIN_ZIPF = 5.5
# A one-word town this common as a word is the word ("To", "Central", "East").
COMMON_PLACE_WORD_ZIPF = 5.0
# A multi-word span whose last word is this common names a venue, an event or a thing
# ("Marlow Field", "Harbour Cup", "Elm Park"), not an actor.
COMMON_TAIL_MIN_ZIPF = 4.3
# A span of more than this many words with no organisation's head word is a title of a
# work or a heading, not a name.
MAX_NAME_WORDS = 4
# A word ending in -ism this common is a doctrine's name ("Socialism"); a rarer one may be
# a brand's.
DOCTRINE_MIN_ZIPF = 3.0
# "Peru's foreign ministry", "the Kenyan defence ministries", "the Labour party".
_LOWER_CASE_BODY = re.compile(
    r"(?<![\w.])(?P<owner>(?:[A-Z][\w.\-]*\s)*?[A-Z][\w.\-]*?)(?P<possessive>['’]s)?"
    r"\s(?P<remit>(?:[a-z]+\s){0,2}?)(?P<head>ministry|ministries|party)\b"
)
# A person's initials: "B.", "J.J." ("U.S." is a short form, looked up first).
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$")
# An index's name: "the Harbour 600 index", "the Kestrel Composite index".
_INDEX_AFTER = re.compile(r"^\s+(?:\d[\d,.]*\s+)?(?:index|indexes|indices|futures)\b")
# A postal code is a state after "in" or after a town and a comma ("Bismarck, ND").
_POSTAL_BEFORE = re.compile(r"(?:\bin|\b[A-Z][\w.\-]*,)\s+$")
# A word after an acronym this rare is a name of its own ("US Kestrel"); a commoner one
# names something with it ("ACM Queue", "KTV Sports").
ACRONYM_SPLIT_MAX_ZIPF = 3.0
# An all-capitals word this common in lower case is emphasis ("YES", "VOTE"), not an
# acronym.
ACRONYM_MAX_ZIPF = 5.0

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}s?$")
# A brand in camel case: "BrightLoop", "DataHaus" (two humps at most).
_CAMEL = re.compile(r"^[A-Z]?[a-z]+[A-Z][a-z]+$|^[A-Z][a-z]+[A-Z][a-z]*$")
# Surnames cased like brands: "McAllister", "MacLeod", "DeSantis", "LaGuardia", "FitzGerald".
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]+$")
# A word of capitals that is a currency's code or a ticker's suffix ("EUR=", "JP10YT=RR").
_TICKER_MARK = "="
# An ideology or a movement of thought ("Socialism", "Nationalism"), not an actor.
_DOCTRINE = re.compile(r"[a-z]ism$")
# A credit line: "© Acme", "Copyright Acme", "Photo: Acme".
# A credit's or a postal code's words before a name are within this many characters.
CREDIT_CHARS = 16
_CREDIT_BEFORE = re.compile(r"(?:©|\(c\)|Copyright|Photo:|Photograph:|Source:)\s*$", re.I)
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
# A possessive joins an organisation's name when its word is this common ("People's",
# "Children's", "Women's"); a rarer one is a name's own ("Acme's", "Halvard's").
POSSESSIVE_IN_NAME_MIN_ZIPF = 4.5
_POSSESSIVE = re.compile(r"['’]s?$")
_BASED = re.compile(r"-(?:based|born|bound|area|led|backed)$", re.I)
_PARTY_STATE = re.compile(r"^[DRI]-([A-Z][\w.]*)$")
# Span readings kept for reuse (a few MB), cleared when full.
MAX_READINGS = 50_000
# The characters either side of a span it is read with: a few words (an apposition:
# ", the Lisbon-based geopolitical intelligence firm").
CONTEXT_CHARS = 80
# Whether a sentence opens with a span is read from the few characters before it.
SENTENCE_CHARS = 40
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]|[.!?][\"'”’)\]]|[\"'“‘(\[—–])\s*$")


@dataclass(frozen=True, slots=True, eq=False)
class Recogniser:
    """The curated lists of data/recognition.yaml with the gazetteer; one per process."""

    gazetteer: Gazetteer
    titles: Mapping[str, tuple[tuple[str, ...], ...]]  # by first word; longest first
    title_words: frozenset[str]  # the titles of one word ("Sen.", "Mayor")
    title_ends: frozenset[str]  # every title's last word (a dot there is no full stop)
    organisation_heads: frozenset[str]
    organisation_openers: frozenset[str]
    place_heads: frozenset[str]
    not_actor_heads: frozenset[str]  # events, venues, thoroughfares
    celestial_bodies: frozenset[str]
    institutions: frozenset[str]
    connectors: frozenset[str]
    organisation_connectors: frozenset[str]
    not_names: frozenset[str]
    group_labels: frozenset[str]
    generic_acronyms: frozenset[str]
    currencies: frozenset[str]  # ISO 4217 codes: "EUR" is money, not an organisation
    short_forms: Mapping[str, str]  # place short forms and state abbreviations
    cues: Cues  # what the words around a name say it is
    languages: frozenset[str]  # the languages these lists are written for (ISO 639-1)
    organisations: Mapping[str, str]  # outlets and wire agencies, folded -> name
    postal_codes: Mapping[str, str]  # US states' two-letter codes -> the state
    version: str  # of the curated lists: a change re-derives stored articles
    runs: regex.Pattern[str]  # runs of the words a name can be made of (_name_runs)
    # What each span read before came to: names recur within an article and across a
    # batch, and reading a span depends only on its words and the few facts in the key.
    _readings: dict[tuple[object, ...], tuple[Reading, ...]] = field(default_factory=dict)

    def reads(self, language: str) -> bool:
        return language in self.languages

    def article(self, paragraphs: Sequence[str]) -> list[Found]:
        """Every name in the article's paragraphs, resolved within the article."""
        spans: list[Span] = []
        for i, text in enumerate(paragraphs):
            read: list[Span] = []
            for span in self._spans(i, text):
                for part in self._read(span):
                    # A part's own surroundings: the cues read the words beside it.
                    part.before = text[max(0, part.start - CONTEXT_CHARS) : part.start]
                    part.after = text[part.end : part.end + CONTEXT_CHARS]
                    if part.type == "organization" and _INDEX_AFTER.match(part.after):
                        continue  # "the Harbour 600 index": a market index
                    read.append(self._postal_place(part))
            for body in self._lower_case_bodies(i, text):
                # The body's words are its name: what was read inside it goes, but for
                # the country that owns it ("Peru's fisheries ministry": Peru too).
                read = [
                    r
                    for r in read
                    if r.end <= body.start or r.start >= body.end or r.type == "place"
                ]
                read.append(body)
            spans += read
        return resolve(spans, paragraphs, self.cues, self.gazetteer.is_first_name)

    def _is_credit(self, span: Span) -> bool:
        """A credit, not a mention: "(Reuters)", "© Acme Wire", "Photo: Acme", or an outlet's
        or an agency's name alone on its line or closing a paragraph after its last sentence
        ("… stay. AFP"); a person's or a place's name there may be a heading, and stays."""
        if span.before.endswith("(") and span.after.startswith(")"):
            return True
        if _CREDIT_BEFORE.search(span.before[-CREDIT_CHARS:]):
            return True
        if span.after.strip() or (span.before.strip() and not span.sentence_start):
            return False
        whole = " ".join(span.words)
        return fold(whole) in self.organisations or (
            not span.before.strip() and bool(_ACRONYM.match(whole))
        )

    def _postal_place(self, span: Span) -> Span:
        """A US state's two-letter postal code after a town and a comma or after "in" is
        the state ("Bismarck, ND", "a problem in ND"), not an organisation."""
        code = span.name if span.type == "organization" else None
        before = span.before[-CREDIT_CHARS:]
        if code and (state := self.postal_codes.get(code)) and _POSTAL_BEFORE.search(before):
            if span.before.endswith(f"{state.split(',')[0]}, "):
                span.type = None  # "New York, NY": the town's own address, one place
                return span
            return typed(span, "place", state)
        return span

    def _lower_case_bodies(self, paragraph: int, text: str) -> list[Span]:
        """Ministries and parties written with lower-case heads: a country's or its
        people's ministry ("Peru's foreign ministry", "the Kenyan defence ministry") and a
        party's label with "party" ("the Labour party")."""
        bodies: list[Span] = []
        if "ministr" not in text and "party" not in text:
            return bodies
        for match in _LOWER_CASE_BODY.finditer(text):
            owner, head = match.group("owner"), match.group("head")
            start = match.start("owner")
            if owner.startswith("The "):
                owner, start = owner[4:], start + 4
            possessive = match.group("possessive") or ""
            if head.startswith("minist"):
                if not (self._named_whole(owner) or self._is_demonym(owner.split()[-1])):
                    continue
                name = f"{owner}{possessive} {match.group('remit')}ministry"
            else:
                words = owner.split()
                if (
                    possessive
                    or match.group("remit")
                    or not all(
                        w in self.group_labels
                        or not (self.gazetteer.place(w) or self.gazetteer.is_first_name(w))
                        for w in words
                    )
                ):
                    continue
                name = f"{owner} Party"
            end = match.end("head")
            body = Span(paragraph, start, end, name.split(), start == 0, type="organization")
            body.name = " ".join(name.split())
            body.before = text[max(0, start - CONTEXT_CHARS) : start]
            body.after = text[end : end + CONTEXT_CHARS]
            bodies.append(body)
        return bodies

    def _read(self, span: Span) -> list[Span]:
        """The span classified, from the readings of an identical span when there is one."""
        if self._is_credit(span):
            return []
        key = (tuple(span.words), span.sentence_start, span.start == 0)
        readings = self._readings.get(key)
        if readings is None:
            if len(self._readings) >= MAX_READINGS:
                self._readings.clear()
            base = span.start
            readings = tuple(Reading.of(part, base) for part in self._classify(copy_span(span)))
            self._readings[key] = readings
        return [reading.on(span) for reading in readings]

    # --- finding spans ------------------------------------------------------------

    def _spans(self, paragraph: int, text: str) -> list[Span]:
        """The paragraph's capitalised spans: runs of capitalised words and the connectors
        between them, cut where a word ends a name (a full stop, a possessive) or cannot
        be one (digits: a ticker, a model number)."""
        # In a line of capitals only its opening words can be told apart (a dateline).
        heading = text.isupper()
        title_case = is_title_case(text)
        spans: list[Span] = []
        for run in self.runs.finditer(text):
            if heading:
                if run.start() == 0:
                    self._dateline(spans, paragraph, text, run.group(), title_case)
                break
            position = run.start()
            words: list[tuple[int, str]] = []
            run_words = run.group().split(" ")
            if text[run.end() : run.end() + 1] == _TICKER_MARK:
                run_words = run_words[:-1]  # "Euro EUR=": a ticker, not a name's word
            for i, word in enumerate(run_words):
                if word in self.connectors:
                    # "the" joins only after another connector ("Bank of the West").
                    if word == "the" and not (words and words[-1][1] in self.connectors):
                        self._close(spans, paragraph, text, words, title_case)
                    elif words:
                        words.append((position, word))
                elif _DIGIT_OR_UNDERSCORE.search(word):
                    self._close(spans, paragraph, text, words, title_case)
                else:
                    words.append((position, word))
                    if self._ends_name(word) and not self._possessive_in_name(
                        [w for _, w in words], run_words[i + 1 :]
                    ):  # "Peru. The", "Chile's October"
                        self._close(spans, paragraph, text, words, title_case)
                position += len(word) + 1
            self._close(spans, paragraph, text, words, title_case)
        return spans

    def _dateline(
        self, spans: list[Span], paragraph: int, text: str, run: str, in_heading: bool
    ) -> None:
        """In a line of capitals only a place opening it can be told (a dateline: "NEW
        DELHI (Reuters) —"): its longest opening words the gazetteer knows."""
        words = run.split(" ")
        for n in range(len(words), 0, -1):
            if self.gazetteer.place(" ".join(words[:n])):
                opening = [(0, words[0])]
                for word in words[1:n]:
                    opening.append((opening[-1][0] + len(opening[-1][1]) + 1, word))
                self._close(spans, paragraph, text, opening, in_heading)
                return

    def _close(
        self,
        spans: list[Span],
        paragraph: int,
        text: str,
        words: list[tuple[int, str]],
        in_heading: bool,
    ) -> None:
        """The words gathered so far as a span, less what never ends or opens a name: a
        connector at its end, a date beside it ("Acme Tuesday", "October Chile")."""
        while words and (words[-1][1] in self.connectors or is_date_word(words[-1][1])):
            words.pop()
        first = 0
        while first < len(words) and is_date_word(words[first][1]):
            first += 1
        if first < len(words):
            run = [(start, start + len(word)) for start, word in words[first:]]
            spans.append(self._span(paragraph, text, run))
            spans[-1].in_heading = in_heading
        words.clear()

    def _possessive_in_name(self, so_far: list[str], rest: list[str]) -> bool:
        """A common word's possessive inside an organisation's name ("People's Liberation
        Army", "Children's Hospital", "U.S. Attorney's Office"), not a name's possessive
        ("Chile's October", "Lisbon's Harbour Centre", "Acme Media's Code Unit")."""
        possessive = _POSSESSIVE.search(so_far[-1])
        if not possessive or not any(w in self.organisation_heads for w in rest):
            return False
        stem = so_far[-1][: possessive.start()]
        owner = " ".join([*so_far[:-1], stem])
        return (
            zipf(stem) >= POSSESSIVE_IN_NAME_MIN_ZIPF
            and stem not in self.organisation_heads
            and not self.gazetteer.place(owner)
        )

    def _ends_name(self, word: str) -> bool:
        return bool(_POSSESSIVE.search(word)) or (word.endswith(".") and not self._keeps_dot(word))

    def _keeps_dot(self, word: str) -> bool:
        return (
            word in self.short_forms
            or word in self.organisation_heads  # "Co.", "Inc."
            or word in self.cues.name_suffixes  # "Jr."
            or word in self.title_ends
            or "." in word[:-1]
            or len(word) == 2
            or bool(_PARTY_STATE.match(word))
        )

    def _span(self, paragraph: int, text: str, run: list[tuple[int, int]]) -> Span:
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
        return Span(
            paragraph,
            start,
            end,
            words,
            sentence_start=start == 0 or bool(_SENTENCE_END.search(before[-SENTENCE_CHARS:])),
            before=before,
            after=text[end : end + CONTEXT_CHARS],
        )

    # --- what a span is -----------------------------------------------------------

    def _classify(self, span: Span, fragment: bool = False) -> list[Span]:
        """The span with its type and name set, its parts when it joins several names
        ("Roe and Doe", "Ohio Democrats"), or nothing."""
        if tuple(span.words) in self.titles.get(span.words[0], ()):
            return []  # a title alone ("the First Lady wrote")
        if span.words[0] in self.titles and span.words[-1] in self.title_words:
            return []  # an office: "Chief Marketing Officer", "Deputy Foreign Minister"
        self._drop_role(span)
        self._take_title(span)
        while (
            len(span.words) > 1
            and self._closes_on_title(span.words[-1])
            and not self._office_named(span.words)
        ):
            dropped = span.words.pop()  # "Patrick Roe Jr.", "the House Speaker"
            span.end = span.start + len(" ".join(span.words))
            span.after = f" {dropped}{span.after}"
        based = next((i for i, w in enumerate(span.words[:-1]) if _BASED.search(w)), None)
        if span.title_start is None and based is not None:
            # "a Lisbon-based Council on Fisheries": the place, then a name of its own.
            head, tail = split_at(span, based + 1)
            return self._classify(head) + self._classify(tail)
        if span.title_start is None:
            self._drop_opening_phrase(span)
            self._drop_openers(span, labels=False, common=FUNCTION_WORD_MIN_ZIPF)
            if span.words and self._office_opening(span):
                return self._classify(span)  # "The Speaker of the House …" at a sentence's start
            if span.words and (named := self._named(span)) is not None:
                return [named]  # "Fort Collins Police Department" opening a sentence
            self._drop_openers(span, labels=False, common=SENTENCE_OPENER_MIN_ZIPF)
            self._take_title(span)  # "Interior Minister Jane Roe" at a sentence's start
        if not span.words:
            return []
        if len(span.words) > 1 and span.words[-1] in self.not_actor_heads:
            return []  # "the Davis Cup", "Heinz Field": an event or a venue
        if _DOCTRINE.search(span.words[-1]) and zipf(span.words[-1]) >= DOCTRINE_MIN_ZIPF:
            return []  # "Economic Nationalism": a doctrine
        if len(span.words) > 1 and self._is_demonym(" ".join(span.words)):
            return []  # "New Zealanders", "North Dakotans": a people
        if span.title_start is not None and (at := self._name_ends(span.words)) is not None:
            # "President Jane Roe and Russian …", "President Jane Roe of France": the name
            # ends at the first word that joins another name.
            head, tail = split_at(span, at)
            head.title_start, head.type = span.title_start, "person"
            return self._classify(head) + self._classify(tail)
        if (at := self._person_inside(span.words)) is not None:
            # "Energy Secretary Jane Roe", "the African Union Halvard Quint": what
            # stands before a title or a first name inside the span is a name of its own.
            head, tail = split_at(span, at)
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
        if span.title_start is None and self._acronym_then_name(words):
            # "KTV Pentagon correspondent", "US Kestrel helicopter": an acronym before a
            # name of its own or a word no English ("KTV Sports" is one name).
            head, tail = split_at(span, 1)
            return self._classify(head) + self._classify(tail)
        # ("&" joins partners' names into one firm: no place to split.)
        splits = (self.organisation_connectors - {"&"}) | self.group_labels
        if span.title_start is None and any(w in splits or self._is_demonym(w) for w in words):
            parts = split_span(span, lambda w: w in splits or self._is_demonym(w))
            # The parts of a phrase cut at "of" or "and" ("Harbour and Dock Hall of Fame …")
            # are no names by their words alone, unless a person is one of them ("Jane
            # Roe of the Harbour Gazette").
            found = [found for part in parts for found in self._classify(part, fragment=True)]
            if any(f.type == "person" for f in found):
                for f in found:
                    f.type = "pair" if f.type == "part" else f.type
            return found
        if len(words) == 1:
            self._classify_word(span, words[0])
        elif len(words) <= MAX_NAME_WORDS:
            self._classify_words(span, words, fragment)
        return [span] if span.type else []

    def _closes_on_title(self, word: str) -> bool:
        # A role's abbreviation after a name is like a title ("Cleveland DL", "Acme CFO").
        return (
            word.rstrip(".") in self.not_names
            or word in self.title_words
            or word in self.generic_acronyms
        )

    def _office_named(self, words: list[str]) -> bool:
        """Titles closing the span after "of the" name an office ("Office of the Inspector
        General"), not a person after the name ("the House of Representatives Speaker")."""
        n = len(words)
        while n > 0 and self._closes_on_title(words[n - 1]):
            n -= 1
        return n > 0 and words[n - 1] in self.connectors

    def _acronym_then_name(self, words: list[str]) -> bool:
        if len(words) < 2 or not _ACRONYM.match(words[0]) or _ACRONYM.match(words[1]):
            return False
        if _INITIAL.match(words[0]) and words[0] not in self.short_forms:
            return False  # "J.J. Roe": initials, then the surname
        rest = " ".join(words[1:])
        return (
            words[1] in self.institutions
            or self._named_whole(rest) is not None
            or self.gazetteer.is_first_name(words[1])
            or zipf(words[1]) < ACRONYM_SPLIT_MAX_ZIPF
        )

    def _named(self, span: Span) -> Span | None:
        """The span typed when it is known as a whole (a place, an outlet, an agency) or
        names an organisation by its words ("… Ministry", "Bank of …")."""
        whole = " ".join(span.words)
        if is_dateline(span) and (place := self.gazetteer.place(whole)):
            return typed(span, "place", place)
        if (named := self._named_whole(whole)) is not None:
            return typed(span, *named)
        if self._is_organisation(span.words):
            return typed(span, "organization", whole)
        if (
            len(span.words) > 1
            and span.words[-1] in self.place_heads
            and not any(w in ("and", "&") for w in span.words)  # "Peru and Cape Town": two
        ):
            return typed(span, "place", whole)  # "Marin County", "the Bay Area"
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
        first name after an organisation or a place ("… Union Halvard Quint")."""
        for at in range(1, len(words) - 1):
            titles = self.titles.get(words[at], ())
            if any(
                tuple(words[at : at + len(t)]) == t
                and words[at + len(t)] not in self.title_words
                and self._opens_name(words[at + len(t)])
                for t in titles
                if at + len(t) < len(words)
            ):  # "Office of the Chief Economist" names an office, not a person
                return at
            if (
                self.gazetteer.is_first_name(words[at])
                and at + 1 < len(words)
                and words[-1] not in self.place_heads  # "… Bay Area" is one place
            ):
                before = words[:at]
                if (
                    self._is_organisation(before)
                    or before[-1] in self.organisation_heads
                    or _ACRONYM.match(before[-1])
                    or self._named_whole(" ".join(before))
                ):
                    return at
        return None

    def _take_title(self, span: Span) -> None:
        """A person's titles opening the span ("Gov.", "Chief Minister", "Secretary of
        State") come off it; an office's name is no person ("Chief Marketing Officer",
        "Chair and CEO", "Leader of the Assembly")."""
        if span.words and span.words[-1] in self.title_words:
            return  # it ends in a title: an office, or a title alone
        if self._office_opening(span):
            return
        while span.words and (title := self._title_opening(span.words)) is not None:
            n = len(title)
            if span.title_start is None:
                span.title_start = span.start
            span.start += len(" ".join(span.words[:n])) + 1
            span.words = span.words[n:]
            span.type = "person"

    def _drop_role(self, span: Span) -> None:
        """A role's abbreviation before a person is no part of the name ("CB Jane Roe",
        "QB R.J. Quint"): it comes off like a title, and says nothing of the type."""
        words = span.words
        if (
            len(words) > 2
            and words[0] in self.generic_acronyms
            and (self.gazetteer.is_first_name(words[1]) or _INITIAL.match(words[1]))
        ):
            span.start += len(words[0]) + 1
            span.words = words[1:]
            span.sentence_start = False

    def _office_opening(self, span: Span) -> bool:
        """Titles joined by "of" or "and" open the span ("Speaker of the Assembly …", "CEO
        and Founder of Acme Inc"): an office, not a person; what it is of stays."""
        words, n = span.words, 0
        while n < len(words):
            title = next((t for t in self.titles.get(words[n], ()) if _opens(words, n, t)), None)
            if title is not None:
                n += len(title)
            elif words[n] in self.connectors and n:
                n += 1
            else:
                break
        if n == 0 or n == len(words) or words[n - 1] not in self.connectors:
            return False
        span.start += len(" ".join(words[:n])) + 1
        span.words = words[n:]
        span.sentence_start = False
        return True

    def _title_opening(self, words: list[str]) -> tuple[str, ...] | None:
        """The longest title the words open with, when a name follows it."""
        for title in self.titles.get(words[0], ()):
            n = len(title)
            if len(words) > n and tuple(words[:n]) == title and self._opens_name(words[n]):
                return title
        return None

    def _opens_name(self, word: str) -> bool:
        return word not in self.connectors and word[:1].isupper()

    def _drop_opening_phrase(self, span: Span) -> None:
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

    def _drop_openers(self, span: Span, labels: bool, common: float) -> None:
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
        if _ACRONYM.match(word) or _is_brand(word):
            return False
        frequency = zipf(word)
        # A place or a first name opening a sentence is a name, unless it is a word far
        # commoner than any name ("To", "On", "An" are towns and first names too).
        name_like = frequency < FUNCTION_WORD_MIN_ZIPF and (
            self.gazetteer.place(word) or self.gazetteer.is_first_name(word)
        )
        return word in MONTHS_AND_DAYS or (frequency >= common and not name_like)

    def _named_whole(self, whole: str) -> tuple[str, str] | None:
        """A span the short forms, the outlets and agencies or the gazetteer know whole."""
        if whole in self.not_names or whole in MONTHS_AND_DAYS or whole in self.celestial_bodies:
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
        if "&" in words[1:-1] and "and" not in words:
            return True  # "Brannock & Voss", "Hale & Dorr": a firm of partners' names
        if self.gazetteer.is_first_name(words[0]) and any(w in self.connectors for w in words):
            return False  # "Jane Roe and Energy (Secretary …)": a person, then more
        for at, word in enumerate(words):
            if word == "and" and (
                self._is_name(words[:at])
                or words[at + 1 : at + 2] == ["The"]
                or (at == 1 and bool(_ACRONYM.match(words[0])))
            ):  # "Acme Today and Harbour News", "Peru and the African Union", "Kestrel and
                # The Harbour Group", "KTB and Lisbon Bank": two names
                return False
        if len(words) > 1 and words[-1] in self.organisation_heads:
            return True
        # "Bank of Japan", "European Court of Human Rights", "National Institute on Drug
        # Abuse": an organisation's word, then what it is of, on or for.
        return any(
            words[at + 1] in _OF_ON_FOR
            and (words[at] in self.organisation_openers or words[at] in self.organisation_heads)
            for at in range(len(words) - 2)
        )

    def _is_demonym(self, word: str) -> bool:
        """'Ukrainian', 'Syrian', 'Kurds', 'Texan', 'American': a people or an adjective of
        a country, state or continent (its name plus a demonym ending)."""
        if word in self.not_names:
            return True
        if self.gazetteer.is_first_name(word) or self.gazetteer.place(word):
            return False
        stem = word[:-1] if word.endswith("s") else word
        if self.gazetteer.is_region(stem + "istan") or self.gazetteer.is_region(stem + "stan"):
            return True  # "Uzbeks", "Kazakh", "Tajik"
        for suffix in ("ian", "ean", "an", "ese", "ish", "i", "ic", "er", "ite"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                root = stem[: -len(suffix)]
                for ending in ("", "a", "e", "ia", "y", "o", "istan"):
                    if self.gazetteer.is_region(root + ending) or root + ending in self.short_forms:
                        return True
        return False

    def _classify_word(self, span: Span, word: str) -> None:
        if span.type == "person":
            span.name = word  # after a title: "Mr. Quint"
            return
        if (
            word in self.not_names
            or word in self.celestial_bodies
            or word in self.generic_acronyms
            or word in MONTHS_AND_DAYS
            or len(word) < 2
            or self._is_demonym(word)
            or (word in self.organisation_heads and word not in self.institutions)
            or word in self.not_actor_heads  # "Street" left of "Quay Street" at a sentence's start
            or word in self.title_words
        ):
            return
        if word in self.institutions:
            if not span.sentence_start or span.the_start is not None:
                typed(span, "organization", word)
        elif span.the_start is not None:
            typed(span, "organization", word)  # "told The Clarion": a name owns its "The"
        elif _ACRONYM.match(word):
            if zipf(word) < ACRONYM_MAX_ZIPF and word.rstrip("s") not in self.currencies:
                typed(span, "organization", word)
        elif _is_brand(word):
            typed(span, "organization", word)
        elif not (span.sentence_start and zipf(word) >= SENTENCE_OPENER_MIN_ZIPF):
            typed(span, "single", word)  # resolved against the article's other names

    def _classify_words(self, span: Span, words: list[str], fragment: bool) -> None:
        whole = " ".join(words)
        if span.type == "person":
            span.name = whole
        elif all(_ACRONYM.match(w) for w in words):
            return  # a heading in capitals
        elif all(_INITIAL.match(w) and w not in self.short_forms for w in words[:-1]):
            typed(span, "person", whole)  # "B. U. Okafor", "J.J. Roe": initials and a surname
        elif self.gazetteer.is_first_name(words[0]) and not _ACRONYM.match(words[-1]):
            typed(span, "person", whole)
        elif span.the_start is not None:
            typed(span, "organization", whole)  # "The Lantern Brothers", mid-sentence
        elif any(_ACRONYM.match(w) for w in words) or _is_brand(words[0]):
            typed(span, "organization", whole)  # "KTV Sports", "BrightLoop Suites"
        elif zipf(words[-1]) >= COMMON_TAIL_MIN_ZIPF:
            return  # a venue, an event, a thing
        else:
            # A person if named by the last word alone too; a part of a phrase is no
            # organisation by its words alone.
            typed(span, "part" if fragment else "pair", whole)


# The words after an organisation's word that say its remit ("Ministry of", "Institute on").
_OF_ON_FOR = frozenset({"of", "on", "for"})


def _us_postal_codes(short_forms: Mapping[str, str]) -> dict[str, str]:
    """The two-letter codes of the US states and territories (pycountry's ISO 3166-2),
    named as the short forms name them ("DC" as "D.C." is)."""
    codes = {}
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code != "US":
            continue
        code = subdivision.code.removeprefix("US-")
        dotted = f"{code[0]}.{code[1]}."
        codes[code] = short_forms.get(dotted, re.split(r" [(\[]", subdivision.name)[0])
    return codes


def _opens(words: list[str], at: int, title: tuple[str, ...]) -> bool:
    return tuple(words[at : at + len(title)]) == title


def _is_brand(word: str) -> bool:
    """A brand in camel case ("BrightLoop"), not a surname cased like one ("McAllister")."""
    return bool(_CAMEL.match(word)) and not _SURNAME_PREFIX.match(word)


def _name_runs(connectors: frozenset[str]) -> regex.Pattern[str]:
    """Runs of capitalised words — not a handle's, a tag's, a path's or a ticker's (no
    @ # / $ . before), or a particle joined to one ("al-Rashid") — single spaces apart, with
    connectors between them ("Bank of the West")."""
    joins = "|".join(regex.escape(c) for c in sorted(connectors, key=len, reverse=True))
    word = r"(?:\p{Lu}|(?:" + joins + r")-\p{Lu})[\w'’\-]*(?:\.(?=[^\W_])[\w'’\-]*)*\.?"
    return regex.compile(rf"(?<![\w@#/$.=]){word}(?:\x20(?:(?:{joins})\x20)*{word})*")


def _by_first_word(titles: list[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for title in titles:
        words = tuple(title.split())
        grouped.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(ts, key=len, reverse=True)) for first, ts in grouped.items()}


def rules_version(rules_yaml: bytes) -> str:
    """The version of the curated lists (and so of what recognition finds)."""
    return hashlib.sha256(rules_yaml).hexdigest()[:16]


# The outlet registry is hashed by identity, and each content parses to one registry.
@cache
def build_recogniser(rules_yaml: bytes, outlets: OutletRegistry) -> Recogniser:
    """The recogniser of a recognition.yaml, with the outlets and wires as organisations
    (the gazetteer loads here: ~1.5 s, once per process)."""
    raw_bytes = rules_yaml
    raw = yaml.safe_load(raw_bytes)
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
        place_heads=frozenset(raw["place_heads"]),
        not_actor_heads=frozenset(raw["not_actor_heads"]),
        celestial_bodies=frozenset(raw["celestial_bodies"]),
        institutions=frozenset(raw["institutions"]),
        connectors=frozenset(raw["connectors"]),
        organisation_connectors=frozenset(raw["organisation_connectors"]),
        not_names=frozenset(raw["not_names"])
        | frozenset(raw["group_labels"])
        | frozenset(raw["irregular_demonyms"]),
        group_labels=frozenset(raw["group_labels"]),
        generic_acronyms=frozenset(raw["generic_acronyms"]),
        currencies=frozenset(c.alpha_3 for c in pycountry.currencies),
        short_forms={**raw["place_short_forms"], **raw["state_abbreviations"]},
        languages=frozenset(raw["languages"]),
        cues=parse_cues(raw),
        organisations=organisations,
        postal_codes=_us_postal_codes({**raw["place_short_forms"], **raw["state_abbreviations"]}),
        version=hashlib.sha256(raw_bytes).hexdigest()[:16],
        runs=_name_runs(frozenset(raw["connectors"])),
    )
