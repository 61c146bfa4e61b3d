"""Reading inputs: encodings, binary files, corpora, publication dates, the report."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflict_events.io.encoding import decode_bytes, looks_binary, read_text, sniff_encoding
from conflict_events.io.pubdate import detect_publication_date, parse_date
from conflict_events.io.readers import iter_documents
from conflict_events.io.report import InputReport

D = dt.date


def read_all(inputs, tmp_path=None, **kwargs):
    stream = io.StringIO()
    report = InputReport(stream=stream)
    docs = list(iter_documents([str(i) for i in inputs], report=report, **kwargs))
    return docs, report, stream.getvalue()


# --- encodings -------------------------------------------------------------

SAMPLE = "Le café — naïve “quote” in Zürich"


@pytest.mark.parametrize(
    "data, expected",
    [
        (SAMPLE.encode("utf-8"), SAMPLE),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), SAMPLE),
        (SAMPLE.encode("utf-16"), SAMPLE),  # with BOM
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE),
        ("café — naïve".encode("cp1252"), "café — naïve"),
        ("Grève générale à Marseille, manifestants réunis".encode("latin-1"),
         "Grève générale à Marseille, manifestants réunis"),
        (b"", ""),
    ],
    ids=["utf8", "utf8-bom", "utf16-le-bom", "utf16-be-bom", "cp1252", "latin1", "empty"],
)
def test_decode(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + "Gunmen attacked a café.\r\n".encode())
    assert read_text(path) == "Gunmen attacked a café.\r\n"


def test_undecodable_bytes_are_replaced_not_fatal() -> None:
    text = decode_bytes(b"ok \xff\xfe\xfd bytes \x81 end")
    assert text.startswith("ok ") and text.endswith(" end")


@pytest.mark.parametrize(
    "data, binary",
    [
        (b"plain text\n", False),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
        (b"PK\x03\x04\x14\x00\x00\x00", True),
        (bytes(range(1, 32)) * 20, True),
        ("text".encode("utf-16"), False),
        (b"", False),
    ],
)
def test_looks_binary(data: bytes, binary: bool) -> None:
    assert looks_binary(data) is binary


def test_sniff_encoding_handles_cut_multibyte_character() -> None:
    data = "é".encode() * 10
    assert sniff_encoding(data[:-1]) == "utf-8"


# --- files, folders, stdin ----------------------------------------------------


def test_text_files_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text("Second story.", encoding="utf-8")
    (folder / "sub" / "a.txt").write_text("Nested story.", encoding="utf-8")
    (folder / "a.txt").write_text("First story.", encoding="utf-8")
    (folder / "notes.md").write_text("not picked from folders", encoding="utf-8")
    single = tmp_path / "single.md"
    single.write_text("Markdown story.", encoding="utf-8")
    docs, report, _ = read_all([folder, single])
    assert [Path(d.id).relative_to(tmp_path).as_posix() for d in docs] == [
        "corpus/a.txt",
        "corpus/b.txt",
        "corpus/sub/a.txt",
        "single.md",
    ]
    assert docs[0].text == "First story."
    assert report.documents_read == 4 and not report.failed


def test_binary_file_is_skipped_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x00\x01\x02\x03binary\x00")
    docs, report, out = read_all([path])
    assert docs == []
    assert f"Warning: skipped binary file {path}" in out
    assert not report.failed and report.files_skipped == 1


def test_empty_file_is_skipped_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    docs, report, out = read_all([path])
    assert docs == [] and "Warning: skipped empty file" in out and not report.failed


def test_missing_file_is_an_error_and_reading_continues(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Police arrested two men.", encoding="utf-8")
    docs, report, out = read_all([tmp_path / "missing.txt", good])
    assert [d.text for d in docs] == ["Police arrested two men."]
    assert f"Error: cannot read {tmp_path / 'missing.txt'}: " in out
    assert report.failed


def test_stdin_text() -> None:
    report = InputReport(stream=None)
    stdin = io.BytesIO("Published: 3 May 2022\nTroops clashed.".encode("utf-16"))
    (doc,) = iter_documents(["-"], report=report, stdin=stdin)
    assert doc.id == "-" and doc.text.endswith("Troops clashed.")
    assert (doc.date, doc.date_source) == (D(2022, 5, 3), "header")


def test_stdin_jsonl_auto() -> None:
    report = InputReport(stream=None)
    stdin = io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n')
    docs = list(iter_documents(["-"], report=report, stdin=stdin))
    assert [d.id for d in docs] == ["-:1", "-:2"]


def test_html_without_extra_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import conflict_events.io.readers as readers

    monkeypatch.setattr(readers, "html_available", lambda: False)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Story.</p></body></html>", encoding="utf-8")
    docs, report, out = read_all([page])
    assert docs == [] and report.failed
    assert "pip install 'conflict-events[html]'" in out


# --- corpora ---------------------------------------------------------------


def test_csv_corpus_with_id_and_date_columns(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        "id,published,body\n"
        'n1,2024-03-05,"Rebels shelled the town, officials said."\n'
        'n2,05/03/2024,"Undated text, with a header line.\nPublished: 1 June 2023"\n'
        'n3,,"No date anywhere."\n',
        encoding="utf-8",
    )
    docs, report, out = read_all([path], text_column="body", id_column="id", date_column="published")
    assert [d.id for d in docs] == ["n1", "n2", "n3"]
    assert (docs[0].date, docs[0].date_source) == (D(2024, 3, 5), "column")
    # A header line in the text wins over the column.
    assert (docs[1].date, docs[1].date_source) == (D(2023, 6, 1), "header")
    assert (docs[2].date, docs[2].date_source) == (None, "")
    assert out == "" and report.documents_read == 3


def test_header_date_beats_column_and_option_beats_both(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_text(
        json.dumps({"text": "Date: 2021-01-02\nSoldiers fired on a crowd.", "day": "2024-03-05"}) + "\n",
        encoding="utf-8",
    )
    (doc,) = read_all([path], date_column="day")[0]
    assert (doc.date, doc.date_source) == (D(2021, 1, 2), "header")
    (doc,) = read_all([path], date_column="day", date_override=D(2020, 7, 7))[0]
    assert (doc.date, doc.date_source) == (D(2020, 7, 7), "option")


def test_csv_ids_default_to_path_and_row(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("text\tother\nFirst.\tx\nSecond.\ty\n", encoding="utf-8")
    docs, _, _ = read_all([path])
    assert [d.id for d in docs] == [f"{path}:1", f"{path}:2"]


def test_csv_missing_text_column_names_columns(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("title,content\nA,B\n", encoding="utf-8")
    docs, report, out = read_all([path])
    assert docs == [] and report.failed
    assert f"Error: {path}: no text column 'text'; the columns are: 'title', 'content'" in out


def test_csv_broken_rows_warn_with_line(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("text,id\nGood row.,1\nonly-one-field\n,3\nAnother good row.,4\n", encoding="utf-8")
    docs, report, out = read_all([path], id_column="id")
    assert [d.id for d in docs] == ["1", "4"]
    assert f"Warning: {path}:3: the row has 1 fields, the header 2" in out
    assert f"Warning: {path}:4: empty 'text' value" in out
    assert report.lines_skipped == 2 and not report.failed


def test_csv_huge_field(tmp_path: Path) -> None:
    big = "word " * 60000
    path = tmp_path / "big.csv"
    path.write_text(f'text\n"{big}"\n', encoding="utf-8")
    docs, report, _ = read_all([path])
    assert len(docs) == 1 and len(docs[0].text) == len(big)


def test_csv_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_bytes("text\nManifestation au café — naïve\n".encode("cp1252"))
    (doc,) = read_all([path])[0]
    assert doc.text == "Manifestation au café — naïve"


def test_jsonl_broken_line_warns_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"text": "One.", "id": "a"}\n\n{"text": "Two.\n[1, 2]\n{"text": "Three.", "id": "c"}\n', encoding="utf-8")
    docs, report, out = read_all([path], id_column="id")
    assert [d.id for d in docs] == ["a", "c"]
    assert f"Warning: {path}:3: not valid JSON" in out
    assert f"Warning: {path}:4: not a JSON object" in out
    assert report.summary() == "read 2 documents; skipped 2 lines"


def test_jsonl_missing_text_field_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "docs.ndjson"
    path.write_text('{"body": "x", "id": 1}\n', encoding="utf-8")
    docs, report, out = read_all([path])
    assert docs == [] and report.failed
    assert "no text column 'text'; the columns are: 'body', 'id'" in out


def test_report_summary_and_stream() -> None:
    stream = io.StringIO()
    report = InputReport(stream=stream)
    for _ in range(12):
        report.document_read()
    report.skipped_line("a.csv:3: bad")
    report.skipped_line("a.csv:9: bad")
    report.skipped_file("cannot read x: gone")
    assert report.summary() == "read 12 documents; skipped 2 lines, 1 file"
    assert stream.getvalue().splitlines() == [
        "Warning: a.csv:3: bad",
        "Warning: a.csv:9: bad",
        "Error: cannot read x: gone",
    ]
    assert report.failed


# --- publication dates --------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Date:2023-11-06 08:00:35\nStory here.", (D(2023, 11, 6), "header")),
        ("Headline\nPublished: 3 May 2022\nStory.", (D(2022, 5, 3), "header")),
        ("Updated on March 5, 2024\nStory.", (D(2024, 3, 5), "header")),
        ("Posted 2024-01-02T10:00:00Z\nStory.", (D(2024, 1, 2), "header")),
        ("Headline\n2019-08-30T06:15:00+02:00\nStory.", (D(2019, 8, 30), "header")),
        ("Title\nFriday, 12 July 2019 14:05 GMT\nStory.", (D(2019, 7, 12), "header")),
        ("Updated: 2024-05-01\nPublished: 2024-04-30\nStory.", (D(2024, 4, 30), "header")),
        ("By Ana Ruiz | Sept. 9, 2021\nStory.", (D(2021, 9, 9), "header")),
        ("Publication date: 17.02.2020\nStory.", (D(2020, 2, 17), "header")),
        ("Title\nKHARTOUM, Sudan, June 4, 2023 (Reuters) - Fighting resumed.", (D(2023, 6, 4), "dateline")),
        ("March 3, 2024 — Soldiers entered the village.", (D(2024, 3, 3), "dateline")),
        ("LAGOS, 14 February 2022 -- Police dispersed marchers.", (D(2022, 2, 14), "dateline")),
        ("KYIV, Ukraine, March 3 (Reuters) - Russian drones struck.", (None, "")),
        ("The army said on March 3, 2024 - nothing more - that it withdrew.", (None, "")),
        ("Published 3 hours ago\nStory.", (None, "")),
        ("Updated figures show 2,000 people were displaced.", (None, "")),
        ("", (None, "")),
        ("Date: 2024-02-30\nImpossible date.", (None, "")),
    ],
)
def test_detect_publication_date(text: str, expected: tuple) -> None:
    assert detect_publication_date(text) == expected


def test_header_zone_is_only_the_top() -> None:
    text = "\n".join(f"Paragraph {i} of the story goes on." for i in range(30)) + "\nPublished: 3 May 2022"
    assert detect_publication_date(text) == (None, "")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05", D(2024, 3, 5)),
        ("2024-03-05T12:00:00Z", D(2024, 3, 5)),
        ("5 March 2024", D(2024, 3, 5)),
        ("March 5, 2024", D(2024, 3, 5)),
        ("2024/03/05", D(2024, 3, 5)),
        ("", None),
        ("yesterday", None),
        ("March 2024", None),
    ],
)
def test_parse_date(value: str, expected: D | None) -> None:
    assert parse_date(value) == expected


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_detect_publication_date_never_raises(text: str) -> None:
    date, source = detect_publication_date(text)
    assert (date is None) == (source == "")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Date:", "Published", " 2024-", "03-05", "March ", "5, ", "2024", "\n", " — ", "(AP)", "KYIV, "]), max_size=20))
def test_detect_publication_date_never_raises_on_date_like_text(parts: list[str]) -> None:
    detect_publication_date("".join(parts))


def test_html_page_is_reduced_to_main_text(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    page = tmp_path / "site" / "page.html"
    page.parent.mkdir()
    page.write_text(
        "<html><head><title>Clashes</title></head><body><nav>Home &gt; World</nav><article>"
        "<h1>Clashes in the hills</h1><p>Published: 4 June 2023</p>"
        "<p>Rebels and government troops clashed near a hill town on Saturday, killing at least "
        "six fighters, local officials said on Sunday.</p>"
        "<p>Hundreds of families fled their homes after the fighting, an aid group said.</p>"
        "</article><footer>Copyright 2023 Example</footer></body></html>",
        encoding="utf-8",
    )
    docs, report, _ = read_all([page.parent])
    (doc,) = docs
    assert "Rebels and government troops clashed" in doc.text
    assert "<p>" not in doc.text and "Home" not in doc.text
    assert (doc.date, doc.date_source) == (D(2023, 6, 4), "header")


def test_empty_folder_warns(tmp_path: Path) -> None:
    docs, report, out = read_all([tmp_path])
    assert docs == [] and f"Warning: no text files in folder {tmp_path}" in out and not report.failed
