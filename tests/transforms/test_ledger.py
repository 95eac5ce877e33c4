"""A batch's fates, decided from the ledger's rows alone: the rules the load statements obey."""

from __future__ import annotations

from datetime import UTC, datetime

from transforms.ledger import LedgerRows, decide_batch
from transforms.records import FileExtraction, KnownFile, Rejected, SourceFile

NOW = datetime(2025, 8, 16, tzinfo=UTC)


def _file(path: str, file_id: str, text: str | None) -> SourceFile:
    extraction = FileExtraction("text", text, "utf-8") if text is not None else None
    rejection = None if text is not None else Rejected("no_article", "nothing found")
    return SourceFile(
        path, file_id, 10, 0, NOW, "sidecar", extraction=extraction, rejection=rejection
    )


def test_new_bytes_load_and_replace_the_file_their_path_held() -> None:
    ledger = LedgerRows(status={"old": "loaded"}, path_owner={"a.txt": "old"}, loaded_text={})
    decision = decide_batch([_file("a.txt", "new", "t1")], [], ledger)
    assert decision.status == {"new": "loaded"} and decision.superseded == {"old"}


def test_the_same_text_in_other_bytes_is_a_duplicate_of_the_loaded_one() -> None:
    ledger = LedgerRows(
        status={"f1": "loaded"}, path_owner={"a.txt": "f1"}, loaded_text={"t": "f1"}
    )
    decision = decide_batch([_file("b.txt", "f2", "t"), _file("c.txt", "f3", "t")], [], ledger)
    assert decision.status == {"f2": "duplicate", "f3": "duplicate"}
    assert decision.duplicate_of == {"f2": "f1", "f3": "f1"}
    # Within a batch too: the first copy loads, the second is its duplicate.
    fresh = decide_batch(
        [_file("b.txt", "f2", "u"), _file("c.txt", "f3", "u")], [], LedgerRows({}, {}, {})
    )
    assert fresh.status == {"f2": "loaded", "f3": "duplicate"} and fresh.duplicate_of == {
        "f3": "f2"
    }


def test_a_text_whose_file_this_batch_replaces_loads_again_under_the_new_bytes() -> None:
    ledger = LedgerRows(
        status={"f1": "loaded"}, path_owner={"a.txt": "f1"}, loaded_text={"t": "f1"}
    )
    decision = decide_batch([_file("a.txt", "f2", "t")], [], ledger)
    assert decision.status == {"f2": "loaded"} and decision.superseded == {"f1"}


def test_a_rejected_file_is_quarantined_and_still_takes_its_path() -> None:
    ledger = LedgerRows(status={"f1": "loaded"}, path_owner={"a.txt": "f1"}, loaded_text={})
    decision = decide_batch([_file("a.txt", "f2", None)], [], ledger)
    assert decision.status == {"f2": "quarantined"} and decision.superseded == {"f1"}


def test_known_bytes_back_at_a_path_are_reinstated_and_replace_what_it_held() -> None:
    ledger = LedgerRows(
        status={"v1": "superseded", "v2": "loaded"},
        path_owner={"a.txt": "v2"},
        loaded_text={},
    )
    decision = decide_batch([], [KnownFile("a.txt", "v1", 10, 0)], ledger)
    assert decision.reinstated == ["v1"] and decision.superseded == {"v2"}
    assert decision.copies == 1  # a.txt did not hold v1's bytes: another name, not unchanged
    # Known bytes at the path they already own change nothing.
    same = decide_batch([], [KnownFile("a.txt", "v2", 10, 0)], ledger)
    assert same.reinstated == [] and same.superseded == set() and same.copies == 0
