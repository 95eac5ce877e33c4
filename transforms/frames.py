"""Records of a batch as polars frames shaped like the warehouse tables (bulk loads)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

import numpy as np
import polars as pl

from transforms.incoming import table_schema
from transforms.ledger import BatchDecision
from transforms.near_duplicates import NUM_PERM, SIGNATURE_SCHEME, band_keys
from transforms.outlets import OutletRegistry
from transforms.records import Article, SourceFile
from transforms.site_chrome import PageLines
from transforms.text_shape import STORED_WORDS

__all__ = ["article_id", "batch_frames", "outlet_frame", "paragraph_id", "site_lines_frame"]

# Each frame a load statement reads has its table's columns (the DDL is their one source);
# the columns left out are filled by the statements or a later step.
SOURCE_FILES = table_schema("source_files", without={"superseded_at"})
SITE_LINES = table_schema("site_lines")
ARTICLES = table_schema("articles", without={"story_group", "article_no"})
DROPPED_BLOCKS = table_schema("dropped_blocks")
PARAGRAPHS = table_schema("paragraphs")
FILE_PATHS = table_schema("file_paths")
QUARANTINE = table_schema("quarantine")
SUPERSEDED = pl.Schema({"file_id": SOURCE_FILES["file_id"]})  # the files a batch replaces
SIGNATURES = table_schema("article_signatures")
BANDS = table_schema("article_bands")


def article_id(file_id: str, position: int) -> str:
    # 64 bits of the content hash: short to read, and a collision needs ~4 billion files.
    return f"{file_id[:16]}:{position}"


def paragraph_id(article: str, position: int) -> str:
    return f"{article}:{position}"


# Words as text_shape defines them, counted by polars for every paragraph at once; the
# data-quality recount of article bodies uses the same definition.
WORDS = STORED_WORDS


def batch_frames(
    files: list[SourceFile],
    decision: BatchDecision,
    signatures: pl.DataFrame,
    run_id: str,
    now: datetime,
) -> dict[str, pl.DataFrame]:
    """The incoming_* frames that sql/load/ statements insert, in one transaction."""
    source_rows: list[dict[str, object]] = []
    article_rows: list[dict[str, object]] = []
    paragraph_columns: dict[str, list[object]] = {
        "paragraph_id": [], "article_id": [], "position": [], "kind": [], "text": []
    }  # fmt: skip
    path_rows: list[dict[str, object]] = []
    quarantine_rows: list[dict[str, object]] = []
    dropped_rows: list[tuple[str, str, int, str, str]] = []
    for source in files:
        status = decision.status[source.file_id]
        extraction = source.extraction
        source_rows.append(
            {
                "file_id": source.file_id,
                "path": source.path,
                "size_bytes": source.size_bytes,
                "format": extraction.format if extraction else None,
                "encoding": extraction.encoding if extraction else None,
                "text_sha256": extraction.text_sha256 if extraction else None,
                "url": source.url,
                "captured_at": source.captured_at,
                "captured_at_source": source.captured_at_source,
                "first_seen_at": now,
                "run_id": run_id,
                "status": status,
                "duplicate_of": decision.duplicate_of.get(source.file_id),
            }
        )
        path_rows.append(
            {
                "path": source.path,
                "file_id": source.file_id,
                "size_bytes": source.size_bytes,
                "mtime_ns": source.mtime_ns,
                "seen_at": now,
            }
        )
        if source.rejection is not None:
            quarantine_rows.append(
                {
                    "run_id": run_id,
                    "file_id": source.file_id,
                    "article_id": None,
                    "path": source.path,
                    "reason": source.rejection.reason,
                    "detail": source.rejection.detail,
                    "recorded_at": now,
                }
            )
        if status != "loaded" or extraction is None:
            continue
        dropped_rows += [(source.file_id, run_id, *block) for block in extraction.dropped]
        for article in extraction.articles:
            aid = article_id(source.file_id, article.position)
            article_rows.append(_article_row(article, aid, source, run_id))
            for i, p in enumerate(article.paragraphs):
                paragraph_columns["paragraph_id"].append(paragraph_id(aid, i))
                paragraph_columns["article_id"].append(aid)
                paragraph_columns["position"].append(i)
                paragraph_columns["kind"].append(p.kind)
                paragraph_columns["text"].append(p.text)
    paragraphs = pl.DataFrame(
        paragraph_columns, schema={k: PARAGRAPHS[k] for k in paragraph_columns}
    ).with_columns(n_words=pl.col("text").str.count_matches(WORDS).cast(pl.Int32))
    words = paragraphs.group_by("article_id").agg(pl.col("n_words").sum().cast(pl.Int32))
    articles = (
        pl.DataFrame(article_rows, schema={k: v for k, v in ARTICLES.items() if k != "n_words"})
        .join(words, on="article_id", how="left", maintain_order="left")
        .with_columns(pl.col("n_words").fill_null(0))
        .select(ARTICLES.names())
    )
    return {
        "incoming_source_files": pl.DataFrame(source_rows, schema=SOURCE_FILES),
        "incoming_articles": articles,
        "incoming_paragraphs": paragraphs.select(PARAGRAPHS.names()),
        "incoming_file_paths": pl.DataFrame(path_rows, schema=FILE_PATHS),
        "incoming_quarantine": pl.DataFrame(quarantine_rows, schema=QUARANTINE),
        "incoming_superseded": pl.DataFrame(
            [{"file_id": f} for f in sorted(decision.superseded)], schema=SUPERSEDED
        ),
        "incoming_signatures": signatures,
        "incoming_dropped_blocks": pl.DataFrame(
            dropped_rows,
            schema={k: v for k, v in DROPPED_BLOCKS.items() if k != "n_words"},
            orient="row",
        )
        .with_columns(n_words=pl.col("text").str.count_matches(WORDS).cast(pl.Int32))
        .select(DROPPED_BLOCKS.names()),
    }


def site_lines_frame(pages: Sequence[PageLines], now: datetime) -> pl.DataFrame:
    """One row per distinct line of these pages' sites: on how many of the pages it is."""
    counts: Counter[int] = Counter()
    spelling: dict[int, tuple[str, str]] = {}
    for page in pages:
        counts.update(page.lines.keys())
        for key, line in page.lines.items():
            spelling.setdefault(key, (page.site, line))
    return pl.DataFrame(
        {
            "line_key": list(counts),
            "site": [spelling[k][0] for k in counts],
            "line": [spelling[k][1] for k in counts],
            "files": list(counts.values()),
            "last_seen_at": [now] * len(counts),
        },
        schema=SITE_LINES,
    )


