"""Actor mentions: aliases merged, longest match, titles and possessives, non-mentions."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.conftest import KNOWLEDGE
from tests.transforms.test_seeds_golden import CASES, articles_of

REGISTRY = KNOWLEDGE.actors


def mentions(text: str) -> list[tuple[str, str]]:
    return [(m.actor_id, m.surface) for m in REGISTRY.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zelenskiy met Zelensky and Zelenskyy.", [("volodymyr-zelenskyy", "Zelenskiy"),
            ("volodymyr-zelenskyy", "Zelensky"), ("volodymyr-zelenskyy", "Zelenskyy")]),
        ("Sergei Lavrov and Sergey Lavrov", [("sergey-lavrov", "Sergei Lavrov"),
            ("sergey-lavrov", "Sergey Lavrov")]),
        ("Yury Ushakov, Yuri Ushakov", [("yuri-ushakov", "Yury Ushakov"),
            ("yuri-ushakov", "Yuri Ushakov")]),
        ("First Lady Melania Trump wrote", [("melania-trump", "First Lady Melania Trump")]),
        ("Melania Trump and Trump", [("melania-trump", "Melania Trump"),
            ("donald-trump", "Trump")]),
        ("Trump's plan", [("donald-trump", "Trump")]),
        ("President Donald Trump said", [("donald-trump", "President Donald Trump")]),
        ("the Trump administration said", []),
        ("the North Atlantic Treaty Organization, or NATO", [("nato", "North Atlantic Treaty Organization"),
            ("nato", "NATO")]),
        ("Trumpism and Putinism", []),
        ("US-Russia ties", [("united-states", "US"), ("russia", "Russia")]),
        ("USA", [("united-states", "USA")]),
        ("President of Russia", [("russia", "Russia")]),
    ],
)  # fmt: skip
def test_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_offsets_index_the_paragraph_text() -> None:
    text = "Talks: German Chancellor Friedrich Merz's view, then Macron."
    for mention in REGISTRY.find(text):
        assert text[mention.start : mention.end] == mention.surface


def _articles_naming(aliases: list[str]) -> set[str]:
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, aliases)) + r")(?!\w)")
    return {
        f"{c['file'][:3]}#{c['position']}"
        for c in CASES
        if pattern.search(articles_of(c["file"])[c["position"]].body)
    }


def _articles_with_mentions(actor_id: str) -> set[str]:
    found = set()
    for case in CASES:
        article = articles_of(case["file"])[case["position"]]
        if any(m.actor_id == actor_id for p in article.paragraphs for m in REGISTRY.find(p.text)):
            found.add(f"{case['file'][:3]}#{case['position']}")
    return found


def test_seed_actors_are_found_in_exactly_the_articles_that_name_them(
    expected: dict[str, Any],
) -> None:
    ids = {actor.name: actor.actor_id for actor in REGISTRY.actors}
    all_articles = {f"{c['file'][:3]}#{c['position']}" for c in CASES}
    for name, facts in expected["actors"].items():
        found = _articles_with_mentions(ids[name])
        if facts.get("in_articles") == "all 11":
            assert found == all_articles, name
        elif "only_in" in facts:
            assert found == {f"{f[:3]}#{p}" for f, p in facts["only_in"]}, name
        elif name != "Melania Trump":
            assert found == _articles_naming(facts["aliases_seen"]), name
    assert _articles_with_mentions(ids["Volodymyr Zelenskyy"]) == all_articles
