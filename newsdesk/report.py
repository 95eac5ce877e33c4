"""`newsdesk report`: one static HTML page of coverage charts and tables.

Charts are Vega-Lite specs built with Altair and written with the Vega libraries inlined,
so the page opens with no network. Data comes from the warehouse's views (read-only).
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import altair as alt
import duckdb
import polars as pl

from flows.warehouse import connect, query

__all__ = ["write_report"]

# Actors drawn in the time series and the heat map: more is unreadable.
TOP_ACTORS_TIMELINE = 6
TOP_ACTORS_HEATMAP = 12
_CHART_WIDTH = 640


def write_report(warehouse: Path, out_dir: Path) -> Path:
    """Write out_dir/index.html and return its path."""
    with connect(warehouse, analyst=True) as con:
        frames = _frames(con)
    charts = alt.vconcat(
        _outlet_bars(frames["outlets"]),
        _actor_timeline(frames["timeline"]),
        _outlet_actor_heatmap(frames["heatmap"]),
    ).properties(title="newsdesk coverage")
    # SVG rather than canvas: the marks are in the page's DOM, where tests can see them drawn.
    page = charts.to_html(inline=True, embed_options={"renderer": "svg", "actions": False})
    tables = "\n".join(
        _table_html(title, frames[key])
        for title, key in (
            ("Coverage by outlet", "outlets"),
            ("Quote share: most quoted speakers per outlet", "quotes"),
            ("Data quality: checks of the last run that checked rows", "dq"),
            ("Run history", "runs"),
        )
    )
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = (
        f"<h1>newsdesk coverage report</h1><p>Warehouse <code>{html.escape(str(warehouse))}"
        f"</code>, generated {generated}.</p>"
    )
    # The inlined Vega bundles contain the strings "<body>" and "</body>": splice the page's
    # own header and tables after the last </head> and before the last </body>.
    head, _, body = page.rpartition("</head>")
    body = body.replace("<body>", f"<body>\n{_STYLE}\n{header}", 1)
    before, _, after = body.rpartition("</body>")
    page = f"{head}</head>{before}{tables}\n</body>{after}"
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    target.write_text(page, "utf-8")
    return target


def _frames(con: duckdb.DuckDBPyConnection) -> dict[str, pl.DataFrame]:
    return {
        "outlets": con.execute(
            "SELECT * FROM coverage_by_outlet ORDER BY n_articles DESC, outlet"
        ).pl(),
        "timeline": query(con, "queries/report_actor_timeline", {"top": TOP_ACTORS_TIMELINE}),
        "heatmap": query(con, "queries/report_outlet_actor", {"top": TOP_ACTORS_HEATMAP}),
        "quotes": query(con, "queries/report_quote_share"),
        "dq": query(con, "queries/report_dq_status"),
        "runs": query(con, "queries/recent_runs"),
    }


def _outlet_bars(frame: pl.DataFrame) -> alt.Chart:
    chart: alt.Chart = (
        alt.Chart(frame, title="Articles by outlet")
        .mark_bar()
        .encode(
            x=alt.X("n_articles:Q", title="articles"),
            y=alt.Y("outlet:N", sort="-x", title=None),
            tooltip=["outlet", "n_articles", "n_paragraphs", "n_words", "first_date", "last_date"],
        )
        .properties(width=_CHART_WIDTH)
    )
    return chart


def _actor_timeline(frame: pl.DataFrame) -> alt.Chart:
    chart: alt.Chart = (
        alt.Chart(frame, title=f"Top {TOP_ACTORS_TIMELINE} people: articles per day")
        .mark_line(point=True)
        .encode(
            x=alt.X("coverage_date:T", title="coverage date"),
            y=alt.Y("n_articles:Q", title="articles"),
            color=alt.Color("actor:N", title="actor"),
            tooltip=["coverage_date", "actor", "n_articles"],
        )
        .properties(width=_CHART_WIDTH)
    )
    return chart


def _outlet_actor_heatmap(frame: pl.DataFrame) -> alt.Chart:
    chart: alt.Chart = (
        alt.Chart(frame, title="Outlet × actor: articles mentioning the actor")
        .mark_rect()
        .encode(
            x=alt.X("actor:N", title=None, sort="-color"),
            y=alt.Y("outlet:N", title=None),
            color=alt.Color("n_articles:Q", title="articles", scale=alt.Scale(scheme="blues")),
            tooltip=["outlet", "actor", "n_articles", "n_mentions"],
        )
        .properties(width=_CHART_WIDTH)
    )
    return chart


def _table_html(title: str, frame: pl.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in frame.iter_rows()
    )
    body = rows or f'<tr><td colspan="{max(1, frame.width)}">none</td></tr>'
    return f"<h2>{html.escape(title)}</h2><table><tr>{head}</tr>{body}</table>"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


_STYLE = """<style>
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin-bottom: 2rem; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; }
th { background: #f3f3f3; }
</style>"""
