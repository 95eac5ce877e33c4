"""Each boilerplate rule: one line it must catch, and body text it must leave alone."""

from __future__ import annotations

import pytest

from tests.conftest import KNOWLEDGE
from transforms.paragraphs import parse_body

RULES = KNOWLEDGE.boilerplate


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("logo", "logo_placeholder"),
        ("Try Our AI Features", "ai_features_promo"),
        ("Explore what Daily8 AI can do for you:", "ai_features_promo_body"),
        ("Orange background", "background_colour_marker"),
        ("Sign up for The Week's Free Newsletters", "newsletter_signup"),
        ("get the best of The Week delivered directly to your inbox.", "newsletter_inbox"),
        ("A free daily email with the biggest news stories of the day", "newsletter_free_email"),
        ("app-storeplay-store", "app_store_badges"),
        ("Advertisement", "advertisement"),
        ("Hashtags", "hashtags_section"),
        ("No comments yet...", "comments_section"),
        ("Leave a Reply", "comments_section"),
        ("Your email address will not be published. Required fields are marked *", "comment_form"),
        ("DOWNLOAD THE APP", "app_download_section"),
        (
            "Peter has worked as a news and culture writer and editor at The Week since 2008.",
            "author_bio",
        ),
        ("Jane Doe is a senior reporter at the Daily Planet covering courts.", "author_bio"),
    ],
)
def test_line_rule_catches(line: str, rule: str) -> None:
    matched = RULES.line_rule(line)
    assert matched is not None and matched.name == rule


@pytest.mark.parametrize(
    "line",
    [
        "Comments from the minister drew criticism in Kyiv.",
        "The logo of the summit showed two flags.",
        "Heather Conley is a senior fellow at the American Enterprise Institute.",
        "Trump said he would sign up for more talks.",
        "Share prices fell sharply after the announcement.",
    ],
)
def test_body_lines_are_left_alone(line: str) -> None:
    assert RULES.line_rule(line) is None


def test_caption_with_credit_line_and_inline_caption_are_removed() -> None:
    parsed = parse_body(
        [
            "First paragraph of the story, long enough to be body text.",
            "Soldiers walk past a destroyed building in the city on Monday. |",
            "Jane Smith / The Daily Planet",
            "Second paragraph continues the story with more detail.",
        ],
        RULES,
    )
    assert [p.text for p in parsed.paragraphs] == [
        "First paragraph of the story, long enough to be body text.",
        "Second paragraph continues the story with more detail.",
    ]


def test_inline_pipe_credit_and_promo_in_run_on_text() -> None:
    run_on = (
        "The talks began on Friday in the capital. " * 20
        + "Leaders shake hands before the talks on Friday. | Pool / via REUTERS "
        + "The meeting lasted three hours. Also Read | Minister resigns over budget row "
        + "The statement said more talks would follow. "
        + "Delegates wave at the airport in Alaska(X/@somebody, X/@other) Officials later left."
    )
    parsed = parse_body([run_on], RULES)
    body = " ".join(p.text for p in parsed.paragraphs)
    for gone in ("shake hands", "REUTERS", "Also Read", "Minister resigns", "X/@", "wave at"):
        assert gone not in body
    for kept in ("The meeting lasted three hours.", "The statement said", "Officials later left."):
        assert kept in body
    assert all(len(p.text) <= 1200 for p in parsed.paragraphs)


def test_outlet_named_by_a_footer_ends_the_body() -> None:
    parsed = parse_body(
        ["Body text of the article.", "This article originally appeared in The Globe © 2025", "x"],
        RULES,
    )
    assert parsed.footer_outlet == "The Globe"
    assert [p.text for p in parsed.paragraphs] == ["Body text of the article."]


def test_teaser_list_ends_the_article() -> None:
    parsed = parse_body(
        ["Body text of the article.", "-", "Other headline", "Speed Read teaser", "-", "More"],
        RULES,
    )
    assert [p.text for p in parsed.paragraphs] == ["Body text of the article."]
