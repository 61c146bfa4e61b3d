"""The command line: thin typer commands over plain functions.

Nothing here imports spaCy at module level, so ``--help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from conflict_events.allocator import tune_allocator
from conflict_events.nlp.spacy_import import lean_spacy_start

app = typer.Typer(
    name="conflict-events",
    help="Read news text and write ACLED-style conflict event rows.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

log = logging.getLogger("conflict_events")


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    geojson = "geojson"


class StdinFormat(str, Enum):
    auto = "auto"
    text = "text"
    csv = "csv"
    tsv = "tsv"
    jsonl = "jsonl"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


class UserError(Exception):
    """A problem the user can fix; printed as one 'Error:' line with exit code 1."""


_log_handler: Optional[logging.Handler] = None


def _configure_logging(verbose: bool) -> None:
    # One handler on the current stderr, replaced on each call (tests invoke
    # the app many times in one process, each time with a new stderr).
    global _log_handler
    if _log_handler is not None:
        log.removeHandler(_log_handler)
    _log_handler = logging.StreamHandler(sys.stderr)
    _log_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    log.addHandler(_log_handler)
    log.setLevel(logging.DEBUG if verbose else logging.WARNING)


def _error(message: str) -> None:
    sys.stderr.write(f"Error: {message}\n")
    sys.stderr.flush()


def _parse_date(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--date")


@app.command()
def extract(
    inputs: List[str] = typer.Argument(None, metavar="FILE", help="Text files, folders, CSV/JSONL corpora, or - for stdin."),
    fmt: Optional[OutputFormat] = typer.Option(None, "--format", "-f", help="Output format. Default: table on a terminal, csv in a pipe."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for every input; overrides detection."),
    text_column: str = typer.Option("text", "--text-column", help="Text column of CSV/JSONL corpora."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Id column of CSV/JSONL corpora."),
    date_column: Optional[str] = typer.Option(None, "--date-column", help="Publication date column of CSV/JSONL corpora."),
    source_column: Optional[str] = typer.Option(None, "--source-column", help="Source (outlet) column of CSV/JSONL corpora, copied to the source column."),
    html: bool = typer.Option(False, "--html", help="Read every text (stdin, corpus cells) as HTML and keep its main text (needs the html extra)."),
    stdin_format: StdinFormat = typer.Option(StdinFormat.auto, "--stdin-format", help="How to read stdin: auto (JSONL if it starts with a JSON object), text, csv, tsv or jsonl."),
    model: Optional[str] = typer.Option(None, "--model", help="Path or name of a spaCy English pipeline."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="User actor dictionary (CSV or YAML) that adds to or overrides the built-in one."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes for the spaCy pass."),
    explain: bool = typer.Option(False, "--explain", help="Show each event's evidence with highlighted spans and the rule that set its type."),
    excel_safe: bool = typer.Option(False, "--excel-safe", help="Prefix cells starting with = + - @ so spreadsheets never run them."),
    dedupe: bool = typer.Option(False, "--dedupe", help="Merge the same event reported by several documents into one row."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging on stderr."),
) -> None:
    """Extract ACLED-style event rows from news articles."""
    _configure_logging(verbose)
    tune_allocator()
    lean_spacy_start()
    from conflict_events.run import ExtractOptions, run_extract

    options = ExtractOptions(
        inputs=list(inputs or []),
        fmt=fmt.value if fmt else None,
        output=output,
        date=_parse_date(date),
        text_column=text_column,
        id_column=id_column,
        date_column=date_column,
        source_column=source_column,
        html=html,
        stdin_format=stdin_format.value,
        model=model,
        actors_file=str(actors) if actors else None,
        workers=workers,
        explain=explain,
        excel_safe=excel_safe,
        dedupe=dedupe,
        quiet=quiet,
    )
    raise typer.Exit(run_extract(options))


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold CSV in ACLED's column layout, with a notes text per row."),
    text_column: str = typer.Option("notes", "--text-column", help="Column holding each row's text."),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", "-f", help="Rich report or JSON."),
    model: Optional[str] = typer.Option(None, "--model", help="Path or name of a spaCy English pipeline."),
    actors: Optional[Path] = typer.Option(None, "--actors", help="User actor dictionary."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N gold rows."),
    sample_per_subtype: Optional[int] = typer.Option(None, "--sample-per-subtype", min=1, help="A fixed stratified sample: at most N rows per sub-event type."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes for the spaCy pass."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Debug logging on stderr."),
) -> None:
    """Score the extractor against ACLED-coded rows."""
    _configure_logging(verbose)
    tune_allocator()
    lean_spacy_start()
    if not gold.exists():
        raise UserError(f"cannot read {gold}: no such file. Give a CSV in ACLED's column layout.")
    from conflict_events.evaluate import run_evaluate_command

    raise typer.Exit(
        run_evaluate_command(
            str(gold),
            text_column=text_column,
            fmt=fmt.value,
            out_stream=sys.stdout,
            model=model,
            actors_file=str(actors) if actors else None,
            limit=limit,
            sample_per_subtype=sample_per_subtype,
            workers=workers,
        )
    )


@app.command()
def geocode(
    name: str = typer.Argument(..., help="A place name, e.g. 'Jurf al-Sakhar'."),
    country: Optional[str] = typer.Option(None, "--country", "-c", help="Country context, e.g. Iraq."),
    near: bool = typer.Option(False, "--near", help="Read the name as 'near NAME' (geo_precision 2)."),
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", "-f", help="Rich table or JSON."),
) -> None:
    """Show the gazetteer's candidates for a place name and the one chosen."""
    from conflict_events.geo.command import run_geocode_command

    raise typer.Exit(run_geocode_command(name, country=country, near=near, fmt=fmt.value, out_stream=sys.stdout))


