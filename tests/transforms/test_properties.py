"""Properties that hold for any input: decoding never crashes; no body sentence is lost."""

from __future__ import annotations

import os
from collections import Counter
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEEDS
from transforms.actors import load_actor_registry
from transforms.decode import decode_bytes
from transforms.extract import PageContext, extract_text_file, extract_text_page
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
REGISTRY = load_actor_registry()
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
    for article in extract_text_page(text, CONTEXT):
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
        extract_text_file(b"\n".join(lines), CONTEXT)
    except Rejected as rejected:
        assert rejected.reason in {"empty", "not_text", "no_article"}


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
# A sentence as a list of words; the test numbers sentences so that each is unique.
_SENTENCE = st.lists(_WORD, min_size=6, max_size=14)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=30)


class _Numbered:
    def __init__(self) -> None:
        self.count = 0

    def paragraph(self, sentences: list[list[str]]) -> list[str]:
        out = []
        for words in sentences:
            self.count += 1
            out.append(f"{words[0].capitalize()} {' '.join(words[1:])} number {self.count}.")
        return out


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
def test_segmentation_loses_and_duplicates_no_body_sentence(
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
    articles = extract_text_page("\n".join(lines), CONTEXT)

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
