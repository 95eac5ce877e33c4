"""Near-duplicate articles (a revised or re-posted copy) and cross-outlet story clusters.

MinHash signatures of word shingles (datasketch). Candidates come from locality-sensitive
hashing: each signature is cut into bands, and two articles sharing any band are compared.
The band keys are stored in the warehouse, so finding the candidates of a new batch among
every earlier article is one join in DuckDB, however large the corpus; this module turns
candidate pairs into links and clusters.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from datasketch import MinHash

__all__ = [
    "BANDS",
    "NUM_PERM",
    "SIGNATURE_SCHEME",
    "Candidate",
    "Edge",
    "Labels",
    "Member",
    "band_keys",
    "relabel",
    "shingle_hashes",
    "signature",
    "similar_pairs",
]

# 5-word shingles: long enough that shared stock phrases ("said in a statement") do not
# make two stories alike, short enough that an edited sentence still shares most shingles.
SHINGLE_WORDS = 5
NUM_PERM = 64
# Estimated Jaccard similarity at or above which two articles are copies of one story.
# Measured on the seeds: a revised agency story and its first version 0.54; two different
# stories of one outlet on one event < 0.02.
SIMILARITY_THRESHOLD = 0.4
# 32 bands of 2 rows: a pair at the threshold (0.4) shares a band with probability
# 1 - (1 - 0.4²)³² ≈ 0.996; pairs below it that slip through are dropped on verification.
BANDS, ROWS = 32, 2
# Named explicitly and stored with each signature: signatures are only comparable under
# the scheme that made them, and a warehouse signed under another one is re-signed.
MINHASH_SCHEME = "affine32"
SIGNATURE_SCHEME = f"{MINHASH_SCHEME}/poly64/{SHINGLE_WORDS}w/{NUM_PERM}p"
_WORD = re.compile(r"\w+")
_SPACE = 0x20
# Shingles are hashed all at once in numpy with a polynomial hash modulo 2^64 (numpy's
# unsigned arithmetic wraps): with H[i] the hash of the first i bytes, the bytes [s, e)
# hash to H[e] - H[s]·B^(e-s). B is the 64-bit FNV prime: odd, so it has an inverse
# modulo 2^64, which turns the prefix hashes into one cumulative sum.
_BASE = 0x100000001B3
_BASE_INVERSE = pow(_BASE, -1, 1 << 64)
_HIGH_HALF = np.uint64(32)
# The permutations depend only on the seed and scheme: made once, not per signature.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME).permutations
_powers = np.ones(1, dtype=np.uint64)
_inverse_powers = np.ones(1, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article as the candidate search sees it: its MinHash."""

    article_id: str
    minhash: np.ndarray  # uint32 values, NUM_PERM of them


@dataclass(frozen=True, slots=True)
class Edge:
    """Two articles whose estimated similarity reaches the threshold (article_id < other_id)."""

    article_id: str
    other_id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Member:
    """A current article of a story a batch touches, with the labels it has (none yet for a
    new article)."""

    article_id: str
    outlet: str | None
    captured_at: datetime
    story: str | None = None
    group: str | None = None
    copy_of: str | None = None
    similarity: float | None = None  # to copy_of


@dataclass(frozen=True, slots=True)
class Labels:
    near_duplicate_of: str | None
    near_duplicate_group: str | None
    story_group: str | None


def signature(text: str) -> np.ndarray:
    """The MinHash of the text's 5-word shingles (lower-cased, words joined by one space)."""
    joined = np.frombuffer(" ".join(_WORD.findall(text.lower())).encode("utf-8"), np.uint8)
    minhash = MinHash(
        scheme=MINHASH_SCHEME, hashfunc=_as_is, permutations=_PERMUTATIONS, num_perm=NUM_PERM
    )
    # update_batch hashes each item with hashfunc, then makes one array of the results:
    # handed the shingle hashes as a single item, it permutes them all in numpy at once.
    minhash.update_batch([shingle_hashes(joined)])
    values: np.ndarray = minhash.hashvalues.astype(np.uint64)
    return values


def shingle_hashes(joined: np.ndarray) -> np.ndarray:
    """32-bit hashes of the 5-word shingles of space-joined words (UTF-8 bytes); a text of
    fewer words is one shingle, and no words at all hash as one empty shingle."""
    size = len(joined)
    if size == 0:
        return np.zeros(1, dtype=np.uint32)
    powers, inverse_powers = _power_tables(size)
    prefix = np.zeros(size + 1, dtype=np.uint64)
    prefix[1:] = powers[:size] * np.cumsum(joined * inverse_powers[:size])
    # Words hold no space, so the spaces are the word boundaries.
    spaces = np.flatnonzero(joined == _SPACE)
    starts = np.concatenate(([0], spaces + 1))
    ends = np.concatenate((spaces, [size]))
    n = max(1, len(starts) - SHINGLE_WORDS + 1)
    first, last = starts[:n], ends[len(starts) - n :]
    hashes = prefix[last] - prefix[first] * powers[last - first]
    high: np.ndarray = (hashes >> _HIGH_HALF).astype(np.uint32)
    return high


def _power_tables(size: int) -> tuple[np.ndarray, np.ndarray]:
    """B^i and B^-i modulo 2^64 for i ≤ size, grown (doubling) as longer texts come."""
    global _powers, _inverse_powers
    if len(_powers) <= size:
        length = max(size + 1, 2 * len(_powers))
        _powers = _cumulative_powers(_BASE, length)
        _inverse_powers = _cumulative_powers(_BASE_INVERSE, length)
    return _powers, _inverse_powers


