"""Near-duplicates: a revised copy links to its first version, other stories do not, and the
labels are the same however the corpus arrives."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from itertools import combinations

import numpy as np
import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.near_duplicates import (
    MINHASH_SCHEME,
    NUM_PERM,
    Candidate,
    Edge,
    Labels,
    Member,
    band_keys,
    relabel,
    shingle_hashes,
    signature,
    similar_pairs,
)

STORY = " ".join(
    f"Sentence {i} of the agency story about the summit talks in Alaska and Ukraine."
    for i in range(40)
)
REVISED = STORY.replace("Sentence 3 ", "Revised sentence 3 ").replace("Sentence 7", "Line 7")
OTHER = " ".join(f"Paragraph {i} of a different report on markets and oil." for i in range(40))


T0 = datetime(2025, 8, 1, tzinfo=UTC)


def band_pairs(candidates: list[Candidate]) -> list[tuple[str, str]]:
    """Pairs sharing an LSH band, as the warehouse join finds them."""
    return [
        (a.article_id, b.article_id)
        for a, b in combinations(candidates, 2)
        if set(band_keys(a.minhash).tolist()) & set(band_keys(b.minhash).tolist())
    ]


def labels_of(texts: dict[str, tuple[str, str]]) -> dict[str, Labels]:
    """One batch: article id -> (outlet, text), captured in id order."""
    candidates = [Candidate(aid, signature(text)) for aid, (_, text) in texts.items()]
    members = [
        Member(aid, outlet, T0 + timedelta(hours=i))
        for i, (aid, (outlet, _)) in enumerate(texts.items())
    ]
    return relabel(members, similar_pairs(candidates, band_pairs(candidates)))


def test_revised_copy_links_both_ways_within_one_outlet() -> None:
    labels = labels_of({"a:1": ("Mint", STORY), "a:2": ("Mint", REVISED), "a:3": ("Mint", OTHER)})
    assert labels["a:1"] == Labels("a:2", "a:1", "a:1")
    assert labels["a:2"] == Labels("a:1", "a:1", "a:1")
    assert labels["a:3"] == Labels(None, None, None)


def test_same_story_from_two_outlets_is_a_story_not_a_copy() -> None:
    labels = labels_of({"b:1": ("Bloomberg", STORY), "a:1": ("Mint", STORY)})
    assert labels == {"b:1": Labels(None, None, "b:1"), "a:1": Labels(None, None, "b:1")}


def test_pairs_below_the_threshold_are_dropped_even_when_offered() -> None:
    candidates = [Candidate("a:1", signature(STORY)), Candidate("a:2", signature(OTHER))]
    assert similar_pairs(candidates, [("a:1", "a:2")]) == []


def test_a_cluster_is_named_after_its_first_capture_not_its_first_arrival() -> None:
    old = Member("old", "Mint", T0 + timedelta(days=1), story="old", group="old", copy_of="mid",
                 similarity=0.9)  # fmt: skip
    mid = Member("mid", "Mint", T0 + timedelta(days=2), story="old", group="old", copy_of="old",
                 similarity=0.9)  # fmt: skip
    earliest = Member("new", "Mint", T0)  # captured before both, loaded after
    labels = relabel([old, mid, earliest], [Edge("mid", "new", 0.95)])
    assert labels["new"] == Labels("mid", "new", "new")
    assert labels["mid"] == Labels("new", "new", "new")  # a closer copy came
    assert labels["old"] == Labels("mid", "new", "new")


def test_a_new_article_alike_two_clusters_merges_them() -> None:
    a = Member("a", "Mint", T0, story="a", group="a", copy_of="b", similarity=0.8)
    b = Member("b", "Mint", T0, story="a", group="a", copy_of="a", similarity=0.8)
    c = Member("c", "Mint", T0 + timedelta(1), story="c", group="c", copy_of="d", similarity=0.7)
    d = Member("d", "Mint", T0 + timedelta(1), story="c", group="c", copy_of="c", similarity=0.7)
    bridge = Member("e", "Mint", T0 + timedelta(2))
    labels = relabel([a, b, c, d, bridge], [Edge("b", "e", 0.5), Edge("d", "e", 0.6)])
    assert {label.near_duplicate_group for label in labels.values()} == {"a"}
    assert labels["e"].near_duplicate_of == "d"


def test_a_story_that_loses_an_article_splits_again() -> None:
    members = [Member(aid, "Mint", T0 + timedelta(hours=i)) for i, aid in enumerate("abc")]
    edges = [Edge("a", "b", 0.6), Edge("b", "c", 0.6)]
    joined = relabel(members, edges)
    assert {label.story_group for label in joined.values()} == {"a"}
    stored = [
        replace(m, story=joined[m.article_id].story_group, group=joined[m.article_id].near_duplicate_group,
                copy_of=joined[m.article_id].near_duplicate_of, similarity=0.6)
        for m in members if m.article_id != "b"
    ]  # fmt: skip
    split = relabel(stored, edges, reset={"a", "c"})
    assert split == {"a": Labels(None, None, None), "c": Labels(None, None, None)}


# A corpus as a graph: articles of two outlets, alike pairs with similarities.
Graph = tuple[list[str | None], list[int], dict[tuple[str, str], float], list[str], list[int]]
ARTICLE_IDS = [f"{i:02d}" for i in range(12)]
graphs = st.tuples(
    st.lists(st.sampled_from(["Mint", "Post", None]), min_size=12, max_size=12),
    st.lists(st.integers(0, 5), min_size=12, max_size=12),  # capture day
    st.dictionaries(
        st.tuples(st.sampled_from(ARTICLE_IDS), st.sampled_from(ARTICLE_IDS)).filter(
            lambda p: p[0] < p[1]
        ),
        st.sampled_from([0.4, 0.5, 0.75, 1.0]),
        max_size=20,
    ),
    st.permutations(ARTICLE_IDS),
    st.lists(st.integers(1, 12), min_size=1, max_size=6),  # batch sizes
)


def in_batches(
    outlets: list[str | None], days: list[int], pairs: dict[tuple[str, str], float],
    arrival: list[str], sizes: list[int], shortcut: bool = False,
) -> dict[str, Labels]:  # fmt: skip
    """Labels after loading the articles batch by batch, each batch seeing the stored labels
    of the clusters its pairs touch, as the ingest does. shortcut: from the stored articles
    the batch's pairs touch, their clusters' first articles and the copies they point at
    only, the others following their clusters' renames (flows/shaping.py)."""
    stored: dict[str, Labels] = {}
    loaded: list[str] = []
    position = 0
    for size in [*sizes, len(arrival)]:
        batch, position = arrival[position : position + size], position + size
        if not batch:
            break
        edges = [
            Edge(a, b, s) for (a, b), s in pairs.items()
            if (a in batch or b in batch) and {a, b} <= {*loaded, *batch}
        ]  # fmt: skip
        new = [member(aid, outlets, days, None, pairs) for aid in batch]
        if shortcut:
            stored = _with_renames(stored, edges, new, outlets, days, pairs)
        else:
            members = [member(aid, outlets, days, stored.get(aid), pairs) for aid in loaded]
            stored |= relabel([*members, *new], edges)
        loaded += batch
    return stored


