"""A batch's load frames: built from its files and the decisions about them, then trimmed
by the data-quality outcome. Pure; flows/shaping.py reads the ledger rows and the earlier
copies these need and runs the checks between the two steps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
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
from transforms.incoming import CLUSTER_RENAMES, FILE_IDS, NEAR_LABELS, table_schema
from transforms.ledger import BatchDecision
from transforms.near_duplicates import Candidate, Edge, Labels, Member, relabel, signature
from transforms.outlets import OutletRegistry
from transforms.records import KnownFile, SourceFile
from transforms.site_chrome import PageLines

__all__ = [
    "STORED_MEMBERS",
    "NearDuplicates",
    "after_checks",
    "cluster_renames",
    "load_frames_for",
    "loading_edges",
    "new_candidates",
    "relabelled",
    "reset_articles",
    "signed",
]


# The columns of queries/near_duplicate_members: stored articles whose labels may change.
STORED_MEMBERS = pl.Schema({
    "article_id": pl.String(),
    "file_id": pl.String(),
    "outlet": pl.String(),
    "captured_at": pl.Datetime("us", "UTC"),
    "is_current": pl.Boolean(),
    "story": pl.String(),
    "group": pl.String(),
    "copy_of": pl.String(),
    "similarity": pl.Float64(),
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class NearDuplicates:
    """The batch's new articles' signatures and band keys, and the pairs of alike articles
    (new with new or with stored) that their candidates gave."""

    signatures: pl.DataFrame
    bands: pl.DataFrame
    edges: Sequence[Edge] = field(default_factory=list)


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
            new.append(Candidate(aid, minhash))
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
    frames = batch_frames(files, decision, near.signatures, run_id, now)
    frames["incoming_bands"] = near.bands
    # A page's lines count towards its site's chrome once it loads (not a duplicate's).
    counted = [p for f, p in site_lines.items() if decision.status.get(f) == "loaded"]
    frames["incoming_site_lines"] = site_lines_frame(counted, now)
    frames = with_actor_frames(frames, derived)
    frames["incoming_derived"] = frames["incoming_derived"].with_columns(
        derived_at=pl.lit(now, dtype=pl.Datetime("us", "UTC"))
    )
    frames["incoming_articles"] = frames["incoming_articles"].with_columns(
        story_group=pl.lit(None, dtype=pl.String)
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
    outlets: OutletRegistry,
    run_id: str,
    now: datetime,
) -> dict[str, pl.DataFrame]:
    """The frames with the articles an error-severity check rejected moved to quarantine,
    and what follows from the articles that load: their band keys and outlets."""
    if rejected:
        frames = _quarantined(frames, rejected, run_id, now)
    loading = frames["incoming_articles"]["article_id"]
    frames["incoming_bands"] = frames["incoming_bands"].filter(
        pl.col("article_id").is_in(loading.implode())
    )
    frames["incoming_outlets"] = outlet_frame(
        outlets, frames["incoming_articles"]["outlet"].drop_nulls().unique().to_list()
    )
    return frames


def loading_edges(frames: Mapping[str, pl.DataFrame], near: NearDuplicates) -> list[Edge]:
    """The batch's pairs without the articles the checks rejected."""
    new = set(near.signatures["article_id"].to_list())
    loading = set(frames["incoming_articles"]["article_id"].to_list())
    return [
        e
        for e in near.edges
        if (e.article_id in loading or e.article_id not in new)
        and (e.other_id in loading or e.other_id not in new)
    ]


def reset_articles(stored: pl.DataFrame, decision: BatchDecision) -> set[str]:
    """Stored articles whose clusters are worked out again from their pairs: every article of
    a story that this batch takes an article from (its file superseded) or gives one back
    to (its file reinstated). stored: the rows of queries/near_duplicate_members."""
    changed = decision.superseded | set(decision.reinstated)
    named = stored.filter(pl.col("file_id").is_in(list(changed)))
    stories = named["story"].drop_nulls().unique().implode()
    return set(
        stored.filter(pl.col("story").is_in(stories) | pl.col("file_id").is_in(list(changed)))[
            "article_id"
        ].to_list()
    )


def cluster_renames(stored: pl.DataFrame, near_labels: pl.DataFrame) -> pl.DataFrame:
    """The copy groups and stories relabelling renames (joined to another, or given an
    older first article), by the stored article each is named after: every other article
    of the cluster follows its name (sql/load/044), however many there are. stored:
    queries/near_duplicate_members rows, which hold each touched cluster's named article;
    near_labels: relabelled's incoming_near_labels."""
    after = near_labels.join(stored.select("article_id", "group", "story"), on="article_id")
    renamed = [
        after.filter(
            pl.col(old).eq(pl.col("article_id")) & pl.col(new).ne_missing(pl.col(old))
        ).select(
            kind=pl.lit(kind), old_label=pl.col(old), new_label=pl.col(new)
        )
        for kind, old, new in (
            ("group", "group", "near_duplicate_group"), ("story", "story", "story_group")
        )
    ]  # fmt: skip
    return pl.concat(renamed).cast(CLUSTER_RENAMES).sort(pl.all())


def relabelled(
    frames: dict[str, pl.DataFrame],
    stored: pl.DataFrame,
    decision: BatchDecision,
    edges: Sequence[Edge],
    reset: set[str],
    reset_edges: Sequence[Edge],
) -> dict[str, pl.DataFrame]:
    """The frames with every label the batch sets: the new articles' and the stored
    articles' whose clusters changed, and the new pairs to keep.

    stored: queries/near_duplicate_members rows; edges: the batch's pairs (loading_edges);
    reset: the articles whose clusters are worked out again (reset_articles) from
    reset_edges, their stored pairs."""
    articles = frames["incoming_articles"]
    current = stored.filter(
        (pl.col("is_current") & ~pl.col("file_id").is_in(list(decision.superseded)))
        | pl.col("file_id").is_in(decision.reinstated)
    )
    # Positional rows (a story may hold tens of thousands of articles: dicts cost 3x).
    columns = [f.name for f in fields(Member)]
    old = [Member(*row) for row in current.select(columns).iter_rows()]
    new = [
        Member(aid, outlet, captured_at)
        for aid, outlet, captured_at in articles.select(
            "article_id", "outlet", "captured_at"
        ).iter_rows()
    ]
    labels = relabel([*old, *new], [*edges, *reset_edges], reset) if edges or reset else {}
    # The loading articles' labels only: the stored ones' go into incoming_near_labels.
    loading = {m.article_id: labels[m.article_id] for m in new if m.article_id in labels}
    frames["incoming_articles"] = articles.with_columns(
        **{
            column: pl.col("article_id").replace_strict(
                {aid: getattr(label, column) for aid, label in loading.items()},
                default=None,
                return_dtype=pl.String,
            )
            for column in ("near_duplicate_of", "near_duplicate_group", "story_group")
        }
    )
    changed = [
        (m.article_id, label.near_duplicate_of, label.near_duplicate_group, label.story_group)
        for m in old
        if (label := labels.get(m.article_id, _UNLABELLED)) != Labels(m.copy_of, m.group, m.story)
    ]
    frames["incoming_near_labels"] = pl.DataFrame(changed, schema=NEAR_LABELS, orient="row")
    frames["incoming_cluster_renames"] = pl.DataFrame(schema=CLUSTER_RENAMES)
    frames["incoming_near_duplicate_pairs"] = pl.DataFrame(
        [(e.article_id, e.other_id, e.similarity) for e in edges],
        schema=table_schema("near_duplicate_pairs"),
        orient="row",
    )
    return frames


_UNLABELLED = Labels(None, None, None)


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
