"""Near-duplicate articles from the same outlet (revised or re-posted copies).

MinHash signatures of word shingles, candidates from locality-sensitive hashing, both from
datasketch. Signatures are stable across processes (datasketch hashes with SHA-1), so they
are stored and later batches are matched against earlier ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

__all__ = ["NUM_PERM", "Candidate", "Link", "cluster_stories", "link_near_duplicates", "signature"]

# 5-word shingles: long enough that shared stock phrases ("said in a statement") do not
# make two stories alike, short enough that an edited sentence still shares most shingles.
SHINGLE_WORDS = 5
NUM_PERM = 64
# Estimated Jaccard similarity at or above which two same-outlet articles are copies.
# Measured on the seeds: a revised agency story and its first version 0.54; two different
# stories of one outlet on one event < 0.02.
SIMILARITY_THRESHOLD = 0.4
# Named explicitly: stored signatures are only comparable under the scheme that made them.
MINHASH_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Candidate:
    article_id: str
    outlet: str | None
    minhash: np.ndarray  # uint64[NUM_PERM]
    group: str | None = None  # an already-loaded article's cluster


@dataclass(frozen=True, slots=True)
class Link:
    near_duplicate_of: str
    group: str


def signature(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS])
        for i in range(max(1, len(words) - SHINGLE_WORDS + 1))
    }
    minhash = MinHash(num_perm=NUM_PERM, scheme=MINHASH_SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    values: np.ndarray = minhash.hashvalues.astype(np.uint64)
    return values


def link_near_duplicates(new: list[Candidate], existing: list[Candidate]) -> dict[str, Link]:
    """Links for the new articles (and for none of the existing ones).

    Each new article that has a same-outlet copy points at its most similar copy, and every
    copy in a cluster shares the cluster's first article as its group.
    """
    by_outlet: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in [*existing, *new]:
        if candidate.outlet is not None:
            by_outlet[candidate.outlet].append(candidate)
    new_ids = {c.article_id for c in new}
    links: dict[str, Link] = {}
    for members in by_outlet.values():
        if len(members) < 2 or not any(m.article_id in new_ids for m in members):
            continue
        links.update(_link_outlet(members, new_ids))
    return links


def cluster_stories(new: list[Candidate], existing: list[Candidate]) -> dict[str, str]:
    """Story clusters across outlets: the same story run by several outlets or wires.

    Returns the story id (the cluster's first article, or an existing article's story id)
    of each new article that shares a story with any other article.
    """
    new_ids = {c.article_id for c in new}
    links = _link_outlet([*existing, *new], new_ids)
    return {article_id: link.group for article_id, link in links.items()}


def _link_outlet(members: list[Candidate], new_ids: set[str]) -> dict[str, Link]:
    lsh = MinHashLSH(threshold=SIMILARITY_THRESHOLD, num_perm=NUM_PERM)
    hashes = {}
    for member in members:
        hashes[member.article_id] = MinHash(
            num_perm=NUM_PERM, hashvalues=member.minhash, scheme=MINHASH_SCHEME
        )
        lsh.insert(member.article_id, hashes[member.article_id])
    order = {m.article_id: i for i, m in enumerate(members)}
    known_group = {m.article_id: m.group for m in members if m.group}
    best: dict[str, tuple[float, str]] = {}
    parent = {m.article_id: m.article_id for m in members}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for member in members:
        if member.article_id not in new_ids:
            continue
        for other in lsh.query(hashes[member.article_id]):
            if other == member.article_id:
                continue
            similarity = hashes[member.article_id].jaccard(hashes[other])
            if similarity < SIMILARITY_THRESHOLD:
                continue
            if similarity > best.get(member.article_id, (-1.0, ""))[0]:
                best[member.article_id] = (similarity, other)
            first, second = sorted((root(member.article_id), root(other)), key=order.__getitem__)
            parent[second] = first
    links: dict[str, Link] = {}
    for article_id, (_, other) in best.items():
        head = root(article_id)
        links[article_id] = Link(other, known_group.get(head, head))
    return links
