"""The five sample pages against their written expectations (tests/golden/seeds_expected.json).

The expectations are a copy of the specification's; the rules that meet them are general
(see the rule tests beside this file), never keyed to these strings or file names.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.conftest import KNOWLEDGE, SEEDS
from transforms.extract import PageContext, extract_text_file
from transforms.records import Article

CAPTURED_AT = datetime(2025, 8, 16, 12, 0, tzinfo=UTC)
_cache: dict[str, tuple[Article, ...]] = {}


def articles_of(name: str) -> tuple[Article, ...]:
    if name not in _cache:
        data = (SEEDS / name).read_bytes()
        _cache[name] = extract_text_file(data, PageContext(CAPTURED_AT), KNOWLEDGE).articles
    return _cache[name]


def expectations() -> list[dict[str, Any]]:
    import json

    from tests.conftest import EXPECTED

    articles: list[dict[str, Any]] = json.loads(EXPECTED.read_text("utf-8"))["articles"]
    return articles


def _id(case: dict[str, Any]) -> str:
    return f"{case['file'][:3]}#{case['position']}"


CASES = expectations()


def test_eleven_articles_in_five_files(expected: dict[str, Any]) -> None:
    files = sorted({case["file"] for case in CASES})
    assert sum(len(articles_of(f)) for f in files) == expected["articles_total"] == 11


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_article_identity(case: dict[str, Any]) -> None:
    article = articles_of(case["file"])[case["position"]]
    assert article.kind == case["kind"]
    assert article.outlet == case["outlet"]
    assert article.wire == case["wire"]
    assert article.title == case["title"]
    assert article.relative_time == case["relative_time"]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_article_body(case: dict[str, Any]) -> None:
    article = articles_of(case["file"])[case["position"]]
    texts = [p.text for p in article.paragraphs if p.kind == "text"]
    body = article.body
    if "body_starts" in case:
        assert texts[0].startswith(case["body_starts"])
    if "body_ends" in case:
        # The spec writes some endings without the closing quote mark the page prints.
        assert texts[-1].rstrip("'’\"”").endswith(case["body_ends"].rstrip("'’\"”"))
    for fragment in case.get("body_contains", []):
        assert fragment in body
    for fragment in case["must_not_contain"]:
        assert fragment not in body, fragment
        assert all(fragment not in p.text for p in article.paragraphs)
    assert all(len(p.text) <= 1200 for p in article.paragraphs)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_article_structure(case: dict[str, Any]) -> None:
    article = articles_of(case["file"])[case["position"]]
    kinds = [p.kind for p in article.paragraphs]
    if "text_paragraphs" in case:
        assert kinds.count("text") == case["text_paragraphs"]
    if "headings" in case:
        assert [p.text for p in article.paragraphs if p.kind == "heading"] == case["headings"]
    if "bullets" in case:
        assert kinds.count("bullet") == case["bullets"]
    for field in ("subtitle", "dateline"):
        if field in case:
            assert getattr(article, field) == case[field]
    if "authors" in case:
        assert list(article.authors) == case["authors"]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_published_at_follows_relative_time(case: dict[str, Any]) -> None:
    article = articles_of(case["file"])[case["position"]]
    if case["relative_time"] is None:
        assert article.published_at is None
        assert article.published_at_source is None
    else:
        assert article.published_at_source == "relative"
        assert article.published_at is not None
        assert timedelta(0) < CAPTURED_AT - article.published_at <= timedelta(hours=3)


def test_near_duplicate_pair_is_linked_and_distinct_stories_are_not(
    expected: dict[str, Any],
) -> None:
    from itertools import combinations

    from transforms.near_duplicates import Candidate, Member, relabel, signature, similar_pairs

    found = {
        f"{case['file'][:3]}#{case['position']}": articles_of(case["file"])[case["position"]]
        for case in CASES
    }
    candidates = [Candidate(aid, signature(article.body)) for aid, article in found.items()]
    members = [Member(aid, article.outlet, CAPTURED_AT) for aid, article in found.items()]
    every_pair = [(a.article_id, b.article_id) for a, b in combinations(candidates, 2)]
    labels = relabel(members, similar_pairs(candidates, every_pair))
    linked = {
        article: [int(label.near_duplicate_of.split("#")[1])]
        for article, label in labels.items()
        if label.near_duplicate_of
    }
    stories = {article for article, label in labels.items() if label.story_group}
    wanted = {
        f"{case['file'][:3]}#{case['position']}": case["near_duplicate_of"]
        for case in expected["articles"]
        if "near_duplicate_of" in case
    }
    assert linked == wanted
    assert stories == set(wanted)  # no story is shared across outlets in the seeds
