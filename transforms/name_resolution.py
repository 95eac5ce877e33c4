"""Who each recognised span is within its article.

A surname or a first name alone is the person the article names in full ("Quint" is
Halvard Quint; shared by several, the one named most); a shorter full name inside a longer
one is the longer one. Two capitalised words with no first name, and a capitalised word
naming no one else in the article, are typed by the words around them first
(transforms.name_cues: "Kestrel founder", "an analyst at Kestrel", "the Tarvo refugee
camp"), one type per word for the whole article. With no such words, two words are a
person when the article names them by the last word alone too or the first is no English
word, else an organisation; one word is a place after "in" or "near", an organisation
when it is rare or the article repeats it, a person before a verb of speech, else nothing.
A word in a list of organisations or places is one more of them; an acronym the article
spells out is its long form's actor.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from transforms.gazetteer import zipf
from transforms.name_cues import NOT_AN_ACTOR, SPEAKER, Cues, acronym_expansions
from transforms.name_spans import Found, Span

__all__ = ["resolve"]

# A word alone that names no one else in the article is an organisation when it is rarer
# than this as a word (a rare brand or movement; "Street" 5.3 is a word)...
LONE_WORD_MAX_ZIPF = 4.0
# ...or when the article capitalises it this often mid-sentence and never writes it in
# lower case, and it is no commoner than this (a platform named like a word).
LONE_WORD_REPEATS = 2
REPEATED_WORD_MAX_ZIPF = 5.0
# Two capitalised words with no first name known are a person's names when the first is
# this rare as an English word ("Zorvan Pelikhov"), else a company's ("Silver Anchor").
PAIR_FIRST_WORD_MAX_ZIPF = 3.3
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’\-]+\b")
# What stands between two names of one list: "A, B", "A and B", "A, B and C", "A & B".
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|\s*&\s*)$")


def _no_first_names(word: str) -> bool:
    return False


def resolve(
    spans: list[Span],
    paragraphs: Sequence[str],
    cues: Cues,
    is_first_name: Callable[[str], bool] = _no_first_names,
) -> list[Found]:
    """Each span's actor within the article (see the module's docstring)."""
    people = {s.name for s in spans if s.type == "person" and s.name and " " in s.name}
    # A shorter full name inside a longer one ("Halvard Quint" in "Halvard B. Quint")
    # is the same person: the longest form names them.
    fullest = {person: person for person in people}
    for person in people:
        for other in people:
            if len(other) > len(fullest[person]) and same_person(other, person):
                fullest[person] = other
    by_part: dict[str, set[str]] = {}
    for person in people:
        parts = [w for w in person.split() if w not in cues.name_suffixes] or person.split()
        for part in {parts[0], parts[-1]}:
            by_part.setdefault(part, set()).add(fullest[person])
    # How often each person is named in full, and how early: a word several of them
    # share is the one named most (first named on a tie).
    named: Counter[str] = Counter()
    first_named: dict[str, int] = {}
    for order, s in enumerate(spans):
        if s.type == "person" and s.name in fullest:
            named[fullest[s.name]] += 1
            first_named.setdefault(fullest[s.name], order)
    # One word after a title ("Prince Halvard", "Mr. Quint") names a person wherever it
    # stands alone in the article.
    titled = {s.name for s in spans if s.type == "person" and s.name and " " not in s.name}
    lowered = {w for text in paragraphs for w in _LOWER_WORD.findall(text)}
    # A surname alone anywhere, a sentence's first word too ("Quint has worked …").
    alone = {s.words[-1] for s in spans if len(s.words) == 1}
    lone_types = _lone_word_types(spans, by_part, titled, lowered, cues, is_first_name)
    # Where a place's possessive ends: "Lisbon's Harbour Centre" is a venue of the place.
    after_place = {
        (s.paragraph, s.end + 3)
        for s in spans
        if s.type == "place" and paragraphs[s.paragraph][s.end : s.end + 3] in ("'s ", "’s ")
    }
    found: list[Found] = []
    unresolved: list[Span] = []
    for span in spans:
        if span.type is None or span.name is None:
            continue
        kind: str = span.type
        name: str = span.name
        if kind == "single" and name.endswith("s") and name[:-1] in by_part:
            continue  # "the Bidens": a family, not an actor
        if " " not in name and kind in ("single", "person", "place"):
            owners = by_part.get(name, set())
            if owners:  # "Pat Quint" and "Patrick W. Quint" share "Quint"
                kind, name = "person", max(owners, key=lambda o: (named[o], -first_named[o]))
            elif kind == "single":
                if span.in_heading:
                    continue  # capitals say nothing in a title-case heading
                kind = lone_types.get(name, "")
                if not kind:
                    unresolved.append(span)
        elif kind == "person":
            name = fullest.get(name, name)
        elif kind in ("pair", "part") and span.in_heading:
            continue
        elif kind in ("pair", "part"):
            kind = _pair_type(span, name, alone, cues, kind == "part")
        elif kind == "organization" and cues.is_venue(
            span.words, span.before, (span.paragraph, span.start) in after_place
        ):
            continue  # "in Kestrel Center": an arena
        if not kind:
            continue
        found.append(_found(span, paragraphs, name, kind))
    found += _coordinated(unresolved, found, paragraphs, lowered)
    return _with_acronyms_spelt_out(found, acronym_expansions(paragraphs, cues.name_connectors))


def _found(span: Span, paragraphs: Sequence[str], name: str, kind: str) -> Found:
    start = span.title_start if span.title_start is not None else span.start
    surface = paragraphs[span.paragraph][start : span.end]
    return Found(span.paragraph, start, span.end, surface, name, kind)


def _pair_type(span: Span, name: str, alone: set[str], cues: Cues, part: bool) -> str:
    """Two capitalised words with no first name known: what the words around them say,
    else a person's names when the article names them by the last word alone or the
    first is no English word ("Zorvan Pelikhov"), else an organisation's ("Silver Anchor")
    — unless they are a part of a longer phrase cut at "of" or "and" ("… Hall of Fame
    Induction")."""
    cue = cues.type_of(span.before, span.after)
    if cue == NOT_AN_ACTOR:
        return ""
    if cue:
        return "person" if cue == SPEAKER else cue
    first, last = name.split()[0], name.split()[-1]
    rare = zipf(first) < PAIR_FIRST_WORD_MAX_ZIPF or "-" in first
    if last in alone or rare:
        return "person"
    return "" if part else "organization"


def _lone_word_types(
    spans: Sequence[Span],
    by_part: Mapping[str, set[str]],
    titled: set[str],
    lowered: set[str],
    cues: Cues,
    is_first_name: Callable[[str], bool],
) -> dict[str, str]:
    """What each capitalised word naming no one else in the article is, decided once for
    the article: a word is one actor wherever it stands. What the words around its
    mentions say wins (most mentions first); else the rules of lone_word_type."""
    by_name: dict[str, list[Span]] = {}
    for span in spans:
        name = span.name
        if span.type != "single" or name is None or span.in_heading:
            continue
        if name not in by_part and name not in titled:
            by_name.setdefault(name, []).append(span)
    repeats = Counter(
        s.name for s in spans if s.type in ("single", "place") and not s.sentence_start
    )
    types: dict[str, str] = {}
    for name, mentions in by_name.items():
        first_name = is_first_name(name)
        cued = Counter(
            kind
            for s in mentions
            if (kind := cues.type_of(s.before, s.after))
            and not (kind == "organization" and first_name)
        )
        # A verb of speech is weak: companies say things too ("Kestrel said").
        spoke = cued.pop(SPEAKER, 0)
        if cued:
            kind = cued.most_common(1)[0][0]
            types[name] = "" if kind == NOT_AN_ACTOR else kind
            continue
        in_lower_case = name.lower() in lowered
        ruled = {lone_word_type(s, repeats[name], in_lower_case, cues) for s in mentions}
        if first_name:
            ruled.discard("organization")  # a first name alone is someone or nothing
        # "in Tarvo" says more than how often the article names it; an organisation the
        # article keeps naming outweighs a verb of speech after it.
        types[name] = next((k for k in ("place", "organization") if k in ruled), "")
        if spoke and types[name] != "organization":
            types[name] = "person"
    return types


def _coordinated(
    unresolved: Sequence[Span], found: Sequence[Found], paragraphs: Sequence[str], lowered: set[str]
) -> list[Found]:
    """A word in a list beside organisations or places is one too ("Harbour Entertainment,
    Kestrel and BrightLoop"): coordination joins names of one kind."""
    typed = sorted(found, key=lambda f: (f.paragraph, f.start))
    more: list[Found] = []
    for span in unresolved:
        name = span.words[0]
        if span.sentence_start or name.lower() in lowered or zipf(name) >= REPEATED_WORD_MAX_ZIPF:
            continue
        text = paragraphs[span.paragraph]
        kinds = set()
        sides = set()
        for other in typed:
            if other.paragraph != span.paragraph or other.type == "person":
                continue
            if other.end <= span.start and (gap := _LIST_GAP.match(text[other.end : span.start])):
                kinds.add(other.type)
                sides.add("and" if "and" in gap.group() else "before")
            elif other.start >= span.end and (gap := _LIST_GAP.match(text[span.end : other.start])):
                kinds.add(other.type)
                sides.add("and" if "and" in gap.group() or "&" in gap.group() else "after")
        # A comma alone may end a clause ("in Lisbon, Kestrel …"): a list needs "and" or a
        # name on either side.
        if len(kinds) == 1 and (len(sides) >= 2 or "and" in sides):
            more.append(_found(span, paragraphs, name, kinds.pop()))
    return more


def _with_acronyms_spelt_out(found: list[Found], expansions: Mapping[str, str]) -> list[Found]:
    """An acronym the article spells out is the actor its long form is ("the Harbour
    Transit Authority (HTA)"), or no actor when the long form is none (a programme's)."""
    if not expansions:
        return found
    by_surface = {f.surface.removeprefix("The ").removeprefix("the "): f for f in found}
    result: list[Found] = []
    for f in found:
        long_form = expansions.get(f.surface) if f.name == f.surface else None
        if long_form is None:
            result.append(f)
        elif (named := by_surface.get(long_form)) is not None:
            result.append(Found(f.paragraph, f.start, f.end, f.surface, named.name, named.type))
    return result


def lone_word_type(span: Span, repeats: int, in_lower_case: bool, cues: Cues) -> str:
    """What a capitalised word naming no one else in the article is, or "" for nothing,
    when the words around it say nothing."""
    word = span.words[0]
    if span.sentence_start:
        return ""
    after_preposition = span.before.rstrip().rsplit(" ", 1)[-1] in cues.place_prepositions
    if after_preposition and zipf(word) < LONE_WORD_MAX_ZIPF:
        return "place"  # "in Tarvo", "near Lagos"
    if zipf(word) < LONE_WORD_MAX_ZIPF and repeats >= LONE_WORD_REPEATS:
        return "organization"
    if repeats >= LONE_WORD_REPEATS and not in_lower_case and zipf(word) < REPEATED_WORD_MAX_ZIPF:
        return "organization"
    return ""


def same_person(longer: str, shorter: str) -> bool:
    long_words, short_words = longer.split(), shorter.split()
    same_ends = short_words[0] == long_words[0] and short_words[-1] == long_words[-1]
    return same_ends or f" {shorter} " in f" {longer} "
