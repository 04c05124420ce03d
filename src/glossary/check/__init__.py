"""Terminology QA of translated catalogs: findings and the table of checks."""

from glossary.check.checks import (
    CHECKS,
    Check,
    CheckContext,
    CheckedEntry,
    describe,
    entries_from_po,
    run_checks,
)
from glossary.check.findings import Finding, Severity

__all__ = [
    "CHECKS",
    "Check",
    "CheckContext",
    "CheckedEntry",
    "Finding",
    "Severity",
    "describe",
    "entries_from_po",
    "run_checks",
]
