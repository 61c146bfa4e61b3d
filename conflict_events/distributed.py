"""Extraction over a Dask cluster (optional extra: ``pip install "conflict-events[dask]"``).

The recipe maps :func:`conflict_events.api.extract_batch` over the partitions of
a ``dask.bag`` of records ``{"id", "text", "date"}``. Each worker process builds
the spaCy pipeline once (``build_pipeline`` is cached per process) and reuses it
for every partition it gets, so make partitions large enough (tens to hundreds
of articles) that the per-task overhead stays small.

    from dask.distributed import Client, LocalCluster
    from conflict_events.distributed import extract_with_dask, read_jsonl_bag

    client = Client(LocalCluster(n_workers=2, threads_per_worker=1, processes=True))
    bag = read_jsonl_bag("corpus/*.jsonl", text_field="text", id_field="id", date_field="date")
    rows = extract_with_dask(bag, client=client)           # list of row dicts
    # or keep it lazy and write one file per partition:
    extract_with_dask(bag, compute=False).map(json.dumps).to_textfiles("out/rows-*.jsonl")

Workers must be processes with one thread each (spaCy holds the GIL for much
of its work, so threads do not add throughput). Nothing here imports dask or
spaCy at module import; both are imported when a function is called.

Event ids (``event_id_cnty``) are numbered per run: ``extract_batch`` numbers
each partition from 1, so ``extract_with_dask(..., renumber=True)`` (the
default when computing) numbers the gathered rows again in input order, which
gives the same ids as one ``conflict-events extract`` run over the same inputs
in the same order.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Iterable, Sequence

__all__ = ["extract_with_dask", "read_jsonl_bag", "extract_partition", "warm_up", "records_from_texts"]


def extract_partition(records: Iterable[dict], model: str | None = None, actors_file: str | None = None) -> list[dict]:
    """Rows for one partition: records ``{"id", "text", "date"}`` in, row dicts out.

    A record without a ``date`` gets the publication date found in its text
    (header line or dateline), as the CLI does for text files.
    """
    from conflict_events.api import extract_batch
    from conflict_events.io.pubdate import detect_publication_date

    prepared: list[dict] = []
    for i, record in enumerate(records):
        record = dict(record)
        record.setdefault("id", str(i))
        date = record.get("date")
        if isinstance(date, (dt.date, dt.datetime)):
            record["date"] = (date.date() if isinstance(date, dt.datetime) else date).isoformat()
        elif not date:
            found, _source = detect_publication_date(str(record.get("text") or ""))
            record["date"] = found.isoformat() if found else None
        prepared.append(record)
    return extract_batch(prepared, model=model, actors_file=actors_file)


def read_jsonl_bag(
    paths: str | Sequence[str],
    *,
    text_field: str = "text",
    id_field: str | None = "id",
    date_field: str | None = "date",
    blocksize: int | str | None = "16MiB",
):
    """A ``dask.bag`` of records ``{"id", "text", "date"}`` read from JSONL file(s) or a glob.

    A line without ``id_field`` gets the id ``PATH#HASH`` (the first 12 hex
    digits of the text's SHA-1), stable across runs and partitionings. Blank
    lines are skipped. ``date`` is None when the line has none; the date is then
    looked for in the text, as for text files.
    """
    import hashlib

    import dask.bag as db

    lines = db.read_text(paths, blocksize=blocksize, include_path=True)

    def to_record(item: tuple[str, str]) -> list[dict]:
        line, path = item
        if not line.strip():
            return []
        data = json.loads(line)
        text = str(data.get(text_field) or "")
        if id_field and data.get(id_field) is not None:
            doc_id = str(data[id_field])
        else:
            doc_id = f"{path}#{hashlib.sha1(text.encode('utf-8')).hexdigest()[:12]}"
        return [{
            "id": doc_id,
            "text": text,
            "date": data.get(date_field) if date_field else None,
        }]

    return lines.map(to_record).flatten()


def records_from_texts(texts: Iterable[str], *, date: str | None = None) -> list[dict]:
    """Records for plain strings: ids "0", "1", ..., an optional shared date."""
    return [{"id": str(i), "text": text, "date": date} for i, text in enumerate(texts)]


def warm_up(client, model: str | None = None, actors_file: str | None = None) -> dict:
    """Build the pipeline on every worker now (so the first partitions do not pay for it)."""

    def _build(model=model, actors_file=actors_file) -> list[str]:
        from conflict_events.nlp.pipeline import build_pipeline

        return build_pipeline(model, actors_file).pipe_names

    return client.run(_build)


def extract_with_dask(
    records,
    *,
    client=None,
    partition_size: int | None = 50,
    npartitions: int | None = None,
    model: str | None = None,
    actors_file: str | None = None,
    compute: bool = True,
    renumber: bool = True,
    warm: bool = False,
) -> Any:
    """Extract rows with Dask: a bag (or a sequence) of records in, row dicts out.

    records: a ``dask.bag.Bag`` of dicts ``{"id", "text", "date"}`` (see
        :func:`read_jsonl_bag`) or a plain sequence of such dicts, which is cut
        into partitions of ``partition_size`` records (or ``npartitions`` parts).
    client: a ``dask.distributed.Client``; None uses the current default
        scheduler (a live Client if one exists, else dask's local processes).
    compute: False returns the lazy bag of row dicts (e.g. to call
        ``.to_textfiles`` on a cluster without gathering rows); True returns a
        list of row dicts in input order.
    renumber: with compute, number ``event_id_cnty`` again over all rows in
        input order (partitions are numbered independently on the workers).
    warm: with a client, build the pipeline on every worker before starting.
    """
    import dask.bag as db

    if isinstance(records, db.Bag):
        bag = records
    else:
        records = list(records)
        if npartitions:
            bag = db.from_sequence(records, npartitions=npartitions)
        else:
            bag = db.from_sequence(records, partition_size=max(1, partition_size or 50))
    rows = bag.map_partitions(extract_partition, model=model, actors_file=actors_file)
    if not compute:
        return rows
    if client is not None and warm:
        warm_up(client, model, actors_file)
    result: list[dict] = rows.compute(scheduler=client) if client is not None else rows.compute()
    if renumber:
        from conflict_events.api import EventNumbering

        numbering = EventNumbering()
        for row in result:
            row["event_id_cnty"] = numbering.next_id(row.get("country") or "")
    return result
