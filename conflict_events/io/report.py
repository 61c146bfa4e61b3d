"""Collects the problems met while reading inputs and tells the user at once."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import TextIO

logger = logging.getLogger(__name__)


@dataclass
class InputReport:
    """Errors and warnings about the inputs, plus counts for the summary line.

    Each message is written to ``stream`` as soon as it is added (stderr by
    default; ``stream=None`` keeps them silent, for library use and tests).
    """

    stream: TextIO | None = field(default_factory=lambda: sys.stderr)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents_read: int = 0
    lines_skipped: int = 0
    files_skipped: int = 0

    def error(self, message: str) -> None:
        self.errors.append(message)
        self._emit("Error", message)

    def warning(self, message: str) -> None:
        self.warnings.append(message)
        self._emit("Warning", message)

    def skipped_line(self, message: str) -> None:
        """A row or line of a corpus could not be used (a warning)."""
        self.lines_skipped += 1
        self.warning(message)

    def skipped_file(self, message: str, *, error: bool = True) -> None:
        """A whole input could not be used (an error unless ``error=False``)."""
        self.files_skipped += 1
        if error:
            self.error(message)
        else:
            self.warning(message)

    def document_read(self) -> None:
        self.documents_read += 1

    @property
    def failed(self) -> bool:
        """Any error: the CLI exits with code 1."""
        return bool(self.errors)

    def summary(self) -> str:
        """E.g. ``read 12 documents; skipped 2 lines, 1 file``."""
        text = f"read {_plural(self.documents_read, 'document')}"
        skipped = []
        if self.lines_skipped:
            skipped.append(_plural(self.lines_skipped, "line"))
        if self.files_skipped:
            skipped.append(_plural(self.files_skipped, "file"))
        if skipped:
            text += "; skipped " + ", ".join(skipped)
        return text

    def _emit(self, label: str, message: str) -> None:
        logger.debug("%s: %s", label, message)
        if self.stream is None:
            return
        try:
            self.stream.write(f"{label}: {message}\n")
            self.stream.flush()
        except (OSError, ValueError):
            # A closed or broken stderr must not stop the run.
            pass


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
