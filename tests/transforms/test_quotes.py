"""Quotations and their speakers, from the seed pages and from small hand-made cases."""

from __future__ import annotations

import pytest

from tests.conftest import KNOWLEDGE
from tests.transforms.test_seeds_golden import articles_of
from transforms.names import unresolved_names
from transforms.quotes import find_quotes

REGISTRY = KNOWLEDGE.actors
ACTORS = REGISTRY.by_id()


def quotes_of(text: str, previous: str | None = None) -> list[tuple[str, str | None, str | None]]:
    found = find_quotes(text, REGISTRY.find(text), ACTORS, previous)
    return [(q.text, q.speaker_actor_id, q.speaker_surface) for q in found]


def seed_quotes(name: str, position: int) -> dict[str, str | None]:
    article = articles_of(name)[position]
    out: dict[str, str | None] = {}
    previous = None
    for paragraph in article.paragraphs:
        for quote in find_quotes(paragraph.text, REGISTRY.find(paragraph.text), ACTORS, previous):
            out[quote.text] = quote.speaker_actor_id
            previous = quote.speaker_actor_id or previous
    return out


@pytest.mark.parametrize(
    ("file", "position", "start", "speaker"),
    [
        ("000_eb01c3e6e5101ef2.txt", 0, "substantive and productive talks about us without us", "volodymyr-zelenskyy"),
        ("000_eb01c3e6e5101ef2.txt", 0, "I don't know what they will talk about without us", "volodymyr-zelenskyy"),
        ("000_eb01c3e6e5101ef2.txt", 0, "Putin wants to achieve by diplomatic means", "alyona-getmanchuk"),
        ("003_c00b228c42aec0fc.txt", 0, "Russia’s demand that Kyiv give up the free parts of Donbas", "friedrich-merz"),
        ("004_ff7a71e922133832.txt", 0, "The big question is whether any of this is enough for Trump", "samuel-charap"),
        ("004_ff7a71e922133832.txt", 0, "There's no deal until there is a deal", "donald-trump"),
        ("004_ff7a71e922133832.txt", 0, "This meeting elevates Russia", "heather-conley"),
        ("001_f54b83f48e2dd52d.txt", 0, "I think President Putin wants peace", "donald-trump"),
    ],
)  # fmt: skip
def test_seed_quotes_and_speakers(file: str, position: int, start: str, speaker: str) -> None:
    matches = {t: s for t, s in seed_quotes(file, position).items() if t.startswith(start)}
    assert list(matches.values()) == [speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win this war," Zelensky said.', [("We will win this war", "volodymyr-zelenskyy", "Zelensky")]),
        ("“We will win this war,” said Jane Roe, an analyst.", [("We will win this war", None, "Jane Roe")]),
        ("Trump told reporters: \"It went very well today.'", [("It went very well today.", "donald-trump", "Trump")]),
        ("'Nothing is agreed yet,' according to Marco Rubio.", [("Nothing is agreed yet", "marco-rubio", "Marco Rubio")]),
        ('"Russia cannot have a veto over our path," the statement said.', [("Russia cannot have a veto over our path", None, None)]),
        ("Officials called it a 'feel-out' meeting and Ukraine's view was clear.", []),
    ],
)  # fmt: skip
def test_quote_styles_and_attribution(
    text: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert quotes_of(text) == expected


def test_pronoun_refers_to_the_last_person_named() -> None:
    text = 'Merz spoke first. "Europe stands united here," he said.'
    assert quotes_of(text) == [("Europe stands united here", "friedrich-merz", "Merz")]
    carried = quotes_of('"We will keep talking to them," she said.', previous="kaja-kallas")
    assert carried == [("We will keep talking to them", "kaja-kallas", "Kaja Kallas")]


def test_names_missing_from_the_registry_are_collected() -> None:
    text = (
        '"It is a gamble," said Olena Petrenko, a senior analyst at a Kyiv think tank. '
        "Spokeswoman Maria Zakharova disagreed, as did analyst Tomas Varga."
    )
    found = REGISTRY.find(text)
    names = unresolved_names(text, found, find_quotes(text, found, ACTORS))
    assert names == ["Olena Petrenko", "Tomas Varga"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The point was left unsaid Jane Roe noted.", []),  # a lead word inside a word
        ("The mayoral Jane Roe campaign began.", []),  # a word that starts like one
        ("It rained, according to Jane Roe and others.", ["Jane Roe"]),
        ("As the host\nJane Roe put it, told Mark Lee.", ["Jane Roe", "Mark Lee"]),
    ],
)
def test_a_name_is_collected_only_after_a_whole_lead_word(text: str, expected: list[str]) -> None:
    assert unresolved_names(text, [], []) == expected


@pytest.mark.parametrize(
    "text",
    ["’Tis the season, he said.", "Rock ’n’ roll, ” she said, “ never dies.", "A ” B ’ C"],
)
def test_closing_marks_in_opening_positions_are_not_quotations(text: str) -> None:
    assert quotes_of(text) == []
