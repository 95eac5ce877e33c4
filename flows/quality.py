"""Data-quality checks on a batch before it is loaded, with severities from the policy file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import polars as pl
import yaml

__all__ = ["CheckOutcome", "run_checks"]

POLICY_FILE = Path(__file__).with_name("quality_policy.yaml")
DQ_RESULTS = pl.Schema(
    {
        "run_id": pl.String(),
        "check_name": pl.String(),
        "table_name": pl.String(),
        "severity": pl.String(),
        "passed": pl.Boolean(),
        "n_failed": pl.Int32(),
        "details": pl.String(),
    }
)
_EXAMPLES = 5


@dataclass(slots=True)
class CheckOutcome:
    results: pl.DataFrame
    rejected_articles: dict[str, str] = field(default_factory=dict)  # article_id -> check


@cache
def _policy() -> dict[str, dict[str, str]]:
    policy: dict[str, dict[str, str]] = yaml.safe_load(POLICY_FILE.read_text("utf-8"))["checks"]
    return policy


# Each check returns the failing rows' keys (article_id for both tables).
_CHECKS: dict[str, Callable[[pl.DataFrame, pl.DataFrame], pl.Series]] = {
    "articles_body_not_empty": lambda a, p: a.filter(
        pl.col("body").str.strip_chars().str.len_chars() == 0
    )["article_id"],
    "articles_unique_id": lambda a, p: a.filter(pl.col("article_id").is_duplicated())["article_id"],
    "articles_kind_in_set": lambda a, p: a.filter(~pl.col("kind").is_in(["main", "related"]))[
        "article_id"
    ],
    "articles_outlet_parsed": lambda a, p: a.filter(pl.col("outlet").is_null())["article_id"],
    "articles_title_present": lambda a, p: a.filter(
        pl.col("title").is_null() & ~pl.col("title_is_derived")
    )["article_id"],
    "articles_published_not_future": lambda a, p: a.filter(
        pl.col("published_at") > pl.col("captured_at")
    )["article_id"],
    "paragraphs_article_exists": lambda a, p: p.filter(
        ~pl.col("article_id").is_in(a["article_id"].implode())
    )["article_id"],
    "paragraphs_kind_in_set": lambda a, p: p.filter(
        ~pl.col("kind").is_in(["text", "heading", "bullet"])
    )["article_id"],
    "paragraphs_unique_id": lambda a, p: p.filter(pl.col("paragraph_id").is_duplicated())[
        "article_id"
    ],
}


def run_checks(articles: pl.DataFrame, paragraphs: pl.DataFrame, run_id: str) -> CheckOutcome:
    outcome_rows = []
    rejected: dict[str, str] = {}
    for name, rule in _policy().items():
        failing = _CHECKS[name](articles, paragraphs).unique(maintain_order=True)
        examples = ", ".join(str(v) for v in failing.head(_EXAMPLES).to_list())
        outcome_rows.append(
            {
                "run_id": run_id,
                "check_name": name,
                "table_name": rule["table"],
                "severity": rule["severity"],
                "passed": failing.len() == 0,
                "n_failed": failing.len(),
                "details": f"e.g. {examples}" if examples else None,
            }
        )
        if rule["severity"] == "error":
            for article in failing.to_list():
                rejected.setdefault(article, name)
    return CheckOutcome(pl.DataFrame(outcome_rows, schema=DQ_RESULTS), rejected)
