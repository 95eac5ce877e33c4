"""newsdesk: scraped news pages into a DuckDB analytics warehouse."""

__version__ = "0.1.0"
