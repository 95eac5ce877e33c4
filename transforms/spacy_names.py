"""Names found by a spaCy pipeline instead of the rules (`NEWSDESK_NER=spacy:<model>`).

The model is one the user has installed: a package name (`en_core_web_trf`) or a folder a
pipeline was saved to. Nothing is downloaded. Its entities become the same spans the rules
make, and the same within-article resolution (name_resolution.py) joins a surname to the
full name and tells a lone capitalised word's type, so a model and the rules give mentions
of one shape. spaCy loads only when this backend is asked for.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from transforms.name_cues import Cues
from transforms.name_resolution import resolve
from transforms.name_spans import Found, Span

__all__ = ["SPACY_PREFIX", "SpacyNames", "load_spacy_names", "model_name", "model_version"]

SPACY_PREFIX = "spacy:"
# spaCy's entity labels (OntoNotes, as its English pipelines use, and WikiNER's short ones)
# and the actor types they are; other labels (dates, money, NORP's nationalities) are no
# actors.
ACTOR_TYPES = {
    "PERSON": "person", "PER": "person",
    "ORG": "organization",
    "GPE": "place", "LOC": "place", "FAC": "place",
}  # fmt: skip
# A possessive or a leading article is not part of the name ("Acme's", "the Treasury").
_POSSESSIVE = re.compile(r"['’]s?$")
_ARTICLE = re.compile(r"^(?:the|The)\s+")


@dataclass(frozen=True, slots=True)
class SpacyNames:
    nlp: Any  # spacy.Language
    cues: Cues

    def reads(self, language: str) -> bool:
        """A model reads its own language; a multi-language one ("xx") reads every one."""
        return str(self.nlp.lang) in (language, "xx")

    def article(self, paragraphs: Sequence[str]) -> list[Found]:
        spans: list[Span] = []
        for i, doc in enumerate(self.nlp.pipe(paragraphs)):
            text = doc.text
            for ent in doc.ents:
                kind = ACTOR_TYPES.get(ent.label_)
                if kind is None:
                    continue
                name = _POSSESSIVE.sub("", _ARTICLE.sub("", ent.text.strip()))
                if not name or not any(c.isupper() for c in name):
                    continue
                start = ent.start_char + ent.text.find(name)
                end = start + len(name)
                first = doc[ent.start]
                sentence_start = first.is_sent_start if doc.has_annotation("SENT_START") else None
                spans.append(
                    Span(
                        i,
                        start,
                        end,
                        name.split(),
                        bool(sentence_start) if sentence_start is not None else ent.start == 0,
                        before=text[:start],
                        after=text[end:],
                        type=kind,
                        name=name,
                    )
                )
        return resolve(spans, paragraphs, self.cues)


def model_name(mode: str) -> str:
    return mode.removeprefix(SPACY_PREFIX)


def model_version(model: str) -> str:
    """The model's name and version, for the derivation version: a new model re-derives
    the stored articles. Read from its metadata, without loading it."""
    path = Path(model)
    if (path / "meta.json").is_file():
        meta = json.loads((path / "meta.json").read_text("utf-8"))
        return f"{meta.get('name', path.name)}-{meta.get('version', '0')}"
    try:
        return f"{model}-{metadata.version(model)}"
    except metadata.PackageNotFoundError:
        raise ValueError(f"NEWSDESK_NER=spacy:{model}: no such spaCy model installed") from None


def load_spacy_names(model: str, cues: Cues) -> SpacyNames:
    """The model's names, read with the recogniser's cues (the model loads once)."""
    return SpacyNames(_pipeline(model), cues)


@cache
def _pipeline(model: str) -> Any:  # spacy.Language
    try:
        import spacy
    except ImportError:
        raise ValueError("NEWSDESK_NER=spacy:…: spaCy is not installed") from None
    # Only what finds entities and sentences: a tagger or parser would add time, not names.
    wanted = {"tok2vec", "transformer", "ner", "entity_ruler", "sentencizer", "senter"}
    nlp = spacy.load(model)
    for name in list(nlp.pipe_names):
        if name not in wanted:
            nlp.disable_pipe(name)
    return nlp
