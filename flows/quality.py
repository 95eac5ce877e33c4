"""Data-quality checks with Great Expectations, on each batch before it is loaded.

One expectation suite per table, built from the quality policy (flows/quality_policy.yaml
unless the settings name another file). GX has no polars
backend, so a batch is validated as a pandas frame (only the checked columns are
converted). Error-severity failures name the failing rows, whose articles are quarantined;
warning failures are recorded and shown. Data Docs are built once per run.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from flows.offline_docs import make_offline
from transforms.boilerplate import Boilerplate
from transforms.frames import DROPPED_BLOCKS, WORDS
from transforms.incoming import table_schema
from transforms.records import OUTSIDE_ARTICLE_REASONS

__all__ = ["DQ_RESULTS", "CheckOutcome", "QualityGate", "parse_policy"]

DQ_RESULTS = table_schema("dq_results")
# Rows named per failing check in dq_results.details.
_EXAMPLES = 5
# The key that identifies a failing row's article, per table.
_ROW_KEYS = {"articles": ["article_id"], "paragraphs": ["article_id", "paragraph_id"]}


@dataclass(slots=True)
class CheckOutcome:
    results: pl.DataFrame
    rejected_articles: dict[str, str] = field(default_factory=dict)  # article_id -> check


Policy = dict[str, dict[str, Any]]  # check name -> table, expectation, kwargs, severity


def parse_policy(policy_yaml: bytes, boilerplate: Boilerplate) -> Policy:
    """The checks of a quality policy, with `regex_list: boilerplate` replaced by the
    phrases the boilerplate rules mark as never belonging in a body (each fact kept once,
    there)."""
    checks: Policy = yaml.safe_load(policy_yaml)["checks"]
    for rule in checks.values():
        if rule["kwargs"].get("regex_list") == "boilerplate":
            patterns = list(boilerplate.body_chrome_patterns)
            rule["kwargs"] = {**rule["kwargs"], "regex_list": patterns}
    return checks


class QualityGate:
    """A run's data-quality checks, built once per run and passed to each batch's shaping.

    Great Expectations takes seconds to import, so its suites are built on the first batch
    with new rows (or when `prepare` is called while the process would only wait).
    """

    def __init__(self, docs_dir: Path, policy: Policy) -> None:
        self.docs_dir = docs_dir
        self.policy = policy
        self._suites: _Suites | None = None

    def prepare(self) -> None:
        if self._suites is None:
            self._suites = _Suites(self.docs_dir, self.policy)

    def validate(
        self,
        articles: pl.DataFrame,
        paragraphs: pl.DataFrame,
        run_id: str,
        labels: dict[str, str] | None = None,
        dropped: pl.DataFrame | None = None,
    ) -> CheckOutcome:
        """Run every suite on a batch; labels name articles in dq_results (e.g. 'file#0');
        dropped is the batch's dropped_blocks rows."""
        self.prepare()
        assert self._suites is not None
        return self._suites.validate(articles, paragraphs, run_id, labels or {}, dropped)

    def build_docs(self) -> Path | None:
        """Render this run's validation results; the Data Docs index page, or None when
        nothing was validated."""
        return self._suites.build_docs() if self._suites is not None else None


