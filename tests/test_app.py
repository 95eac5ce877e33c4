"""`newsdesk app` in headless Chromium: charts and the article table drawn, a search, an
actor chosen, an article read, a CSV downloaded; no console error, no request off the
machine. Screenshots are kept in .state/test-artefacts/app/."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bench.browser import DEEP, Page, chromium_page, wait_until_serving
from newsdesk.local_server import free_port
from tests.app_corpus import AppCorpus, write_app_corpus
from tests.conftest import ROOT, run_ingest

if TYPE_CHECKING:
    from newsdesk.explore import Filters

ARTEFACTS = ROOT / ".state" / "test-artefacts" / "app"

_MATCHING = "(document.body.innerText.match(/([\\d,]+) of [\\d,]+ articles/) || [])[1]"
_LINES = "deep('.mark-line path').map((p) => p.getAttribute('d')).join('|')"
_LEGEND = "deep('.role-legend-label text').map((t) => t.textContent)"
_TABLE_TEXT = "deep('marimo-table').map((t) => t.shadowRoot.textContent).join('\\n')"


@pytest.fixture(scope="module")
def app_corpus(
    prefect_api: None, tmp_path_factory: pytest.TempPathFactory
) -> tuple[AppCorpus, Path, Path]:
    root = tmp_path_factory.mktemp("app")
    corpus = write_app_corpus(root / "seeds")
    run_ingest(root / "seeds", root / "w.duckdb")
    return corpus, root / "seeds", root / "w.duckdb"


@pytest.fixture
def app_url(app_corpus: tuple[AppCorpus, Path, Path]) -> Iterator[str]:
    _, seeds, warehouse = app_corpus
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newsdesk.cli", "app", "--warehouse", str(warehouse),
         "--seeds-dir", str(seeds), "--port", str(port)],
        cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_serving(url, server)
        yield url
    finally:
        os.killpg(server.pid, signal.SIGINT)  # Ctrl-C, with tabs still open
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
            pytest.fail("Ctrl-C did not stop `newsdesk app` within 15 s")


def _open(page: Page) -> None:
    page.wait_for("document.readyState === 'complete'", 60)
    page.evaluate(DEEP)


def _choose_actor(page: Page, name: str) -> None:
    page.evaluate("deep('marimo-multiselect')[0].shadowRoot.querySelector('button').click(); 1")
    page.wait_for("deep('input[placeholder=\"Search...\"][role=combobox]').length", 10)
    page.evaluate("deep('input[placeholder=\"Search...\"][role=combobox]')[0].focus(); 1")
    page.type_text(name)
    page.wait_for(f"deep('[role=option]').some((o) => o.textContent.startsWith({name!r}))", 10)
    page.press("Enter")
    page.press("Escape")


def _search(page: Page, text: str) -> None:
    page.evaluate("deep('marimo-text')[0].shadowRoot.querySelector('input').focus(); 1")
    page.type_text(text)
    page.press("Enter")


def test_the_app_charts_searches_filters_reads_and_downloads(
    app_corpus: tuple[AppCorpus, Path, Path], app_url: str, chromium: str, tmp_path: Path
) -> None:
    corpus = app_corpus[0]
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    with chromium_page(chromium, app_url, tmp_path / "profile", downloads) as page:
        _open(page)
        # Drawn: the attention lines, the three top-N bar charts and the article table.
        page.wait_for(f"{_MATCHING} === '{corpus.n_articles}'", 60, "the match count")
        page.wait_for("deep('svg.marks').length >= 4 && deep('.mark-line path').length >= 2", 30)
        page.wait_for(f"{_TABLE_TEXT}.includes('Harbour Gazette')", 30, "the article table")
        assert set(page.evaluate(_LEGEND)) >= {corpus.early_person, corpus.late_person}
        before = page.evaluate(_LINES)
        page.screenshot(ARTEFACTS / "1-opened.png")

        # One actor chosen: the lines are that actor's alone, and only its articles match.
        _choose_actor(page, corpus.late_person)
        page.wait_for(f"{_MATCHING} === '{corpus.n_articles // 2}'", 30, "the actor's articles")
        page.wait_for(f"{_LINES} !== {before!r} && deep('.mark-line path').length === 1", 30)
        legend = page.evaluate(_LEGEND)
        assert corpus.late_person in legend and corpus.early_person not in legend
        page.screenshot(ARTEFACTS / "2-actor.png")

        # A phrase search narrows it to the one article holding the phrase.
        _search(page, f'"{corpus.phrase}"')
        page.wait_for(f"{_MATCHING} === '1'", 30, "the search's one article")
        page.wait_for(f"{_TABLE_TEXT}.includes({corpus.phrase_title!r})", 30)

        # Read it: its text, the person's mentions marked, its source file offered.
        page.evaluate("deep('marimo-table')[0].shadowRoot"
                      ".querySelector('tbody [role=checkbox]').click(); 1")  # fmt: skip
        page.wait_for("deep('article.nd-article').length === 1", 30, "the article's text")
        marked = page.evaluate("deep('mark.nd-person').map((m) => m.textContent)")
        assert corpus.late_person in marked
        text = page.evaluate("deep('article.nd-article')[0].innerText")
        assert corpus.phrase in text and "source file" in text
        page.screenshot(ARTEFACTS / "3-article.png")

        # The table on screen as CSV: the one matching article.
        page.evaluate("deep('marimo-download').find((d) => d.shadowRoot.querySelector("
                      "'a[download=\"articles.csv\"]')).shadowRoot.querySelector('a').click(); 1")  # fmt: skip
        deadline = time.monotonic() + 30
        while not (downloads / "articles.csv").exists() and time.monotonic() < deadline:
            page.pump(0.3)
        with (downloads / "articles.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert [r["title"] for r in rows] == [corpus.phrase_title]
        page.pump(1)
        assert page.errors == []
        origin = app_url.rstrip("/")
        remote = [u for u in page.requests
                  if not u.startswith((origin, "data:", "blob:", "about:"))]  # fmt: skip
        assert remote == []


def test_search_terms_are_whole_words_and_phrases_ignoring_case() -> None:
    import re

    from newsdesk.explore import search_keys, search_patterns

    patterns = search_patterns('Harbour  "lighthouse   referendum" U.S.')
    assert len(patterns) == 3
    # The text each pattern needs, which the search looks for before trying the pattern.
    assert search_keys('Harbour  "lighthouse   referendum" U.S.') == [
        "Harbour", "lighthouse", "U.S.",
    ]  # fmt: skip

    def matches(text: str) -> list[bool]:
        return [bool(re.search(f"(?i){p}", text)) for p in patterns]

    assert matches("the HARBOUR board backed the Lighthouse\nreferendum in the U.S.") == [
        True, True, True,
    ]  # fmt: skip
    assert matches("harbours and a lighthouse; a referendum; US") == [False, False, False]
    assert search_patterns('  "" ') == []


def test_one_state_of_the_filters_is_counted_zero_filled_and_capped(
    app_corpus: tuple[AppCorpus, Path, Path],
) -> None:
    from newsdesk.explore import Filters, Warehouse

    corpus, _, warehouse = app_corpus
    app = Warehouse(warehouse)
    choices = app.choices()
    assert (choices.first_date, choices.last_date) == (corpus.first_day, corpus.last_day)
    late = next(v for k, v in choices.actors.items() if k.startswith(corpus.late_person))
    everything = Filters(corpus.first_day, corpus.last_day)
    by_actor = app.select(
        Filters(corpus.first_day, corpus.last_day, actors=(late,)), per="actor", period="day"
    )
    # Every day of the range is a point, zero before the person appears; both outlets ran
    # each of the last four days, out of the two articles each day.
    days = by_actor.attention.sort("period")
    assert days.height == 8 and days["n_articles"].to_list() == [0, 0, 0, 0, 2, 2, 2, 2]
    assert days["share"].to_list() == [0, 0, 0, 0, 1.0, 1.0, 1.0, 1.0]
    by_outlet = app.select(everything, per="outlet", period="week")
    assert set(by_outlet.attention["series"]) == {"Harbour Gazette", "Inland Courier"}
    assert by_outlet.top_outlets["n_articles"].sum() == corpus.n_articles
    searched = app.select(
        Filters(corpus.first_day, corpus.last_day, search=f'"{corpus.phrase}" declined'),
        per="actor", period="day",
    )  # fmt: skip
    assert searched.matched["title"].to_list() == [corpus.phrase_title]
    article = app.article(str(searched.matched["article_id"][0]))
    assert article is not None and corpus.late_person in article.mentions["actor"].to_list()


def test_the_report_stays_readable_on_many_outlets_and_a_gap_in_coverage(
    prefect_api: None, chromium: str, tmp_path: Path
) -> None:
    from newsdesk.report import TABLE_ROWS, write_report
    from tests.test_analysis import _png_pixels

    corpus = write_app_corpus(tmp_path / "seeds", outlets=30, gap_days=10)
    run_ingest(tmp_path / "seeds", tmp_path / "w.duckdb")
    page = write_report(tmp_path / "w.duckdb", tmp_path / "report")
    days = (corpus.last_day - corpus.first_day).days + 1
    with chromium_page(chromium, page.as_uri(), tmp_path / "profile") as tab:
        tab.wait_for("document.querySelectorAll('svg .mark-line path').length >= 2", 60)
        # No axis lists more than ~25 things: 30 outlets become 10 bars and 'other'.
        labels = tab.evaluate("[...document.querySelectorAll('.role-axis-label')]"
                              ".map((g) => g.querySelectorAll('text').length)")  # fmt: skip
        assert labels and max(labels) <= 25
        bars = tab.evaluate("[...document.querySelectorAll('.role-axis-label')].map((g) => "
                            "[...g.querySelectorAll('text')].map((t) => t.textContent))")  # fmt: skip
        assert ["other"] in [axis[-1:] for axis in bars]
        counts = [axis for axis in bars if axis[:1] == ["0"]]  # the count axes
        assert counts and all(t == "" or t.replace(",", "").isdigit() for a in counts for t in a)
        # One small chart per leading actor and outlet, each drawn through every day of the
        # range, the ten days without coverage included (at zero, not bridged by a line).
        points = tab.evaluate("[...document.querySelectorAll('.mark-line path')]"
                              ".map((p) => (p.getAttribute('d').match(/[ML]/g) || []).length)")  # fmt: skip
        assert len(points) == 10 and set(points) == {days}
        rows = tab.evaluate("document.querySelectorAll('table')[0].querySelectorAll('tr').length")
        assert rows == 1 + TABLE_ROWS + 1  # header, the first rows, "… and N more rows"
        tab.screenshot(tmp_path / "report.png")
        assert tab.errors == []
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy2(tmp_path / "report.png", ARTEFACTS / "report-30-outlets.png")
    assert len(set(_png_pixels(tmp_path / "report.png"))) > 50, "the screenshot is blank"


def _own_copy(app_corpus: tuple[AppCorpus, Path, Path], tmp_path: Path) -> tuple[Path, Filters]:
    """A copy of the shared app warehouse a test may write to, and the filters keeping all."""
    from newsdesk.explore import Filters

    corpus, _, shared = app_corpus
    warehouse = tmp_path / "w.duckdb"
    shutil.copy2(shared, warehouse)
    return warehouse, Filters(corpus.first_day, corpus.last_day)


def test_answers_are_kept_until_the_warehouse_changes(
    app_corpus: tuple[AppCorpus, Path, Path], tmp_path: Path
) -> None:
    import duckdb

    from newsdesk.explore import Warehouse

    warehouse, everything = _own_copy(app_corpus, tmp_path)
    app = Warehouse(warehouse)
    first = app.select(everything, per="actor", period="day")
    # A new tab asking the same: the kept answer, no query.
    assert Warehouse(warehouse).select(everything, per="actor", period="day") is first
    # An ingest writes: the next answer reads the warehouse again.
    newest = first.matched["article_id"][0]
    with duckdb.connect(str(warehouse)) as con:
        con.execute("UPDATE articles SET title = 'Retitled' WHERE article_id = ?", [newest])
    again = app.select(everything, per="actor", period="day")
    assert again is not first
    assert again.matched.filter(article_id=newest)["title"].to_list() == ["Retitled"]


def test_a_warehouse_from_before_the_numbers_and_index_is_refused_until_a_run_updates_it(
    app_corpus: tuple[AppCorpus, Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import duckdb

    from flows import ingest
    from flows.warehouse import WarehouseOutdated, apply_schema
    from newsdesk.explore import Warehouse, forget_answers

    warehouse, everything = _own_copy(app_corpus, tmp_path)
    corpus = app_corpus[0]
    searching = replace(everything, search=f'"{corpus.phrase}" declined')
    current = Warehouse(warehouse).select(everything, per="actor", period="day")
    found = Warehouse(warehouse).select(searching, per="actor", period="day").matched
    assert found.height == 1
    # As an earlier version left it: no article or actor numbers, no search index.
    with duckdb.connect(str(warehouse)) as con:
        con.execute("DROP TABLE article_words")
        con.execute("DROP TABLE word_index_backlog")
        con.execute("ALTER TABLE article_actors DROP COLUMN article_no")
        con.execute("ALTER TABLE article_actors DROP COLUMN actor_no")
        con.execute("ALTER TABLE articles DROP COLUMN article_no")
        con.execute("DROP TABLE actor_keys")
    forget_answers()
    with pytest.raises(WarehouseOutdated, match=r"article_actors\.article_no.*newsdesk ingest"):
        Warehouse(warehouse).select(everything, per="actor", period="day")
    # What a run does first: the numbers are given once, and every article is listed for
    # the search index, which the app waits for rather than search part of them ...
    with duckdb.connect(str(warehouse)) as con:
        apply_schema(con)
        (n_articles,) = con.execute("SELECT count(*) FROM articles").fetchone() or (0,)
    forget_answers()
    with pytest.raises(WarehouseOutdated, match=f"article_words of {n_articles:,} articles"):
        Warehouse(warehouse).select(everything, per="actor", period="day")
    # ... until the run has indexed them, a few per transaction here: then every answer is
    # that of before.
    monkeypatch.setattr(ingest, "INDEX_CHUNK_ARTICLES", 3)
    with duckdb.connect(str(warehouse)) as con:
        assert ingest.index_word_backlog(con) == n_articles
        assert con.execute("SELECT count(*) FROM word_index_backlog").fetchone() == (0,)
    forget_answers()
    migrated = Warehouse(warehouse).select(everything, per="actor", period="day")
    assert migrated.top_actors.equals(current.top_actors)
    assert migrated.co_mentioned.equals(current.co_mentioned)
    assert migrated.attention.equals(current.attention)
    assert Warehouse(warehouse).select(searching, per="actor", period="day").matched.equals(found)
