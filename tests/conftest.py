"""Fixtures shared by every test module."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.formats import terms_csv
from glossary.model import Glossary, Kind, Status, Term

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The shared corpus lies beside the checkout (../shared), never copied into it.
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One cache for the whole run, never the user's: indexes and remembered catalogs
    that tests write stay out of ``~/.cache``. Tests that need their own set it."""
    path = tmp_path_factory.mktemp("cache")
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(path)
    yield path
    if saved is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The workspace's seed article and gold list, which a plain clone does not have.

    The tests that compare terms.csv with the seed article's gold list cannot run
    without it; CI always has it beside the checkout, so there they always run.
    """
    path = SHARED / "corpus"
    if not path.is_dir() and os.environ.get("CI"):
        pytest.fail(f"CI runs with the shared corpus beside the checkout, but {path} is missing")
    if not path.is_dir():
        # Justified skip: the data lives outside the repository by design (it may not be
        # copied in); a clone without it still runs every other test.
        pytest.skip(f"the shared corpus is not beside this checkout ({path}): not checked")
    return path


@pytest.fixture(scope="session")
def repo_glossary() -> Glossary:
    """The project's reviewed terms.csv."""
    return terms_csv.load(REPO_ROOT / "terms.csv")[0]


def small_glossary() -> Glossary:
    """A handful of concepts covering acronyms, nesting, variants and every status."""
    return Glossary(
        (
            Term("osce", en="OSCE", ru="ОБСЕ", kind=Kind.ACRONYM, full_form="osce-full",
                 status=Status.REVIEWED, source=("article.txt:3",)),
            Term("osce-full", en="Organization for Security and Co-operation in Europe",
                 ru="Организация по безопасности и сотрудничеству в Европе",
                 en_variants=("Organization for Security and Cooperation in Europe",),
                 kind=Kind.ORGANIZATION, status=Status.REVIEWED,
                 definition="A regional security organisation of 57 states."),
            Term("sphere-of-influence", en="sphere of influence", ru="сфера влияния",
                 ru_forbidden=("зона интереса",), definition="A region another power dominates.",
                 note="Not «зона интересов».", status=Status.DRAFT),
            Term("security-guarantees", en="security guarantees", ru="гарантии безопасности",
                 status=Status.REVIEWED),
            Term("legally-binding-security-guarantees", en="legally binding security guarantees",
                 ru="юридически обязывающие гарантии безопасности", status=Status.REVIEWED),
            Term("secretary-of-state", en="Secretary of State", ru="государственный секретарь",
                 ru_variants=("госсекретарь",), kind=Kind.TITLE, status=Status.REVIEWED),
            Term("military-bloc", en="military bloc", ru="", status=Status.CANDIDATE),
        )
    )  # fmt: skip


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory holding a small terms.csv, made the working directory."""
    terms_csv.save(small_glossary(), tmp_path / "terms.csv")
    monkeypatch.chdir(tmp_path)
    return tmp_path
