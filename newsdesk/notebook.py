"""`newsdesk notebook`: the example notebook run through and exported as a page that needs
no network.

marimo's export names its frontend on a CDN; the same files ship inside the marimo
package (`marimo/_static/`), so the export is written beside a copy of them with the CDN
prefix rewritten to the local folder. The frontend is JavaScript modules, which browsers
load over HTTP only (not from file://): `--serve` serves the folder on 127.0.0.1.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["export_notebook", "serve_folder"]

_CDN = re.compile(r"https://cdn\.jsdelivr\.net/npm/@marimo-team/frontend@[\w.+-]+/dist/")


def export_notebook(notebook: Path, out: Path, warehouse: Path) -> Path:
    """Run the notebook against the warehouse and write out/index.html with its assets."""
    import marimo

    out.mkdir(parents=True, exist_ok=True)
    page = out / "index.html"
    done = subprocess.run(
        [sys.executable, "-m", "marimo", "export", "html", str(notebook), "-o", str(page)],
        env={**os.environ, "NEWSDESK_WAREHOUSE": str(warehouse)},
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"marimo export failed: {done.stderr.strip()[-400:]}")
    static = Path(marimo.__file__).parent / "_static"
    shutil.copytree(static / "assets", out / "assets", dirs_exist_ok=True)
    for icon in static.glob("*.png"):
        shutil.copy2(icon, out / icon.name)
    if (static / "favicon.ico").is_file():
        shutil.copy2(static / "favicon.ico", out / "favicon.ico")
    page.write_text(_CDN.sub("./", page.read_text("utf-8")), "utf-8")
    return page


def serve_folder(folder: Path, port: int) -> None:
    """Serve the folder on 127.0.0.1 until interrupted."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"serving {folder} at http://127.0.0.1:{port}/ (Ctrl-C stops)", flush=True)
        server.serve_forever()
