"""The Dask recipe gives the same rows as the CLI for the same articles."""

from __future__ import annotations

import json
import math

import pytest

distributed = pytest.importorskip("dask.distributed")

from typer.testing import CliRunner  # noqa: E402

from conflict_events.cli import app  # noqa: E402
from conflict_events.distributed import extract_with_dask, read_jsonl_bag  # noqa: E402

# Depend on run numbering and on the clock, not on the text.
RUN_COLUMNS = {"event_id_cnty", "timestamp"}

ARTICLES = {
    "kharkiv.txt": (
        "Published: 12 March 2024\n\n"
        "Shelling hits homes in Kharkiv\n\n"
        "KHARKIV — Russian forces fired artillery shells at residential areas of Kharkiv on Monday, "
        "killing three civilians and wounding eight others, the regional governor said.\n\n"
        '"We heard the explosions and ran to the basement," said one resident.\n'
    ),
    "maiduguri.txt": (
        "Published: 4 June 2024\n\n"
        "Villagers abducted near Maiduguri\n\n"
        "MAIDUGURI — Boko Haram insurgents abducted 15 villagers from a farm near Maiduguri on Saturday, "
        "a local official said. The army later clashed with the insurgents outside the town, leaving "
        "six fighters dead.\n\nNo group has claimed responsibility so far.\n"
    ),
    "nairobi.txt": (
        "Published: 20 August 2024\n\n"
        "Teachers rally in Nairobi over unpaid salaries\n\n"
        "NAIROBI — Hundreds of teachers protested in Nairobi on Tuesday against unpaid salaries. "
        "Police fired tear gas to disperse the crowd and arrested 12 people.\n\n"
        "Talks between the union and the government stalled last month.\n"
    ),
    "idlib.txt": (
        "Published: 2 October 2024\n\n"
        "Air raids target militant positions near Idlib\n\n"
        "IDLIB — An airstrike on a weapons depot in Idlib late on Wednesday killed four people, "
        "a war monitor said. Prices of basic goods have doubled since the spring.\n"
    ),
}


def _comparable(row: dict) -> dict:
    clean = {}
    for key, value in row.items():
        if key in RUN_COLUMNS:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            value = None
        clean[key] = value
    # The JSON round trip the CLI's writer applies (enums to strings, tuples to lists).
    return json.loads(json.dumps(clean, ensure_ascii=False))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask-corpus")
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def cli_rows(corpus):
    result = CliRunner().invoke(app, ["extract", *map(str, corpus), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows, "the CLI found no events in the test articles"
    return rows


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def test_dask_rows_equal_cli_rows(corpus, cli_rows, client):
    records = [{"id": str(path), "text": path.read_text(encoding="utf-8"), "date": None} for path in corpus]
    # Two partitions so that both workers get work.
    rows = extract_with_dask(records, client=client, partition_size=2)
    assert [_comparable(r) for r in rows] == [_comparable(r) for r in cli_rows]
    # Renumbered in input order, the ids match one CLI run's too.
    assert [r["event_id_cnty"] for r in rows] == [r["event_id_cnty"] for r in cli_rows]


def test_jsonl_bag_recipe(corpus, cli_rows, client, tmp_path):
    jsonl = tmp_path / "corpus.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for path in corpus:
            handle.write(json.dumps({"id": str(path), "text": path.read_text(encoding="utf-8"), "date": None}) + "\n")
    bag = read_jsonl_bag(str(jsonl)).repartition(npartitions=2)
    rows = extract_with_dask(bag, client=client)
    assert [_comparable(r) for r in rows] == [_comparable(r) for r in cli_rows]
