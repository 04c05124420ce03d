"""glossary: a Russian/English terminology workbench for diplomatic and security news.

The public API: the term model, terms.csv reading and writing, and the catalogs.
``__version__`` is read from the installed package's metadata (pyproject.toml is the
one place it is written), on first use: importing importlib.metadata costs a cold
command tens of milliseconds.
"""

from glossary.errors import ConflictError, FormatError, GlossaryError, MachineTranslationError
from glossary.model import Glossary, Kind, Lang, Status, Term

#: The version reported when the package runs from a source tree without being installed.
UNINSTALLED_VERSION = "0+unknown"

__all__ = [
    "ConflictError",
    "FormatError",
    "Glossary",
    "GlossaryError",
    "Kind",
    "Lang",
    "MachineTranslationError",
    "Status",
    "Term",
    "__version__",
]


def __getattr__(name: str) -> str:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("glossary")
        except PackageNotFoundError:
            return UNINSTALLED_VERSION
    raise AttributeError(f"module 'glossary' has no attribute {name!r}")
