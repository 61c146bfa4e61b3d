"""conflict-events: read news text, write ACLED-style conflict event rows.

Importing the package is cheap: spaCy loads only when extraction starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["extract", "EventRow", "Document", "__version__"]

if TYPE_CHECKING:
    from conflict_events.api import extract
    from conflict_events.io.documents import Document
    from conflict_events.schema import EventRow


def __getattr__(name: str) -> Any:
    if name == "extract":
        from conflict_events.api import extract

        return extract
    if name == "EventRow":
        from conflict_events.schema import EventRow

        return EventRow
    if name == "Document":
        from conflict_events.io.documents import Document

        return Document
    raise AttributeError(name)
