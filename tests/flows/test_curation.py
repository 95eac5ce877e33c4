"""Curating discovered actors end to end: list them, promote, merge and block, re-derive."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, run_ingest, warehouse_rows
from tests.test_cli import newsdesk

pytestmark = pytest.mark.usefixtures("prefect_api")

ACTOR = "SELECT source, type FROM actors WHERE name = '{}'"
MENTIONS = """SELECT count(*) FROM mentions m JOIN actors a USING (actor_id)
              WHERE a.name = '{}'"""


def test_list_promote_merge_block_and_the_next_run_rederives(
    seeds_dir: Path, fresh_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = tmp_path / "actors.yaml"
    registry.write_text((ROOT / "transforms/data/actors.yaml").read_text("utf-8"), "utf-8")
    monkeypatch.setenv("NEWSDESK_ACTORS_FILE", str(registry))
    run_ingest(seeds_dir, fresh_warehouse)
    env = {"NEWSDESK_ACTORS_FILE": str(registry), "NEWSDESK_WAREHOUSE": str(fresh_warehouse)}

    listed = newsdesk("actors", "list", "--type", "person", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "Stephan Kahl" in listed.stdout and "Donald Trump" not in listed.stdout
    before = warehouse_rows(fresh_warehouse, MENTIONS.format("Stephan Kahl"))

    def actor_id(name: str) -> str:
        [(found,)] = warehouse_rows(
            fresh_warehouse, f"SELECT actor_id FROM actors WHERE name = '{name}'"
        )
        return str(found)

    promoted = newsdesk("actors", "promote", actor_id("Stephan Kahl"), env=env)
    assert promoted.returncode == 0, promoted.stderr
    merged = newsdesk(
        "actors", "merge", actor_id("Natalia Drozdiak"), "--into", "Marco Rubio", env=env
    )
    assert merged.returncode == 0, merged.stderr
    blocked = newsdesk("actors", "block", "The Beast", env=env)
    assert blocked.returncode == 0, blocked.stderr
    assert '  - {name: "Stephan Kahl", type: person, aliases: []}' in registry.read_text()

    rerun = run_ingest(seeds_dir, fresh_warehouse)
    assert (rerun["files_new"], rerun["articles_linked"]) == (0, 11)
    assert warehouse_rows(fresh_warehouse, ACTOR.format("Stephan Kahl")) == [("registry", "person")]
    assert warehouse_rows(fresh_warehouse, MENTIONS.format("Stephan Kahl")) == before
    # Merged: her mentions now count for the registry actor, and her own row is gone.
    assert warehouse_rows(fresh_warehouse, ACTOR.format("Natalia Drozdiak")) == []
    rubio = "SELECT count(*) FROM mentions WHERE actor_id = 'marco-rubio' AND surface = '{}'"
    assert warehouse_rows(fresh_warehouse, rubio.format("Natalia Drozdiak")) == [(2,)]
    assert warehouse_rows(fresh_warehouse, ACTOR.format("The Beast")) == []

    again = newsdesk("actors", "promote", actor_id("Stephan Kahl"), env=env)
    assert again.returncode == 1 and "already in the registry" in again.stderr


def test_a_spacy_pipeline_finds_the_names_of_a_run_and_a_switch_back_rederives(
    seeds_dir: Path, fresh_warehouse: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spacy

    # Stands in for a trained model: every pair of capitalised words is a person.
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(
        [{"label": "PERSON", "pattern": [{"IS_TITLE": True}, {"IS_TITLE": True}]}]
    )
    nlp.to_disk(tmp_path / "model")
    monkeypatch.setenv("NEWSDESK_NER", f"spacy:{tmp_path / 'model'}")
    run_ingest(seeds_dir, fresh_warehouse)
    discovered = warehouse_rows(
        fresh_warehouse,
        "SELECT DISTINCT a.type FROM mentions JOIN actors AS a USING (actor_id) "
        "WHERE a.source = 'discovered'",
    )
    assert discovered == [("person",)]
    (version,) = warehouse_rows(
        fresh_warehouse, "SELECT DISTINCT registry_version FROM actor_derivations"
    )
    assert "+spacy:" in version[0]
    monkeypatch.setenv("NEWSDESK_NER", "rules")
    run_ingest(seeds_dir, fresh_warehouse)
    types = warehouse_rows(
        fresh_warehouse,
        "SELECT DISTINCT a.type FROM mentions JOIN actors AS a USING (actor_id) "
        "WHERE a.source = 'discovered' ORDER BY 1",
    )
    assert ("place",) in types and ("organization",) in types  # the rules' reading now