def _with_renames(
    stored: dict[str, Labels], edges: list[Edge], new: list[Member],
    outlets: list[str | None], days: list[int], pairs: dict[tuple[str, str], float],
) -> dict[str, Labels]:  # fmt: skip
    """A batch's labels from the stored articles its pairs touch and their clusters' first
    articles and copies (sql/queries/near_duplicate_members.sql, $whole_stories false): the
    touched ones' labels, and every other stored article following its clusters' renames
    (transforms/batch.py cluster_renames, sql/load/044)."""
    touched = {a for e in edges for a in (e.article_id, e.other_id)} & set(stored)
    read = set(touched)
    for aid in touched:
        label = stored[aid]
        read |= {label.story_group, label.near_duplicate_group, label.near_duplicate_of} - {None}
    members = [member(aid, outlets, days, stored[aid], pairs) for aid in sorted(read)]
    labels = relabel([*members, *new], edges)
    groups = {
        m.group: labels[m.article_id].near_duplicate_group
        for m in members
        if m.group == m.article_id
    }
    stories = {
        m.story: labels[m.article_id].story_group for m in members if m.story == m.article_id
    }
    after = {
        aid: replace(
            label,
            near_duplicate_group=groups.get(label.near_duplicate_group, label.near_duplicate_group),
            story_group=stories.get(label.story_group, label.story_group),
        )
        for aid, label in stored.items()
    }
    return after | {a: labels[a] for a in [*touched, *(m.article_id for m in new)]}


