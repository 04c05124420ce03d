"""Freeze the real evaluation corpus: print or update benchmarks/data/real/MANIFEST.csv.

Usage::

    python benchmarks/corpus_manifest.py            # show files missing from the manifest
    python benchmarks/corpus_manifest.py --add      # append them, group "heldout"

Every text (``SLUG.LANG.txt``) and gold list (``SLUG.gold.csv``) is recorded with its
SHA-256, so a later edit of a frozen gold list fails ``tests/benchmarks``. New texts go
to the "never tuned on" group; moving a text to ``dev`` is a deliberate edit of the
manifest, made before a round of rule work and never after it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from pathlib import Path

REAL = Path(__file__).resolve().parent / "data" / "real"
MANIFEST = REAL / "MANIFEST.csv"
FIELDS = ("file", "sha256", "words", "lang", "group")
NEW_GROUP = "heldout"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def describe(path: Path) -> dict[str, str]:
    """One manifest row; words and lang only for texts, a gold list shares its text's group."""
    if path.name.endswith(".gold.csv"):
        return {
            "file": path.name,
            "sha256": sha256(path),
            "words": "",
            "lang": "",
            "group": NEW_GROUP,
        }
    lang = path.name.rsplit(".", 2)[1]
    words = len(path.read_text(encoding="utf-8").split())
    return {
        "file": path.name,
        "sha256": sha256(path),
        "words": str(words),
        "lang": lang,
        "group": NEW_GROUP,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", action="store_true", help="append missing files to the manifest")
    args = parser.parse_args()
    rows: list[dict[str, str]] = []
    if MANIFEST.exists():
        with MANIFEST.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    known = {row["file"] for row in rows}
    files = sorted([*REAL.glob("*.txt"), *REAL.glob("*.gold.csv")])
    missing = [describe(p) for p in files if p.name not in known]
    for row in missing:
        print(",".join(row[f] for f in FIELDS))
    if args.add and missing:
        with MANIFEST.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows([*rows, *missing])


if __name__ == "__main__":
    main()
