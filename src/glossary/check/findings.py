"""Findings of the terminology check: what is wrong, where, and how much it matters."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

__all__ = ["Finding", "Severity"]


class Severity(enum.StrEnum):
    """How much a finding matters; the order is error, warning, info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info: lower is more serious."""
        return list(Severity).index(self)

    def at_least(self, threshold: Severity) -> bool:
        """Whether this severity is ``threshold`` or more serious (for ``--fail-on``)."""
        return self.rank <= threshold.rank


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem of one entry (or one file, for counts) of a translated catalog.

    ``count`` is how many times the same problem occurs in that entry (a term missing
    at each of its three occurrences is one finding with count 3, not three lines).
    """

    file: str
    line: int
    severity: Severity
    check: str
    message: str
    count: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity.value}: {self.check}: {self.counted}"

    @property
    def counted(self) -> str:
        """The message, followed by ``(×N)`` when the problem occurs N > 1 times."""
        return f"{self.message} (×{self.count})" if self.count > 1 else self.message

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity.value,
            "check": self.check,
            "message": self.message,
            "count": self.count,
        }
