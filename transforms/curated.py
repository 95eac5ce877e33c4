"""The bytes of the curated files a run reads pages with (light: the settings build it)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RECOGNITION_MODES", "CuratedTexts"]

# How names are found besides the registry: "rules" (transforms/recognise.py, the
# default) or "off" (the registry alone).
RECOGNITION_MODES = ("rules", "off")


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
        if self.recognition_mode not in RECOGNITION_MODES:
            raise ValueError(
                f"NEWSDESK_NER={self.recognition_mode!r}: expected one of "
                + ", ".join(RECOGNITION_MODES)
            )
