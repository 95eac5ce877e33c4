"""The analysis layer on a warehouse built from the seeds: views, notebook, report, browser."""

from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from tests.conftest import ROOT, run_ingest, warehouse_rows

# Flags Chromium needs on a machine with no network and no display.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--virtual-time-budget=8000",
]  # fmt: skip


def test_coverage_by_outlet_hand_checked(seeds_warehouse: Path) -> None:
    rows = dict(
        warehouse_rows(seeds_warehouse, "SELECT outlet, n_articles FROM coverage_by_outlet")
    )
    assert rows == {
        "The New York Times": 1, "Japan Times": 2, "Yomiuri Shimbun": 1, "The Week": 1,
        "unknown": 1, "BGNES": 1, "Hindustan Times": 2, "Mint": 1,  # Mint's two versions: once
    }  # fmt: skip


def test_coverage_by_date_and_daily_share(seeds_warehouse: Path) -> None:
    by_date = warehouse_rows(
        seeds_warehouse,
        "SELECT coverage_date::VARCHAR, n_articles, n_outlets, n_dated_by_capture FROM coverage_by_date",
    )
    # 6 counted articles dated by their relative time on the capture day, 4 by capture date.
    assert by_date == [("2025-08-16", 10, 8, 4)]
    shares = warehouse_rows(
        seeds_warehouse,
        """SELECT outlet, n_articles, share_of_outlet_articles FROM coverage_daily
           WHERE actor = 'Yuri Ushakov' ORDER BY outlet""",
    )
    assert shares == [
        ("Hindustan Times", 1, 0.5),
        ("Japan Times", 2, 1.0),
        ("Mint", 1, 1.0),
        ("Yomiuri Shimbun", 1, 1.0),
    ]


def test_co_mentions_and_quote_share(seeds_warehouse: Path) -> None:
    pair = warehouse_rows(
        seeds_warehouse,
        """SELECT n_articles, n_outlets FROM actor_co_mentions
           WHERE actor_a = 'Donald Trump' AND actor_b = 'Vladimir Putin'""",
    )
    assert pair == [(10, 8)]
    assert warehouse_rows(
        seeds_warehouse,
        "SELECT count(*) FROM actor_co_mentions WHERE actor_a >= actor_b",
    ) == [(0,)]
    quoted = warehouse_rows(
        seeds_warehouse,
        "SELECT outlet, n_quotes FROM quote_share WHERE speaker = 'Samuel Charap'",
    )
    assert quoted == [("Hindustan Times", 1)]
    total = warehouse_rows(
        seeds_warehouse, "SELECT outlet, sum(share_of_outlet_quotes) FROM quote_share GROUP BY 1"
    )
    assert all(abs(share - 1.0) < 1e-9 for _, share in total)


def test_syndication_lists_a_story_run_by_two_outlets(
    seeds_dir: Path, fresh_warehouse: Path, prefect_api: None
) -> None:
    wire = (seeds_dir / "003_c00b228c42aec0fc.txt").read_text("utf-8")
    (seeds_dir / "republished.txt").write_text(wire.replace("| BGNES", "| Sofia Daily"), "utf-8")
    run_ingest(seeds_dir, fresh_warehouse)
    rows = warehouse_rows(
        seeds_warehouse := fresh_warehouse, "SELECT n_outlets, outlets, wires FROM syndication"
    )
    assert rows == [(2, ["BGNES", "Sofia Daily"], ["AFP"])]
    assert warehouse_rows(seeds_warehouse, "SELECT count(*) FROM syndication") == [(1,)]


