"""The text route on real page dumps: body F1, headlines, outlets and dates.

Run by `make bench`. Pages: ../shared/bench/aeb-dev-text (or --pages DIR): each `<id>.txt`
is the rendered text of a real news page, scored against the article-extraction
benchmark's ground truth (../aeb-dev/ground-truth.json) the way the HTML route is. Each
page gets the URL a crawler's sidecar would give it. Beside the route, three baselines on
the same dumps: the whole dump stored untouched, trafilatura and jusText on the dump as
HTML (one `<p>` a line).

Headline: right when it equals the page's `<h1>` or its `og:title` after normalising case,
quotes and spaces. Date: `published_at` filled, and equal to the date in the URL's path
wherever the URL has one. Outlet: filled from the URL's host or the page, never a credit,
date, legal or menu line (checked against the host's name).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from bench.aeb_score import PageScore, corpus_f1, page_score
from bench.report import machine_line, packaged_knowledge, write_section
from transforms.decode import decode_text_page
from transforms.extract import PageContext, read_text_page
from transforms.records import Article, DroppedBlock
from transforms.sidecar import Sidecar
from transforms.site_chrome import KnownSiteLines, SiteChrome, chrome_for_pages
from transforms.text_shape import is_prose_block
from transforms.urls import host_of, url_date

DEFAULT_PAGES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb-dev-text"
CAPTURED_AT = datetime(2020, 1, 10, tzinfo=UTC)
# A prose block (text_shape.is_prose_block) is kept when this share of its 4-word
# shingles is in an article.
ACCOUNTED_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class PageResult:
    page_id: str
    site: str | None
    score: PageScore
    headline_ok: bool
    title: str | None
    outlet: str | None
    published: date | None
    url_date: date | None
    prose_blocks: int  # lines of 20+ words of sentences in the dump
    silently_dropped: int  # of those, in no article and no dropped_blocks row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES)
    parser.add_argument("--show", action="store_true", help="print each page's figures")
    args = parser.parse_args()
    alone, baselines = evaluate(args.pages, learn=False)
    results, _ = evaluate(args.pages)
    if args.show:
        for r in sorted(results, key=lambda r: r.score[0]):
            print(
                f"{r.page_id[:10]} tp={r.score[0]:.2f} fp={r.score[1]:.2f} fn={r.score[2]:.2f}"
                f" head={'ok' if r.headline_ok else 'NO'} {r.title!r:.60} | {r.outlet}"
                f" | {r.published} / {r.url_date} | silent {r.silently_dropped}"
            )
    body = render(results, alone, baselines)
    write_section("text", body)
    print(body)


def evaluate(
    pages: Path, learn: bool = True
) -> tuple[list[PageResult], dict[str, tuple[float, float, float]]]:
    """Each page's figures; with learn, the pages are read as one batch, as the pipeline
    reads a batch of files: lines a site prints on several of its pages are its chrome."""
    truth = json.loads((pages.parent / "aeb-dev" / "ground-truth.json").read_text("utf-8"))
    headlines = json.loads((pages / "headlines.json").read_text("utf-8"))
    paths = sorted(pages.glob("*.txt"))
    texts = [str(decode_text_page(path.read_bytes())) for path in paths]
    urls = [truth[path.stem]["url"] for path in paths]
    chrome: list[SiteChrome | None] = [None] * len(paths)
    if learn:
        sites = [host_of(url) for url in urls]
        chrome, _ = chrome_for_pages(list(zip(sites, texts, strict=True)), KnownSiteLines())
    results: list[PageResult] = []
    raw_scores: dict[str, list[PageScore]] = {"whole": [], "trafilatura": [], "justext": []}
    for path, text, url, site_chrome in zip(paths, texts, urls, chrome, strict=True):
        page_id = path.stem
        expected = truth[page_id]["articleBody"]
        context = PageContext(CAPTURED_AT, Sidecar(CAPTURED_AT, url), site_chrome=site_chrome)
        articles, dropped = read_text_page(text, context, packaged_knowledge())
        main = articles[0] if articles else None
        blocks = [line.strip() for line in text.split("\n") if is_prose_block(line.strip())]
        results.append(
            PageResult(
                page_id=page_id,
                site=host_of(url),
                score=page_score(expected, _stored_text(main)),
                headline_ok=_headline_ok(main, headlines[page_id]),
                title=main.title if main else None,
                outlet=main.outlet if main else None,
                published=main.published_at.date() if main and main.published_at else None,
                url_date=url_date(url),
                prose_blocks=len(blocks),
                silently_dropped=sum(not _accounted(b, articles, dropped) for b in blocks),
            )
        )
        if learn:
            continue  # the baselines read each page alone; measured once
        raw_scores["whole"].append(page_score(expected, text))
        raw_scores["trafilatura"].append(page_score(expected, _trafilatura(text)))
        raw_scores["justext"].append(page_score(expected, _justext(text)))
    return results, {name: corpus_f1(scores) for name, scores in raw_scores.items() if scores}


def render(
    results: list[PageResult],
    alone: list[PageResult],
    baselines: dict[str, tuple[float, float, float]],
) -> str:
    precision, recall, f1 = corpus_f1(r.score for r in results)
    n = len(results)
    headline = sum(r.headline_ok for r in results) / n
    outlet = sum(r.outlet is not None for r in results) / n
    dated = sum(r.published is not None for r in results) / n
    with_url_date = [r for r in results if r.url_date is not None]
    url_agree = sum(r.published == r.url_date for r in with_url_date)
    n_blocks = sum(r.prose_blocks for r in results)
    sites = Counter(r.site for r in results)
    shared = sum(n > 1 for n in sites.values())
    silent = sum(r.silently_dropped for r in results)
    rows = [
        ("the whole dump stored as the body", *baselines["whole"]),
        ("trafilatura on the dump as HTML, one `<p>` a line (fast)", *baselines["trafilatura"]),
        ("jusText on the same HTML (English stoplist)", *baselines["justext"]),
        ("newsdesk text route, each page read alone", *corpus_f1(r.score for r in alone)),
        ("**newsdesk text route**, the pages as one batch", precision, recall, f1),
    ]
    table = "\n".join(f"| {name} | {f:.4f} | {p:.4f} | {r:.4f} |" for name, p, r, f in rows)
    return f"""## Text route — real page dumps

