"""Properties that hold for any input: decoding never crashes; no body sentence is lost."""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import KNOWLEDGE, SEEDS
from transforms.decode import decode_bytes
from transforms.extract import PageContext, extract_text_file, extract_text_page, read_text_page
from transforms.quotes import find_quotes
from transforms.records import Rejected

CONTEXT = PageContext(datetime(2025, 8, 16, 12, tzinfo=UTC))
SEED_PAGES = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
# CI runs each property on 1,000 generated inputs; a developer's run on 150.
PROPERTY_SETTINGS = settings(
    max_examples=1000 if os.environ.get("CI") else 150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
REGISTRY = KNOWLEDGE.actors
ACTORS = REGISTRY.by_id()


@PROPERTY_SETTINGS
@given(st.binary(max_size=4000))
def test_decoding_any_bytes_returns_text_or_a_reason(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except Rejected as rejected:
        assert rejected.reason in {"empty", "not_text"}
    else:
        assert text.strip()
        assert "\r" not in text


@PROPERTY_SETTINGS
@given(st.text(max_size=3000))
def test_extracting_any_text_never_crashes(text: str) -> None:
    for article in extract_text_page(text, CONTEXT, KNOWLEDGE):
        assert all(p.text.strip() for p in article.paragraphs)
        for paragraph in article.paragraphs:
            mentions = REGISTRY.find(paragraph.text)
            assert all(paragraph.text[m.start : m.end] == m.surface for m in mentions)
            for quote in find_quotes(paragraph.text, mentions, ACTORS):
                assert quote.text.strip()


@PROPERTY_SETTINGS
@given(
    st.sampled_from(SEED_PAGES),
    st.integers(min_value=0, max_value=len(max(SEED_PAGES, key=len))),
    st.randoms(use_true_random=False),
)
def test_truncated_and_shuffled_seed_pages_never_crash(page: bytes, cut: int, rnd: object) -> None:
    lines = page[:cut].split(b"\n")
    rnd.shuffle(lines)  # type: ignore[attr-defined]
    try:
        extract_text_file(b"\n".join(lines), CONTEXT, KNOWLEDGE)
    except Rejected as rejected:
        assert rejected.reason in {"empty", "not_text", "no_article"}


# Running text: content words among the stopwords every sentence of a language has.
_STOPWORDS = ["the", "of", "and", "to", "in", "a", "that", "is", "was", "for", "on", "with",
              "as", "it", "by", "at", "from", "his", "her", "they", "said", "have", "not"]  # fmt: skip
_CONTENT = ["council", "river", "budget", "minister", "village", "harvest", "court", "storm",
            "school", "bridge", "report", "market", "police", "museum", "vote", "railway"]  # fmt: skip
# News sentences run 12 to 30 words, paragraphs one to four sentences; every third word
# or so a stopword, as in running text.
_SENTENCE = st.lists(
    st.tuples(st.sampled_from(_CONTENT), st.sampled_from(_STOPWORDS), st.sampled_from(_STOPWORDS)),
    min_size=4,
    max_size=10,
).map(lambda triples: [w for triple in triples for w in triple])
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4)
_MENU = ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Video",
         "Podcasts", "Newsletters", "Subscribe", "Sign In", "Search", "Menu", "Weather"]  # fmt: skip
_TEASERS = ["Mayor opens new bridge over the river", "Storm closes schools across the county",
            "Museum reopens after long renovation", "Budget vote delayed again"]  # fmt: skip


class _Numbered:
    def __init__(self) -> None:
        self.count = 0

    def paragraph(self, sentences: list[list[str]]) -> list[str]:
        out = []
        for words in sentences:
            self.count += 1
            out.append(f"{words[0].capitalize()} {' '.join(words[1:])} number {self.count}.")
        return out


