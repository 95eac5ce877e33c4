"""What `newsdesk app` asks the warehouse: filtered articles, attention over time, top
outlets and actors, one article's text. The queries are in sql/app/.

Every question opens the warehouse as an analyst (read-only, no file reachable) and closes
it before answering, so an app left open never holds the file a scheduled ingest writes.
Answers are kept for the browser tabs to come (one process serves them all) until the
warehouse file changes: a new tab, or a filter set back, is answered without a query.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

import duckdb
import polars as pl

from flows.warehouse import WarehouseOutdated, connect, missing_parts, query

__all__ = [
    "Article",
    "Choices",
    "Extent",
    "Filters",
    "Selection",
    "Warehouse",
    "forget_answers",
    "search_keys",
    "search_patterns",
    "search_texts",
]

Copies = Literal["any", "wire", "own", "syndicated"]
Period = Literal["day", "week", "month"]

# Bars in a top-N chart before the rest is one 'other' bar: more is unreadable.
TOP_N = 10
# Lines drawn when the filter names no actor or outlet: the most covered ones (no more
# than TOP_N: they are read off the top actors).
DEFAULT_SERIES = 5
# Actors offered by the actor filter, most covered first.
ACTOR_CHOICES = 2000
# States of the filters whose answers are kept (each holds its articles' list: ~10 MB for
# 100,000 articles).
KEPT_ANSWERS = 8

_TERMS = re.compile(r'"([^"]+)"|(\S+)')
# Words and phrases one search can hold: sql/app/matched_articles.sql keeps which of them
# a paragraph matches as the bits of a 64-bit number.
SEARCH_TERMS_MAX = 63


def search_patterns(text: str) -> list[str]:
    """A search box's text as patterns that must all match (ignoring case): each
    "quoted phrase" as written (any run of spaces between its words), each other word
    whole (`iran` matches "Iran" but not "Iranian")."""
    return [term.pattern for term in _search_terms(text)]


def search_keys(text: str) -> list[str]:
    """For each pattern of search_patterns, its longest word: text a paragraph must contain
    (ignoring case) for the pattern to match it. A substring test is ~20× cheaper than a
    regular expression, so the search tries a pattern only where its key is found."""
    return [term.key for term in _search_terms(text)]


def search_texts(text: str) -> list[str]:
    """For each pattern of search_patterns, its words as written, one space apart: what
    the search looks up in the warehouse's word index (sql/schema/045_article_words.sql)."""
    return [term.text for term in _search_terms(text)]


class _SearchTerm(NamedTuple):
    pattern: str
    key: str
    text: str


def _search_terms(text: str) -> list[_SearchTerm]:
    terms = []
    for phrase, word in _TERMS.findall(text):
        words = (phrase or word.strip('"')).split()
        if not words:
            continue
        body = r"\s+".join(re.escape(w) for w in words)
        # \b only where the term starts or ends with a word character, so `U.S.` or `#tag`
        # still match.
        start = r"\b" if re.match(r"\w", words[0]) else ""
        end = r"\b" if re.search(r"\w$", words[-1]) else ""
        terms.append(_SearchTerm(f"{start}{body}{end}", max(words, key=len), " ".join(words)))
    if len(terms) > SEARCH_TERMS_MAX:
        raise ValueError(
            f"a search holds at most {SEARCH_TERMS_MAX} words or quoted phrases; "
            f"this one has {len(terms)}: quote the words that belong together"
        )
    return terms


@dataclass(frozen=True, slots=True)
class Filters:
    """The app's filters: empty lists and None mean no condition."""

    date_from: date
    date_to: date
    outlets: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # actor ids; an article mentioning any of them matches
    language: str | None = None
    copies: Copies = "any"
    search: str = ""

    def base_params(self) -> dict[str, Any]:
        return {
            "outlets": list(self.outlets),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "language": self.language,
            "copies": self.copies,
        }


@dataclass(frozen=True, slots=True)
class Extent:
    """What the warehouse covers: today's date for both ends when it is empty."""

    first_date: date
    last_date: date
    languages: list[str]
    n_articles: int


@dataclass(frozen=True, slots=True)
class Choices:
    """What the filters offer."""

    first_date: date
    last_date: date
    languages: list[str]
    outlets: dict[str, str]  # label shown → outlet
    actors: dict[str, str]  # label shown → actor id
    n_articles: int


@dataclass(frozen=True, slots=True)
class Selection:
    """The articles a filter selects and what the app draws from them."""

    base: pl.DataFrame  # outlets, dates, language, copies
    matched: pl.DataFrame  # … and actors and search
    attention: pl.DataFrame  # period, series, n_articles, share
    top_outlets: pl.DataFrame
    top_actors: pl.DataFrame
    co_mentioned: pl.DataFrame
    co_mentioned_with: list[str] = field(default_factory=list)  # actor names


@dataclass(frozen=True, slots=True)
class Article:
    header: dict[str, Any]
    paragraphs: pl.DataFrame
    mentions: pl.DataFrame
    quotes: pl.DataFrame


