"""What each file of a batch becomes: loaded, quarantined, a duplicate, or a supersession."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from transforms.records import KnownFile, SourceFile

__all__ = ["BatchDecision", "LedgerRows", "decide_batch"]


@dataclass(slots=True)
class BatchDecision:
    status: dict[str, str] = field(default_factory=dict)  # file_id -> status
    duplicate_of: dict[str, str] = field(default_factory=dict)  # file_id -> file_id
    superseded: set[str] = field(default_factory=set)  # earlier file_ids replaced at a path
    reinstated: list[str] = field(default_factory=list)  # superseded files seen again
    copies: int = 0  # known bytes at a path that did not hold them: another name, not a change


def decide_batch(
    files: list[SourceFile],
    known: Sequence[KnownFile],
    ledger: LedgerRows,
) -> BatchDecision:
    """Decide each new file's status, and what the batch's known bytes change."""
    decision = _decide_new(files, ledger.path_owner, ledger.loaded_text)
    for seen in known:
        previous = ledger.path_owner.get(seen.path)
        if previous != seen.file_id:
            decision.copies += 1
        if previous is not None and previous != seen.file_id:
            decision.superseded.add(previous)
        if ledger.status.get(seen.file_id) == "superseded":
            # Bytes that were replaced at their path are back (at it or another): current.
            decision.reinstated.append(seen.file_id)
    decision.superseded -= set(decision.reinstated)
    return decision


@dataclass(frozen=True, slots=True)
class LedgerRows:
    """What the ledger holds of the batch's files, paths and texts."""

    status: Mapping[str, str]  # file_id -> status
    path_owner: Mapping[str, str]  # path -> file_id it held before this batch
    loaded_text: Mapping[str, str]  # text_sha256 -> file_id, contents loaded and current


def _decide_new(
    files: list[SourceFile],
    path_owner: Mapping[str, str],
    loaded_text: Mapping[str, str],
) -> BatchDecision:
    decision = BatchDecision()
    seen_text = dict(loaded_text)
    for source in files:
        previous = path_owner.get(source.path)
        if previous is not None and previous != source.file_id:
            decision.superseded.add(previous)
        if source.rejection is not None or source.extraction is None:
            decision.status[source.file_id] = "quarantined"
            continue
        text_hash = source.extraction.text_sha256
        original = seen_text.get(text_hash)
        if (
            original is not None
            and original != source.file_id
            and original not in decision.superseded
        ):
            # The same page in other bytes (another encoding or line ending): counted once.
            decision.status[source.file_id] = "duplicate"
            decision.duplicate_of[source.file_id] = original
            continue
        decision.status[source.file_id] = "loaded"
        seen_text[text_hash] = source.file_id
    return decision
