"""The extract command as a plain function: inputs in, rows out, an exit code back."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TextIO

from conflict_events.io.documents import Document
from conflict_events.io.report import InputReport

log = logging.getLogger(__name__)


@dataclass
class ExtractOptions:
    inputs: list[str] = field(default_factory=list)
    fmt: str | None = None
    output: Path | None = None
    date: dt.date | None = None
    text_column: str = "text"
    id_column: str | None = None
    date_column: str | None = None
    source_column: str | None = None
    html: bool = False
    stdin_format: str = "auto"
    model: str | None = None
    actors_file: str | None = None
    workers: int = 1
    explain: bool = False
    excel_safe: bool = False
    dedupe: bool = False
    quiet: bool = False


def run_extract(options: ExtractOptions, *, stdin=None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run extraction; returns the exit code (0 fine, 1 some input failed)."""
    from conflict_events.io.readers import iter_documents
    from conflict_events.io.writers import open_writer
    from conflict_events.nlp.pipeline import ModelNotFoundError, find_model

    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    stdin = stdin if stdin is not None else sys.stdin
    inputs = options.inputs
    if not inputs:
        if _is_terminal(stdin):
            stderr.write("Error: no input. Give FILE... or pipe text in, e.g. `cat article.txt | conflict-events extract`.\n")
            return 1
        inputs = ["-"]
    if options.actors_file:
        error = _check_actor_file(options.actors_file)
        if error:
            stderr.write(f"Error: {error}\n")
            return 1
    try:
        # Before any output: a missing pipeline is one error line, not a CSV header and an error.
        find_model(options.model)
    except ModelNotFoundError as error:
        stderr.write(f"Error: {error}\n")
        return 1
    target_stream = stdout
    fmt = options.fmt or ("table" if options.output is None and _is_terminal(stdout) else "csv")
    if options.output is not None and options.fmt is None:
        fmt = {".jsonl": "jsonl", ".ndjson": "jsonl", ".geojson": "geojson", ".json": "geojson"}.get(options.output.suffix.lower(), "csv")
    report = InputReport(stream=stderr)
    stdin_binary = getattr(stdin, "buffer", stdin)
    documents = iter_documents(
        inputs,
        text_column=options.text_column,
        id_column=options.id_column,
        date_column=options.date_column,
        date_override=options.date,
        report=report,
        html_column=options.html,
        source_column=options.source_column,
        stdin=stdin_binary,
        stdin_format=options.stdin_format,
    )
    try:
        with _atomic_output(options.output, stdout) as target_stream:
            writer = open_writer(fmt, target_stream, excel_safe=options.excel_safe, explain=options.explain, explain_stream=stderr)
            try:
                results = _extract_stream(documents, options, stderr)
                if options.dedupe:
                    from conflict_events.events.dedupe import dedupe_rows

                    from conflict_events.api import EventNumbering

                    collected = [(doc, rows) for doc, rows in results]
                    merged = dedupe_rows([row for _, rows in collected for row in rows])
                    numbering = EventNumbering()
                    for row in merged:
                        row.event_id_cnty = numbering.next_id(row.country)
                    writer.documents_seen = len(collected)
                    results = iter([(Document(id="(deduplicated)", text=""), merged)])
                for document, rows in results:
                    writer.write_document(document, rows)
            except ModelNotFoundError as error:
                stderr.write(f"Error: {error}\n")
                return 1
            finally:
                with contextlib.suppress(BrokenPipeError):
                    writer.close()
    except OutputError as error:
        stderr.write(f"Error: {error}\n")
        return 1
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, the rows it wanted are out.
        _silence(stdout)
        return 0
    skipped = getattr(writer, "skipped_no_coordinates", 0)
    if skipped and not options.quiet:
        stderr.write(f"Note: {skipped} row(s) without coordinates left out of the GeoJSON.\n")
    if not options.quiet and (report.lines_skipped or report.files_skipped or report.errors):
        stderr.write(f"Summary: {report.summary()}\n")
    return 1 if report.failed else 0


def _extract_stream(documents: Iterator[Document], options: ExtractOptions, stderr: TextIO):
    from conflict_events.api import iter_extract

    progress = None
    if not options.quiet and _is_terminal(stderr) and (len(options.inputs) > 1 or any(Path(i).is_dir() or i.endswith((".csv", ".jsonl", ".tsv", ".ndjson")) for i in options.inputs)):
        progress = _Progress(stderr)
    try:
        with _stop_on_interrupt() as interrupted:
            for document, rows in iter_extract(documents, model=options.model, actors_file=options.actors_file, n_process=options.workers):
                if interrupted.seen:
                    raise KeyboardInterrupt
                if progress is not None:
                    progress.advance(len(rows))
                yield document, rows
    finally:
        if progress is not None:
            progress.stop()


class _Interrupt:
    seen = False


@contextlib.contextmanager
def _stop_on_interrupt():
    """Make Ctrl-C end a run at once, without tracebacks, and never be lost.

    The extraction worker processes (``conflict_events.api``) are forked inside
    this block; they ignore SIGINT, since a terminal's Ctrl-C reaches the whole
    process group. In the parent the handler terminates the workers before
    raising KeyboardInterrupt, so nothing waits for them to finish their chunks;
    ``iter_extract`` then reaps them on its way out. An interrupt raised where
    Python can only report and ignore it (a finalizer, a callback inside a C
    extension) is remembered and raised again after the document in progress.
    """
    import signal
    import threading
    import warnings

    interrupt = _Interrupt()
    previous = signal.getsignal(signal.SIGINT) if threading.current_thread() is threading.main_thread() else None
    if previous is None or previous == signal.SIG_IGN:
        # Not ours to handle: another thread's run, or a job started with Ctrl-C ignored (`nohup`, `cmd &`).
        yield interrupt
        return
    parent = os.getpid()

    def on_interrupt(signum, frame):
        if os.getpid() != parent:
            return
        interrupt.seen = True
        if "multiprocessing" in sys.modules:
            import multiprocessing

            for child in multiprocessing.active_children():
                child.terminate()
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        with warnings.catch_warnings():
            # spaCy's W127 ("not all worker processes completed") after an interruption.
            warnings.filterwarnings("ignore", message=r".*W127")
            yield interrupt
    finally:
        signal.signal(signal.SIGINT, previous)


class _Progress:
    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.events = 0
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=Console(file=stream), transient=True)
        self.task = self.progress.add_task("reading", total=None)
        self.documents = 0
        self.progress.start()

    def advance(self, rows: int) -> None:
        self.documents += 1
        self.events += rows
        self.progress.update(self.task, description=f"{self.documents} documents, {self.events} events")

    def stop(self) -> None:
        self.progress.stop()


@contextlib.contextmanager
def _atomic_output(path: Path | None, stdout: TextIO):
    """Write to a temporary file beside the target and rename it only when done."""
    if path is None:
        yield stdout
        return
    directory = path.parent if str(path.parent) else Path(".")
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory")
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise OutputError(f"cannot write {path}: {error.strerror or error}. Give a file in an existing, writable folder.") from error
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        os.chmod(temporary, _new_file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class OutputError(Exception):
    """The -o target cannot be written."""


def _new_file_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _check_actor_file(path: str) -> str:
    from conflict_events.actors import ActorFileError, get_actor_dictionary

    if not Path(path).exists():
        return f"cannot read {path}: no such file. Give an actor dictionary in CSV or YAML (see README)."
    try:
        get_actor_dictionary(path)
    except ActorFileError as error:
        return f"{error}"
    return ""


def _silence(stream) -> None:
    """Point a closed pipe's file descriptor at /dev/null so the final flush cannot fail again."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
