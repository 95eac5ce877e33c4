"""Write a corpus of many distinct stories, some run again: revised copies at the same
outlet and copies at other outlets, so that near-duplicate clusters of realistic size
(one to a handful of copies, some joined only through a copy of a copy) are known in advance.

Unlike bench/corpus.py, whose pages all vary five seed pages (every page of a seed is a copy
of every other), the stories here share nothing but English's common words. Each file has a
sidecar giving its capture time and outlet; file names are random, so the order the files
are found in is not the order of their stories. Deterministic for a given seed.

    python -m bench.stories OUT_DIR --stories 30 [--seed 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from wordfreq import top_n_list

__all__ = ["StoryFile", "write_story_corpus"]

_TOP = top_n_list("en", 5000)
# English text is about half function words; the article finder expects prose like that.
_FUNCTION_WORDS = _TOP[:60]
_CONTENT_WORDS = [w for w in _TOP[200:] if w.isalpha() and len(w) > 3]
_FUNCTION_SHARE = 0.45
_OUTLETS = [f"The {place} {paper}" for place in ("Northern", "Valley", "Coastal")
            for paper in ("Herald", "Courier", "Ledger")]  # fmt: skip
_START = datetime(2025, 8, 1, tzinfo=UTC)
# People a story may name (invented: common first names, made-up surnames), and the
# sentences that name two of them together.
_PEOPLE = [f"{first} {last}" for first, last in zip(
    ("Anna", "Tomas", "Lena", "Marek", "Irene", "Paul", "Greta", "Victor", "Nadia", "Oscar"),
    ("Brannick", "Vellinger", "Castrow", "Dunmore", "Esterby", "Farland", "Gollancy",
     "Hartwell", "Ivarsen", "Jellicoe"), strict=True,
)]  # fmt: skip
_TOGETHER = ("{a} met {b} on Tuesday.", "{a} said {b} had not been told.",
             "Asked about {b}, {a} declined to comment.")  # fmt: skip
# Same-outlet copies and other-outlet copies a story gets, drawn from these.
_SAME_OUTLET_COPIES = [0, 0, 1, 1, 2, 3]
_OTHER_OUTLET_COPIES = [0, 0, 0, 1, 2]


@dataclass(frozen=True, slots=True)
class StoryFile:
    path: Path
    story: int
    outlet: str
    captured_at: datetime


def write_story_corpus(out: Path, stories: int, seed: int = 3, cast: int = 0) -> list[StoryFile]:
    """cast: how many of the invented people each story names (in pairs, within a
    paragraph); 0 names nobody."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written: list[StoryFile] = []
    for story in range(stories):
        outlet = rng.choice(_OUTLETS)
        title, paragraphs = _story(rng)
        if cast:
            # Their own random stream: a corpus without names is the same with the option.
            paragraphs = _named(paragraphs, random.Random(seed * 7919 + story), cast)
        # A copy is a revision of the story's latest version: a chain of copies, each alike
        # the one before, may hold a last copy no longer alike the first.
        versions = [(outlet, paragraphs)]
        for _ in range(rng.choice(_SAME_OUTLET_COPIES)):
            versions.append((outlet, _revised(versions[-1][1], rng)))
        others = [o for o in _OUTLETS if o != outlet]
        for _ in range(rng.choice(_OTHER_OUTLET_COPIES)):
            versions.append((rng.choice(others), _revised(versions[-1][1], rng)))
        day = rng.randrange(10)
        for copy_outlet, body in versions:
            # Copies within hours of the story; now and then two at the same hour.
            captured = _START + timedelta(days=day, hours=rng.randrange(6))
            path = out / f"{rng.getrandbits(40):010x}.txt"
            path.write_text(title + "\n\n" + "\n\n".join(body) + "\n", "utf-8")
            sidecar = {"captured_at": captured.isoformat(), "outlet": copy_outlet}
            path.with_name(path.name + ".meta.json").write_text(json.dumps(sidecar), "utf-8")
            written.append(StoryFile(path, story, copy_outlet, captured))
    # The files' times are part of what is loaded (file_paths.mtime_ns): fixed, so two
    # corpora of one seed are the same bytes with the same times.
    for file in written:
        stamp = file.captured_at.timestamp()
        os.utime(file.path, (stamp, stamp))
    return written


def _story(rng: random.Random) -> tuple[str, list[str]]:
    title = " ".join(rng.choice(_CONTENT_WORDS).capitalize() for _ in range(rng.randint(5, 9)))
    paragraphs = [
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(6, 10))
    ]
    return title, paragraphs


def _named(paragraphs: list[str], rng: random.Random, cast: int) -> list[str]:
    people = rng.sample(_PEOPLE, cast)
    named = []
    for paragraph in paragraphs:
        if rng.random() < 0.6:
            a, b = rng.sample(people, 2)
            paragraph += " " + rng.choice(_TOGETHER).format(a=a, b=b)
        named.append(paragraph)
    return named


def _sentence(rng: random.Random) -> str:
    words = [
        rng.choice(_FUNCTION_WORDS)
        if rng.random() < _FUNCTION_SHARE
        else rng.choice(_CONTENT_WORDS)
        for _ in range(rng.randint(10, 22))
    ]
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def _revised(paragraphs: list[str], rng: random.Random) -> list[str]:
    """One paragraph rewritten and one sentence added: an update of the same story."""
    revised = list(paragraphs)
    revised[rng.randrange(len(revised))] = " ".join(_sentence(rng) for _ in range(3))
    revised.insert(rng.randrange(len(revised) + 1), _sentence(rng))
    return revised


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--stories", type=int, default=30)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--cast", type=int, default=0, help="people each story names")
    args = parser.parse_args()
    written = write_story_corpus(args.out, args.stories, args.seed, args.cast)
    print(f"{len(written)} files of {args.stories} stories under {args.out}")


if __name__ == "__main__":
    main()
