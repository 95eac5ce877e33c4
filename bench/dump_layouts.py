"""The text route on the dev pages as other tools dump them: text browsers and fmt.

Run by `make bench`. The 88 pages of ../shared/bench/aeb-dev are dumped again, each way
into a folder of its own, and read exactly as bench.text_route reads the browser's
rendered text (the pages as one batch, each with its URL), scored against the same ground
truth:

- `lynx -dump` (with and without its numbered links) and `w3m -dump` of the saved HTML
  (Debian's packages: `make bench` installs them; a tool that is missing is left out and
  the section says so): lines broken at the terminal's width, list markers and "(BUTTON)"
  labels of their own;
- the browser's rendered text with its lines broken at 72 columns and a blank line between
  them, as fmt and mail tools lay a text out.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

from bench.aeb_score import corpus_f1, page_score
from bench.report import machine_line, write_section
from bench.text_route import DEFAULT_PAGES, PageResult, evaluate

HTML_PAGES = DEFAULT_PAGES.parent / "aeb-dev" / "html"
# The width fmt and mail tools break lines at.
FMT_WIDTH = 72
TOOL_TIMEOUT_S = 30
TEXT_BROWSERS: dict[str, list[str]] = {
    "lynx -dump": ["lynx", "-dump", "-nolist", "-width=80", "-assume_charset=utf-8",
                   "-display_charset=utf-8", "-stdin"],
    "lynx -dump, links numbered and listed": ["lynx", "-dump", "-width=80",
                   "-assume_charset=utf-8", "-display_charset=utf-8", "-stdin"],
    "w3m -dump": ["w3m", "-dump", "-cols", "80", "-I", "UTF-8", "-O", "UTF-8", "-T", "text/html"],
}  # fmt: skip


def main() -> None:
    rows: list[str] = []
    missing: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        (root / "aeb-dev").symlink_to(DEFAULT_PAGES.parent / "aeb-dev")
        layouts: dict[str, Callable[[Path], None]] = {}
        for name, command in TEXT_BROWSERS.items():
            if shutil.which(command[0]):
                layouts[name] = _from_html(command)
            else:
                missing.append(name)
        layouts[f"rendered text broken at {FMT_WIDTH} columns"] = _fmt
        for name, write in layouts.items():
            pages = root / f"layout{len(rows)}"
            pages.mkdir()
            shutil.copy(DEFAULT_PAGES / "headlines.json", pages / "headlines.json")
            write(pages)
            results, _ = evaluate(pages)
            rows.append(_row(name, results, _whole_dump(pages)))
    body = render(rows, missing)
    write_section("text_layouts", body)
    print(body)


def _from_html(command: list[str]) -> Callable[[Path], None]:
    def write(pages: Path) -> None:
        for page in sorted(HTML_PAGES.glob("*.html.gz")):
            html = gzip.decompress(page.read_bytes())
            dumped = subprocess.run(
                command, input=html, capture_output=True, timeout=TOOL_TIMEOUT_S, check=False
            ).stdout
            (pages / page.name.removesuffix(".html.gz")).with_suffix(".txt").write_bytes(dumped)

    return write


def _fmt(pages: Path) -> None:
    for page in sorted(DEFAULT_PAGES.glob("*.txt")):
        blocks = [line for line in page.read_text("utf-8").split("\n") if line.strip()]
        wrapped = "\n\n".join(textwrap.fill(block, FMT_WIDTH) for block in blocks)
        (pages / page.name).write_text(wrapped + "\n", "utf-8")


def _whole_dump(pages: Path) -> tuple[float, float, float]:
    """Precision, recall and F1 of storing each dump untouched as the body."""
    truth = json.loads((pages.parent / "aeb-dev" / "ground-truth.json").read_text("utf-8"))
    return corpus_f1(
        page_score(truth[path.stem]["articleBody"], path.read_text("utf-8", errors="replace"))
        for path in sorted(pages.glob("*.txt"))
    )


def _row(name: str, results: list[PageResult], whole: tuple[float, float, float]) -> str:
    precision, recall, f1 = corpus_f1(r.score for r in results)
    n = len(results)
    headline = sum(r.headline_ok for r in results) / n
    outlet = sum(r.outlet is not None for r in results) / n
    return (
        f"| {name} | {whole[2]:.4f} | **{f1:.4f}** | {precision:.4f} | {recall:.4f}"
        f" | {headline:.1%} | {outlet:.1%} |"
    )


def render(rows: list[str], missing: list[str]) -> str:
    table = "\n".join(rows)
    absent = (
        f"\n- Not measured in this run ({', '.join(missing)} not installed; `make bench`"
        " installs them where it may)."
        if missing
        else ""
    )
    return f"""## Text route — the same pages dumped by other tools

{machine_line()} Command: `make bench` (`python -m bench.dump_layouts`).
The 88 dev pages as text browsers print them and as fmt lays text out, read like the
browser's rendered text above (one batch, each page with its URL), scored the same way.
"whole dump" is the body F1 of storing each dump untouched.

| layout | whole dump F1 | **route F1** | precision | recall | headline | outlet |
|---|---|---|---|---|---|---|
{table}

- A wrapped dump is told by its lines piling up under one width with none past it, and its
  paragraphs joined back (`transforms/dump_layout.py`); Markdown's links and marks come
  off a Markdown dump.{absent}
"""


if __name__ == "__main__":
    main()