def signature_frames(
    ids: list[str], minhashes: Sequence[np.ndarray]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The articles' signatures (one row each) and LSH band keys (one row per band), as the
    warehouse stores them; minhashes in the order of ids."""
    matrix = np.array(minhashes, dtype=np.uint64).reshape(len(ids), NUM_PERM)
    keys = band_keys(matrix)
    n_bands = keys.shape[1]
    signatures = pl.DataFrame(
        {
            "article_id": pl.Series(ids, dtype=pl.String),
            "minhash": pl.Series(matrix).cast(pl.List(pl.UInt64)),
            "scheme": pl.Series([SIGNATURE_SCHEME] * len(ids), dtype=pl.String),
        },
        schema=SIGNATURES,
    )
    bands = pl.DataFrame(
        {
            "article_id": pl.Series(ids, dtype=pl.String).gather(
                np.repeat(np.arange(len(ids)), n_bands)
            ),
            "band": np.tile(np.arange(n_bands, dtype=np.uint8), len(ids)),
            "band_key": keys.ravel(),
        },
        schema=BANDS,
    )
    return signatures, bands


def outlet_frame(registry: OutletRegistry, seen: list[str]) -> pl.DataFrame:
    """Every curated outlet, plus outlets first seen on pages (not curated, no aliases)."""
    rows = [
        {"outlet_id": _slug(name), "name": name, "aliases": list(aliases), "is_curated": True}
        for name, aliases in registry.outlets.items()
    ]
    curated = set(registry.outlets)
    rows += [
        {"outlet_id": _slug(name), "name": name, "aliases": [], "is_curated": False}
        for name in sorted(set(seen) - curated)
    ]
    return pl.DataFrame(
        rows,
        schema={
            "outlet_id": pl.String(),
            "name": pl.String(),
            "aliases": pl.List(pl.String()),
            "is_curated": pl.Boolean(),
        },
    ).unique("outlet_id", keep="first", maintain_order=True)


def _article_row(article: Article, aid: str, source: SourceFile, run_id: str) -> dict[str, object]:
    published = article.published_at
    coverage = published or source.captured_at
    return {
        "article_id": aid,
        "file_id": source.file_id,
        "position": article.position,
        "kind": article.kind,
        "title": article.title,
        "subtitle": article.subtitle,
        "outlet": article.outlet,
        "outlet_source": article.outlet_source,
        "wire": article.wire,
        "authors": list(article.authors),
        "dateline": article.dateline,
        "relative_time": article.relative_time,
        "published_at": published,
        "published_at_source": article.published_at_source,
        "captured_at": source.captured_at,
        "coverage_date": coverage.date(),
        "coverage_date_source": "published_at" if published else "captured_at",
        "body": article.body,
        "n_paragraphs": len(article.paragraphs),
        # Labelled once the batch's checks have said which articles load.
        "near_duplicate_of": None,
        "near_duplicate_group": None,
        "is_current": True,
        "run_id": run_id,
        "language": article.language,
    }


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.casefold()).split())
