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
from zlib import crc32

import numpy as np
from datasketch import MinHash

__all__ = [
    "BANDS",
    "NUM_PERM",
    "Candidate",
    "Link",
    "band_keys",
    "cluster",
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
# Named explicitly: stored signatures are only comparable under the scheme that made them.
MINHASH_SCHEME = "affine32"
_WORD = re.compile(r"\w+")
_SPACE = ord(" ")
# The permutations depend only on the seed and scheme: made once, not per signature.
# crc32 (C, stable across processes) hashes the shingles; sha1 costs twice as much.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME).permutations


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
    words = _WORD.findall(text.lower())
    joined = " ".join(words).encode("utf-8")
    # Words hold no space, so the spaces of `joined` are the word boundaries: a shingle is
    # one byte slice, and no shingle string is built. Repeated shingles hash alike, and a
    # minimum ignores repeats.
    spaces = np.flatnonzero(np.frombuffer(joined, dtype=np.uint8) == _SPACE).tolist()
    starts = [0, *(i + 1 for i in spaces), len(joined) + 1]
    n = max(1, len(words) - SHINGLE_WORDS + 1)
    span = min(SHINGLE_WORDS, len(words))
    hashes = [crc32(joined[starts[i] : starts[i + span] - 1]) for i in range(n)]
    minhash = MinHash(
        scheme=MINHASH_SCHEME, hashfunc=int, permutations=_PERMUTATIONS, num_perm=NUM_PERM
    )
    minhash.update_batch(hashes)
    values: np.ndarray = minhash.hashvalues.astype(np.uint64)
    return values


def band_keys(minhash: np.ndarray) -> np.ndarray:
    """One 64-bit key per band: the band's two 32-bit values side by side."""
    rows = minhash.astype(np.uint64).reshape(BANDS, ROWS)
    keys: np.ndarray = (rows[:, 0] << np.uint64(32)) | rows[:, 1]
    return keys


def cluster(
    new: list[Candidate],
    existing: list[Candidate],
    pairs: Iterable[tuple[str, str]],
) -> tuple[dict[str, Link], dict[str, str]]:
    """Near-duplicate links (same outlet) and story ids (any outlet) for the new articles.

    pairs: candidate (new article, other article) pairs sharing an LSH band; each is checked
    against the threshold. Earlier articles come first in a cluster: an existing article's
    group or story id is kept, else the first article of the cluster names it.
    """
    members = {c.article_id: c for c in [*existing, *new]}
    order = {article_id: i for i, article_id in enumerate(members)}
    new_ids = {c.article_id for c in new}
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
                if this in new_ids and score > best.get(this, (-1.0, ""))[0]:
                    best[this] = (score, other)
    links = {
        article_id: Link(other, _name(copies.root(article_id), members, "group"))
        for article_id, (_, other) in best.items()
    }
    story_ids = {
        article_id: _name(stories.root(article_id), members, "story")
        for article_id in new_ids
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
