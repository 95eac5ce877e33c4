"""Body-text scoring of the article-extraction benchmark (Scrapinghub, 2020).

Words are `\\w+` runs; each text becomes a multiset of overlapping 4-word shingles; per page
true positives, false positives and false negatives are normalised to sum to one; precision
and recall are averaged over pages and F1 is the harmonic mean of the two averages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["PageScore", "corpus_f1", "page_score"]

_WORD = re.compile(r"\w+")
SHINGLE = 4


class PageScore(tuple[float, float, float]):
    """(true positive, false positive, false negative) shares of one page."""


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1)))


def page_score(expected: str, extracted: str) -> PageScore:
    truth, found = _shingles(expected), _shingles(extracted)
    tp = sum((truth & found).values())
    fp = sum((found - truth).values())
    fn = sum((truth - found).values())
    total = tp + fp + fn
    if total == 0:
        return PageScore((1.0, 0.0, 0.0))  # both empty: nothing to find, nothing wrong
    return PageScore((tp / total, fp / total, fn / total))


def corpus_f1(scores: Iterable[PageScore]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over pages."""
    precisions, recalls = [], []
    for tp, fp, fn in scores:
        precisions.append(tp / (tp + fp) if tp + fp else 0.0)
        recalls.append(tp / (tp + fn) if tp + fn else 0.0)
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
