"""Pure transformations: bytes and strings in, typed records out.

Nothing in this package performs I/O beyond reading its own curated data files,
and nothing imports prefect, duckdb or great_expectations (a test enforces it).
"""
