"""A batch's load frames: built from its files and the decisions about them, then trimmed
by the data-quality outcome. Pure; flows/shaping.py reads the ledger rows and the earlier
copies these need and runs the checks between the two steps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import polars as pl

from transforms.derived import Derived, with_actor_frames
from transforms.frames import (
    FILE_PATHS,
    QUARANTINE,
    article_id,
    batch_frames,
    outlet_frame,
    signature_frames,
    site_lines_frame,
)
from transforms.incoming import EARLIER_COPIES, FILE_IDS
from transforms.ledger import BatchDecision
from transforms.near_duplicates import Candidate, Link, signature
from transforms.outlets import OutletRegistry
from transforms.records import KnownFile, SourceFile
from transforms.site_chrome import PageLines

__all__ = ["NearDuplicates", "after_checks", "load_frames_for", "new_candidates", "signed"]


@dataclass(frozen=True, slots=True)
class NearDuplicates:
    """The batch's new articles' signatures and band keys, and the links clustering made."""

    signatures: pl.DataFrame
    bands: pl.DataFrame
    links: Mapping[str, Link] = field(default_factory=dict)
    stories: Mapping[str, str] = field(default_factory=dict)


def new_candidates(
    files: Sequence[SourceFile], status: Mapping[str, str], computed: Mapping[str, list[int]]
) -> list[Candidate]:
    """The articles of the files that load, with their MinHash (workers computed most
    beside extraction; the rest are made here)."""
    new: list[Candidate] = []
    for source in files:
        if status[source.file_id] != "loaded" or source.extraction is None:
            continue
        for article in source.extraction.articles:
            aid = article_id(source.file_id, article.position)
            minhash = (
                np.asarray(computed[aid], dtype=np.uint64)
                if aid in computed
                else signature(article.body)
            )
            new.append(Candidate(aid, article.outlet, minhash))
    return new


def signed(new: Sequence[Candidate]) -> NearDuplicates:
    signatures, bands = signature_frames([c.article_id for c in new], [c.minhash for c in new])
    return NearDuplicates(signatures, bands)


def load_frames_for(
    files: list[SourceFile],
    known: Sequence[KnownFile],
    decision: BatchDecision,
    near: NearDuplicates,
    derived: Derived,
    site_lines: Mapping[str, PageLines],
    run_id: str,
    now: datetime,
) -> dict[str, pl.DataFrame]:
    """Every incoming_* frame of the batch, before its articles are checked."""
    frames = batch_frames(files, decision, near.links, near.signatures, run_id, now)
    frames["incoming_bands"] = near.bands
    # A page's lines count towards its site's chrome once it loads (not a duplicate's).
    counted = [p for f, p in site_lines.items() if decision.status.get(f) == "loaded"]
    frames["incoming_site_lines"] = site_lines_frame(counted, now)
    frames = with_actor_frames(frames, derived)
    frames["incoming_derived"] = frames["incoming_derived"].with_columns(
        derived_at=pl.lit(now, dtype=pl.Datetime("us", "UTC"))
    )
    frames["incoming_articles"] = frames["incoming_articles"].with_columns(
        story_group=pl.col("article_id").replace_strict(
            dict(near.stories), default=None, return_dtype=pl.String
        )
    )
    seen_again = pl.DataFrame(
        [(k.path, k.file_id, k.size_bytes, k.mtime_ns, now) for k in known],
        schema=FILE_PATHS,
        orient="row",
    )
    frames["incoming_file_paths"] = pl.concat([frames["incoming_file_paths"], seen_again])
    frames["incoming_reinstated"] = pl.DataFrame({"file_id": decision.reinstated}, schema=FILE_IDS)
    return frames


def after_checks(
    frames: dict[str, pl.DataFrame],
    rejected: Mapping[str, str],
    near: NearDuplicates,
    outlets: OutletRegistry,
    run_id: str,
    now: datetime,
) -> dict[str, pl.DataFrame]:
    """The frames with the articles an error-severity check rejected moved to quarantine,
    and what follows from the articles that load: their band keys, outlets and the labels
    of the earlier copies they joined."""
    if rejected:
        frames = _quarantined(frames, rejected, run_id, now)
    loading = frames["incoming_articles"]["article_id"]
    frames["incoming_bands"] = frames["incoming_bands"].filter(
        pl.col("article_id").is_in(loading.implode())
    )
    frames["incoming_outlets"] = outlet_frame(
        outlets, frames["incoming_articles"]["outlet"].drop_nulls().unique().to_list()
    )
    frames["incoming_earlier_copies"] = _earlier_copies(near, set(loading.to_list()))
    return frames


def _earlier_copies(near: NearDuplicates, loading: set[str]) -> pl.DataFrame:
    """Labels for already-loaded articles that this batch brought their first copies of.
    Their copies are always new articles: a link to one the gate rejected is dropped."""
    rows = []
    for aid in sorted((near.links.keys() | near.stories.keys()) - loading):
        link = near.links.get(aid)
        if link is not None and link.near_duplicate_of not in loading:
            link = None
        rows.append(
            (aid, link and link.near_duplicate_of, link and link.group, near.stories.get(aid))
        )
    return pl.DataFrame(rows, schema=EARLIER_COPIES, orient="row")


def _quarantined(
    frames: dict[str, pl.DataFrame], rejected: Mapping[str, str], run_id: str, now: datetime
) -> dict[str, pl.DataFrame]:
    ids = pl.Series(list(rejected)).implode()
    articles = frames["incoming_articles"]
    paths = dict(frames["incoming_source_files"].select("file_id", "path").iter_rows())
    rows = [
        {
            "run_id": run_id,
            "file_id": r["file_id"],
            "article_id": r["article_id"],
            "path": paths.get(r["file_id"], ""),
            "reason": rejected[r["article_id"]],
            "detail": "failed an error-severity data-quality check",
            "recorded_at": now,
        }
        for r in articles.filter(pl.col("article_id").is_in(ids)).iter_rows(named=True)
    ]
    keep = ~pl.col("article_id").is_in(ids)
    return {
        **frames,
        "incoming_articles": articles.filter(keep),
        "incoming_paragraphs": frames["incoming_paragraphs"].filter(keep),
        "incoming_signatures": frames["incoming_signatures"].filter(keep),
        "incoming_quarantine": pl.concat(
            [frames["incoming_quarantine"], pl.DataFrame(rows, schema=QUARANTINE)]
        ),
    }
