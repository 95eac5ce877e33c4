"""Data Docs that open with no network: the CDN styles and scripts Great Expectations names
are served from copies shipped with newsdesk (flows/docs_assets/, their licences beside
them), and its logo from the copy in Data Docs' own static folder."""

from __future__ import annotations

import os
import re
import shutil
from functools import cache
from pathlib import Path

import yaml

__all__ = ["ASSETS_DIR", "make_offline"]

ASSETS_DIR = Path(__file__).with_name("docs_assets")
_VENDOR = "vendor"  # under the Data Docs' static/
# Great Expectations' own images, named by URL on its web-assets host.
_GX_IMAGE = re.compile(
    r"https://great-expectations-web-assets\.s3\.[a-z0-9-]+\.amazonaws\.com/([\w.-]+\.png)(?:\?[^\"']*)?"
)
_SCRIPT_TAG = '<script src="{url}"></script>'


@cache
def _manifest() -> tuple[dict[str, str], tuple[str, ...]]:
    raw = yaml.safe_load((ASSETS_DIR / "assets.yaml").read_text("utf-8"))
    return dict(raw["assets"]), tuple(raw["unused"])


def make_offline(docs_dir: Path) -> int:
    """Copy the assets into the Data Docs and point every page at them; the pages changed."""
    assets, unused = _manifest()
    static = docs_dir / "static"
    # Every run rebuilds Data Docs; the 1.9 MB of assets are copied once, not each time.
    shutil.copytree(ASSETS_DIR, static / _VENDOR, dirs_exist_ok=True, copy_function=_copy_if_new)
    changed = 0
    for page in docs_dir.rglob("*.html"):
        html = page.read_text("utf-8")
        rewritten = offline_html(html, os.path.relpath(static, page.parent), assets, unused)
        if rewritten != html:
            page.write_text(rewritten, "utf-8")
            changed += 1
    return changed


def _copy_if_new(source: str, target: str) -> object:
    there = Path(target)
    if there.is_file() and there.stat().st_size == Path(source).stat().st_size:
        return target
    return shutil.copy2(source, target)


def offline_html(html: str, static: str, assets: dict[str, str], unused: tuple[str, ...]) -> str:
    """The page with each known CDN URL replaced by its local copy (static: the page's
    relative path to the Data Docs' static folder)."""
    for url in unused:
        html = re.sub(rf"<script[^>]*\bsrc=\"{re.escape(url)}\"[^>]*>\s*</script>\s*", "", html)
    for url, local in assets.items():
        html = html.replace(f'"{url}"', f'"{static}/{_VENDOR}/{local}"')
    return _GX_IMAGE.sub(lambda m: f"{static}/images/{m.group(1)}", html)
