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


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem of one entry (or one file, for counts) of a translated catalog."""

    file: str
    line: int
    severity: Severity
    check: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity.value}: {self.check}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "severity": self.severity.value,
            "check": self.check,
            "message": self.message,
        }
