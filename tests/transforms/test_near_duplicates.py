"""Near-duplicates: a revised copy links to its first version; other stories do not."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest
from datasketch import MinHash

from transforms.near_duplicates import (
    MINHASH_SCHEME,
    NUM_PERM,
    Candidate,
    Link,
    band_keys,
    cluster,
    shingle_hashes,
    signature,
)

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


def test_an_earlier_article_alone_until_now_is_labelled_with_its_first_copy() -> None:
    existing = [Candidate("old:0", "Mint", signature(STORY))]
    new = [Candidate("new:0", "Mint", signature(REVISED))]
    links, stories = cluster(new, existing, band_pairs([*existing, *new]))
    assert links["old:0"] == Link("new:0", "old:0")
    assert links["new:0"] == Link("old:0", "old:0")
    assert stories == {"old:0": "old:0", "new:0": "old:0"}


def test_pairs_below_the_threshold_are_dropped_even_when_offered() -> None:
    new = [Candidate("a:1", "Mint", signature(STORY)), Candidate("a:2", "Mint", signature(OTHER))]
    assert cluster(new, [], [("a:1", "a:2")]) == ({}, {})


def polynomial_shingle_hashes(text: str) -> list[int]:
    """The shingle hashes spelled out one shingle at a time, for comparison."""
    words = text.split(" ") if text else []
    shingles = [words[i : i + 5] for i in range(max(1, len(words) - 4))]
    hashes = []
    for shingle in shingles:
        value = 0
        for byte in " ".join(shingle).encode("utf-8"):
            value = (value * 0x100000001B3 + byte) % (1 << 64)
        hashes.append(value >> 32)
    return hashes


@pytest.mark.parametrize(
    "text",
    ["", "one", "three short words", "a b c d e", "a b c d e f g", " ".join(["héllo wörld"] * 40)],
)
def test_shingles_hash_as_the_polynomial_of_their_bytes(text: str) -> None:
    hashes = shingle_hashes(np.frombuffer(text.encode("utf-8"), np.uint8))
    assert hashes.tolist() == polynomial_shingle_hashes(text)


def test_a_signature_is_datasketchs_minhash_of_the_shingle_hashes() -> None:
    text = " ".join(f"word{i % 97} other{i % 13}" for i in range(3000))  # longer than any seed
    reference = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME, hashfunc=int)
    reference.update_batch(polynomial_shingle_hashes(text))
    assert signature(text).tolist() == reference.hashvalues.tolist()
