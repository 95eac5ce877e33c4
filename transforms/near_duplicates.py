"""Near-duplicate articles (a revised or re-posted copy) and cross-outlet story clusters.

MinHash signatures of word shingles (datasketch). Candidates come from locality-sensitive
hashing: each signature is cut into bands, and two articles sharing any band are compared.
The band keys are stored in the warehouse, so finding the candidates of a new batch among
every earlier article is one join in DuckDB, however large the corpus; this module turns
candidate pairs into links and clusters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

__all__ = [
    "BANDS",
    "NUM_PERM",
    "SIGNATURE_SCHEME",
    "Candidate",
    "Link",
    "band_keys",
    "cluster",
    "shingle_hashes",
    "signature",
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
    article_id: str
    outlet: str | None
    minhash: np.ndarray  # uint32 values, NUM_PERM of them
    group: str | None = None  # an already-loaded article's same-outlet copy cluster
    story: str | None = None  # an already-loaded article's cross-outlet story cluster


@dataclass(frozen=True, slots=True)
class Link:
    near_duplicate_of: str
    group: str


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


def cluster(
    new: list[Candidate],
    existing: list[Candidate],
    pairs: Iterable[tuple[str, str]],
) -> tuple[dict[str, Link], dict[str, str]]:
    """Near-duplicate links (same outlet) and story ids (any outlet) for the new articles,
    and for earlier articles that had none until a new copy of them came.

    pairs: candidate (new article, other article) pairs sharing an LSH band; each is checked
    against the threshold. Earlier articles come first in a cluster: an existing article's
    group or story id is kept, else the first article of the cluster names it.
    """
    members = {c.article_id: c for c in [*existing, *new]}
    order = {article_id: i for i, article_id in enumerate(members)}
    new_ids = {c.article_id for c in new}
    # Earlier articles loaded before any copy of them: labelled now, the way a copy in the
    # same batch would have been.
    unlinked = {c.article_id for c in existing if c.group is None} - new_ids
    unclustered = {c.article_id for c in existing if c.story is None} - new_ids
    checked = sorted(
        {tuple(sorted(p)) for p in pairs if p[0] != p[1] and p[0] in members and p[1] in members}
    )
    similar: list[tuple[str, str, float]] = []
    if checked:
        # Every pair scored at once: the share of equal signature values estimates Jaccard.
        matrix = np.stack([c.minhash for c in members.values()])
        left_rows = np.fromiter((order[left] for left, _ in checked), dtype=np.intp)
        right_rows = np.fromiter((order[right] for _, right in checked), dtype=np.intp)
        scores = (matrix[left_rows] == matrix[right_rows]).mean(axis=1)
        similar = [
            (left, right, float(score))
            for (left, right), score in zip(checked, scores, strict=True)
            if score >= SIMILARITY_THRESHOLD
        ]

    def same_outlet(a: str, b: str) -> bool:
        outlet = members[a].outlet
        return outlet is not None and outlet == members[b].outlet

    copies = _UnionFind(order)
    stories = _UnionFind(order)
    best: dict[str, tuple[float, str]] = {}
    for left, right, score in similar:
        stories.union(left, right)
        if same_outlet(left, right):
            copies.union(left, right)
            for this, other in ((left, right), (right, left)):
                relinked = this in new_ids or this in unlinked
                if relinked and score > best.get(this, (-1.0, ""))[0]:
                    best[this] = (score, other)
    links = {
        article_id: Link(other, _name(copies.root(article_id), members, "group"))
        for article_id, (_, other) in best.items()
    }
    story_ids = {
        article_id: _name(stories.root(article_id), members, "story")
        for article_id in sorted(new_ids | unclustered)
        if stories.size(article_id) > 1
    }
    return links, story_ids


def _name(root: str, members: dict[str, Candidate], field: str) -> str:
    known: str | None = getattr(members[root], field)
    return known or root


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
            self._parent[second] = first
            self._size[first] = self.size(first) + self.size(second)

    def size(self, item: str) -> int:
        return self._size.get(self.root(item), 1)
