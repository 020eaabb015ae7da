"""Tables spilled to disk chunk by chunk read back and write the same bytes as the whole table in memory."""

import numpy as np
import pytest
import pandas as pd

from analysis_helpers.runner.outputs import excel_safe, write_table
from analysis_helpers.runner.spill import SpilledTable, materialise


def _parts():
    # the second part turns the int column into floats, the third is empty, the last has text with a formula start
    return [
        pd.DataFrame({"doc_id": ["a", "a"], "n": [1, 2], "flag": [True, False], "text": ["x, y", "=1+1"]}),
        pd.DataFrame({"doc_id": ["b"], "n": [np.nan], "flag": [True], "text": ["line\nbreak"]}),
        pd.DataFrame({"doc_id": pd.Series([], dtype=object), "n": pd.Series([], dtype="int64"),
                      "flag": pd.Series([], dtype=bool), "text": pd.Series([], dtype=object)}),
        pd.DataFrame({"doc_id": ["c"], "n": [7], "flag": [False], "text": ["-5 points"]}),
    ]


def _spilled(tmp_path, parts):
    table = SpilledTable(tmp_path / "parts")
    for part in parts:
        table.append(part)
    return table


def test_spilled_csv_equals_the_concatenated_table(tmp_path):
    parts = _parts()
    whole = pd.concat([p for p in parts if len(p)], ignore_index=True)
    table = _spilled(tmp_path, parts)
    assert len(table) == len(whole) == 4
    pd.testing.assert_frame_equal(table.frame(), whole)
    pd.testing.assert_frame_equal(table.frame(["n", "text"]), whole[["n", "text"]])
    for excel in (False, True):
        spilled_dir, whole_dir = tmp_path / f"s{excel}", tmp_path / f"w{excel}"
        spilled_dir.mkdir()
        whole_dir.mkdir()
        write_table(table, spilled_dir, "t", excel=excel)
        write_table(whole, whole_dir, "t", excel=excel)
        assert (spilled_dir / "t.csv").read_bytes() == (whole_dir / "t.csv").read_bytes()
    assert (tmp_path / "sTrue" / "t.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert excel_safe(whole)["text"].tolist()[1] == "'=1+1"


def test_a_replaced_column_is_cut_along_the_parts(tmp_path):
    table = _spilled(tmp_path, _parts()).with_column("doc_id", ["A1", "A2", "B1", "C1"])
    assert table.frame()["doc_id"].tolist() == ["A1", "A2", "B1", "C1"]
    assert [f["doc_id"].tolist() for f in table.iter_frames()] == [["A1", "A2"], ["B1"], ["C1"]]


def test_only_empty_parts_write_the_header_of_the_first(tmp_path):
    table = _spilled(tmp_path, [_parts()[2], _parts()[2]])
    assert len(table) == 0
    write_table(table, tmp_path, "empty")
    assert (tmp_path / "empty.csv").read_text() == "doc_id,n,flag,text\n"
    assert list(materialise(table).columns) == ["doc_id", "n", "flag", "text"]


def test_the_system_allocator_for_arrow_keeps_the_values():
    pa = pytest.importorskip("pyarrow")
    from analysis_helpers.runner.spill import use_system_arrow_pool

    before = pa.default_memory_pool()
    try:
        use_system_arrow_pool()
        assert pa.default_memory_pool().backend_name == "system"
        frame = pd.DataFrame({"text": pd.array(["a", "bé", None], dtype="str")})
        assert frame["text"].str.upper().tolist()[:2] == ["A", "BÉ"]
    finally:
        pa.set_memory_pool(before)
