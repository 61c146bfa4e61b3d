"""Issue 7: bad input, interrupted runs, nothing lost.

Bad inputs go through the command line (CliRunner on ``app``); closed pipes,
Ctrl-C and interrupted ``-o`` runs go through the real console script in a
subprocess. Every article here is written for these tests.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflict_events.cli import app
from conflict_events.io.documents import Document
from conflict_events.schema import COLUMNS

ATTACK = "Gunmen shot dead three farmers in Mosul on Sunday, officials said.\n"
PROTEST = "Hundreds of protesters marched in Basra on Friday against power cuts.\n"
CLASH = "Militants attacked a checkpoint in Kirkuk on Sunday, killing three policemen.\n"
ACCENTED = "Gunmen shot dead three farmers in Ségou, Mali, on Sunday, officials said.\n"
DATE = "2025-03-05"
HEADER = ",".join(COLUMNS) + "\n"


def console_script() -> list[str]:
    found = shutil.which("conflict-events")
    return [found] if found else [sys.executable, "-m", "conflict_events.cli"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "attack.txt").write_text(ATTACK, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def extract(runner: CliRunner, *args: str, input: str | bytes | None = None):
    return runner.invoke(app, ["extract", *args], input=input, catch_exceptions=False)


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def locations(text: str) -> list[tuple[str, str]]:
    return [(r["doc_id"], r["location"]) for r in csv_rows(text)]


# --- missing, unreadable and binary files --------------------------------------------


def test_missing_file_is_an_error_but_the_others_are_written(runner, workdir):
    (workdir / "protest.txt").write_text(PROTEST, encoding="utf-8")
    result = extract(runner, "attack.txt", "missing.txt", "protest.txt", "--date", DATE, "-f", "csv")
    assert result.exit_code == 1
    assert locations(result.stdout) == [("attack.txt", "Mosul"), ("protest.txt", "Basrah")]
    assert result.stderr == (
        "Error: cannot read missing.txt: No such file or directory\n"
        "Summary: read 2 documents; skipped 1 file\n"
    )


def test_dangling_link_is_an_error(runner, workdir):
    os.symlink(workdir / "gone.txt", workdir / "link.txt")
    result = extract(runner, "link.txt", "attack.txt", "--date", DATE, "-f", "csv")
    assert result.exit_code == 1
    assert locations(result.stdout) == [("attack.txt", "Mosul")]
    assert result.stderr == (
        "Error: cannot read link.txt: No such file or directory\n"
        "Summary: read 1 document; skipped 1 file\n"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_an_error(runner, workdir):
    secret = workdir / "secret.txt"
    secret.write_text(CLASH, encoding="utf-8")
    secret.chmod(0)
    try:
        result = extract(runner, "secret.txt", "attack.txt", "--date", DATE, "-f", "csv")
    finally:
        secret.chmod(0o644)
    assert result.exit_code == 1
    assert locations(result.stdout) == [("attack.txt", "Mosul")]
    assert result.stderr == (
        "Error: cannot read secret.txt: Permission denied\n"
        "Summary: read 1 document; skipped 1 file\n"
    )


def test_binary_file_is_skipped_with_a_warning(runner, workdir):
    (workdir / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (workdir / "blob.csv").write_bytes(b"text\n\x00\x01\x02\x03" * 100)
    result = extract(runner, "photo.txt", "blob.csv", "attack.txt", "--date", DATE, "-f", "csv")
    assert result.exit_code == 0
    assert locations(result.stdout) == [("attack.txt", "Mosul")]
    assert result.stderr == (
        "Warning: skipped binary file photo.txt\n"
        "Warning: skipped binary file blob.csv\n"
        "Summary: read 1 document; skipped 2 files\n"
    )


def test_binary_stdin_is_skipped(runner, workdir):
    result = extract(runner, "-", "attack.txt", "--date", DATE, "-f", "csv", input=b"\x00\x01\x02binary\x00" * 50)
    assert result.exit_code == 0
    assert locations(result.stdout) == [("attack.txt", "Mosul")]
    assert result.stderr == "Warning: skipped binary file -\nSummary: read 1 document; skipped 1 file\n"


# --- encodings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ACCENTED.encode("utf-8"),
        codecs.BOM_UTF8 + ACCENTED.encode("utf-8"),
        ACCENTED.encode("utf-16"),
        codecs.BOM_UTF16_BE + ACCENTED.encode("utf-16-be"),
        ACCENTED.encode("latin-1"),
        ("“Breaking” – " + ACCENTED).encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "latin1", "cp1252"],
)
def test_encodings_end_to_end(runner, workdir, data):
    (workdir / "segou.txt").write_bytes(data)
    result = extract(runner, "segou.txt", "--date", DATE, "-f", "jsonl")
    assert result.exit_code == 0
    assert result.stderr == ""
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (row["location"], row["country"]) == ("Segou", "Mali")
    assert "Ségou" in row["evidence"]
    assert "\ufffd" not in row["evidence"]


def test_cp1252_csv_corpus(runner, workdir):
    (workdir / "corpus.csv").write_bytes(("text,id\n\"" + ACCENTED.strip() + " – “quoted”\",a\n").encode("cp1252"))
    result = extract(runner, "corpus.csv", "--id-column", "id", "--date", DATE, "-f", "jsonl")
    assert result.exit_code == 0 and result.stderr == ""
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["doc_id"] == "a" and "Ségou" in row["evidence"]


def test_undecodable_bytes_are_replaced(runner, workdir):
    # UTF-16 with a dangling odd byte at the end: the text reads, the bad byte becomes U+FFFD.
    (workdir / "odd.txt").write_bytes(ATTACK.encode("utf-16") + b"\xd8")
    result = extract(runner, "odd.txt", "--date", DATE, "-f", "csv")
    assert result.exit_code == 0 and result.stderr == ""
    assert locations(result.stdout) == [("odd.txt", "Mosul")]
    from conflict_events.io.encoding import decode_bytes

    assert decode_bytes(ATTACK.encode("utf-16") + b"\xd8").endswith("\ufffd")


# --- empty documents ------------------------------------------------------------------


def test_empty_and_whitespace_documents(runner, workdir):
    (workdir / "empty.txt").write_bytes(b"")
    (workdir / "blank.txt").write_text(" \n\t\n\u00a0\u2003\n", encoding="utf-8")
    result = extract(runner, "empty.txt", "blank.txt", "-f", "csv")
    assert result.exit_code == 0
    assert result.stdout == HEADER
    assert result.stderr == (
        "Warning: skipped empty file empty.txt\n"
        "Warning: skipped empty file blank.txt\n"
        "Summary: read 0 documents; skipped 2 files\n"
    )


def test_empty_stdin(runner, workdir):
    result = extract(runner, "-f", "csv", input="")
    assert result.exit_code == 0
    assert result.stdout == HEADER


def test_empty_corpus_cells(runner, workdir):
    (workdir / "corpus.jsonl").write_text(
        json.dumps({"text": "   "}) + "\n" + json.dumps({"text": ATTACK}) + "\n", encoding="utf-8"
    )
    result = extract(runner, "corpus.jsonl", "--date", DATE, "-f", "csv")
    assert result.exit_code == 0
    assert locations(result.stdout) == [("corpus.jsonl:2", "Mosul")]
    assert result.stderr == (
        "Warning: corpus.jsonl:1: empty 'text' value\n"
        "Summary: read 1 document; skipped 1 line\n"
    )


# --- malformed corpora ----------------------------------------------------------------


def test_csv_without_the_text_column(runner, workdir):
    (workdir / "corpus.csv").write_text("headline,body\nx,y\n", encoding="utf-8")
    result = extract(runner, "corpus.csv", "attack.txt", "--date", DATE, "-f", "csv")
    assert result.exit_code == 1
    assert locations(result.stdout) == [("attack.txt", "Mosul")]
    assert result.stderr == (
        "Error: corpus.csv: no text column 'text'; the columns are: 'headline', 'body'\n"
        "Summary: read 1 document; skipped 1 file\n"
    )


def test_jsonl_without_the_named_text_column(runner, workdir):
    (workdir / "corpus.jsonl").write_text(json.dumps({"body": ATTACK}) + "\n", encoding="utf-8")
    result = extract(runner, "corpus.jsonl", "--text-column", "story", "-f", "csv")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: corpus.jsonl: no text column 'story'; the columns are: 'body'\n"
        "Summary: read 0 documents; skipped 1 file\n"
    )


def test_broken_jsonl_lines_are_reported_and_the_rest_processed(runner, workdir):
    lines = [
        json.dumps({"text": ATTACK, "id": "one"}),
        '{"text": "Gunmen attacked',  # cut off
        "[1, 2, 3]",
        "",
        json.dumps({"text": CLASH, "id": "four"}),
        json.dumps({"text": ["not", "text"], "id": "five"}),
    ]
    (workdir / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = extract(runner, "corpus.jsonl", "--id-column", "id", "--date", DATE, "-f", "csv")
    assert result.exit_code == 0
    assert locations(result.stdout) == [("one", "Mosul"), ("four", "Kirkuk")]
    assert result.stderr == (
        "Warning: corpus.jsonl:2: not valid JSON: Invalid control character at column 26\n"
        "Warning: corpus.jsonl:3: not a JSON object\n"
        "Warning: corpus.jsonl:6: no 'text' value\n"
        "Summary: read 2 documents; skipped 3 lines\n"
    )


def test_broken_csv_rows_are_reported_and_the_rest_processed(runner, workdir):
    with open(workdir / "corpus.csv", "w", encoding="utf-8", newline="") as handle:
        handle.write("id,text\n")
        handle.write(f'a,"{ATTACK.strip()}"\n')
        handle.write("b,too,many,fields\n")
        handle.write("c\n")
        handle.write(f'd,"{CLASH.strip()}"\n')
    result = extract(runner, "corpus.csv", "--id-column", "id", "--date", DATE, "-f", "csv")
    assert result.exit_code == 0
    assert locations(result.stdout) == [("a", "Mosul"), ("d", "Kirkuk")]
    assert result.stderr == (
        "Warning: corpus.csv:3: the row has 4 fields, the header 2\n"
        "Warning: corpus.csv:4: the row has 1 fields, the header 2\n"
        "Summary: read 2 documents; skipped 2 lines\n"
    )


def test_summary_is_quiet_with_quiet(runner, workdir):
    (workdir / "corpus.jsonl").write_text("not json\n" + json.dumps({"text": ATTACK}) + "\n", encoding="utf-8")
    result = extract(runner, "corpus.jsonl", "--date", DATE, "-f", "csv", "-q")
    assert result.exit_code == 0
    # The warning itself is still shown; the summary line is not.
    assert result.stderr == "Warning: corpus.jsonl:1: not valid JSON: Expecting value at column 1\n"


# --- determinism and spreadsheet safety -----------------------------------------------


def test_same_input_same_bytes(runner, workdir):
    docs = [{"id": f"d{i}", "text": text} for i, text in enumerate([ATTACK, PROTEST, CLASH, ACCENTED] * 3)]
    (workdir / "corpus.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    for fmt in ("csv", "jsonl", "geojson"):
        first = extract(runner, "corpus.jsonl", "--id-column", "id", "--date", DATE, "-f", fmt)
        time.sleep(1.1)  # a wall-clock timestamp would now differ
        second = extract(runner, "corpus.jsonl", "--id-column", "id", "--date", DATE, "-f", fmt)
        assert first.stdout_bytes == second.stdout_bytes, fmt
    rows = csv_rows(extract(runner, "corpus.jsonl", "--id-column", "id", "--date", DATE, "-f", "csv").stdout)
    assert len(rows) == 12
    assert {r["timestamp"] for r in rows} == {"0"}


def test_excel_safe_prefixes_formula_cells(runner, workdir):
    (workdir / "formula.txt").write_text(
        '=HYPERLINK("http://example.com/x","click") Gunmen shot dead three farmers in Mosul on Sunday.\n\n'
        "@everyone Militants attacked a checkpoint in Kirkuk on Sunday, killing three policemen.\n",
        encoding="utf-8",
    )
    plain = csv_rows(extract(runner, "formula.txt", "--date", DATE, "-f", "csv").stdout)
    safe = csv_rows(extract(runner, "formula.txt", "--date", DATE, "-f", "csv", "--excel-safe").stdout)
    assert [r["evidence"][:10] for r in plain] == ['=HYPERLINK', "@everyone "]
    assert [r["evidence"][:11] for r in safe] == ["'=HYPERLINK", "'@everyone "]
    for row in safe:
        for column, value in row.items():
            assert not value.startswith(("=", "+", "-", "@")) or value.lstrip("+-").replace(".", "", 1).isdigit(), column


# --- streaming ------------------------------------------------------------------------


def test_rows_are_written_per_document_as_the_documents_finish(monkeypatch):
    """Each document's rows are written and flushed before the documents after its batch are read."""
    import conflict_events.io.readers as readers
    from conflict_events.run import ExtractOptions, run_extract

    events: list[str] = []
    texts = [ATTACK, PROTEST, CLASH] * 30  # 90 documents: three spaCy batches

    def fake_documents(inputs, **kwargs):
        for i, text in enumerate(texts):
            events.append(f"read {i}")
            yield Document(id=f"doc{i}", text=text)

    class Recorder(io.StringIO):
        def flush(self) -> None:
            events.append("flush")

    monkeypatch.setattr(readers, "iter_documents", fake_documents)
    out = Recorder()
    code = run_extract(ExtractOptions(inputs=["(generated)"], fmt="csv"), stdout=out, stderr=io.StringIO())
    assert code == 0
    assert [r["doc_id"] for r in csv_rows(out.getvalue())] == [f"doc{i}" for i in range(90)]
    first_flush = events.index("flush")
    assert first_flush < events.index("read 89"), "rows of the first documents waited for the whole input"
    assert events.count("flush") >= 90