class _Suites:
    """The GX context, suites and validation definitions for one flow run."""

    def __init__(self, docs_dir: Path, policy: Policy) -> None:
        os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
        logging.getLogger("great_expectations").setLevel(logging.ERROR)
        import great_expectations as gx  # ~3.5 s: imported only when a batch needs checking
        from great_expectations.data_context.types.base import ProgressBarsConfig

        # GX logs at INFO from its own module loggers (a temporary default docs site, ...).
        for name in ("great_expectations", "great_expectations.data_context.types.base"):
            logging.getLogger(name).setLevel(logging.ERROR)
        self.docs_dir = docs_dir
        self._context = gx.get_context(mode="ephemeral")
        self._context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self._context.add_data_docs_site(
            site_name="newsdesk",
            site_config={
                "class_name": "SiteBuilder",
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
            },
        )
        source = self._context.data_sources.add_pandas("newsdesk")
        self._validations: dict[str, Any] = {}
        self._documented: set[str] = set()  # suites with a result stored for Data Docs
        self._checks: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        # Check names are unique across tables.
        self._error_checks = {name for name, rule in policy.items() if rule["severity"] == "error"}
        for table in _ROW_KEYS:
            batch = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(table)
            suite = self._context.suites.add(gx.ExpectationSuite(name=table))
            for name, rule in policy.items():
                if rule["table"] != table:
                    continue
                expectation = _expectation(rule["expectation"], rule["kwargs"], name)
                suite.add_expectation(expectation)
                self._checks.setdefault(table, []).append((name, rule))
            self._validations[table] = self._context.validation_definitions.add(
                gx.ValidationDefinition(name=table, data=batch, suite=suite)
            )

    def validate(
        self,
        articles: pl.DataFrame,
        paragraphs: pl.DataFrame,
        run_id: str,
        labels: dict[str, str],
        dropped: pl.DataFrame | None,
    ) -> CheckOutcome:
        frames = _with_check_columns(articles, paragraphs, dropped)
        rows: list[dict[str, Any]] = []
        rejected: dict[str, str] = {}
        for table, frame in frames.items():
            result = self._run(table, frame.to_pandas())
            by_check = {r.expectation_config.meta["check"]: r for r in result.results}
            for name, rule in self._checks[table]:
                outcome = by_check[name]
                if outcome.exception_info.get("raised_exception"):
                    raise RuntimeError(f"check {name} could not run: {outcome.exception_info}")
                failing = sorted({
                    row["article_id"] for row in outcome.result.get("unexpected_index_list") or []
                })  # fmt: skip
                n_failed = int(outcome.result.get("unexpected_count") or 0)
                rows.append({
                    "run_id": run_id, "check_name": name, "table_name": table,
                    "severity": rule["severity"], "passed": bool(outcome.success),
                    "n_failed": n_failed,
                    "details": _examples(failing, labels),
                })  # fmt: skip
                if rule["severity"] == "error":
                    for article in failing:
                        rejected.setdefault(article, name)
        return CheckOutcome(pl.DataFrame(rows, schema=DQ_RESULTS), rejected)

    def _run(self, table: str, frame: Any) -> Any:
        """One suite on one batch. Data Docs get the run's first batch of each suite and
        every batch where an error-severity check failed (its rows are rejected); other
        batches are validated without storing the result, a third of the cost of a
        validation (dq_results keeps every batch's outcome either way)."""
        from great_expectations.validator.v1_validator import Validator

        definition = self._validations[table]
        parameters = {"dataframe": frame}
        result_format = {
            "result_format": "COMPLETE",
            "unexpected_index_column_names": _ROW_KEYS[table],
        }
        if table in self._documented:
            validator = Validator(
                batch_definition=definition.batch_definition,
                batch_parameters=parameters,
                result_format=result_format,
            )
            result = validator.validate_expectation_suite(definition.suite)
            if not self._failed_an_error_check(result):
                return result
        self._documented.add(table)
        return definition.run(batch_parameters=parameters, result_format=result_format)

    def _failed_an_error_check(self, result: Any) -> bool:
        return any(
            not r.success and r.expectation_config.meta["check"] in self._error_checks
            for r in result.results
        )

    def build_docs(self) -> Path:
        """Render this run's validation results, readable offline; returns the Data Docs
        index page."""
        self._context.build_data_docs(site_names=["newsdesk"])
        make_offline(self.docs_dir)
        return self.docs_dir / "index.html"


def _examples(failing: list[str], labels: dict[str, str]) -> str | None:
    if not failing:
        return None
    shown = ", ".join(labels.get(a, a) for a in failing[:_EXAMPLES])
    more = f" and {len(failing) - _EXAMPLES} more" if len(failing) > _EXAMPLES else ""
    return f"{shown}{more}"


def _expectation(name: str, kwargs: dict[str, Any], check: str) -> Any:
    import great_expectations.expectations as gxe

    class_name = "".join(part.capitalize() for part in name.split("_"))
    return getattr(gxe, class_name)(**kwargs, meta={"check": check})


def _with_check_columns(
    articles: pl.DataFrame, paragraphs: pl.DataFrame, dropped: pl.DataFrame | None = None
) -> dict[str, pl.DataFrame]:
    """The columns the checks read, plus dq_* columns computed for them."""
    # Prose the article finder left outside every article of a file, counted on the file's
    # first article (a rule that ended a body, such as a comment section, is not counted).
    outside = (
        (dropped if dropped is not None else pl.DataFrame(schema=DROPPED_BLOCKS))
        .filter(pl.col("reason").is_in(OUTSIDE_ARTICLE_REASONS))
        .group_by("file_id")
        .agg(dq_prose_outside_words=pl.col("n_words").sum().cast(pl.Int32))
    )
    checked_articles = (
        articles.join(outside, on="file_id", how="left")
        .select(
            "article_id", "kind", "outlet", "title", "body", "n_words", "captured_at",
            "published_at",
            dq_body_chars=pl.col("body").str.strip_chars().str.len_chars(),
            dq_published_year=pl.col("published_at").dt.year(),
            dq_n_words_recount=pl.col("body").str.count_matches(WORDS).cast(pl.Int32),
            dq_prose_outside_words=pl.when(pl.col("position") == 0)
            .then(pl.col("dq_prose_outside_words").fill_null(0))
            .otherwise(0),
        )
    )  # fmt: skip
    checked_paragraphs = paragraphs.select(
        "article_id", "paragraph_id", "kind",
        dq_chars=pl.col("text").str.len_chars(),
        dq_has_article=pl.col("article_id").is_in(articles["article_id"].implode()),
    )  # fmt: skip
    return {"articles": checked_articles, "paragraphs": checked_paragraphs}
