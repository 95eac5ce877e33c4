"""Write a synthetic corpus in the seed formats, for benchmarks and crash tests.

Each file is a seed page rewritten the way other sites and crawlers would have written it:
other outlet names in the header blocks, other relative times, related blocks in another
order, a subset of body paragraphs, other encodings and line ends; a share of files are
bad (empty, binary), near-duplicates (a revised copy) or carry a sidecar. Deterministic for
a given seed, and cheap: 100,000 files take seconds.

    python -m bench.corpus OUT_DIR --files 20000 [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

__all__ = ["write_corpus"]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
_OUTLET_WORDS = [
    "Daily", "Morning", "Evening", "Northern", "Coastal", "Capital", "Valley", "Harbour",
    "Metro", "Global", "National", "Herald", "Courier", "Tribune", "Gazette", "Ledger",
    "Post", "Times", "Chronicle", "Observer", "Dispatch", "Sentinel",
]  # fmt: skip
_TIMES = ["just now", "an hour ago", "5 minutes ago", "19 minutes ago", "2 hours ago",
          "3 hours ago", "yesterday", "2 days ago", "3 days ago"]  # fmt: skip
_RELATIVE = re.compile(
    r"^(time)?(an? |\d+ )(minute|hour|day)s? ago$|^yesterday$|^just now$", re.MULTILINE
)
# Shares of the corpus: bad files, revised near-duplicates, files with a sidecar.
BAD_SHARE = 0.01
NEAR_DUPLICATE_SHARE = 0.05
SIDECAR_SHARE = 0.3


def write_corpus(out: Path, files: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    pages = [p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    previous = ""
    for number in range(files):
        path = out / f"{number // 1000:03d}" / f"page_{number:06d}.txt"
        path.parent.mkdir(exist_ok=True)
        roll = rng.random()
        if roll < BAD_SHARE:
            path.write_bytes(b"" if rng.random() < 0.5 else rng.randbytes(2048))
        else:
            if roll < BAD_SHARE + NEAR_DUPLICATE_SHARE and previous:
                text = _revise(previous, rng)
            else:
                text = _vary(rng.choice(pages), rng, number)
            previous = text
            path.write_bytes(_encode(text, rng))
            if rng.random() < SIDECAR_SHARE:
                day, hour = rng.randint(10, 28), rng.randint(0, 23)
                sidecar = {"captured_at": f"2025-08-{day:02d}T{hour:02d}:00:00Z"}
                path.with_name(path.name + ".meta.json").write_text(json.dumps(sidecar), "utf-8")
        written.append(path)
    return written


def _vary(page: str, rng: random.Random, number: int) -> str:
    head, marker, related = page.partition("Related Articles\n")
    if marker:
        blocks = [b for b in re.split(r"\n\n\n+", related) if b.strip()]
        rng.shuffle(blocks)
        related = "\n\n\n".join(blocks)
    text = head + marker + related
    # Rename every outlet printed in a header block, keeping the block structure.
    for name in ("Japan Times", "Yomiuri Shimbun", "Hindustan Times", "Mint"):
        if rng.random() < 0.6:
            text = text.replace(name, _outlet_name(rng))
    text = _RELATIVE.sub(lambda m: ("time" if m.group(1) else "") + rng.choice(_TIMES), text)
    lines = text.split("\n")
    keep = [line for line in lines if len(line) < 200 or rng.random() > 0.15]
    # A unique sentence, as any real page differs from every other.
    marker_line = f"Page {number} was filed by correspondent {rng.randint(1, 10**9)} today."
    position = min(len(keep) - 1, rng.randint(3, 8))
    keep.insert(position, marker_line)
    return "\n".join(keep)


def _revise(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    index = rng.randrange(len(lines))
    lines[index] = lines[index] + " The story was updated with new details."
    return "\n".join(lines)


def _outlet_name(rng: random.Random) -> str:
    return " ".join(rng.sample(_OUTLET_WORDS, 2))


def _encode(text: str, rng: random.Random) -> bytes:
    if rng.random() < 0.2:
        text = text.replace("\n", "\r\n")
    roll = rng.random()
    if roll < 0.05:
        return text.encode("utf-16")
    if roll < 0.15:
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            pass
    if roll < 0.25:
        return text.encode("utf-8-sig")
    return text.encode("utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    written = write_corpus(args.out, args.files, args.seed)
    print(f"{len(written)} files under {args.out}")


if __name__ == "__main__":
    main()
