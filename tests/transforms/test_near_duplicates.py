"""Near-duplicates: a revised copy links to its first version; other stories do not."""

from __future__ import annotations

from itertools import combinations

from transforms.near_duplicates import Candidate, band_keys, cluster, signature

STORY = " ".join(
    f"Sentence {i} of the agency story about the summit talks in Alaska and Ukraine."
    for i in range(40)
)
REVISED = STORY.replace("Sentence 3 ", "Revised sentence 3 ").replace("Sentence 7", "Line 7")
OTHER = " ".join(f"Paragraph {i} of a different report on markets and oil." for i in range(40))


def band_pairs(candidates: list[Candidate]) -> list[tuple[str, str]]:
    """Pairs sharing an LSH band, as the warehouse join finds them."""
    return [
        (a.article_id, b.article_id)
        for a, b in combinations(candidates, 2)
        if set(band_keys(a.minhash).tolist()) & set(band_keys(b.minhash).tolist())
    ]


def test_revised_copy_links_both_ways_within_one_outlet() -> None:
    new = [
        Candidate("a:1", "Mint", signature(STORY)),
        Candidate("a:2", "Mint", signature(REVISED)),
        Candidate("a:3", "Mint", signature(OTHER)),
    ]
    links, stories = cluster(new, [], band_pairs(new))
    assert links["a:1"].near_duplicate_of == "a:2"
    assert links["a:2"].near_duplicate_of == "a:1"
    assert links["a:1"].group == links["a:2"].group == "a:1"
    assert "a:3" not in links and "a:3" not in stories


def test_same_story_from_two_outlets_is_a_story_not_a_copy() -> None:
    new = [
        Candidate("a:1", "Mint", signature(STORY)),
        Candidate("b:1", "Bloomberg", signature(STORY)),
    ]
    links, stories = cluster(new, [], band_pairs(new))
    assert links == {}
    assert stories == {"a:1": "a:1", "b:1": "a:1"}


def test_new_copy_joins_the_clusters_of_an_earlier_batch() -> None:
    existing = [Candidate("old:0", "Mint", signature(STORY), group="old:0", story="story-7")]
    new = [Candidate("new:0", "Mint", signature(REVISED))]
    links, stories = cluster(new, existing, band_pairs([*existing, *new]))
    assert (links["new:0"].near_duplicate_of, links["new:0"].group) == ("old:0", "old:0")
    assert stories == {"new:0": "story-7"}


def test_pairs_below_the_threshold_are_dropped_even_when_offered() -> None:
    new = [Candidate("a:1", "Mint", signature(STORY)), Candidate("a:2", "Mint", signature(OTHER))]
    assert cluster(new, [], [("a:1", "a:2")]) == ({}, {})
