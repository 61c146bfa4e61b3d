"""The library entry points: documents in, typed rows out.

    >>> from conflict_events import extract
    >>> rows = extract("On Tuesday militants fired rockets at ...", date="2025-04-06")
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import math
import re
from collections import Counter, deque
from dataclasses import replace
from typing import Iterable, Iterator, Sequence

from conflict_events.io.documents import Document
from conflict_events.schema import EventRow

log = logging.getLogger(__name__)

# Pieces handed to spaCy stay well under its max_length and its memory appetite.
PIECE_CHARS = 100_000

# Pieces per spaCy batch. Larger batches are no faster on CPU and hold more memory:
# 32 peaks ~440 MB on 500-word articles and grows with the corpus, 16 stays near 320 MB.
BATCH_SIZE = 16


def extract(
    texts: str | Document | Iterable[str | Document],
    *,
    date: str | dt.date | None = None,
    model: str | None = None,
    actors_file: str | None = None,
) -> list[EventRow]:
    """Rows for one text or document, or for many.

    Plain strings get ids "0", "1", ... and their publication date from ``date``
    or, failing that, from the text itself.
    """
    from conflict_events.io.pubdate import detect_publication_date

    if isinstance(texts, (str, Document)):
        texts = [texts]
    override = dt.date.fromisoformat(date) if isinstance(date, str) else date
    documents: list[Document] = []
    for i, item in enumerate(texts):
        if isinstance(item, Document):
            documents.append(replace(item, date=override, date_source="option") if override else item)
            continue
        found, source = (override, "option") if override else detect_publication_date(item)
        documents.append(Document(id=str(i), text=item, date=found, date_source=source if found else ""))
    return [row for _, rows in iter_extract(documents, model=model, actors_file=actors_file) for row in rows]


def iter_extract(
    documents: Iterable[Document],
    *,
    model: str | None = None,
    actors_file: str | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[tuple[Document, list[EventRow]]]:
    """Rows per document, streamed in input order as each document finishes.

    With ``n_process`` > 1 the documents go, a few at a time, to that many worker
    processes, each running the whole extraction (spaCy and the rules); the rows
    come back in input order and are numbered here, so the output is the same as
    with one process. Workers are forked where possible, sharing the pipeline
    built here.
    """
    from conflict_events.events.assemble import default_resources
    from conflict_events.nlp.pipeline import build_pipeline

    # Building allocates only what lives as long as the run (the model, lexicons, gazetteer):
    # the collector's passes over it, ~2% of a short run's time, would find nothing to free.
    collecting = gc.isenabled()
    gc.disable()
    try:
        nlp = build_pipeline(model, actors_file)
        resources = default_resources(actors_file)
    finally:
        if collecting:
            gc.enable()
    numbering = EventNumbering()
    # The pipeline and resources live as long as the run: frozen, they are left out of
    # the garbage collector's full passes (about 3% of the time over a corpus), and
    # forked workers do not copy the memory pages they share with this process.
    gc.freeze()
    try:
        if n_process > 1:
            results = _pooled_rows(documents, nlp, resources, n_process, model=model, actors_file=actors_file, batch_size=batch_size)
        else:
            results = document_rows(nlp, resources, documents, batch_size=batch_size)
        for document, rows in results:
            for row in rows:
                row.event_id_cnty = numbering.next_id(row.country)
            yield document, rows
    finally:
        gc.unfreeze()


def document_rows(nlp, resources, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE) -> Iterator[tuple[Document, list[EventRow]]]:
    """Rows per document (event ids not yet given), streamed in input order: the work of one process."""
    from conflict_events.events.assemble import events_from_doc, merge_rows
    from conflict_events.io.clean import clean

    def pieces() -> Iterator[tuple[str, tuple[Document, int, int, int]]]:
        for document in documents:
            cleaned = clean(document.text)
            parts = split_text(cleaned, PIECE_CHARS)
            for index, (offset, piece) in enumerate(parts):
                yield piece, (document, offset, index, len(parts))

    pending: list[EventRow] = []
    for doc, (document, offset, index, total) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        rows = events_from_doc(doc, document, resources)
        for row in rows:
            row.char_start += offset
            row.char_end += offset
            # The pipeline reads the cleaned text (boilerplate blanked, same length);
            # the evidence quotes the original at the same offsets.
            original = document.text[row.char_start : row.char_end]
            if len(original) == len(row.evidence):
                row.evidence = original
        pending.extend(rows)
        if index == total - 1:
            finished = merge_rows(pending) if total > 1 else pending
            pending = []
            yield document, finished


# Work sent to a worker at a time: a few documents, so that both cores stay busy
# to the end of a small corpus and rows still stream out as documents finish.
CHUNK_DOCUMENTS = 4
CHUNK_CHARS = 40_000


def _chunks(documents: Iterable[Document], workers: int = 1) -> Iterator[list[Document]]:
    """Runs of documents in input order, up to CHUNK_DOCUMENTS or CHUNK_CHARS each.

    The input is read a chunk per worker ahead, so its end is seen while that much
    work is left to hand out. The last documents then go out in smaller and smaller
    chunks (guided scheduling): the workers finish within about a document of each
    other instead of one idling while the other works through a whole last chunk.
    """
    source = iter(documents)
    ahead: deque[Document] = deque()
    read_ahead = CHUNK_DOCUMENTS * (workers + 1)
    exhausted = False
    while True:
        while not exhausted and len(ahead) < read_ahead:
            document = next(source, None)
            if document is None:
                exhausted = True
            else:
                ahead.append(document)
        if not ahead:
            return
        most = CHUNK_DOCUMENTS if not exhausted else min(CHUNK_DOCUMENTS, math.ceil(len(ahead) / (2 * workers)))
        chunk: list[Document] = []
        size = 0
        while ahead and len(chunk) < most and size < CHUNK_CHARS:
            document = ahead.popleft()
            chunk.append(document)
            size += len(document.text)
        yield chunk


def _is_one_chunk(documents: list[Document]) -> bool:
    """Whether the documents make a single chunk of work (the last may pass CHUNK_CHARS)."""
    return len(documents) <= CHUNK_DOCUMENTS and sum(len(d.text) for d in documents[:-1]) < CHUNK_CHARS


def _pooled_rows(documents, nlp, resources, n_process: int, *, model, actors_file, batch_size: int):
    """``document_rows`` spread over ``n_process`` worker processes, results in input order."""
    import itertools

    from multiprocessing.connection import wait

    documents = iter(documents)
    head = list(itertools.islice(documents, CHUNK_DOCUMENTS + 1))
    if _is_one_chunk(head):
        # One chunk of work: not worth starting processes for.
        yield from document_rows(nlp, resources, head, batch_size=batch_size)
        return
    pool = _WorkerPool(n_process, nlp, resources, model=model, actors_file=actors_file, batch_size=batch_size)
    work = _chunks(itertools.chain(head, documents), n_process)
    sent: dict[int, list[Document]] = {}  # sequence number -> the chunk's documents
    done: dict[int, list[list[EventRow]]] = {}
    busy: dict = {}  # connection -> sequence number
    idle = list(pool.connections)
    next_seq = next_out = 0
    exhausted = False
    ahead = 2 * n_process + 2  # chunks in flight or finished but not yet yielded
    try:
        while True:
            while idle and not exhausted and next_seq - next_out < ahead:
                chunk = next(work, None)
                if chunk is None:
                    exhausted = True
                    break
                connection = idle.pop()
                connection.send((next_seq, chunk))
                busy[connection] = next_seq
                sent[next_seq] = chunk
                next_seq += 1
            while next_out in done:
                for document, rows in zip(sent.pop(next_out), done.pop(next_out)):
                    yield document, rows
                next_out += 1
            if exhausted and next_out == next_seq:
                break
            if not busy:
                continue
            for connection in wait(list(busy)):
                try:
                    seq, ok, payload = connection.recv()
                except (EOFError, OSError):
                    raise RuntimeError("an extraction worker process ended unexpectedly") from None
                del busy[connection]
                if not ok:
                    raise payload
                done[seq] = payload
                idle.append(connection)
        pool.close()
    finally:
        pool.terminate()


class _WorkerPool:
    """Worker processes, each with a pipe: (seq, documents) in, (seq, ok, rows per document) out.

    With the fork start method the workers inherit the pipeline and resources
    built by the parent (copy-on-write memory, nothing reloaded); otherwise each
    worker builds its own.
    """

    def __init__(self, size: int, nlp, resources, *, model, actors_file, batch_size: int) -> None:
        import multiprocessing

        forking = "fork" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if forking else "spawn")
        state = (nlp, resources) if forking else None
        self.connections = []
        self.processes = []
        for _ in range(size):
            parent_end, child_end = context.Pipe(duplex=True)
            process = context.Process(
                target=_worker_main,
                args=(child_end, state, model, actors_file, batch_size, list(self.connections) if forking else []),
                daemon=True,
                name="conflict-events-worker",
            )
            process.start()
            child_end.close()
            self.connections.append(parent_end)
            self.processes.append(process)

    def close(self) -> None:
        """Tell the workers to stop once idle and wait for them."""
        for connection in self.connections:
            try:
                connection.send(None)
            except OSError:
                pass
        for process in self.processes:
            process.join(timeout=5)

    def terminate(self) -> None:
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        for connection in self.connections:
            connection.close()


def _worker_main(connection, state, model, actors_file, batch_size: int, inherited) -> None:
    import signal

    # Ctrl-C reaches the whole process group: the parent stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for other in inherited:
        other.close()
    try:
        if state is None:
            from conflict_events.events.assemble import default_resources
            from conflict_events.nlp.pipeline import build_pipeline

            state = (build_pipeline(model, actors_file), default_resources(actors_file))
        nlp, resources = state
    except Exception as error:  # reported with the first chunk of work
        nlp = resources = None
        failure = error
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        seq, documents = message
        try:
            if nlp is None:
                raise failure
            rows = [rows for _, rows in document_rows(nlp, resources, documents, batch_size=batch_size)]
            reply = (seq, True, rows)
        except Exception as error:
            reply = (seq, False, error)
        try:
            connection.send(reply)
        except (EOFError, OSError):
            return
        except Exception as error:  # an exception that does not pickle
            connection.send((seq, False, RuntimeError(f"{error.__class__.__name__}: {error}")))


def extract_batch(records: Sequence[dict], *, model: str | None = None, actors_file: str | None = None) -> list[dict]:
    """A picklable batch function for distributed engines: dicts with id, text, date in, row dicts out."""
    documents = [
        Document(
            id=str(r.get("id", i)),
            text=str(r.get("text") or ""),
            date=dt.date.fromisoformat(r["date"]) if r.get("date") else None,
            date_source="column" if r.get("date") else "",
        )
        for i, r in enumerate(records)
    ]
    return [row.to_dict() for _, rows in iter_extract(documents, model=model, actors_file=actors_file) for row in rows]


_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s+")


def split_text(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Cut a long text into (offset, piece) pairs of at most ``limit`` (PIECE_CHARS) characters.

    Each cut falls at the last paragraph break (a blank line) of the window,
    else at its last sentence end, else its last line break, else its last
    space, looking only in the window's second half so that pieces stay
    large; a text without any such boundary is cut hard. The pieces joined
    are the text: ``text[offset:offset + len(piece)] == piece``.
    """
    if limit is None:
        limit = PIECE_CHARS
    if limit < 1:
        raise ValueError("limit must be positive")
    if len(text) <= limit:
        return [(0, text)]
    parts: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            cut = _boundary(text[start:end], limit // 2)
            if cut > 0:
                end = start + cut
        parts.append((start, text[start:end]))
        start = end
    return parts


def _boundary(window: str, least: int) -> int:
    """Where to end a piece inside ``window`` (its length if no boundary after ``least``)."""
    paragraph = max(window.rfind("\n\n"), window.rfind("\n\r\n"))
    if paragraph >= least:
        # Cut inside the blank line: no sentence runs across it.
        return paragraph + 1
    tail = window[least:]
    sentence = max((m.end() for m in _SENTENCE_END_RE.finditer(tail)), default=-1)
    if sentence > 0:
        return least + sentence
    for separator in ("\n", " ", "\t"):
        found = window.rfind(separator)
        if found >= least:
            return found + 1
    return len(window)


class EventNumbering:
    """ACLED-style ids: ISO3 country code and a running number per country within a run."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def next_id(self, country: str) -> str:
        from conflict_events.geo import get_gazetteer

        info = get_gazetteer().country(country) if country else None
        code = info.iso3 if info else "XXX"
        self.counts[code] += 1
        return f"{code}{self.counts[code]}"
