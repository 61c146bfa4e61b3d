"""The unit of input: one article with its id and publication date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    # The publication date that relative dates resolve against; None when unknown.
    date: dt.date | None = None
    # Where the date came from: "option", "header", "dateline", "column" or "".
    date_source: str = ""
    source: str = ""
