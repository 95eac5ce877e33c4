"""`newsdesk actors`: look at the actors recognition discovered, and curate the registry.

Listing reads the warehouse (read-only). Promoting, merging and blocking edit the registry
file (`transforms/data/actors.yaml`, or `$NEWSDESK_ACTORS_FILE`) by one line each; the next
ingest run re-derives every stored article's mentions with it (no page is read again).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from flows.settings import Settings
from transforms.registry_edit import add_actor, add_aliases, block_phrase

__all__ = ["add_parser"]

DEFAULT_LIMIT = 30


def add_parser(commands: Any, warehouse_option: Any) -> None:
    actors = commands.add_parser(
        "actors", help="list discovered actors; promote, merge or block them in the registry"
    )
    actions = actors.add_subparsers(dest="action")
    listing = actions.add_parser("list", help="discovered actors, most mentioned first")
    listing.add_argument("--type", choices=("person", "organization", "place"))
    listing.add_argument("--limit", type=int, default=DEFAULT_LIMIT)
    warehouse_option(listing)
    listing.set_defaults(handler=_list)

    promote = actions.add_parser("promote", help="add a discovered actor to the registry")
    promote.add_argument("actor_id", help="as `newsdesk actors list` prints it")
    promote.add_argument("--name", help="the canonical name (default: the discovered one)")
    warehouse_option(promote)
    promote.set_defaults(handler=_promote)

    merge = actions.add_parser(
        "merge", help="make discovered actors spellings of a registry actor (or of a new one)"
    )
    merge.add_argument("actor_ids", nargs="+")
    merge.add_argument("--into", required=True, metavar="NAME", help="the registry name")
    merge.add_argument("--type", choices=("person", "organization", "place"))
    warehouse_option(merge)
    merge.set_defaults(handler=_merge)

    block = actions.add_parser("block", help="a name recognition finds that is no actor")
    block.add_argument("name")
    block.set_defaults(handler=_block)
    actors.set_defaults(handler=_list, type=None, limit=DEFAULT_LIMIT, warehouse=None)


def registry_path(settings: Settings) -> Path:
    """The registry file the curation commands edit (and every run reads)."""
    return settings.curated.actors


def _list(args: argparse.Namespace) -> int:
    from flows.warehouse import connect, query
    from newsdesk.tables import print_table

    settings = Settings.from_env(warehouse=args.warehouse)
    with connect(settings.warehouse, analyst=True) as con:
        frame = query(con, "queries/discovered_actors", {"type": args.type, "limit": args.limit})
    if frame.is_empty():
        print("no discovered actors (run an ingest first, or every name is in the registry)")
        return 0
    print_table(frame, args.limit)
    print("\npromote: newsdesk actors promote ID · merge: newsdesk actors merge ID... --into NAME")
    print("block: newsdesk actors block NAME")
    return 0


def _promote(args: argparse.Namespace) -> int:
    settings = Settings.from_env(warehouse=args.warehouse)
    actor = _discovered(settings, args.actor_id)
    name = args.name or actor["name"]
    path = registry_path(settings)
    spellings = [actor["name"], *actor["aliases"]]
    path.write_text(add_actor(path.read_text("utf-8"), name, actor["type"], spellings), "utf-8")
    print(f"added {name!r} ({actor['type']}) to {path}; the next ingest re-derives mentions")
    return 0


def _merge(args: argparse.Namespace) -> int:
    settings = Settings.from_env(warehouse=args.warehouse)
    actors = [_discovered(settings, actor_id) for actor_id in args.actor_ids]
    spellings = [s for a in actors for s in (a["name"], *a["aliases"])]
    path = registry_path(settings)
    text = path.read_text("utf-8")
    try:
        edited = add_aliases(text, args.into, spellings)
        done = f"{len(spellings)} spellings now name {args.into!r}"
    except ValueError:
        kind = args.type or actors[0]["type"]
        edited = add_actor(text, args.into, kind, spellings)
        done = f"added {args.into!r} ({kind}) with {len(spellings)} spellings"
    path.write_text(edited, "utf-8")
    print(f"{done} in {path}; the next ingest re-derives mentions")
    return 0


def _block(args: argparse.Namespace) -> int:
    path = registry_path(Settings.from_env())
    path.write_text(block_phrase(path.read_text("utf-8"), args.name), "utf-8")
    print(f"{args.name!r} is never an actor now ({path}); the next ingest re-derives mentions")
    return 0


def _discovered(settings: Settings, actor_id: str) -> dict[str, Any]:
    from flows.warehouse import connect, query

    with connect(settings.warehouse, analyst=True) as con:
        rows = query(con, "queries/actor_by_id", {"actor_id": actor_id}).to_dicts()
    if not rows:
        raise LookupError(f"no actor {actor_id!r} in {settings.warehouse}")
    if rows[0]["source"] != "discovered":
        raise ValueError(f"{actor_id!r} is already in the registry as {rows[0]['name']!r}")
    return rows[0]
