"""The project's error tree.

Every error a user can cause is a :class:`GlossaryError`; the CLI prints its
``str()`` as one line and exits with :attr:`GlossaryError.exit_code`. Anything
else reaching the CLI is a bug and keeps its traceback.

::

    GlossaryError                      exit 2, usage or input problem
     ├── FormatError(path, line, msg)  a file we read is malformed
     ├── ConflictError                 exit 1, edits that cannot be reconciled
     └── MachineTranslationError       a translation model is missing or broken
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ConflictError",
    "FormatError",
    "GlossaryError",
    "Location",
    "MachineTranslationError",
    "display_path",
    "json_error_line",
]


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a file, 1-based line; ``line`` is 0 when the whole file is meant."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class GlossaryError(Exception):
    """Base of every error caused by input or usage rather than by a bug."""

    exit_code = 2

    def report(self) -> str:
        """What the CLI prints: one line per problem."""
        return f"glossary: {self}"


class FormatError(GlossaryError):
    """A file is malformed; the message reads ``path:line: message``."""

    def __init__(self, path: str | Path, line: int, message: str) -> None:
        self.location = Location(display_path(path), line)
        self.message = message
        super().__init__(f"{self.location}: {message}")

    def report(self) -> str:
        return str(self)

    @property
    def path(self) -> str:
        return self.location.path

    @property
    def line(self) -> int:
        return self.location.line


class ConflictError(GlossaryError):
    """Edits that contradict each other; nothing was written."""

    exit_code = 1

    def __init__(self, conflicts: list[str]) -> None:
        self.conflicts = conflicts
        super().__init__("\n".join(conflicts))

    def report(self) -> str:
        return str(self)


class MachineTranslationError(GlossaryError):
    """Argos Translate or one of its models is missing, broken or unsafe."""


def display_path(path: str | Path) -> str:
    """Paths in messages are shown relative to the working directory when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)


def json_error_line(exc: BaseException) -> int:
    """The 1-based line a JSON reading error points at, for ``file:line`` messages.

    A syntax error knows its line; a document of the wrong shape is reported at line
    1, where its top-level value starts (``json`` keeps no positions of values).
    """
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int) and lineno > 0:
        return lineno
    return 1
