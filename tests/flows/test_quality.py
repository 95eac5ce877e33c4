"""Great Expectations checks: each planted fault is caught with its severity; the rest loads."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest
import yaml

from flows.quality import QualityGate, parse_policy
from flows.settings import CuratedFiles
from tests.conftest import KNOWLEDGE, SEEDS, run_ingest, warehouse_rows
from transforms.extract import PageContext, extract_text_file
from transforms.frames import SIGNATURES, batch_frames
from transforms.ledger import LedgerRows, decide_batch
from transforms.records import SourceFile

NOW = datetime(2025, 8, 16, 12, tzinfo=UTC)
POLICY_YAML = CuratedFiles().quality_policy.read_bytes()
POLICY = parse_policy(POLICY_YAML, KNOWLEDGE.boilerplate)


@pytest.fixture(scope="module")
def gate(tmp_path_factory: pytest.TempPathFactory) -> QualityGate:
    return QualityGate(tmp_path_factory.mktemp("docs"), POLICY)


@pytest.fixture(scope="module")
def clean() -> tuple[pl.DataFrame, pl.DataFrame]:
    files = []
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        files.append(
            SourceFile(
                path=path.name, file_id=path.stem.split("_")[1] * 4, size_bytes=len(data),
                mtime_ns=0, captured_at=NOW, captured_at_source="sidecar",
                extraction=extract_text_file(data, PageContext(NOW), KNOWLEDGE),
            )
        )  # fmt: skip
    frames = batch_frames(
        files,
        decide_batch(files, [], LedgerRows({}, {}, {})),
        pl.DataFrame(schema=SIGNATURES),
        "run",
        NOW,
    )
    return frames["incoming_articles"], frames["incoming_paragraphs"]


def failed(outcome_results: pl.DataFrame) -> dict[str, tuple[str, int]]:
    rows = outcome_results.filter(~pl.col("passed"))
    return {r["check_name"]: (r["severity"], r["n_failed"]) for r in rows.iter_rows(named=True)}


def test_policy_names_a_known_severity_for_every_check() -> None:
    assert {rule["severity"] for rule in POLICY.values()} == {"error", "warning"}


def test_the_seeds_fail_only_the_two_expected_warnings(
    gate: QualityGate, clean: tuple[pl.DataFrame, pl.DataFrame]
) -> None:
    outcome = gate.validate(*clean, "run")
    assert failed(outcome.results) == {
        "articles_outlet_parsed": ("warning", 1),
        "articles_title_present": ("warning", 1),
    }
    assert outcome.rejected_articles == {}
    assert outcome.results.height == len(POLICY)


def _plant(articles: pl.DataFrame, index: int, **values: object) -> pl.DataFrame:
    victim = articles["article_id"][index]
    return articles.with_columns(
        pl.when(pl.col("article_id") == victim).then(pl.lit(v)).otherwise(pl.col(k)).alias(k)
        for k, v in values.items()
    )


@pytest.mark.parametrize(
    ("fault", "check"),
    [
        ("empty_body", "articles_body_not_empty"),
        ("future_date", "articles_published_not_after_captured"),
        ("duplicate_key", "articles_unique_id"),
        ("orphan_paragraph", "paragraphs_article_exists"),
        ("wrong_word_count", "articles_n_words_consistent"),
    ],
)
def test_each_planted_fault_is_an_error_that_rejects_only_its_article(
    gate: QualityGate, clean: tuple[pl.DataFrame, pl.DataFrame], fault: str, check: str
) -> None:
    articles, paragraphs = clean
    victim = articles["article_id"][3]
    if fault == "empty_body":
        articles = _plant(articles, 3, body="   ", n_words=0)
    elif fault == "future_date":
        articles = _plant(articles, 3, published_at=NOW + timedelta(days=2))
    elif fault == "duplicate_key":
        articles = pl.concat([articles, articles.slice(3, 1)])
    elif fault == "orphan_paragraph":
        victim = "0000000000000000:9"
        paragraphs = pl.concat([paragraphs, paragraphs.slice(0, 1).with_columns(
            article_id=pl.lit(victim), paragraph_id=pl.lit(victim + ":0")
        )])  # fmt: skip
    elif fault == "wrong_word_count":
        articles = _plant(articles, 3, n_words=1)
    outcome = gate.validate(articles, paragraphs, "run")
    assert failed(outcome.results)[check][0] == "error"
    assert outcome.rejected_articles == {victim: check}


def test_data_docs_keep_each_suites_first_batch_and_every_batch_that_rejects_rows(
    clean: tuple[pl.DataFrame, pl.DataFrame], tmp_path: Path
) -> None:
    gate = QualityGate(tmp_path / "docs", POLICY)
    assert gate.build_docs() is None  # nothing validated: no Great Expectations at all
    articles, paragraphs = clean
    gate.validate(articles, paragraphs, "run")
    assert gate._suites is not None
    stored = gate._suites._context.validation_results_store.list_keys
    assert len(stored()) == 2  # the first batch, both suites
    # A later batch with warnings only: validated, outcome returned, not stored.
    outcome = gate.validate(articles, paragraphs, "run")
    assert failed(outcome.results) and outcome.rejected_articles == {}
    assert len(stored()) == 2
    # A later batch that rejects an article: its failing suite is stored for Data Docs.
    outcome = gate.validate(_plant(articles, 3, n_words=1), paragraphs, "run")
    assert outcome.rejected_articles == {articles["article_id"][3]: "articles_n_words_consistent"}
    assert len(stored()) == 3


def test_chrome_left_in_a_body_is_a_warning_naming_the_article_which_still_loads(
    gate: QualityGate, clean: tuple[pl.DataFrame, pl.DataFrame]
) -> None:
    articles, paragraphs = clean
    body = articles["body"][3] + "\n\nTry Our AI Features today."
    planted = _plant(articles, 3, body=body, n_words=articles["n_words"][3] + 5)
    outcome = gate.validate(planted, paragraphs, "run", {articles["article_id"][3]: "page#0"})
    assert failed(outcome.results)["articles_no_chrome_in_body"] == ("warning", 1)
    details = outcome.results.filter(pl.col("check_name") == "articles_no_chrome_in_body")
    assert details["details"][0] == "page#0"
    assert outcome.rejected_articles == {}


def test_the_chrome_check_reads_its_phrases_from_the_boilerplate_rules() -> None:
    rules = KNOWLEDGE.boilerplate
    marked = [
        r.name
        for r in rules.line_rules
        if "(?i)" + r.pattern.pattern.strip("^$") in rules.body_chrome_patterns
    ]
    assert "ai_features_promo" in marked and "comment_form" in marked
    written = yaml.safe_load(POLICY_YAML)["checks"]["articles_no_chrome_in_body"]["kwargs"]
    assert written["regex_list"] == "boilerplate"
    checked = POLICY["articles_no_chrome_in_body"]["kwargs"]["regex_list"]
    assert checked == list(rules.body_chrome_patterns)


def test_a_chrome_line_inside_a_paragraph_warns_and_the_article_loads(
    seeds_dir: Path, fresh_warehouse: Path, prefect_api: None
) -> None:
    page = seeds_dir / "002_4a31ad2e6b7b95ce.txt"
    page.write_text(
        page.read_text("utf-8").replace(
            "Moscow’s Global Maneuvers", "Moscow’s Global Maneuvers. Try our AI features now."
        ),
        "utf-8",
    )
    summary = run_ingest(seeds_dir, fresh_warehouse)
    assert summary["articles_loaded"] == 11
    assert warehouse_rows(fresh_warehouse, "SELECT path, reason FROM quarantine") == []
    assert warehouse_rows(
        fresh_warehouse,
        "SELECT severity, n_failed FROM dq_results WHERE check_name = 'articles_no_chrome_in_body'",
    ) == [("warning", 1)]
    index = fresh_warehouse.parent / "data_docs" / "index.html"
    assert index.exists() and "articles" in index.read_text("utf-8")