def _cumulative_powers(base: int, length: int) -> np.ndarray:
    powers = np.empty(length, dtype=np.uint64)
    powers[0] = 1
    powers[1:] = np.cumprod(np.full(length - 1, base, dtype=np.uint64))
    return powers


def _as_is(hashes: np.ndarray) -> np.ndarray:
    return hashes


def band_keys(minhash: np.ndarray) -> np.ndarray:
    """One 64-bit key per band: the band's two 32-bit values side by side. For one
    signature, or for a matrix of them (one per row)."""
    rows = minhash.astype(np.uint64).reshape(*minhash.shape[:-1], BANDS, ROWS)
    keys: np.ndarray = (rows[..., 0] << np.uint64(32)) | rows[..., 1]
    return keys


def similar_pairs(candidates: Iterable[Candidate], pairs: Iterable[tuple[str, str]]) -> list[Edge]:
    """The candidate pairs (articles sharing an LSH band) whose signatures agree on at least
    SIMILARITY_THRESHOLD of their values: the share of equal values estimates Jaccard."""
    rows = {c.article_id: c.minhash for c in candidates}
    checked = sorted(
        {(min(p), max(p)) for p in pairs if p[0] != p[1] and p[0] in rows and p[1] in rows}
    )
    if not checked:
        return []
    order = {article_id: i for i, article_id in enumerate(rows)}
    matrix = np.stack(list(rows.values()))
    left = np.fromiter((order[a] for a, _ in checked), dtype=np.intp, count=len(checked))
    right = np.fromiter((order[b] for _, b in checked), dtype=np.intp, count=len(checked))
    scores = (matrix[left] == matrix[right]).mean(axis=1)
    return [
        Edge(a, b, float(score))
        for (a, b), score in zip(checked, scores, strict=True)
        if score >= SIMILARITY_THRESHOLD
    ]


def relabel(
    members: Sequence[Member], edges: Iterable[Edge], reset: Collection[str] = ()
) -> dict[str, Labels]:
    """Every member's labels: the stories (any outlet) and copy groups (same outlet) that
    the edges and the members' existing labels join.

    Members sharing a label were one cluster before the batch: they stay joined without
    their edges. A member in `reset` (its story lost or regained an article) keeps nothing
    but what `edges` gives it, so its story is worked out again from its stored edges.
    Labels depend on cluster membership only, never on arrival: a cluster is named after
    its first article by (captured_at, article_id), and an article is a copy of its most
    similar same-outlet neighbour (ties to the first). A member that has a label was in a
    cluster of two or more, so it stays in one even when `members` holds only it of that
    cluster (a batch labelled from its clusters' first articles: flows/shaping.py).
    """
    by_id = {m.article_id: m for m in members}
    first = sorted(by_id, key=lambda a: (by_id[a].captured_at, a))
    rank = {article_id: i for i, article_id in enumerate(first)}
    stories, groups = _UnionFind(rank), _UnionFind(rank)
    best: dict[str, tuple[float, str]] = {}
    story_of_label: dict[str, str] = {}
    group_of_label: dict[str, str] = {}
    kept = [m for m in members if m.article_id not in reset]  # their labels hold
    for m in kept:
        if m.story is not None:
            stories.union(m.article_id, story_of_label.setdefault(m.story, m.article_id))
        if m.group is not None:
            groups.union(m.article_id, group_of_label.setdefault(m.group, m.article_id))
            stories.union(m.article_id, group_of_label[m.group])
        if m.copy_of in by_id:
            # A label from before similarities were kept counts for less than any edge.
            best[m.article_id] = (m.similarity or 0.0, m.copy_of)

    def closer(this: str, other: str, similarity: float) -> bool:
        known = best.get(this)
        return known is None or (similarity, -rank[other]) > (known[0], -rank[known[1]])

    for edge in edges:
        a, b = edge.article_id, edge.other_id
        if a not in by_id or b not in by_id:
            continue
        stories.union(a, b)
        outlet = by_id[a].outlet
        if outlet is None or outlet != by_id[b].outlet:
            continue
        groups.union(a, b)
        for this, other in ((a, b), (b, a)):
            if closer(this, other, edge.similarity):
                best[this] = (edge.similarity, other)
    kept_stories = {stories.root(m.article_id) for m in kept if m.story is not None}
    kept_groups = {groups.root(m.article_id) for m in kept if m.group is not None}
    labels = {}
    for article_id in by_id:
        in_group = groups.size(article_id) > 1 or groups.root(article_id) in kept_groups
        copy_of = best.get(article_id)
        labels[article_id] = Labels(
            near_duplicate_of=copy_of[1] if in_group and copy_of else None,
            near_duplicate_group=groups.root(article_id) if in_group else None,
            story_group=(
                stories.root(article_id)
                if stories.size(article_id) > 1 or stories.root(article_id) in kept_stories
                else None
            ),
        )
    return labels


class _UnionFind:
    def __init__(self, order: dict[str, int]) -> None:
        self._order = order
        self._parent: dict[str, str] = {}
        self._size: dict[str, int] = {}

    def root(self, item: str) -> str:
        parent = self._parent.setdefault(item, item)
        while parent != item:
            grand = self._parent.setdefault(parent, parent)
            self._parent[item] = grand
            item, parent = parent, grand
        return item

    def union(self, a: str, b: str) -> None:
        first, second = sorted((self.root(a), self.root(b)), key=self._order.__getitem__)
        if first != second:
            self._size[first] = self.size(first) + self.size(second)
            self._parent[second] = first

    def size(self, item: str) -> int:
        return self._size.get(self.root(item), 1)
