"""What `newsdesk app` draws: its charts (Altair) and an article's text with its mentions
and quotes marked (HTML)."""

from __future__ import annotations

import html
import itertools
from collections import defaultdict
from datetime import date

import altair as alt
import polars as pl

from newsdesk.explore import Article, Period

__all__ = [
    "article_html", "attention_chart", "default_period", "small_multiples", "top_chart",
]  # fmt: skip

_WIDTH = 560
# Each actor type's colour, the same in every chart and in the article view.
TYPE_COLOURS = {"person": "#1f77b4", "organization": "#ff7f0e", "place": "#2ca02c"}
# A line chart reads as a line up to this many periods; past it the app offers the next
# coarser period first.
MAX_PERIODS = 120
# Counts are whole: a short axis would label ticks at 0.5 as "1" (Vega ignores tickMinStep in
# small facets), so labels other than whole numbers are left blank.
_COUNT_AXIS = alt.Axis(format="d", tickMinStep=1, labelExpr="datum.value % 1 ? '' : datum.label")


def default_period(first: date, last: date) -> Period:
    """The finest period that keeps the date range within MAX_PERIODS points."""
    days = (last - first).days + 1
    if days <= MAX_PERIODS:
        return "day"
    if days / 7 <= MAX_PERIODS:
        return "week"
    return "month"


def attention_chart(frame: pl.DataFrame, *, share: bool, period: Period) -> alt.Chart:
    measure = "share:Q" if share else "n_articles:Q"
    title = "share of the outlets' articles" if share else "articles"
    axis = alt.Axis(format="%") if share else _COUNT_AXIS
    chart: alt.Chart = (
        alt.Chart(frame, title=f"Attention per {period}")
        .mark_line(point=alt.OverlayMarkDef(size=18), interpolate="linear")
        .encode(
            x=alt.X("period:T", title=period),
            y=alt.Y(measure, title=title, axis=axis),
            color=alt.Color("series:N", title=None, legend=alt.Legend(orient="bottom", columns=3)),
            tooltip=["period:T", "series:N", "n_articles:Q", alt.Tooltip("share:Q", format=".1%")],
        )
        .properties(width=_WIDTH, height=260)
    )
    return chart


def small_multiples(frame: pl.DataFrame, title: str) -> alt.FacetChart:
    """One small line chart per series, each with its own integer y axis, every period a
    point (zero when nothing ran): a quiet series is not flattened by a loud one."""
    chart: alt.FacetChart = (
        alt.Chart(frame)
        .mark_line(point=alt.OverlayMarkDef(size=12))
        .encode(
            x=alt.X("period:T", title=None),
            y=alt.Y("n_articles:Q", title=None, axis=_COUNT_AXIS),
            tooltip=["period:T", "series:N", "n_articles:Q"],
        )
        .properties(width=_WIDTH, height=60)
        .facet(
            row=alt.Row("series:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
            title=title,
        )
        .resolve_scale(y="independent")
    )
    return chart


def top_chart(frame: pl.DataFrame, label: str, title: str) -> alt.Chart:
    """Horizontal bars in rank order, the 'other' bar last and grey."""
    colour = (
        alt.Color(
            "type:N", scale=alt.Scale(domain=list(TYPE_COLOURS), range=list(TYPE_COLOURS.values()))
        )
        if "type" in frame.columns
        else alt.value("#4c78a8")
    )
    chart: alt.Chart = (
        alt.Chart(frame, title=title)
        .mark_bar()
        .encode(
            x=alt.X("n_articles:Q", title="articles", axis=_COUNT_AXIS),
            y=alt.Y(f"{label}:N", sort=alt.SortField("rank"), title=None),
            color=alt.condition(alt.datum[label] == "other", alt.value("#bbbbbb"), colour),
            tooltip=[f"{label}:N", "n_articles:Q"],
        )
        .properties(width=260, height=alt.Step(18))
    )
    return chart


def article_html(article: Article, source_link: str = "") -> str:
    """The article's paragraphs with each mention marked (its actor and type on hover) and
    each quotation underlined with its speaker."""
    head = article.header
    mentions: dict[str, list[tuple[int, int, str, str]]] = defaultdict(list)
    for paragraph_id, start, end, actor, kind in article.mentions.iter_rows():
        mentions[paragraph_id].append((start, end, actor, kind))
    quotes: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for paragraph_id, text, speaker in article.quotes.iter_rows():
        quotes[paragraph_id].append((text, speaker))
    facts = " · ".join(
        html.escape(str(v))
        for v in (
            head["outlet"],
            head["coverage_date"],
            ", ".join(head["authors"] or []),
            head["dateline"],
            head["wire"],
            head["language"],
        )
        if v
    )
    parts = [
        f"<h3>{html.escape(head['title'] or '(no title)')}</h3>",
        f"<p class='nd-facts'>{facts}</p>",
        f"<p class='nd-source'>source file: <code>{html.escape(head['path'])}</code> "
        f"{source_link}</p>",
    ]
    for paragraph_id, _, kind, text in article.paragraphs.iter_rows():
        tag = "h4" if kind == "heading" else "p"
        marked = _marked(text, mentions.get(paragraph_id, []), quotes.get(paragraph_id, []))
        parts.append(f"<{tag} class='nd-paragraph'>{marked}</{tag}>")
    return f"<article class='nd-article'>{_STYLE}{''.join(parts)}</article>"


def _marked(
    text: str,
    mentions: list[tuple[int, int, str, str]],
    quotes: list[tuple[str, str | None]],
) -> str:
    # Mentions and quotes may overlap (a name inside a quotation): the text is cut at every
    # edge of either, and each piece is wrapped in what covers it.
    spans: list[tuple[int, int, str]] = []
    for start, end, actor, kind in mentions:
        if 0 <= start < end <= len(text):
            title = html.escape(f"{actor} ({kind})", quote=True)
            spans.append((start, end, f"<mark class='nd-{kind}' title='{title}'>"))
    for quoted, speaker in quotes:
        at = text.find(quoted)
        if at >= 0 and quoted:
            title = html.escape(f"quote: {speaker or 'unattributed'}", quote=True)
            spans.append((at, at + len(quoted), f"<q class='nd-quote' title='{title}'>"))
    edges = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for left, right in itertools.pairwise(edges):
        piece = html.escape(text[left:right])
        for start, end, opening in sorted(spans, key=lambda s: not s[2].startswith("<mark")):
            if start <= left and right <= end:
                closing = "</mark>" if opening.startswith("<mark") else "</q>"
                piece = f"{opening}{piece}{closing}"
        out.append(piece)
    return "".join(out)


_STYLE = """<style>
.nd-article { max-width: 46rem; line-height: 1.5; }
.nd-facts, .nd-source { color: #555; font-size: 0.9rem; }
mark.nd-person { background: #d6e6f5; }
mark.nd-organization { background: #ffe0c2; }
mark.nd-place { background: #d5f0d5; }
q.nd-quote { text-decoration: underline dotted #888; quotes: none; }
</style>"""
