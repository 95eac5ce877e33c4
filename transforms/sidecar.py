"""The optional `<file>.meta.json` sidecar a crawler writes next to a page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from transforms.dates import is_plausible_time

__all__ = ["Sidecar", "parse_sidecar"]


@dataclass(frozen=True, slots=True)
class Sidecar:
    captured_at: datetime | None = None
    url: str | None = None
    outlet: str | None = None


def parse_sidecar(raw: bytes, now: datetime) -> tuple[Sidecar, list[str]]:
    """The sidecar's fields and a list of problems; bad fields are ignored, never fatal (a
    capture time before 1990 or after `now` and a day is a clock gone wrong)."""
    problems: list[str] = []
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return Sidecar(), [f"sidecar is not valid JSON: {exc}"]
    if not isinstance(data, dict):
        return Sidecar(), ["sidecar is not a JSON object"]
    captured_at = None
    if (value := data.get("captured_at")) is not None:
        try:
            captured_at = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            if captured_at.tzinfo is None:
                captured_at = captured_at.replace(tzinfo=UTC)
            captured_at = captured_at.astimezone(UTC)
        except ValueError:
            problems.append(f"sidecar captured_at is not an ISO 8601 time: {value!r}")
            captured_at = None
        if captured_at is not None and not is_plausible_time(captured_at, now):
            problems.append(f"sidecar captured_at {value!r} is not a plausible capture time")
            captured_at = None
    url = data.get("url") if isinstance(data.get("url"), str) else None
    outlet = data.get("outlet") if isinstance(data.get("outlet"), str) else None
    return Sidecar(captured_at, url, (outlet or "").strip() or None), problems
