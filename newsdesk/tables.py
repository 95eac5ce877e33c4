"""Query results as text: tables for the terminal, CSV, JSON or Markdown for other programs."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

__all__ = ["FORMATS", "print_table", "render", "stdout_table", "table_text"]

FORMATS = ("table", "csv", "json", "markdown")
# A cell cut to this many characters in a terminal's table, unless --wide.
CELL_CHARS = 60
# A wide or piped table shows whole values: no cell is cut, no line wrapped (polars takes
# table widths up to 2^16 - 1).
WHOLE_CHARS, WHOLE_WIDTH = 1_000_000, 65_535


def print_table(frame: pl.DataFrame, max_rows: int = 100) -> None:
    print(stdout_table(frame, max_rows))


def stdout_table(frame: pl.DataFrame, max_rows: int = 100) -> str:
    """A table for the terminal, or plain with whole values when piped or saved."""
    piped = not sys.stdout.isatty()
    return table_text(frame, max_rows, wide=piped, plain=piped)


def table_text(
    frame: pl.DataFrame, max_rows: int = 100, *, wide: bool = False, plain: bool = False
) -> str:
    """The rows as an aligned table; plain: without box-drawing characters (for files and
    pipes); wide: whole values, never cut."""
    import polars as pl

    with pl.Config(
        tbl_rows=max_rows,
        tbl_cols=-1,
        fmt_str_lengths=WHOLE_CHARS if wide else CELL_CHARS,
        fmt_table_cell_list_len=-1 if wide else 6,
        tbl_width_chars=WHOLE_WIDTH if wide else 160,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
        tbl_formatting="ASCII_MARKDOWN" if plain else "UTF8_FULL_CONDENSED",
    ):
        return str(frame)


def render(frame: pl.DataFrame, form: str, *, max_rows: int, wide: bool, plain: bool) -> str:
    """The rows in one of FORMATS. CSV and JSON hold every row and whole values (a list or
    struct cell as JSON in CSV); the table and Markdown hold max_rows."""
    if form == "csv":
        return _flat(frame).write_csv()
    if form == "json":
        return json.dumps(frame.to_dicts(), default=str, ensure_ascii=False, indent=1) + "\n"
    if form == "markdown":
        return _markdown(frame.head(max_rows))
    return table_text(frame, max_rows, wide=wide, plain=plain) + "\n"


def _flat(frame: pl.DataFrame) -> pl.DataFrame:
    """Nested cells (lists, structs) as JSON text: CSV has no nesting."""
    import polars as pl

    nested = [c for c, dtype in frame.schema.items() if dtype.is_nested()]
    return frame.with_columns(
        pl.Series(c, [json.dumps(v, default=str, ensure_ascii=False) for v in frame[c].to_list()])
        for c in nested
    )


def _markdown(frame: pl.DataFrame) -> str:
    def cell(value: object) -> str:
        text = "" if value is None else str(value)
        return text.replace("|", "\\|").replace("\n", " ")

    lines = [
        "| " + " | ".join(frame.columns) + " |",
        "|" + "|".join("---" for _ in frame.columns) + "|",
        *("| " + " | ".join(cell(v) for v in row) + " |" for row in frame.iter_rows()),
    ]
    return "\n".join(lines) + "\n"