def test_the_notebook_runs_end_to_end(seeds_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "coverage.html"
    done = subprocess.run(
        [str(Path(sys.executable).with_name("marimo")), "export", "html",
         str(ROOT / "notebooks" / "coverage.py"), "-o", str(out)],
        env={**os.environ, "NEWSDESK_WAREHOUSE": str(seeds_warehouse)},
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = out.read_text("utf-8")
    for answer in ("Yomiuri Shimbun", "Friedrich Merz", "Volodymyr Zelenskyy"):
        assert answer in page


def _png_pixels(path: Path) -> bytes:
    """The raw scanlines of a PNG (enough to tell a blank image from a drawn one)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        if kind == b"IDAT":
            chunks.append(data[offset + 8 : offset + 8 + length])
        offset += 12 + length
    return zlib.decompress(b"".join(chunks))


def _render(chromium: str, page: Path, tmp_path: Path) -> tuple[Path, str, str]:
    shot = tmp_path / f"{page.stem}.png"
    common = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run(
        [*common, "--window-size=1100,2400", f"--screenshot={shot}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    dom = subprocess.run(
        [*common, "--enable-logging=stderr", "--v=0", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return shot, dom.stdout, dom.stderr


def test_the_report_draws_its_charts_in_chromium(
    seeds_warehouse: Path, chromium: str, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    made = subprocess.run(
        [sys.executable, "-m", "newsdesk.cli", "report", "--out", str(out),
         "--warehouse", str(seeds_warehouse)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    page = out / "index.html"
    assert "cdn" not in re.sub(r"<script.*?</script>", "", page.read_text("utf-8"), flags=re.S)
    shot, dom, log = _render(chromium, page, tmp_path)
    pixels = _png_pixels(shot)
    assert len(set(pixels)) > 50, "the screenshot is blank"
    assert dom.count('class="mark-rect') + dom.count('class="mark-symbol') >= 2
    assert dom.count("<svg") >= 1 and "Articles by outlet" in dom
    console_errors = [
        line
        for line in log.splitlines()
        if "CONSOLE" in line and re.search(r"error|uncaught", line, re.I)
    ]
    assert console_errors == []


def test_data_docs_open_in_chromium(seeds_warehouse: Path, chromium: str, tmp_path: Path) -> None:
    index = seeds_warehouse.parent / "data_docs" / "index.html"
    assert index.exists()
    shot, dom, _ = _render(chromium, index, tmp_path)
    assert len(set(_png_pixels(shot))) > 20
    assert "articles" in dom and "paragraphs" in dom


def test_every_query_the_readme_shows_runs(seeds_warehouse: Path) -> None:
    import duckdb

    readme = (ROOT / "README.md").read_text("utf-8")
    shown = re.findall(r'newsdesk sql "([^"]+)"', readme) + re.findall(
        r'nd\.sql\("([^"]+)"\)', readme
    )
    queries = [q for q in shown if q.strip() != "SELECT ..."]
    assert len(queries) >= 4
    with duckdb.connect(str(seeds_warehouse), read_only=True) as con:
        for sql in queries:
            assert con.execute(sql).fetchall(), sql


def _requests_offline(chromium: str, page: Path, tmp_path: Path) -> tuple[str, set[str]]:
    """The page's DOM after its scripts ran, and every URL Chromium asked for, with every
    host name made unresolvable (no network)."""
    netlog = tmp_path / f"{page.stem}.netlog.json"
    dom = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'offline-profile'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", f"--log-net-log={netlog}",
         # The browser's own clock check is no request of the page's.
         "--disable-features=NetworkTimeServiceQuerying",
         "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    urls = set(re.findall(r'"url":"([^"]+)"', netlog.read_text("utf-8", errors="replace")))
    return dom.stdout, urls


def _browser_service(url: str) -> bool:
    """Chromium's own background requests (updates, clock), which no page makes."""
    host = url.split("/")[2].split(":")[0]
    return host.endswith((".google.com", ".googleapis.com", ".gvt1.com"))


def test_data_docs_render_with_no_network(
    seeds_warehouse: Path, chromium: str, tmp_path: Path
) -> None:
    docs = seeds_warehouse.parent / "data_docs"
    pages = [docs / "index.html", next((docs / "validations").rglob("*.html"))]
    for page in pages:
        dom, urls = _requests_offline(chromium, page, tmp_path)
        remote = sorted(
            u for u in urls
            if u.startswith(("http:", "https:", "ws:", "wss:")) and not _browser_service(u)
        )  # fmt: skip
        assert remote == [], remote
        # Nor does any page name a remote stylesheet, script or image to load.
        html = page.read_text("utf-8")
        assert re.findall(r'<(?:link|script|img)\b[^>]*(?:href|src)="https?:[^"]*"', html) == []
        # Every stylesheet and script it names is a file beside it (file loads are not in
        # the network log), and its scripts ran: the table plug-in built its tables.
        named = re.findall(r'<(?:link|script)\b[^>]*(?:href|src)="([^"]+\.(?:css|js))"', html)
        assert any("bootstrap.min.css" in n for n in named) and any("jquery" in n for n in named)
        assert [n for n in named if not (page.parent / n).is_file()] == []
        # bootstrap-table wraps each table it builds in this class: its scripts ran.
        assert page != pages[0] or 'class="bootstrap-table bootstrap4"' in dom
    index_dom, _ = _requests_offline(chromium, pages[0], tmp_path)
    assert "articles" in index_dom and "paragraphs" in index_dom  # the lists are filled


def test_the_exported_notebook_renders_with_no_network(
    seeds_warehouse: Path, chromium: str, tmp_path: Path
) -> None:
    import functools
    import http.server
    import threading

    from tests.test_cli import newsdesk

    out = tmp_path / "notebook"
    done = newsdesk("notebook", "--out", str(out), "--warehouse", str(seeds_warehouse))
    assert done.returncode == 0, done.stderr
    page = (out / "index.html").read_text("utf-8")
    assert "cdn.jsdelivr.net" not in page
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    netlog = tmp_path / "notebook.netlog.json"
    try:
        dom = subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'nb-profile'}",
             "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
             "--disable-features=NetworkTimeServiceQuerying", f"--log-net-log={netlog}",
             "--dump-dom", f"http://127.0.0.1:{server.server_address[1]}/index.html"],
            capture_output=True, text=True, timeout=180, check=True,
        ).stdout  # fmt: skip
    finally:
        server.shutdown()
    urls = set(re.findall(r'"url":"([^"]+)"', netlog.read_text("utf-8", errors="replace")))
    remote = sorted(
        u for u in urls
        if u.startswith(("http:", "https:", "ws:", "wss:"))
        and not u.startswith("http://127.0.0.1:") and not _browser_service(u)
    )  # fmt: skip
    assert remote == [], remote
    assert any(u.startswith("http://127.0.0.1:") and "/assets/" in u for u in urls)
    # The frontend ran: the notebook is drawn (the export itself holds no <h1>, only its
    # cells' outputs as data), with its answers.
    assert "<h1" not in page
    assert '<h1 id="coverage-questions">Coverage questions' in dom and "Yomiuri Shimbun" in dom
