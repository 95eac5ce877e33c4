"""Names from a spaCy pipeline: a blank English pipeline with an entity ruler stands in for
a trained model (none can be installed here); its entities resolve as the rules' do."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import spacy

from flows.settings import Settings
from tests.conftest import KNOWLEDGE
from transforms.knowledge import knowledge_from
from transforms.mentions import article_actors

PARAGRAPHS = [
    "Halvard Quint of the Lindqvist Institute spoke in Tarvo on Monday.",
    "Quint said the Institute's talks with the Tarvo council would go on.",
]


def _model(folder: Path, version: str = "1.0.0") -> Path:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Halvard Quint"},
        {"label": "PERSON", "pattern": "Quint"},
        {"label": "ORG", "pattern": "the Lindqvist Institute"},
        {"label": "GPE", "pattern": "Tarvo"},
        {"label": "DATE", "pattern": "Monday"},
    ])  # fmt: skip
    nlp.meta["name"], nlp.meta["version"] = "ruler_test", version
    nlp.to_disk(folder)
    return folder


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _model(tmp_path_factory.mktemp("spacy") / "model")


def test_a_pipelines_entities_become_resolved_actors(model: Path) -> None:
    knowledge = knowledge_from(replace(KNOWLEDGE.texts, recognition_mode=f"spacy:{model}"))
    finder = knowledge.recogniser
    assert finder is not None
    found = [(f.paragraph, f.surface, f.name, f.type) for f in finder.article(PARAGRAPHS)]
    assert found == [
        (0, "Halvard Quint", "Halvard Quint", "person"),
        (0, "Lindqvist Institute", "Lindqvist Institute", "organization"),
        (0, "Tarvo", "Tarvo", "place"),
        (1, "Quint", "Halvard Quint", "person"),  # the surname is the full name's person
        (1, "Tarvo", "Tarvo", "place"),
    ]  # no DATE: dates are no actors
    actors = {a.name: a for a in article_actors(PARAGRAPHS, knowledge.actors, finder)}
    assert actors["Halvard Quint"].actor_id.startswith("p:")
    assert actors["Lindqvist Institute"].source == "discovered"


def test_another_model_version_rederives(model: Path, tmp_path: Path) -> None:
    first = knowledge_from(replace(KNOWLEDGE.texts, recognition_mode=f"spacy:{model}"))
    other = _model(tmp_path / "newer", version="1.1.0")
    second = knowledge_from(replace(KNOWLEDGE.texts, recognition_mode=f"spacy:{other}"))
    assert "ruler_test-1.0.0" in first.derivation_version
    assert first.derivation_version != second.derivation_version != KNOWLEDGE.derivation_version
    meta = json.loads((model / "meta.json").read_text("utf-8"))
    assert meta["version"] == "1.0.0"


def test_a_model_that_is_not_installed_or_not_named_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = knowledge_from(replace(KNOWLEDGE.texts, recognition_mode="spacy:xx_no_such_model"))
    with pytest.raises(ValueError, match="no such spaCy model installed"):
        _ = missing.derivation_version
    monkeypatch.setenv("NEWSDESK_NER", "spacy:")
    with pytest.raises(ValueError, match="NEWSDESK_NER='spacy:'"):
        Settings.from_env(tmp_path, tmp_path / "w.duckdb")
