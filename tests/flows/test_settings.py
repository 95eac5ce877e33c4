"""Settings are built at the edge: every curated file swappable by path, modes checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.settings import Settings
from transforms.knowledge import knowledge_from


def test_each_curated_file_is_swapped_by_its_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outlets = tmp_path / "my-outlets.csv"
    outlets.write_text("name,aliases,hosts\nThe Example Ledger,Ledger,ledger.example\n", "utf-8")
    monkeypatch.setenv("NEWSDESK_OUTLETS_FILE", str(outlets))
    settings = Settings.from_env(tmp_path, tmp_path / "w.duckdb")
    assert settings.curated.outlets == outlets and settings.curated.wires.name == "wires.csv"
    knowledge = knowledge_from(settings.curated_texts())
    assert (
        knowledge.outlets.outlet_for_url("https://www.ledger.example/a/1") == "The Example Ledger"
    )
    monkeypatch.setenv("NEWSDESK_NER", "spacey")
    with pytest.raises(ValueError, match="NEWSDESK_NER='spacey'"):
        Settings.from_env(tmp_path, tmp_path / "w.duckdb")
