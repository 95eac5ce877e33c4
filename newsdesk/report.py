"""`newsdesk report`: one static HTML page of coverage charts and tables.

Charts are Vega-Lite specs built with Altair and written with the Vega libraries inlined,
so the page opens with no network. Data comes from the warehouse's views (read-only), and
the charts are the app's (newsdesk/app_views.py) over the whole warehouse: top outlets and
actors with an 'other' bar, one small chart per leading actor and per leading outlet with
every period drawn, and a capped outlet × actor heat map.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from pathlib import Path

import altair as alt
import duckdb
import polars as pl

from flows.warehouse import connect, query
from newsdesk.app_views import default_period, small_multiples, top_chart
from newsdesk.explore import Filters, Warehouse

__all__ = ["write_report"]

# Outlets and actors in the heat map: more cells than this are unreadable.
TOP_HEATMAP = 12
_CHART_WIDTH = 640


def write_report(warehouse: Path, out_dir: Path) -> Path:
    """Write out_dir/index.html and return its path."""
    app = Warehouse(warehouse)
    extent = app.extent()
    period = default_period(extent.first_date, extent.last_date)
    everything = Filters(extent.first_date, extent.last_date)
    by_actor = app.select(everything, per="actor", period=period)
    by_outlet = app.select(everything, per="outlet", period=period)
    with connect(warehouse, analyst=True) as con:
        frames = _frames(con)
    charts = alt.vconcat(
        alt.hconcat(
            top_chart(by_actor.top_outlets, "outlet", "Articles by outlet"),
            top_chart(by_actor.top_actors, "actor", "Most covered actors"),
        ),
        small_multiples(by_actor.attention, f"Most covered actors: articles per {period}"),
        small_multiples(by_outlet.attention, f"Largest outlets: articles per {period}"),
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
        f"</code>, generated {generated}: {extent.n_articles:,} articles from "
        f"{extent.first_date} to {extent.last_date}.</p>"
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
        "heatmap": query(con, "queries/report_outlet_actor", {"top": TOP_HEATMAP}),
        "quotes": query(con, "queries/report_quote_share"),
        "dq": query(con, "queries/report_dq_status"),
        "runs": query(con, "queries/recent_runs"),
    }


def _outlet_actor_heatmap(frame: pl.DataFrame) -> alt.Chart:
    # The share of each outlet's own articles: a large outlet does not paint its whole row
    # dark, and one that never names an actor shows an empty cell, not a missing one.
    chart: alt.Chart = (
        alt.Chart(frame, title="Outlet × actor: share of the outlet's articles naming the actor")
        .mark_rect()
        .encode(
            x=alt.X("actor:N", title=None, sort=alt.SortField("n_actor_articles", "descending")),
            y=alt.Y("outlet:N", title=None, sort=alt.SortField("n_outlet_articles", "descending")),
            color=alt.Color(
                "share:Q",
                title="share",
                scale=alt.Scale(scheme="blues", domainMin=0),
                legend=alt.Legend(format="%"),
            ),
            tooltip=["outlet", "actor", "n_articles", alt.Tooltip("share:Q", format=".1%")],
        )
        .properties(width=_CHART_WIDTH)
    )
    return chart


# Rows of a table before the rest is one line saying how many more: the report is for
# reading; the warehouse has every row.
TABLE_ROWS = 25


def _table_html(title: str, frame: pl.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row) + "</tr>"
        for row in frame.head(TABLE_ROWS).iter_rows()
    )
    if frame.height > TABLE_ROWS:
        rows += (
            f'<tr><td colspan="{frame.width}">… and {frame.height - TABLE_ROWS:,} more rows '
            "in the warehouse</td></tr>"
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
