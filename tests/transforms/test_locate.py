"""Finding the article among a dump's lines: prose by shape, the best stretch, the headline."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.conftest import KNOWLEDGE
from transforms.extract import PageContext, read_text_page
from transforms.headline import choose_headline
from transforms.locate import best_stretch, shape_lines
from transforms.sidecar import Sidecar
from transforms.text_shape import count_stored_words, load_stopwords

RULES = KNOWLEDGE.boilerplate
STOPWORDS = load_stopwords()
CAPTURED = datetime(2020, 1, 10, tzinfo=UTC)
P1 = "The council voted on Tuesday to approve the new bridge over the river, ending a debate that had lasted for more than a decade."
P2 = "Supporters said the bridge would cut travel times for thousands of commuters, while critics warned that the cost had doubled since the plan was first proposed."
P3 = "Construction is expected to begin in the spring and to take three years, the mayor said in a statement after the vote."
MENU = ["Home", "News", "World", "Politics", "Business", "Sport", "Opinion", "Subscribe", "Sign In"]


@pytest.mark.parametrize(
    ("line", "is_prose"),
    [
        (P1, True),
        ("Skip to main content", False),
        ("Council approves the new bridge over the river", False),  # a headline: no full stop
        ("Photo: Jane Roe, AP", False),
        ("He said no.", False),  # too short to tell
    ],
)
def test_which_lines_read_as_prose(line: str, is_prose: bool) -> None:
    shape = shape_lines([P2, P3, line], STOPWORDS, RULES)
    assert shape.lines[2].is_prose is is_prose


def test_prose_is_judged_with_the_stoplist_of_the_pages_language() -> None:
    german = [
        "Der Stadtrat hat am Dienstag beschlossen, die neue Brücke über den Fluss zu bauen.",
        "Die Bauarbeiten sollen im Frühjahr beginnen und drei Jahre dauern, sagte der Bürgermeister.",
        "Startseite",
    ]
    shape = shape_lines(german, STOPWORDS, RULES)
    assert shape.language == "German"
    assert [s.is_prose for s in shape.lines] == [True, True, False]


def test_a_line_printed_twice_is_furniture_not_prose() -> None:
    shape = shape_lines([P1, P2, P1], STOPWORDS, RULES)
    assert [s.is_prose for s in shape.lines] == [False, True, False]


def test_the_stretch_skips_menus_and_keeps_a_heading_between_paragraphs() -> None:
    lines = [*MENU, "Council approves bridge", P1, "What happens next", P2, P3, *MENU]
    start, end = best_stretch(shape_lines(lines, STOPWORDS, RULES))  # type: ignore[misc]
    assert lines[start:end] == [P1, "What happens next", P2, P3]


def test_teaser_summaries_under_the_article_do_not_join_it() -> None:
    teasers = []
    for n in range(6):
        teasers += [
            f"Another story headline number {n}",
            "3 diggs News",
            P3.replace("mayor", f"mayor {n}"),
        ]
    lines = [P1, P2, P3, "Want more stories like this?", *teasers]
    start, end = best_stretch(shape_lines(lines, STOPWORDS, RULES))  # type: ignore[misc]
    assert (start, end) == (0, 3)


@pytest.mark.parametrize(
    ("lines", "url", "expected"),
    [
        # The slug's words point at the headline, wherever it sits above the body.
        (
            [
                "New SUVs highlight L.A. Auto Show",
                "Tom Krisher, AP Auto Writer",
                "Image 1 of 23",
                "Back to Gallery",
                P1,
            ],
            "https://example.test/news/article/New-SUVs-highlight-L-A-Auto-Show-14848164.php",
            0,
        ),
        # Without a slug: the nearest headline-shaped line above the byline and date.
        (
            [
                "Skip to main content",
                *MENU,
                "Council approves the new river bridge",
                "By Jane Roe",
                "November 19, 2019",
                P1,
            ],
            None,
            10,
        ),
        # A standfirst under a short headline at the page's top.
        (
            [
                "Bridge approved",
                "The council ended a decade of debate with a vote on Tuesday night",
                P1,
            ],
            None,
            0,
        ),
        # Share-bar controls and photo credits are never headlines.
        (
            [
                "Council approves the new river bridge",
                "Share All sharing options",
                "Doug Mills/The New York Times",
                P1,
            ],
            None,
            0,
        ),
        # An item of a list (a share bar's, a teaser list's) is never the headline.
        (
            [
                "Council approves the new river bridge",
                "• Tunnel vote set for next year",
                P1,
            ],
            None,
            0,
        ),
        # A question headline reads like a sentence and opens the stretch itself.
        (["Can the council finally build its bridge over the river?", P1, P2], None, 0),
        # No headline at all: wire copy that opens with its first paragraph.
        ([P1, P2], None, None),
    ],
)
def test_headline_choice(lines: list[str], url: str | None, expected: int | None) -> None:
    shape = shape_lines(lines, STOPWORDS, RULES)
    start, _ = best_stretch(shape)  # type: ignore[misc]
    assert choose_headline(lines, start, url, RULES) == expected


def _page(*lines: str, url: str | None = None):  # type: ignore[no-untyped-def]
    context = PageContext(CAPTURED, Sidecar(CAPTURED, url))
    return read_text_page("\n".join(lines), context, KNOWLEDGE)


def test_end_of_article_rules_do_not_fire_in_a_share_bar_above_the_body() -> None:
    (article,), _ = _page(
        *MENU, "Council approves the new river bridge", "Share", "Comments", "Print", P1, P2, P3
    )
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]


def test_a_related_list_inside_the_article_goes_and_the_article_goes_on() -> None:
    (article,), _ = _page(
        "Council approves the new river bridge",
        P1,
        "Related stories",
        "Mayor opens museum",
        "Storm closes schools",
        P2,
        P3,
    )
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]


def test_a_comment_section_ends_the_article_and_its_prose_is_recorded() -> None:
    comment = "I have lived near the river for forty years and I never thought that the council would actually manage to agree on anything at all."
    reply = "Same here, and my grandfather used to say that they had been promising this bridge since before the war, so it really is about time."
    lines = [
        "Council approves the new river bridge",
        P1,
        P2,
        "[ 12 comments ]",
        "reader_one",
        "2 days ago",
        comment,
        reply,
    ]
    (article,), dropped = _page(*lines)
    assert [p.text for p in article.paragraphs] == [P1, P2]
    assert [(d.reason, d.text) for d in dropped] == [
        ("comments_section", comment),
        ("comments_section", reply),
    ]


def test_prose_outside_the_article_is_recorded_with_its_position() -> None:
    teaser = "In other news the museum will reopen next week after a long renovation that has kept the doors closed for nearly two years."
    (article,), dropped = _page(
        *MENU, "Council approves the new river bridge", P1, P2, P3, *MENU, teaser, *MENU
    )
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]
    assert [(d.reason, d.text) for d in dropped] == [("after_article", teaser)]


@pytest.mark.parametrize(
    ("url", "page_lines", "outlet", "source"),
    [
        ("https://www.nytimes.com/2019/11/19/x.html", [], "The New York Times", "url"),
        (
            "https://www.ctpost.com/news/x.php",
            ["Contact CT Post", "Advertise with Us"],
            "CT Post",
            "page",
        ),
        (
            "https://www.harbourgazette.test/x",
            ["© 2019 Harbour Media Group"],
            "Harbour Media Group",
            "copyright",
        ),
        (
            "https://www.harbourgazette.test/x",
            ["© 2019 Getty Images"],
            "harbourgazette.test",
            "host",
        ),
    ],
)
def test_outlet_from_the_url_then_the_page(
    url: str, page_lines: list[str], outlet: str, source: str
) -> None:
    (article,), _ = _page(
        "Council approves the new river bridge", P1, P2, P3, *MENU, *page_lines, url=url
    )
    assert (article.outlet, article.outlet_source) == (outlet, source)


@pytest.mark.parametrize(
    ("text", "n_words"),
    [
        ("The council voted.", 3),
        ("東京で会議が開かれた", 10),  # each character of an unspaced script counts
        ("서울에서 회의가 열렸다.", 3),  # Hangul is written with spaces
    ],
)
def test_stored_word_counts_work_for_scripts_without_spaces(text: str, n_words: int) -> None:
    assert count_stored_words(text) == n_words


def test_a_notice_removed_as_boilerplate_leaves_with_a_reason() -> None:
    notice = "This article was generated from an automated news agency feed without modifications to text and is published here as received."
    (article,), dropped = _page("Council approves the new river bridge", P1, notice, P2, P3)
    assert [p.text for p in article.paragraphs] == [P1, P2, P3]
    assert [(d.reason, d.text) for d in dropped] == [("boilerplate_sentence", notice)]


def test_prose_between_an_aggregators_main_article_and_its_related_ones_is_recorded() -> None:
    stray = "Readers who want more of this coverage can find every story of the series on the pages that follow this one, sorted by date."
    lines = [
        "Council approves the new river bridge", P1, P2, "Related Articles",
        "", "Courier Post", "an hour ago", "- Courier Post", "Storm closes schools", P3,
    ]  # fmt: skip
    articles, dropped = _page(*lines[:4], stray, *lines[4:])
    assert [a.kind for a in articles] == ["main", "related"]
    assert stray in [d.text for d in dropped]


def test_a_caption_credited_to_a_photo_agency_does_not_name_the_outlet() -> None:
    caption = (
        "Members of the council vote on the bridge plan in the town hall on Tuesday. | Getty Images"
    )
    (article,), _ = _page("Council approves the new river bridge", P1, P2, caption, P3)
    assert article.outlet is None


def test_the_site_name_is_taken_as_running_text_writes_it() -> None:
    url = "https://www.harbourgazette.test/x"
    (article,), _ = _page(
        "HARBOUR GAZETTE", "HARBOUR GAZETTE", "Council approves the new river bridge", P1, P2, P3,
        "About the Harbour Gazette", url=url,
    )  # fmt: skip
    assert (article.outlet, article.outlet_source) == ("Harbour Gazette", "page")
