"""The bytes of the curated files a run reads pages with (light: the settings build it)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RECOGNITION_MODES", "CuratedTexts", "check_recognition_mode"]

# How names are found besides the registry: "rules" (transforms/recognise.py, the
# default), "off" (the registry alone), or "spacy:<model>" (an installed spaCy pipeline,
# transforms/spacy_names.py).
RECOGNITION_MODES = ("rules", "off", "spacy:<model>")


def check_recognition_mode(mode: str) -> None:
    model = mode.removeprefix("spacy:")
    if mode in ("rules", "off") or (model != mode and model.strip()):
        return
    raise ValueError(f"NEWSDESK_NER={mode!r}: expected one of {', '.join(RECOGNITION_MODES)}")


@dataclass(frozen=True, slots=True)
class CuratedTexts:
    """The bytes of each curated file, and how names are found besides the registry."""

    boilerplate: bytes  # boilerplate.yaml: chrome and furniture rules
    outlets: bytes  # outlets.csv: outlet spellings and hosts
    wires: bytes  # wires.csv: wire agencies
    actors: bytes  # actors.yaml: the actor registry
    recognition: bytes  # recognition.yaml: the recogniser's lists
    recognition_mode: str = "rules"

    def __post_init__(self) -> None:
        check_recognition_mode(self.recognition_mode)
