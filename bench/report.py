"""Write one section of BENCHMARKS.md, leaving the other sections as they are."""

from __future__ import annotations

import os
import platform
from pathlib import Path

from flows.settings import packaged_knowledge

__all__ = ["machine_line", "packaged_knowledge", "write_section"]

BENCHMARKS = Path(__file__).resolve().parent.parent / "BENCHMARKS.md"
_HEADER = """# Benchmarks

Written by `make bench`; every figure below was measured by it on the machine named in its
section. Ratios are to a floor measured in the same run, so they carry across machines;
absolute figures (docs/s, MB/s, seconds) are machine-specific.
"""


def machine_line() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, Python {platform.python_version()}"


def write_section(name: str, body: str) -> None:
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = BENCHMARKS.read_text("utf-8") if BENCHMARKS.exists() else _HEADER
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        before, _, rest = text.partition(start)
        _, _, after = rest.partition(end)
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    BENCHMARKS.write_text(text, "utf-8")