def member(
    aid: str, outlets: list[str | None], days: list[int], label: Labels | None,
    pairs: dict[tuple[str, str], float],
) -> Member:  # fmt: skip
    at = T0 + timedelta(days=days[int(aid)])
    if label is None:
        return Member(aid, outlets[int(aid)], at)
    copy_of = label.near_duplicate_of
    similarity = pairs[min(aid, copy_of), max(aid, copy_of)] if copy_of else None
    return Member(aid, outlets[int(aid)], at, label.story_group, label.near_duplicate_group,
                  copy_of, similarity)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_labels_are_the_same_however_the_corpus_is_cut_into_batches(graph: Graph) -> None:
    outlets, days, pairs, arrival, sizes = graph
    at_once = in_batches(outlets, days, pairs, sorted(ARTICLE_IDS), [len(ARTICLE_IDS)])
    assert in_batches(outlets, days, pairs, arrival, sizes) == at_once


@settings(max_examples=300, deadline=None)
@given(graphs)
def test_a_batch_labelled_from_its_clusters_first_articles_and_renames_labels_as_from_all(
    graph: Graph,
) -> None:
    outlets, days, pairs, arrival, sizes = graph
    at_once = in_batches(outlets, days, pairs, sorted(ARTICLE_IDS), [len(ARTICLE_IDS)])
    assert in_batches(outlets, days, pairs, arrival, sizes, shortcut=True) == at_once


@settings(max_examples=300, deadline=None)
@given(graphs, st.sampled_from(ARTICLE_IDS))
def test_labels_after_an_article_leaves_are_those_of_a_corpus_without_it(
    graph: Graph, leaving: str
) -> None:
    outlets, days, pairs, arrival, sizes = graph
    stored = in_batches(outlets, days, pairs, arrival, sizes)
    story = stored[leaving].story_group
    reset = {a for a, label in stored.items() if story and label.story_group == story} - {leaving}
    staying = [a for a in ARTICLE_IDS if a != leaving]
    members = [member(a, outlets, days, stored[a], pairs) for a in staying]
    edges = [
        Edge(a, b, s) for (a, b), s in pairs.items() if reset & {a, b} and leaving not in (a, b)
    ]
    after = {**{a: stored[a] for a in staying}, **relabel(members, edges, reset)}
    without = {k: v for k, v in pairs.items() if leaving not in k}
    assert after == in_batches(outlets, days, without, staying, [len(staying)])


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


@pytest.mark.parametrize(
    ("before", "after", "renames"),
    [
        # (group, story) stored -> (group, story) relabelled, of the article "x"
        ((None, None), ("a", "a"), []),  # alone until now: forms a cluster with new ones
        ((None, "s"), ("b", "s"), []),  # joins a new copy group inside its story
        (("g", "s"), ("g", "t"), []),  # a member of story s: s's own article names it
        (("x", "x"), ("x", "t"), [("story", "x", "t")]),  # its story joined to an older one
        (("x", "s"), ("h", "s"), [("group", "x", "h")]),  # its group given an older first
    ],
)
def test_a_cluster_is_renamed_by_the_article_it_is_named_after(
    before: tuple[str | None, str | None],
    after: tuple[str | None, str | None],
    renames: list[tuple[str, str, str]],
) -> None:
    import polars as pl

    from transforms.batch import STORED_MEMBERS, cluster_renames
    from transforms.incoming import NEAR_LABELS

    # A stored article: id, file, outlet, captured_at, is_current, story, group, copy, similarity.
    stored = pl.DataFrame(
        [("x", "f", None, None, True, before[1], before[0], None, None)],
        schema=STORED_MEMBERS,
        orient="row",
    )
    labels = pl.DataFrame([("x", None, after[0], after[1])], schema=NEAR_LABELS, orient="row")
    assert cluster_renames(stored, labels).rows() == renames
