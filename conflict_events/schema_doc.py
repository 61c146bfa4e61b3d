"""The `schema` command: every output column with its meaning, as a table or a JSON Schema."""

from __future__ import annotations

import dataclasses
import json
from typing import Any, TextIO

from conflict_events.schema import COLUMN_DESCRIPTIONS, COLUMNS, EventRow, EventType, HIERARCHY, SubEventType


def json_schema() -> dict[str, Any]:
    types = {f.name: str(f.type) for f in dataclasses.fields(EventRow)}
    properties: dict[str, Any] = {}
    for name in COLUMNS:
        properties[name] = {"description": COLUMN_DESCRIPTIONS[name], **_json_type(types[name])}
    properties["event_type"]["enum"] = [e.value for e in EventType]
    properties["sub_event_type"]["enum"] = [s.value for s in SubEventType]
    properties["inter1"]["enum"] = properties["inter2"]["enum"] = list(range(0, 9))
    properties["time_precision"]["enum"] = [1, 2, 3, None]
    properties["geo_precision"]["enum"] = [1, 2, 3, None]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "conflict-events row",
        "description": "One ACLED-style event row as written by `conflict-events extract --format jsonl`.",
        "type": "object",
        "properties": properties,
        "required": list(COLUMNS),
        "additionalProperties": False,
    }


def _json_type(type_name: str) -> dict[str, Any]:
    nullable = "None" in type_name
    base = "integer" if type_name.startswith("int") else "number" if type_name.startswith("float") else "string"
    return {"type": [base, "null"] if nullable else base}


def print_schema(fmt: str, stream: TextIO) -> None:
    if fmt == "json":
        stream.write(json.dumps(json_schema(), indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="conflict-events output columns", show_lines=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("column", style="bold", no_wrap=True)
    table.add_column("meaning")
    for i, name in enumerate(COLUMNS, start=1):
        table.add_row(str(i), name, COLUMN_DESCRIPTIONS[name])
    console = Console(file=stream, width=None if stream.isatty() else 120)
    console.print(table)
    sub_types = Table(title="event_type / sub_event_type (codebook hierarchy order)")
    sub_types.add_column("event_type", no_wrap=True)
    sub_types.add_column("sub_event_type")
    for event_type, subs in HIERARCHY.items():
        sub_types.add_row(event_type.value, "; ".join(s.value for s in subs))
    console.print(sub_types)
