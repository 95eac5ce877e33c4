"""A small corpus whose coverage is known: outlets (two by default) over eight days of
coverage, one person in the first half and another in the second, one phrase in one
article; optionally a gap of days with no coverage between the halves. Names are
invented."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from wordfreq import top_n_list

__all__ = ["AppCorpus", "write_app_corpus"]

_WORDS = [w for w in top_n_list("en", 3000)[300:] if w.isalpha() and len(w) > 3]
_GLUE = ["the", "of", "and", "to", "in", "a", "that", "was", "for", "on", "with", "by"]
_OUTLETS = ("Harbour Gazette", "Inland Courier")
_MORE_OUTLETS = [f"The {town} {paper}" for town in ("Alderby", "Brackwell", "Corrin", "Dunmoor",
                 "Elsford", "Farrow", "Glenholt", "Hawick") for paper in ("Post", "Bugle", "Star",
                 "Echo")]  # fmt: skip
_EARLY = "Marta Kowalczyk"
_LATE = "Tomasz Wierzbicki"
_PHRASE = "lighthouse referendum"
_FIRST_DAY = date(2025, 3, 1)
_DAYS = 8


@dataclass(frozen=True, slots=True)
class AppCorpus:
    early_person: str
    late_person: str
    phrase: str
    phrase_title: str
    first_day: date
    last_day: date
    n_articles: int
    outlets: tuple[str, ...]


def write_app_corpus(out: Path, seed: int = 11, outlets: int = 2, gap_days: int = 0) -> AppCorpus:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    names = (*_OUTLETS, *_MORE_OUTLETS)[:outlets]
    phrase_title = ""
    n = 0
    for index in range(_DAYS):
        person = _EARLY if index < _DAYS // 2 else _LATE
        day = index + (gap_days if index >= _DAYS // 2 else 0)
        for outlet in names:
            title = " ".join(rng.choice(_WORDS).capitalize() for _ in range(6))
            paragraphs = [_prose(rng) for _ in range(6)]
            paragraphs[1] = (
                f"{person}, the regional harbour commissioner, said on Tuesday that the "
                f"plan would go ahead. {_prose(rng)}"
            )
            paragraphs[4] = f"{_prose(rng)} {person.split()[-1]} declined to say more."
            if index == 5 and outlet == _OUTLETS[0]:
                paragraphs[3] = f"Voters will decide in the {_PHRASE} next spring. {_prose(rng)}"
                phrase_title = title
            captured = datetime.combine(_FIRST_DAY + timedelta(days=day), datetime.min.time())
            page = out / f"{day:02d}-{outlet.lower().replace(' ', '-')}.txt"
            page.write_text(title + "\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")
            sidecar = {"captured_at": captured.replace(hour=9, tzinfo=UTC).isoformat(),
                       "outlet": outlet}  # fmt: skip
            page.with_name(page.name + ".meta.json").write_text(json.dumps(sidecar), "utf-8")
            n += 1
    return AppCorpus(
        _EARLY, _LATE, _PHRASE, phrase_title, _FIRST_DAY,
        _FIRST_DAY + timedelta(days=_DAYS - 1 + gap_days), n, names,
    )  # fmt: skip


def _prose(rng: random.Random) -> str:
    sentences = []
    for _ in range(3):
        words = [rng.choice(_GLUE) if rng.random() < 0.45 else rng.choice(_WORDS)
                 for _ in range(rng.randint(12, 20))]  # fmt: skip
        text = " ".join(words)
        sentences.append(text[0].upper() + text[1:] + ".")
    return " ".join(sentences)