class Warehouse:
    """The warehouse as the app reads it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def extent(self) -> Extent:
        """The coverage dates, languages and number of counted articles."""
        return _answer_extent(self.path, _version(self.path))

    def choices(self) -> Choices:
        return _answer_choices(self.path, _version(self.path))

    def select(
        self, filters: Filters, *, per: Literal["actor", "outlet"], period: Period
    ) -> Selection:
        """Everything the app draws for one state of its filters, on one connection."""
        return _answer_select(self.path, _version(self.path), filters, per, period)

    def article(self, article_id: str) -> Article | None:
        params = {"article_id": article_id}
        with _connection(self.path) as con:
            header = query(con, "app/article", params)
            if header.is_empty():
                return None
            return Article(
                header=header.row(0, named=True),
                paragraphs=query(con, "app/article_paragraphs", params),
                mentions=query(con, "app/article_mentions", params),
                quotes=query(con, "app/article_quotes", params),
            )


def _version(path: Path) -> tuple[int, ...]:
    """What changes whenever an ingest writes the warehouse: the size and modification time
    of its file and of its write-ahead log."""
    stamp: list[int] = []
    for file in (path, path.with_name(path.name + ".wal")):
        try:
            stat = file.stat()
        except FileNotFoundError:
            stamp += [0, 0]
        else:
            stamp += [stat.st_mtime_ns, stat.st_size]
    return tuple(stamp)


@contextmanager
def _connection(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with connect(path, analyst=True) as con:
        missing = missing_parts(con)
        if missing:
            raise WarehouseOutdated(
                f"{path} was made by an earlier newsdesk and lacks {', '.join(missing[:5])}"
                f"{' …' if len(missing) > 5 else ''}: run `newsdesk ingest` once (with or "
                "without new files) to bring it up to date"
            )
        yield con


# The answers below are cached by warehouse path and version (the argument each takes but
# does not read): a write makes a new key, and the old answers age out.


def forget_answers() -> None:
    """Drop every kept answer (for a benchmark timing the queries themselves)."""
    for cached in (_answer_extent, _answer_choices, _answer_select):
        cached.cache_clear()


@lru_cache(maxsize=4)
def _answer_extent(path: Path, version: tuple[int, ...]) -> Extent:
    with _connection(path) as con:
        return _extent(con)


@lru_cache(maxsize=4)
def _answer_choices(path: Path, version: tuple[int, ...]) -> Choices:
    with _connection(path) as con:
        extent = _extent(con)
        outlets = query(con, "app/outlet_choices")
        actors = query(con, "app/actor_choices", {"limit": ACTOR_CHOICES})
    return Choices(
        first_date=extent.first_date,
        last_date=extent.last_date,
        languages=extent.languages,
        outlets={f"{o} ({n:,})": o for o, n in outlets.select("outlet", "n_articles").iter_rows()},
        actors={
            f"{name} · {kind} ({n:,})": actor_id for actor_id, name, kind, n in actors.iter_rows()
        },
        n_articles=extent.n_articles,
    )


@lru_cache(maxsize=KEPT_ANSWERS)
def _answer_select(
    path: Path,
    version: tuple[int, ...],
    filters: Filters,
    per: Literal["actor", "outlet"],
    period: Period,
) -> Selection:
    with _connection(path) as con:
        base = query(con, "app/base_articles", filters.base_params())
        focus = {
            "actors": list(filters.actors),
            "patterns": search_patterns(filters.search),
            "keys": search_keys(filters.search),
            "terms": search_texts(filters.search),
        }
        # No actor or search chosen: every base article matches, in the same order.
        narrowed = bool(focus["actors"] or focus["patterns"])
        matched = query(con, "app/matched_articles", focus, {"base": base}) if narrowed else base
        both = {"base": base, "matched": matched}
        top_outlets = query(con, "app/top_outlets", {"top": TOP_N}, both)
        top_actors = _top_actors(con, both, exclude=[], with_=[])
        span = {"period": period, "date_from": filters.date_from, "date_to": filters.date_to}
        # the default lines, and whom to pair ('other' has no actor_id)
        leading = _leading(top_actors["actor_id"].drop_nulls())
        if per == "outlet":
            chosen = list(filters.outlets) or _leading(top_outlets["outlet"])
        else:
            chosen = list(filters.actors) or leading
        lines = {**span, "per": per, "series": chosen}
        attention = query(con, "app/attention", lines, both)
        focus_actors = list(filters.actors) or leading[:1]
        co_mentioned = _top_actors(con, both, exclude=focus_actors, with_=focus_actors)
        names = _actor_names(con, focus_actors)
    return Selection(base, matched, attention, top_outlets, top_actors, co_mentioned, names)


def _extent(con: duckdb.DuckDBPyConnection) -> Extent:
    row = query(con, "app/choices").row(0, named=True)
    today = date.today()
    return Extent(
        first_date=row["first_date"] or today,
        last_date=row["last_date"] or today,
        languages=list(row["languages"] or []),
        n_articles=int(row["n_articles"]),
    )


def _top_actors(
    con: duckdb.DuckDBPyConnection,
    frames: Mapping[str, pl.DataFrame],
    *,
    exclude: list[str],
    with_: list[str],
) -> pl.DataFrame:
    params = {"top": TOP_N, "exclude": exclude, "with": with_}
    return query(con, "app/top_actors", params, frames)


def _leading(labels: pl.Series) -> list[str]:
    return [str(v) for v in labels if v != "other"][:DEFAULT_SERIES]


def _actor_names(con: duckdb.DuckDBPyConnection, actor_ids: list[str]) -> list[str]:
    if not actor_ids:
        return []
    names = query(con, "app/actor_names", {"actor_ids": actor_ids})
    return [str(v) for v in names["name"]]
