"""Registry edits change one line each and parse to what was meant."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from transforms.actors import parse_actor_registry
from transforms.registry_edit import RegistryEditError, add_actor, add_aliases, block_phrase

REGISTRY = (ROOT / "transforms" / "data" / "actors.yaml").read_text("utf-8")


def _changed_lines(before: str, after: str) -> list[str]:
    old = before.split("\n")
    return [line for line in after.split("\n") if line not in old]


def test_a_promoted_actor_is_one_new_line_and_matches() -> None:
    edited = add_actor(REGISTRY, "Halvard Quint", "person", ["Quint", "Halvard Quint"])
    assert _changed_lines(REGISTRY, edited) == [
        '  - {name: "Halvard Quint", type: person, aliases: ["Quint"]}'
    ]
    registry = parse_actor_registry(edited.encode())
    assert [m.surface for m in registry.find("Quint said")] == ["Quint"]
    with pytest.raises(RegistryEditError, match="already"):
        add_actor(edited, "Halvard Quint", "person", [])
    with pytest.raises(RegistryEditError, match="type"):
        add_actor(REGISTRY, "Somebody", "animal", [])


def test_aliases_join_an_entry_written_over_two_lines() -> None:
    edited = add_aliases(REGISTRY, "Volodymyr Zelenskyy", ["Zelenskij", "Zelensky"])
    assert len(_changed_lines(REGISTRY, edited)) == 1
    registry = parse_actor_registry(edited.encode())
    [mention] = registry.find("Zelenskij spoke")
    assert mention.actor_id == "volodymyr-zelenskyy"
    with pytest.raises(RegistryEditError, match="no actor"):
        add_aliases(REGISTRY, "Nobody Known", ["X"])


def test_a_blocked_name_is_listed_once() -> None:
    edited = block_phrase(block_phrase(REGISTRY, "The Beast"), "The Beast")
    assert _changed_lines(REGISTRY, edited) == ['  - "The Beast"']
    assert parse_actor_registry(edited.encode()).blocked == frozenset({"the beast"})
