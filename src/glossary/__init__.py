"""glossary: a Russian/English terminology workbench for diplomatic and security news.

The public API: the term model, terms.csv reading and writing, and the catalogs.
"""

from glossary.errors import ConflictError, FormatError, GlossaryError, MachineTranslationError
from glossary.model import Glossary, Kind, Lang, Status, Term

__version__ = "0.1.0"

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
