"""The rules are general: pages in the seeds' formats, varied, give the matching articles.

Each test rewrites a seed page the way another site or crawler would have written it
(other outlets, times, orders, encodings, line ends) and checks what comes out.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from tests.conftest import KNOWLEDGE, SEEDS
from transforms.extract import PageContext, extract_text_file
from transforms.records import Article, Rejected

CAPTURED = datetime(2025, 8, 16, 12, tzinfo=UTC)
AGGREGATOR = (SEEDS / "000_eb01c3e6e5101ef2.txt").read_text("utf-8")
GLUED = (SEEDS / "004_ff7a71e922133832.txt").read_text("utf-8")
WIRE = (SEEDS / "003_c00b228c42aec0fc.txt").read_text("utf-8")


def extract(text: str | bytes) -> tuple[Article, ...]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return extract_text_file(data, PageContext(CAPTURED), KNOWLEDGE).articles


def shape(articles: tuple[Article, ...]) -> list[tuple[object, ...]]:
    return [
        (
            a.kind,
            a.outlet,
            a.wire,
            a.title,
            a.relative_time,
            a.dateline,
            [p.text for p in a.paragraphs],
        )
        for a in articles
    ]


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.encode("utf-8-sig"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["crlf", "utf8-bom", "utf16", "cp1252-crlf"],
)
def test_encodings_and_line_ends_change_nothing(name: str, encode: object) -> None:
    text = (SEEDS / name).read_text("utf-8")
    try:
        data = encode(text)  # type: ignore[operator]
    except UnicodeEncodeError:
        pytest.skip("page has characters outside this code page")
    assert shape(extract(data)) == shape(extract(text))


def test_unknown_outlets_and_other_times_in_related_blocks() -> None:
    page = (
        AGGREGATOR.replace("Japan Times", "Nordic Ledger")
        .replace("Yomiuri Shimbun", "Radio Atlántico")
        .replace("\nan hour ago\n", "\njust now\n")
        .replace("\n2 hours ago\n", "\n3 days ago\n")
    )
    articles = extract(page)
    assert [(a.outlet, a.relative_time) for a in articles[1:]] == [
        ("Nordic Ledger", "just now"),
        ("Radio Atlántico", "3 days ago"),
        ("Nordic Ledger", "3 hours ago"),
    ]
    assert articles[2].published_at == CAPTURED - timedelta(days=3)
    assert articles[1].published_at == CAPTURED


def test_related_blocks_in_another_order() -> None:
    head, _, related = AGGREGATOR.partition("Related Articles\n")
    blocks = [b for b in related.split("\n\n\n") if b.strip()]
    assert len(blocks) == 3
    original = extract(AGGREGATOR)
    for seed in range(3):
        order = list(range(3))
        random.Random(seed).shuffle(order)
        page = head + "Related Articles\n\n\n" + "\n\n\n".join(blocks[i] for i in order)
        shuffled = extract(page)
        assert shape(shuffled[1:]) == [shape(original[1:])[i] for i in order]


def test_glued_outlet_and_time_with_other_names() -> None:
    page = GLUED.replace("Hindustan Times", "Deccan Daily Post").replace("time19", "time7")
    articles = extract(page)
    assert articles[0].outlet == "Deccan Daily Post"
    assert [a.relative_time for a in articles[1:]] == ["7 minutes ago"] * 3
    assert [a.outlet for a in articles] == [
        "Deccan Daily Post",
        "Mint",
        "Mint",
        "Deccan Daily Post",
    ]


def test_page_without_related_articles() -> None:
    head, _, _ = AGGREGATOR.partition("Related Articles\n")
    (article,) = extract(head)
    assert article.outlet == "The New York Times"
    assert len(article.paragraphs) == 23


def test_wire_page_with_another_agency_and_no_title() -> None:
    page = WIRE.replace("| BGNES", "| NEWSWIRE").replace("AFP reported", "Reuters reported")
    (article,) = extract(page)
    assert (article.title, article.outlet, article.wire) == (None, "NEWSWIRE", "Reuters")
    assert not article.paragraphs[-1].text.endswith("NEWSWIRE")


def test_page_of_chrome_only_has_no_article() -> None:
    chrome = "logo\nTry Our AI Features\nComments\nNo comments yet...\nDOWNLOAD THE APP\n"
    with pytest.raises(Rejected) as caught:
        extract(chrome)
    assert caught.value.reason == "no_article"
