import marimo

__generated_with = "0.25.2"
app = marimo.App(width="medium")


@app.cell
def _():
    import altair as alt
    import marimo as mo
    import polars as pl

    from newsdesk import api as nd

    return alt, mo, nd, pl


@app.cell
def _(mo, nd):
    mo.md(
        f"""
        # Coverage questions

        Three questions answered from the warehouse with `newsdesk.api` (read-only; each
        call opens and closes the file). Tables and views available:
        {", ".join(f"`{name}`" for name in nd.tables())}.
        """
    )
    return


@app.cell
def _(alt, mo, nd):
    # Question 1: which outlets covered the story most, and how much did they write?
    by_outlet = nd.table("coverage_by_outlet").sort("n_articles", descending=True)
    outlet_chart = (
        alt.Chart(by_outlet, title="Articles by outlet")
        .mark_bar()
        .encode(x="n_articles:Q", y=alt.Y("outlet:N", sort="-x"), tooltip=["outlet", "n_words"])
    )
    mo.vstack([mo.md("## 1. Who covered it most?"), by_outlet, outlet_chart])
    return by_outlet, outlet_chart


@app.cell
def _(alt, mo, nd):
    # Question 2: which outlets covered Merz, how much, and next to whom?
    merz_outlets = nd.sql(
        """
        SELECT outlet, sum(n_articles) AS n_articles, sum(n_mentions) AS n_mentions
        FROM coverage_daily WHERE actor = $actor GROUP BY outlet ORDER BY n_articles DESC
        """,
        actor="Friedrich Merz",
    )
    merz_company = nd.sql(
        """
        SELECT CASE WHEN actor_a = $actor THEN actor_b ELSE actor_a END AS next_to,
               n_paragraphs
        FROM actor_co_mentions WHERE $actor IN (actor_a, actor_b)
        ORDER BY n_paragraphs DESC LIMIT 8
        """,
        actor="Friedrich Merz",
    )
    company_chart = (
        alt.Chart(merz_company, title="Named in the same paragraph as Merz")
        .mark_bar()
        .encode(x="n_paragraphs:Q", y=alt.Y("next_to:N", sort="-x"))
    )
    mo.vstack([mo.md("## 2. Who covered Merz, and next to whom?"), merz_outlets, company_chart])
    return company_chart, merz_company, merz_outlets


@app.cell
def _(mo, nd, pl):
    # Question 3: whose words does each outlet print?
    quotes = (
        nd.table("quote_share")
        .filter(pl.col("speaker") != "unattributed")
        .sort(["outlet", "n_quotes"], descending=[False, True])
        .group_by("outlet", maintain_order=True)
        .head(2)
    )
    mo.vstack([mo.md("## 3. Most quoted speakers per outlet"), quotes])
    return (quotes,)


if __name__ == "__main__":
    app.run()