@st.composite
def _news_page(draw: st.DrawFn) -> tuple[list[str], list[str], list[str]]:
    """(page lines, the article's sentences, sentences that are not the article's): a page
    of navigation, share bar, headline, byline and date, paragraphs with a heading or an
    inline list of links among them, then optional comments and footer."""
    numbered = _Numbered()
    # A story of three to eight paragraphs of two sentences or more (70 words at least).
    story = st.lists(st.lists(_SENTENCE, min_size=2, max_size=4), min_size=3, max_size=8)
    paragraphs = [numbered.paragraph(p) for p in draw(story)]
    lines: list[str] = []
    if draw(st.booleans()):
        lines += draw(st.lists(st.sampled_from(_MENU), min_size=3, max_size=40))
    if draw(st.booleans()):
        lines += ["Share", "Share this with Facebook", "Copy link", "Comments"]
    lines += ["", "Council approves the river bridge budget after a long debate", ""]
    if draw(st.booleans()):
        lines += ["By Jane Roe, Staff Writer", "November 19, 2019 10:31 AM"]
    # A heading or a list of links sits among the paragraphs, not between the lead and
    # the second paragraph.
    heading_at = draw(st.integers(min_value=2, max_value=len(paragraphs) - 1))
    # (A list with a single paragraph after it reads as a teaser list with its summary.)
    list_at = draw(st.integers(min_value=1, max_value=max(1, len(paragraphs) - 3)))
    with_list = draw(st.booleans())
    for i, paragraph in enumerate(paragraphs):
        if i == heading_at:
            lines += ["", "What the council decided", ""]
        lines += ["", " ".join(paragraph)]
        if with_list and i == list_at and i + 2 < len(paragraphs):
            lines += [
                "",
                "Related stories",
                *draw(st.lists(st.sampled_from(_TEASERS), min_size=1, max_size=4)),
            ]
    others: list[str] = []
    if draw(st.booleans()):
        # Comments of three sentences or more: prose the pipeline must account for.
        comment = st.lists(_SENTENCE, min_size=3, max_size=5)
        comments = [numbered.paragraph(p) for p in draw(st.lists(comment, min_size=1, max_size=3))]
        lines += ["", "12 Comments", ""]
        for comment in comments:
            lines += ["reader_one", "2 days ago", " ".join(comment), "Reply"]
            others += comment
    if draw(st.booleans()):
        lines += ["", "About us", "Contact", "Privacy Policy", "© 2019 The Harbour Gazette"]
    return lines, [s for p in paragraphs for s in p], others


@PROPERTY_SETTINGS
@given(_news_page())
def test_an_article_among_page_furniture_keeps_each_sentence_once_and_nothing_else(
    page: tuple[list[str], list[str], list[str]],
) -> None:
    lines, sentences, others = page
    articles, dropped = read_text_page("\n".join(lines), CONTEXT, KNOWLEDGE)
    (article,) = articles
    assert article.title == "Council approves the river bridge budget after a long debate"
    found: Counter[str] = Counter()
    for paragraph in article.paragraphs:
        found.update(s for s in (*sentences, *others) if f"{s} " in f"{paragraph.text} ")
    assert found == Counter(sentences)  # every sentence once, no comment
    recorded = " ".join(block.text for block in dropped)
    assert all(s in recorded for s in others)  # the comments left with a reason


@PROPERTY_SETTINGS
@given(
    main=st.lists(_PARAGRAPH, min_size=1, max_size=6),
    related=st.lists(
        st.tuples(
            st.sampled_from(["Courier Post", "Radio Sur", "The Ledger", "Nordic News"]),
            st.sampled_from(["an hour ago", "5 minutes ago", "yesterday", "2 days ago"]),
            _PARAGRAPH,
        ),
        max_size=3,
    ),
)
def test_aggregator_pages_lose_and_duplicate_no_body_sentence(
    main: list[list[list[str]]], related: list[tuple[str, str, list[list[str]]]]
) -> None:
    numbered = _Numbered()
    main_text = [numbered.paragraph(p) for p in main]
    related_text = [(o, w, numbered.paragraph(p)) for o, w, p in related]
    lines = ["Headline of the main story"] + [" ".join(p) for p in main_text]
    if related:
        lines.append("Related Articles")
        for number, (outlet, when, paragraph) in enumerate(related_text):
            lines += ["", outlet, when, f"- {outlet}", f"Related headline {number}"]
            lines.append(" ".join(paragraph))  # run-on, as aggregators print them
    articles = extract_text_page("\n".join(lines), CONTEXT, KNOWLEDGE)

    wanted = [s for p in main_text for s in p] + [s for *_, p in related_text for s in p]
    found: Counter[str] = Counter()
    for article in articles:
        for paragraph in article.paragraphs:
            found.update(s for s in wanted if f"{s} " in f"{paragraph.text} ")
    assert found == Counter(wanted)
    assert len(articles) == 1 + len(related)


@PROPERTY_SETTINGS
@given(st.text(alphabet=" abcXY.,:—\n\"'“”‘’", max_size=400))
def test_quote_marks_in_any_arrangement_never_crash(text: str) -> None:
    for quote in find_quotes(text, REGISTRY.find(text), ACTORS):
        assert 0 <= quote.start <= quote.end <= len(text)
