"""Near-duplicates: a revised copy links to its first version; other stories do not."""

from __future__ import annotations

from transforms.near_duplicates import Candidate, link_near_duplicates, signature

STORY = " ".join(
    f"Sentence {i} of the agency story about the summit talks in Alaska and Ukraine."
    for i in range(40)
)
REVISED = STORY.replace("Sentence 3 ", "Revised sentence 3 ").replace("Sentence 7", "Line 7")
OTHER = " ".join(f"Paragraph {i} of a different report on markets and oil." for i in range(40))


def test_revised_copy_links_both_ways_within_one_outlet() -> None:
    new = [
        Candidate("a:1", "Mint", signature(STORY)),
        Candidate("a:2", "Mint", signature(REVISED)),
        Candidate("a:3", "Mint", signature(OTHER)),
    ]
    links = link_near_duplicates(new, [])
    assert links["a:1"].near_duplicate_of == "a:2"
    assert links["a:2"].near_duplicate_of == "a:1"
    assert links["a:1"].group == links["a:2"].group == "a:1"
    assert "a:3" not in links


def test_same_story_from_two_outlets_is_not_linked() -> None:
    new = [
        Candidate("a:1", "Mint", signature(STORY)),
        Candidate("b:1", "Bloomberg", signature(STORY)),
    ]
    assert link_near_duplicates(new, []) == {}


def test_new_copy_joins_the_group_of_an_earlier_batch() -> None:
    existing = [Candidate("old:0", "Mint", signature(STORY), group=None)]
    links = link_near_duplicates([Candidate("new:0", "Mint", signature(REVISED))], existing)
    assert links == {"new:0": links["new:0"]}
    assert (links["new:0"].near_duplicate_of, links["new:0"].group) == ("old:0", "old:0")
