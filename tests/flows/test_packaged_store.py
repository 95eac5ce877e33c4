"""What is built from data packages is built once and kept on disk, keyed by what it reads."""

from __future__ import annotations

import uuid
from pathlib import Path

from flows.packaged_store import DiskStore
from transforms.packaged import Packaged, built, keep_in


class Builds:
    """A build that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def item(build: Builds, distributions: tuple[str, ...] = ("polars",)) -> Packaged[object]:
    # A name of its own: built() remembers each name for the life of the process.
    return Packaged(f"test-{uuid.uuid4().hex}", distributions, "transforms.gazetteer", build)


def test_a_structure_is_built_once_and_a_later_process_loads_it(tmp_path: Path) -> None:
    build = Builds({"paris": "Paris"})
    thing = item(build)
    keep_in(DiskStore(tmp_path))
    try:
        assert built(thing) == {"paris": "Paris"}
        assert built(thing) == {"paris": "Paris"}
    finally:
        keep_in(None)
    assert build.calls == 1
    # Another process: the same inputs read back from the folder, nothing built.
    assert DiskStore(tmp_path).load(thing) == {"paris": "Paris"}
    assert len(list(tmp_path.glob(f"{thing.name}-*.pickle"))) == 1


def test_another_package_version_is_another_key_and_the_old_file_goes(tmp_path: Path) -> None:
    store = DiskStore(tmp_path)
    old = item(Builds("old"), ("polars",))
    store.save(old, "old")
    renamed = Packaged(old.name, ("duckdb",), old.module, Builds("new"))
    assert store.load(renamed) is None  # built from other packages: not the same thing
    store.save(renamed, "new")
    assert store.load(renamed) == "new"
    assert store.load(old) is None
    assert len(list(tmp_path.glob(f"{old.name}-*.pickle"))) == 1


def test_a_cut_short_file_is_built_again(tmp_path: Path) -> None:
    build = Builds(list(range(1000)))
    thing = item(build)
    store = DiskStore(tmp_path)
    store.save(thing, build.value)
    (path,) = tmp_path.glob(f"{thing.name}-*.pickle")
    path.write_bytes(path.read_bytes()[:100])
    assert store.load(thing) is None
    keep_in(store)
    try:
        assert built(thing) == list(range(1000))
    finally:
        keep_in(None)
    assert build.calls == 1
    assert store.load(thing) == list(range(1000))  # written whole again


def test_an_unwritable_place_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    build = Builds("value")
    store = DiskStore(blocker / "packaged")  # its parent is a file: mkdir fails
    keep_in(store)
    try:
        assert built(item(build)) == "value"
    finally:
        keep_in(None)
    assert build.calls == 1
    assert list(tmp_path.iterdir()) == [blocker]