@app.command()
def schema(
    fmt: ReportFormat = typer.Option(ReportFormat.table, "--format", "-f", help="A table of columns, or a JSON Schema."),
) -> None:
    """Print every output column with its meaning."""
    from conflict_events.schema_doc import print_schema

    print_schema(fmt.value, sys.stdout)


def main() -> None:
    """Console entry point: user errors and interruptions end quietly, never with a traceback."""
    try:
        code = app(standalone_mode=False)
    except UserError as error:
        _error(str(error))
        _exit(1)
    except KeyboardInterrupt:
        _interrupted()
    except BrokenPipeError:
        _silence_stdout()
        _exit(0)
    except typer.Exit as done:
        _exit(done.exit_code)
    except SystemExit:
        raise
    except Exception as error:  # usage errors and the rest
        if isinstance(error, _abort_types()):
            _interrupted()
        if _is_click_exception(error):
            error.show()  # type: ignore[attr-defined]
            _exit(error.exit_code)  # type: ignore[attr-defined]
        _error(f"{error.__class__.__name__}: {error}. Run with --verbose for details.")
        log.debug("unexpected error", exc_info=True)
        _exit(1)
    # Without standalone mode, click returns the command's exit code instead of exiting.
    _exit(code if isinstance(code, int) else 0)


def _interrupted() -> None:
    # Ctrl-C: the conventional 128 + SIGINT, without a traceback.
    _exit(130)


def _exit(code: int) -> None:
    """Leave with `code` once the exit hooks have run, without the interpreter's teardown.

    Freeing spaCy's vocabularies, the models' arrays and every module object one by
    one takes a tenth of a second or more and does nothing a finished run needs; the
    hooks (worker pools, logging, distributed clients) still run first. After an
    interrupted multi-process run this also avoids waiting forever on the feeder
    threads of work queues whose workers are gone.
    """
    import atexit

    if not (code == 130 and "multiprocessing" in sys.modules):
        atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


def _abort_types() -> tuple[type[BaseException], ...]:
    types: list[type[BaseException]] = [typer.Abort]
    try:
        import click

        types.append(click.exceptions.Abort)
    except ImportError:
        pass
    return tuple(types)


def _is_click_exception(error: BaseException) -> bool:
    """A usage error or other exception click knows how to show (typer may vendor its own click)."""
    classes: list[type[BaseException]] = []
    try:
        from typer._click.exceptions import ClickException as TyperClickException  # typer >= 0.20 vendors click

        classes.append(TyperClickException)
    except ImportError:
        pass
    try:
        import click

        classes.append(click.ClickException)
    except ImportError:
        pass
    return isinstance(error, tuple(classes)) and hasattr(error, "show")


def _silence_stdout() -> None:
    # A closed pipe (e.g. `| head`): point stdout at /dev/null so the interpreter's
    # final flush does not raise again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


if __name__ == "__main__":
    main()