# --- interruptions (the console script in a subprocess) ---------------------------


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory) -> Path:
    """Several thousand short articles: long enough that a run is still going when signalled."""
    path = tmp_path_factory.mktemp("big") / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(4000):
            text = [ATTACK, PROTEST, CLASH][i % 3]
            handle.write(json.dumps({"id": f"n{i}", "text": text, "date": DATE}) + "\n")
    return path


def test_closed_pipe_ends_quietly(big_corpus):
    producer = subprocess.Popen(
        [*console_script(), "extract", str(big_corpus), "--format", "csv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    head = subprocess.run(["head", "-n", "2"], stdin=producer.stdout, capture_output=True, timeout=300)
    producer.stdout.close()
    err = producer.stderr.read()
    code = producer.wait(timeout=300)
    assert head.stdout.decode().splitlines()[0] == ",".join(COLUMNS)
    assert len(head.stdout.decode().splitlines()) == 2
    assert err == b""
    assert code == 0


def test_closed_pipe_ends_quietly_through_a_shell(big_corpus, tmp_path):
    command = " ".join(console_script()) + f" extract '{big_corpus}' --format jsonl 2>'{tmp_path}/err' | head -n 2"
    done = subprocess.run(["bash", "-c", "set -o pipefail; " + command], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 2
    assert (tmp_path / "err").read_text() == ""


def _wait_for(predicate, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_ctrl_c_ends_quietly_with_130_and_whole_lines(big_corpus, workers):
    # Its own process group, signalled as a whole, as a terminal's Ctrl-C does (workers included).
    process = subprocess.Popen(
        [*console_script(), "extract", str(big_corpus), "--format", "csv", "--workers", workers],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal's foreground job
        # Unbuffered: communicate() reads the pipe itself, so bytes a buffered readline()
        # had read past its line would be lost from the output checked below.
        bufsize=0,
    )
    first = process.stdout.readline() + process.stdout.readline()  # header and a row: mid-run
    os.killpg(process.pid, signal.SIGINT)
    try:
        rest, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        raise
    assert process.returncode == 130
    assert b"Traceback" not in err
    assert err == b""
    output = (first + rest).decode()
    assert output.endswith("\n")
    rows = list(csv.reader(io.StringIO(output)))
    assert rows[0] == list(COLUMNS)
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert len(rows) - 1 < 4000  # it did stop early


@pytest.mark.parametrize("existing", [True, False], ids=["old-file-kept", "no-new-file"])
def test_interrupted_output_file_is_never_truncated(big_corpus, tmp_path, existing):
    target = tmp_path / "events.csv"
    if existing:
        target.write_text("old content\n", encoding="utf-8")
    process = subprocess.Popen(
        [*console_script(), "extract", str(big_corpus), "-o", str(target)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as a terminal's foreground job
    )
    temporaries = lambda: [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # noqa: E731
    # Wait until rows are being written to the temporary file.
    _wait_for(lambda: any(p.stat().st_size > len(HEADER) for p in temporaries()) or process.poll() is not None)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert out == b"" and err == b""
    assert temporaries() == []
    if existing:
        assert target.read_text(encoding="utf-8") == "old content\n"
    else:
        assert not target.exists()


def test_output_file_replaces_the_old_one_when_done(runner, workdir):
    (workdir / "events.csv").write_text("old content\n", encoding="utf-8")
    result = extract(runner, "attack.txt", "--date", DATE, "-o", "events.csv")
    assert result.exit_code == 0
    assert locations((workdir / "events.csv").read_text(encoding="utf-8")) == [("attack.txt", "Mosul")]
    assert sorted(p.name for p in workdir.iterdir()) == ["attack.txt", "events.csv"]


def test_jsonl_on_stdin_is_read_line_by_line():
    """A JSON-lines stream on stdin gives its first document before the rest has arrived."""
    from conflict_events.io.readers import iter_documents
    from conflict_events.io.report import InputReport

    class SlowPipe(io.BytesIO):
        lines_read = 0

        def readline(self, *args):
            SlowPipe.lines_read += 1
            return super().readline(*args)

        def read(self, *args):
            raise AssertionError("stdin read whole")

    data = "".join(json.dumps({"text": t, "id": str(i)}) + "\n" for i, t in enumerate([ATTACK, PROTEST, CLASH]))
    for fmt in ("auto", "jsonl"):
        SlowPipe.lines_read = 0
        documents = iter_documents(["-"], report=InputReport(stream=None), stdin=SlowPipe(data.encode()), stdin_format=fmt, id_column="id")
        first = next(documents)
        assert (first.id, first.text) == ("0", ATTACK)
        assert SlowPipe.lines_read == 1
        assert [d.id for d in documents] == ["1", "2"]


def test_jsonl_on_stdin_in_cp1252_and_with_a_bom(runner, workdir):
    line = json.dumps({"text": ACCENTED}, ensure_ascii=False) + "\n"
    for data in (line.encode("cp1252"), codecs.BOM_UTF8 + line.encode("utf-8"), line.encode("utf-16")):
        result = extract(runner, "--stdin-format", "jsonl", "--date", DATE, "-f", "jsonl", input=data)
        assert result.exit_code == 0 and result.stderr == ""
        [row] = [json.loads(x) for x in result.stdout.splitlines()]
        assert "Ségou" in row["evidence"] and row["doc_id"] == "-:1"


def test_console_script_exit_code_after_a_missing_file(workdir):
    """main() passes the command's exit code on (click returns it instead of exiting)."""
    done = subprocess.run(
        [*console_script(), "extract", "missing.txt", "attack.txt", "--date", DATE, "-f", "csv"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1
    assert locations(done.stdout) == [("attack.txt", "Mosul")]
    assert done.stderr == (
        "Error: cannot read missing.txt: No such file or directory\n"
        "Summary: read 1 document; skipped 1 file\n"
    )
    fine = subprocess.run(
        [*console_script(), "extract", "attack.txt", "--date", DATE, "-f", "csv"], capture_output=True, text=True, timeout=120
    )
    assert (fine.returncode, fine.stderr) == (0, "")


def test_an_interrupt_that_python_had_to_ignore_still_ends_the_run():
    from conflict_events.run import ExtractOptions, _extract_stream

    def documents():
        for i in range(6):
            if i == 2:
                # Where a KeyboardInterrupt can only be reported and ignored (a finalizer, a callback).
                try:
                    signal.raise_signal(signal.SIGINT)
                except KeyboardInterrupt:
                    pass
            yield Document(id=f"d{i}", text=ATTACK, date=None)

    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        finished = []
        with pytest.raises(KeyboardInterrupt):
            for document, _rows in _extract_stream(documents(), ExtractOptions(quiet=True), io.StringIO()):
                finished.append(document.id)
        assert len(finished) < 6
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, before)


def test_a_run_started_with_ctrl_c_ignored_keeps_ignoring_it(monkeypatch):
    from conflict_events.run import _stop_on_interrupt

    monkeypatch.setattr(signal, "getsignal", lambda signum: signal.SIG_IGN)
    installed = []
    monkeypatch.setattr(signal, "signal", lambda *args: installed.append(args))
    with _stop_on_interrupt() as interrupt:
        assert not interrupt.seen
    assert installed == []