{machine_line()} Command: `make bench` (`python -m bench.text_route`).
{n} pages of `../shared/bench/aeb-dev-text/` (a browser's rendered text of real news pages),
each with a sidecar URL; scored with the benchmark's method (`bench/aeb_score.py`).

| | body F1 | precision | recall |
|---|---|---|---|
{table}

- Headline equal to the page's `<h1>` or `og:title` (case, quotes, spaces normalised):
  **{headline:.1%}** (target ≥ 90 %).
- Outlet filled: **{outlet:.1%}** (target ≥ 95 %).
- `published_at` filled: **{dated:.1%}** (target ≥ 80 %); equal to the URL's date on
  **{url_agree} of {len(with_url_date)}** pages whose URL has one.
- Prose dropped silently: **{silent}** of {n_blocks} prose blocks (lines of 20+ words of
  sentences, as the pipeline counts them) are in no article and no `dropped_blocks` row (target 0).
- "One batch": the pages are read together, as the pipeline reads a batch of files, so
  a line a site prints on two of its pages is learnt as its chrome (`transforms/site_chrome.py`;
  {n} pages of {len(sites)} sites, {shared} of them with two pages or more). The bullets'
  figures are for the batch.
- The route's text is what it stores: the `dateline` field, then the body.
"""


def _accounted(block: str, articles: list[Article], dropped: list[DroppedBlock]) -> bool:
    """In a dropped_blocks row, or mostly inside an article's paragraphs (which may have
    lost a dateline, a caption or a credit on the way)."""
    if any(block == d.text or block in d.text for d in dropped):
        return True
    stored = {s for a in articles for p in a.paragraphs for s in _four_grams(p.text)}
    grams = _four_grams(block)
    return bool(grams) and len(grams & stored) >= ACCOUNTED_SHARE * len(grams)


def _four_grams(text: str) -> set[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text.lower())
    return {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}


def _stored_text(article: Article | None) -> str:
    if article is None:
        return ""
    return "\n".join(t for t in (article.dateline, article.body) if t)


_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def _norm_headline(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text or "")).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().casefold()


def _headline_ok(article: Article | None, truth: dict[str, str]) -> bool:
    if article is None or not article.title:
        return False
    found = _norm_headline(article.title)
    return any(found == _norm_headline(truth.get(key)) for key in ("headline_h1", "headline_og"))


def _as_html(text: str) -> str:
    lines = (html.escape(line) for line in text.split("\n") if line.strip())
    return "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"


def _trafilatura(text: str) -> str:
    import trafilatura

    return trafilatura.extract(_as_html(text), fast=True) or ""


def _justext(text: str) -> str:
    import justext

    paragraphs = justext.justext(_as_html(text), justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


if __name__ == "__main__":
    main()
