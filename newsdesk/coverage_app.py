"""The `newsdesk app` page: a marimo app over the warehouse (read-only).

Filters at the top; attention over time, the top outlets and actors, and the matching
articles below; a chosen article's text with its mentions and quotes marked at the end.
"""

import marimo

__generated_with = "0.25.2"
app = marimo.App(width="full", app_title="newsdesk")


@app.cell
def _():
    import io
    from pathlib import Path

    import altair as alt
    import marimo as mo

    from flows.settings import Settings
    from newsdesk.app_views import article_html, attention_chart, default_period, top_chart
    from newsdesk.explore import Filters, Warehouse

    # SVG, not canvas: each mark is an element a test or a screen reader can find.
    alt.renderers.set_embed_options(renderer="svg")
    settings = Settings.from_env()
    warehouse = Warehouse(settings.warehouse)
    choices = warehouse.choices()
    return (
        Filters,
        Path,
        article_html,
        attention_chart,
        choices,
        default_period,
        io,
        mo,
        settings,
        top_chart,
        warehouse,
    )


@app.cell
def _(choices, default_period, mo):
    actors = mo.ui.multiselect(options=choices.actors, label="Actors", full_width=True)
    outlets = mo.ui.multiselect(options=choices.outlets, label="Outlets", full_width=True)
    dates = mo.ui.date_range(
        start=choices.first_date,
        stop=choices.last_date,
        value=(choices.first_date, choices.last_date),
        label="Coverage dates",
    )
    language = mo.ui.dropdown(
        options={"any": None, **{code: code for code in choices.languages}},
        value="any",
        label="Language",
    )
    copies = mo.ui.dropdown(
        options={
            "any": "any",
            "wire copy": "wire",
            "not wire copy": "own",
            "run by 2+ outlets": "syndicated",
        },
        value="any",
        label="Copies",
    )
    search = mo.ui.text(placeholder='words or "a phrase"', label="Search the text", full_width=True)
    per = mo.ui.radio(
        options={"actor": "actor", "outlet": "outlet"},
        value="actor",
        inline=True,
        label="Lines per",
    )
    period = mo.ui.radio(
        options=["day", "week", "month"],
        value=default_period(choices.first_date, choices.last_date),
        inline=True,
        label="Period",
    )
    measure = mo.ui.radio(
        options=["articles", "share"], value="articles", inline=True, label="Measure"
    )
    mo.vstack(
        [
            mo.md(f"# newsdesk · {choices.n_articles:,} articles"),
            mo.hstack([search, dates], widths=[2, 1]),
            mo.hstack([actors, outlets], widths=[1, 1]),
            mo.hstack([language, copies, per, period, measure], justify="start", gap=2),
        ]
    )
    return actors, copies, dates, language, measure, outlets, per, period, search


@app.cell
def _(Filters, actors, copies, dates, language, outlets, per, period, search, warehouse):
    filters = Filters(
        date_from=dates.value[0],
        date_to=dates.value[1],
        outlets=tuple(outlets.value),
        actors=tuple(actors.value),
        language=language.value,
        copies=copies.value,
        search=search.value,
    )
    selection = warehouse.select(filters, per=per.value, period=period.value)
    return (selection,)


@app.cell
def _(attention_chart, measure, mo, period, selection, top_chart):
    with_whom = ", ".join(selection.co_mentioned_with) or "—"
    mo.vstack(
        [
            mo.md(
                f"**{selection.matched.height:,}** of {selection.base.height:,} articles "
                "in the chosen outlets, dates, language and copies match."
            ),
            attention_chart(
                selection.attention, share=measure.value == "share", period=period.value
            ),
            mo.hstack(
                [
                    top_chart(selection.top_outlets, "outlet", "Top outlets"),
                    top_chart(selection.top_actors, "actor", "Top actors"),
                    top_chart(selection.co_mentioned, "actor", f"Co-mentioned with {with_whom}"),
                ],
                justify="start",
                wrap=True,
            ),
        ]
    )
    return


@app.cell
def _(io, mo, selection):
    listed = selection.matched.select(
        "coverage_date", "outlet", "title", "language", "wire", "n_words", "article_id"
    )

    def _csv() -> bytes:
        return listed.write_csv().encode("utf-8")

    def _parquet() -> bytes:
        buffer = io.BytesIO()
        listed.write_parquet(buffer)
        return buffer.getvalue()

    # No per-column summary charts: computed over every listed article before the table
    # draws, they slowed the first view and say little of titles and ids.
    article_table = mo.ui.table(
        listed,
        selection="single",
        page_size=15,
        show_column_summaries=False,
        label="Articles (choose one to read it)",
    )
    mo.vstack(
        [
            article_table,
            mo.hstack(
                [
                    mo.download(_csv, filename="articles.csv", mimetype="text/csv", label="CSV"),
                    mo.download(
                        _parquet,
                        filename="articles.parquet",
                        mimetype="application/vnd.apache.parquet",
                        label="Parquet",
                    ),
                ],
                justify="start",
            ),
        ]
    )
    return (article_table,)


@app.cell
def _(Path, article_html, article_table, mo, settings, warehouse):
    chosen = article_table.value
    article = warehouse.article(str(chosen["article_id"][0])) if chosen.height else None
    if article is None:
        shown = mo.md("*Choose an article in the table to read it.*")
    else:
        source = settings.seeds_dir / article.header["path"]
        link = (
            mo.download(
                source.read_bytes, filename=Path(source).name, label="Download the source file"
            ).text
            if source.is_file()
            else "(no longer in the seeds folder)"
        )
        shown = mo.Html(article_html(article, link))
    shown
    return


if __name__ == "__main__":
    app.run()
