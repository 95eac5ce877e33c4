"""Segmentation: the header-block structure names outlets, known to us or not."""

from __future__ import annotations

from tests.conftest import KNOWLEDGE
from transforms.segment import segment_page

RULES = KNOWLEDGE.boilerplate
BODY = "A sentence of body text that runs long enough to be a paragraph of news. " * 3


def test_related_blocks_with_an_outlet_never_seen_before() -> None:
    page = "\n".join(
        [
            "Main headline of the page",
            BODY,
            "Related Articles",
            "",
            "The Kathmandu Courier",
            "5 hours ago",
            "- The Kathmandu Courier",
            "Second story headline",
            BODY,
            "",
            "Radio Nowhere",
            "yesterday",
            "  • Radio Nowhere",
            "Third story headline",
            BODY,
        ]
    )
    articles = segment_page(page, RULES)
    assert [(a.kind, a.outlet, a.relative_time, a.title) for a in articles] == [
        ("main", None, None, "Main headline of the page"),
        ("related", "The Kathmandu Courier", "5 hours ago", "Second story headline"),
        ("related", "Radio Nowhere", "yesterday", "Third story headline"),
    ]


def test_outlet_glued_to_its_time_and_titles_printed_twice() -> None:
    page = "\n".join(
        [
            "logo",
            "Headline Here",
            "",
            "Headline Here",
            "Daily Planet3 hours ago",
            BODY,
            "Related Articles",
            "Other Story",
            "Other Story",
            "",
            "Gotham Gazette",
            "",
            "time45 minutes ago",
            "",
            "  • Gotham Gazette",
            "",
            "Other Story",
            "",
            BODY,
        ]
    )
    main, related = segment_page(page, RULES)
    assert (main.title, main.outlet, main.relative_time) == (
        "Headline Here",
        "Daily Planet",
        "3 hours ago",
    )
    assert main.body[0].startswith("A sentence")
    assert (related.title, related.outlet, related.relative_time) == (
        "Other Story",
        "Gotham Gazette",
        "45 minutes ago",
    )
    assert "Other Story" not in "\n".join(main.body)


def test_standfirst_directly_under_the_title_and_wire_copy_without_title() -> None:
    with_standfirst = (
        "Short title\nA standfirst that sums up the whole story in one clause\n\n" + BODY
    )
    (article,) = segment_page(with_standfirst, RULES)
    assert article.title == "Short title"
    assert article.subtitle == "A standfirst that sums up the whole story in one clause"
    (wire,) = segment_page(BODY + "\n" + BODY, RULES)
    assert wire.title is None


def test_body_line_ending_in_a_relative_time_is_not_a_header() -> None:
    page = "Title\nThe strike hit the depot, officials said, about 2 hours ago\n" + BODY
    (article,) = segment_page(page, RULES)
    assert article.outlet is None
