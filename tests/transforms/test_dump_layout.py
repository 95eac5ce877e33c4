"""Dumps laid out by other tools read as the rendered text does: hard wraps and Markdown."""

from __future__ import annotations

import textwrap

import pytest

from tests.conftest import KNOWLEDGE, SEEDS
from tests.transforms.test_seeds_golden import CAPTURED_AT, articles_of
from transforms.dump_layout import (
    as_running_text,
    plain_markdown,
    unwrap,
    without_link_numbers,
    wrap_width,
)
from transforms.extract import PageContext, extract_text_file

PARAGRAPHS = [
    "The council voted on Tuesday to close the harbour road for repairs that engineers"
    " say are long overdue, after a winter of storms left cracks along its length.",
    "Residents said the detour would add twenty minutes to every trip into town, and the"
    " bus company warned that its timetable would change from the first of the month.",
    "The work is expected to last until the autumn, the council's spokesperson said in a"
    " statement, adding that the road would reopen in stages as each section was done.",
] * 4


def wrapped(paragraphs: list[str], width: int, indent: str = "") -> str:
    """Paragraphs as fmt, lynx or w3m print them: broken at the width, a blank line apart."""
    return "\n\n".join(
        textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent) for p in paragraphs
    )


@pytest.mark.parametrize(("width", "indent"), [(72, ""), (80, "   "), (100, "")])
def test_a_wrapped_dump_reads_back_one_line_a_paragraph(width: int, indent: str) -> None:
    text = wrapped(PARAGRAPHS, width, indent)
    assert wrap_width(text.split("\n")) is not None
    lines = [line.strip() for line in unwrap(text).split("\n") if line.strip()]
    assert lines == PARAGRAPHS


def test_list_items_and_headings_stay_lines_of_their_own() -> None:
    text = wrapped(PARAGRAPHS[:6], 72) + "\n\nRelated stories\n  * Storm damage on the coast\n"
    text += "  * Harbour road: what to know\n# Weather\n" + wrapped(PARAGRAPHS[6:], 72)
    lines = [line.strip() for line in unwrap(text).split("\n") if line.strip()]
    assert "Related stories" in lines
    # (lynx's and Markdown's markers come off, as rendered text shows list items)
    assert "Storm damage on the coast" in lines
    assert "Harbour road: what to know" in lines
    assert "Weather" in lines


def test_rendered_text_with_one_line_a_paragraph_is_left_as_it_is() -> None:
    text = "\n".join(["Menu", "Home", "News", *PARAGRAPHS, "Share this", "© Harbour Post"])
    assert wrap_width(text.split("\n")) is None
    assert as_running_text(text) == text


def test_short_lines_alone_are_no_wrapping() -> None:
    # A page of menu items and labels has no width its lines run up to.
    menu = "\n".join(f"Section number {i} of the site menu" for i in range(40))
    assert wrap_width(menu.split("\n")) is None


def test_markdown_marks_come_off_a_markdown_dump() -> None:
    text = (
        "# Harbour road to close\n\n"
        "The council [voted on Tuesday](https://example.org/vote) to close the road, "
        "**engineers** said, after _storms_ and a [report](https://example.org/r) "
        "by the [harbour board](https://example.org/b).\n"
        "![a crack in the road](https://example.org/crack.jpg)\n"
    )
    assert plain_markdown(text) == (
        "Harbour road to close\n\n"
        "The council voted on Tuesday to close the road, engineers said, after _storms_ "
        "and a report by the harbour board.\n\n"
    )


def test_a_few_brackets_are_no_markdown() -> None:
    text = "He said [sic] the road (the old one) was [closed](temporarily) again."
    assert plain_markdown(text) == text


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_a_seed_wrapped_at_72_columns_yields_the_same_articles(name: str) -> None:
    # The sample page as a text browser prints it: its blocks a blank line apart, then
    # each broken as fmt breaks lines. The same articles come out as from the blocks.
    blocks = [line for line in (SEEDS / name).read_text("utf-8").split("\n") if line.strip()]
    spaced = "\n\n".join(blocks)
    rewrapped = "\n\n".join(_fill(block, 72) for block in blocks)
    assert rewrapped != spaced
    context = PageContext(CAPTURED_AT)
    expected = extract_text_file(spaced.encode("utf-8"), context, KNOWLEDGE).articles
    articles = extract_text_file(rewrapped.encode("utf-8"), context, KNOWLEDGE).articles
    assert len(articles) == len(expected) == len(articles_of(name))
    assert [a.title for a in articles] == [a.title for a in expected]
    assert [a.body for a in articles] == [a.body for a in expected]


def _fill(block: str, width: int) -> str:
    """A block broken as a text browser breaks it: a list item's lines hang under its text."""
    indent = len(block) - len(block.lstrip())
    marker = block.lstrip()[:2] if block.lstrip()[:1] in "•*-" else ""
    hanging = " " * (indent + len(marker))
    return textwrap.fill(block, width, subsequent_indent=hanging, drop_whitespace=True)


def test_text_browser_labels_and_list_markers_come_off_a_wrapped_dump() -> None:
    text = "(BUTTON) Share\n[harbour-logo-135x105.png]\n   * Harbour road to close\n\n"
    text += wrapped(PARAGRAPHS, 74, "   ")
    lines = [line.strip() for line in unwrap(text).split("\n") if line.strip()]
    assert lines[:2] == ["Share", "Harbour road to close"]
    assert lines[2:] == PARAGRAPHS


def test_a_text_browsers_link_numbers_come_out_of_the_text() -> None:
    text = " ".join(f"The [{n}]council voted [{n + 50}]again." for n in range(1, 7))
    assert without_link_numbers(text) == " ".join(["The council voted again."] * 6)
    note = "The council voted [1] twice, as the minutes [2]show."
    assert without_link_numbers(note) == note  # a text's own few notes stay


def test_lynxs_link_relations_before_the_page_are_no_part_of_it() -> None:
    text = "   #Harbour Post - RSS feed\n   #alternate\n\n" + wrapped(PARAGRAPHS, 74, "   ")
    lines = [line.strip() for line in unwrap(text).split("\n") if line.strip()]
    assert lines == PARAGRAPHS
