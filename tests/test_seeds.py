"""The seed corpus is the scraped files byte for byte, with a manifest and checksums."""

import csv
import hashlib

import pytest

from analysis_helpers.paths import seeds_dir, shared_dir

EXPECTED_FILES = 5


def checksums():
    lines = (seeds_dir() / "SHA256SUMS").read_text("utf-8").splitlines()
    return {name: digest for digest, name in (line.split("  ", 1) for line in lines)}


def test_every_seed_matches_its_checksum():
    sums = checksums()
    assert len(sums) == EXPECTED_FILES
    for name, digest in sums.items():
        assert hashlib.sha256((seeds_dir() / name).read_bytes()).hexdigest() == digest, name


def test_every_txt_file_has_a_checksum():
    assert sorted(p.name for p in seeds_dir().glob("*.txt")) == sorted(checksums())


def test_manifest_columns_and_rows():
    with open(seeds_dir() / "manifest.csv", encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == ["file", "doc_id", "outlet", "url", "published", "published_note"]
    assert sorted(r["file"] for r in rows) == sorted(checksums())
    assert len({r["doc_id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["url"].startswith("https://")
        assert row["published"] in ("", "2025-02-13"), "only dates SOURCES.md establishes"
        assert row["published_note"], "every date says how it is known"


def test_seeds_equal_the_shared_originals():
    shared = shared_dir()
    if shared is None or not (shared / "seeds").is_dir():
        pytest.skip("../shared/seeds is not beside this clone")
    for name in checksums():
        assert (seeds_dir() / name).read_bytes() == (shared / "seeds" / name).read_bytes(), name
