"""Query results as text tables for the terminal."""

from __future__ import annotations

__all__ = ["print_table", "table_text"]


def print_table(frame: object, max_rows: int = 100) -> None:
    print(table_text(frame, max_rows))


def table_text(frame: object, max_rows: int = 100) -> str:
    import polars as pl

    assert isinstance(frame, pl.DataFrame)
    with pl.Config(
        tbl_rows=max_rows,
        tbl_cols=-1,
        fmt_str_lengths=60,
        tbl_width_chars=160,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
    ):
        return str(frame)
