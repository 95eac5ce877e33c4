"""Every SQL statement lives in sql/; this module finds and reads them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

__all__ = ["SQL_DIR", "sql_files", "statement"]

_HERE = Path(__file__).resolve().parent
# An installed package carries the statements as flows/sql/; a checkout has them in the
# project's top-level sql/.
SQL_DIR = _HERE / "sql" if (_HERE / "sql").is_dir() else _HERE.parent / "sql"


def sql_files(folder: str) -> list[Path]:
    """The .sql files of one folder (schema, views, load, ...) in their numbered order."""
    return sorted((SQL_DIR / folder).glob("*.sql"))


@cache
def statement(name: str) -> str:
    """One statement by its path under sql/, e.g. 'queries/known_paths'."""
    return (SQL_DIR / f"{name}.sql").read_text("utf-8")
