"""The curated knowledge a run reads pages with, parsed from the reviewed files' bytes.

The flows layer reads the files (each path swappable in the settings) and hands their
bytes here; parsing is memoised per content, so every batch and worker of a run, and every
run of a process with the same files, compiles each rule set once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import yaml

from transforms.actors import ActorRegistry, parse_actor_registry
from transforms.boilerplate import Boilerplate, parse_boilerplate
from transforms.curated import CuratedTexts
from transforms.name_cues import parse_cues
from transforms.name_spans import NameFinder
from transforms.outlets import OutletRegistry, parse_outlets
from transforms.recognise import build_recogniser, rules_version
from transforms.spacy_names import SPACY_PREFIX, load_spacy_names, model_name, model_version

__all__ = ["Knowledge", "knowledge_from"]


@dataclass(frozen=True, eq=False)
class Knowledge:
    texts: CuratedTexts
    boilerplate: Boilerplate
    outlets: OutletRegistry
    actors: ActorRegistry

    @cached_property
    def recogniser(self) -> NameFinder | None:
        """Built on first use: a run with nothing to derive never loads the gazetteer (or
        a spaCy model)."""
        mode = self.texts.recognition_mode
        if mode == "off":
            return None
        if mode.startswith(SPACY_PREFIX):
            lists = yaml.safe_load(self.texts.recognition)
            return load_spacy_names(model_name(mode), parse_cues(lists))
        return build_recogniser(self.texts.recognition, self.outlets)

    @cached_property
    def derivation_version(self) -> str:
        """What stored mentions are derived with: the registry and the recognition rules
        (or model). A change to either re-derives every article from its stored
        paragraphs."""
        mode = self.texts.recognition_mode
        base = f"{self.actors.version}+{DERIVED_ROWS}"
        if mode == "off":
            return base
        rules = rules_version(self.texts.recognition)
        if mode.startswith(SPACY_PREFIX):
            return f"{base}+{rules}+spacy:{model_version(model_name(mode))}"
        return f"{base}+{rules}"


# What derivation writes for each article: raised when it writes something new, so that a
# warehouse derived before has every article derived again, a chunk per transaction (rows
# since "rows-2": the pairs of actors each paragraph names, sql/schema/076).
DERIVED_ROWS = "rows-2"


@cache
def knowledge_from(texts: CuratedTexts) -> Knowledge:
    return Knowledge(
        texts=texts,
        boilerplate=parse_boilerplate(texts.boilerplate),
        outlets=parse_outlets(texts.outlets, texts.wires),
        actors=parse_actor_registry(texts.actors),
    )
