"""Prefect flows and the I/O around them: discover files, read them, load the warehouse."""
