"""Machine translation drafts through Argos Translate, an optional extra.

Argos Translate (``pip install 'glossary[mt]'``) is imported lazily inside the
functions below, so that importing :mod:`glossary` stays fast and works without it.

Why we do not call ``argostranslate.translate``
    ``ITranslation.translate()`` splits its input into paragraphs and runs a
    sentence-boundary model on each: the package's bundled Stanza model, or a MiniSBD
    ONNX model that it *downloads* from GitHub on first use when the package has none
    (``ARGOS_CHUNK_TYPE=SPACY`` even downloads a spaCy model when ``argostranslate.sbd``
    is imported).  It also translates one text at a time.  The project segments
    sentences itself, so :class:`ArgosTranslator` goes one level down instead: it
    loads the installed package (:class:`argostranslate.package.Package`), encodes each
    segment with the package's own tokenizer, translates the whole batch with one
    ``ctranslate2.Translator.translate_batch`` call using Argos's decoding settings, and
    decodes exactly as ``argostranslate.translate.apply_packaged_translation`` does.
    No sentencizer is ever constructed, so no sentence-boundary model is loaded or
    downloaded, and translating imports neither Stanza nor PyTorch.

Where packages live
    ``argostranslate.settings`` reads ``ARGOS_PACKAGES_DIR`` (then its
    ``settings.json``) once, when it is first imported, and creates the directory.
    :func:`packages_dir` re-reads that setting on every call and points
    ``settings.package_data_dir`` / ``settings.package_dirs[0]`` at the current value,
    so that changing the variable later (as the tests do) is honoured too.
    Importing ``argostranslate.settings`` also creates ``argos-translate`` folders under
    ``XDG_DATA_HOME``, ``XDG_CONFIG_HOME`` and ``XDG_CACHE_HOME`` (or ``~/.local``...).

Installing
    :func:`install_package` validates the zip from its directory (path traversal,
    symlinks, layout, ``metadata.json``, at most :data:`MAX_ARCHIVE_FILES` members and
    :data:`MAX_ARCHIVE_BYTES` uncompressed) and extracts it itself rather than through
    ``argostranslate.package.install_from_path``, which extracts blindly.  Declared
    sizes are not trusted: bytes are counted again while extracting, and every
    member is read to its end so that zipfile checks its CRC.  Extraction goes into a
    temporary folder beside the packages dir (Argos treats every folder *inside* it
    as a package), which is renamed into place only when every member is complete; a
    failed install leaves nothing behind, and a folder left by a killed one is
    removed by the next install.  Afterwards Argos's language cache is cleared as
    ``install_from_path`` does; that imports ``argostranslate.translate``, which pulls
    in Stanza, PyTorch, spaCy and onnxruntime (about 4 s, once per process).
    Installing is rare and translating never pays it.  If those are not installed at
    all (argostranslate installed with ``--no-deps``), the failed import is harmless.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from typing import Any, Protocol

from glossary.errors import MachineTranslationError

__all__ = [
    "MAX_ARCHIVE_BYTES",
    "MAX_ARCHIVE_FILES",
    "ArgosPackage",
    "ArgosTranslator",
    "MachineTranslationError",
    "Translator",
    "find_translator",
    "install_from_index",
    "install_package",
    "installed_pairs",
    "packages_dir",
]

_INSTALL_HINT = "Argos Translate is not installed; install it with: pip install 'glossary[mt]'"
_INDEX_TIMEOUT_S = 30.0
#: Largest total uncompressed size of a model archive (Argos models are 100-500 MB).
MAX_ARCHIVE_BYTES = 2 * 1024**3
#: Most members a model archive may hold (Argos packages have a few dozen).
MAX_ARCHIVE_FILES = 1000
#: Largest ``metadata.json`` read into memory.
MAX_METADATA_BYTES = 1024**2
_COPY_CHUNK = 1024**2
_INSTALL_PREFIX = ".glossary-install-"
#: A temporary install folder untouched this long belongs to a killed install.
_STALE_INSTALL_S = 3600.0


class Translator(Protocol):
    """Translates a batch of single sentences; one output per input, in order."""

    def translate(self, segments: Sequence[str]) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class ArgosPackage:
    """An installed Argos package, as reported after installing it."""

    from_code: str
    to_code: str
    package_version: str
    path: Path


def _settings() -> Any:
    """Import ``argostranslate.settings`` with the packages dir re-read from the environment."""
    try:
        from argostranslate import settings
    except ImportError as exc:
        raise MachineTranslationError(_INSTALL_HINT) from exc
    current = Path(
        settings.get_setting("ARGOS_PACKAGES_DIR", default=settings.data_dir / "packages")
    )
    if current != settings.package_data_dir:
        # argostranslate snapshots the setting at import time; follow later changes.
        settings.package_data_dir = current
        settings.package_dirs[0] = current
    current.mkdir(parents=True, exist_ok=True)
    return settings


def _package_module() -> Any:
    """``argostranslate.package``: light (no Stanza, no PyTorch) unlike ``.translate``."""
    _settings()
    try:
        from argostranslate import package
    except ImportError as exc:
        raise MachineTranslationError(_INSTALL_HINT) from exc
    return package


def packages_dir() -> Path:
    """The directory Argos installs packages into (``ARGOS_PACKAGES_DIR``)."""
    return Path(_settings().package_data_dir)


def _installed_packages() -> list[Any]:
    """Installed translate packages, in a stable order."""
    package = _package_module()
    try:
        packages = package.get_installed_packages()
    except (OSError, ValueError) as exc:  # a folder without metadata.json, bad JSON
        raise MachineTranslationError(f"{packages_dir()}: broken Argos package: {exc}") from exc
    found = [p for p in packages if p.type == "translate"]
    return sorted(found, key=lambda p: str(p.package_path))


def installed_pairs() -> list[tuple[str, str]]:
    """Language pairs with an installed package, e.g. ``[("en", "ru")]``, sorted."""
    return sorted({(p.from_code, p.to_code) for p in _installed_packages()})


def _find_package(from_code: str, to_code: str) -> Any | None:
    for pkg in _installed_packages():
        if pkg.from_code == from_code and pkg.to_code == to_code:
            return pkg
    return None


class ArgosTranslator:
    """Translate single sentences with the installed Argos package for one pair.

    Raises :class:`MachineTranslationError` when Argos is not installed or no package
    for the pair is; the CTranslate2 model is loaded on the first :meth:`translate`.
    """

    def __init__(self, from_lang: str, to_lang: str) -> None:
        self.from_lang = from_lang
        self.to_lang = to_lang
        pkg = _find_package(from_lang, to_lang)
        if pkg is None:
            raise MachineTranslationError(
                f"no Argos package installed for {from_lang}→{to_lang} in {packages_dir()}"
            )
        tokenizer = getattr(pkg, "tokenizer", None)
        if tokenizer is None:
            raise MachineTranslationError(
                f"{pkg.package_path}: Argos package has neither sentencepiece.model nor bpe.model"
            )
        self._package: Any = pkg
        self._tokenizer: Any = tokenizer
        self._target_prefix: str = getattr(pkg, "target_prefix", "") or ""
        self._model: Any = None

    def __repr__(self) -> str:
        return f"ArgosTranslator({self.from_lang!r}, {self.to_lang!r})"

    def _load(self) -> Any:
        if self._model is None:
            settings = _settings()
            try:
                import ctranslate2
            except ImportError as exc:
                raise MachineTranslationError(_INSTALL_HINT) from exc
            model_dir = Path(self._package.package_path) / "model"
            try:
                self._model = ctranslate2.Translator(
                    str(model_dir),
                    device=settings.device,
                    inter_threads=settings.inter_threads,
                    intra_threads=settings.intra_threads,
                    compute_type=settings.compute_type,
                )
            except (RuntimeError, ValueError, OSError) as exc:
                raise MachineTranslationError(
                    f"{model_dir}: cannot load the CTranslate2 model: {exc}"
                ) from exc
        return self._model

    def translate(self, segments: Sequence[str]) -> list[str]:
        """Translate every segment in one CTranslate2 batch; blank segments give ``""``."""
        if isinstance(segments, str):
            raise TypeError("translate() takes a sequence of sentences, not one string")
        texts = list(segments)
        try:
            tokenized = [self._tokenizer.encode(text) for text in texts]
        except (RuntimeError, OSError) as exc:
            raise MachineTranslationError(
                f"{self._package.package_path}: cannot load the tokenizer: {exc}"
            ) from exc
        todo = [i for i, tokens in enumerate(tokenized) if tokens]
        results: list[str] = [""] * len(texts)
        if not todo:
            return results
        settings = _settings()
        model = self._load()
        batch = [tokenized[i] for i in todo]
        prefix = [[self._target_prefix]] * len(batch) if self._target_prefix else None
        try:
            # The same options as argostranslate.translate.apply_packaged_translation.
            outputs = model.translate_batch(
                batch,
                target_prefix=prefix,
                replace_unknowns=True,
                max_batch_size=settings.batch_size,
                batch_type="tokens",
                beam_size=max(1, settings.beam_size),
                num_hypotheses=1,
                length_penalty=0.2,
            )
        except (RuntimeError, ValueError) as exc:
            raise MachineTranslationError(
                f"{self._package.package_path}: translation failed: {exc}"
            ) from exc
        for i, output in zip(todo, outputs, strict=True):
            results[i] = self._decode(output.hypotheses[0])
        return results

    def _decode(self, tokens: list[str]) -> str:
        value: str = self._tokenizer.decode(tokens)
        if self._target_prefix and value.startswith(self._target_prefix):
            value = value[len(self._target_prefix) :]
        return value[1:] if value.startswith(" ") else value


def find_translator(from_lang: str, to_lang: str) -> Translator | None:
    """The Argos translator for the pair, or ``None`` when Argos or the package is missing.

    Drafting falls back to "no machine draft" rather than failing, as the design asks.
    """
    try:
        return ArgosTranslator(from_lang, to_lang)
    except MachineTranslationError:
        return None


def _bad_entry_reason(info: zipfile.ZipInfo) -> str | None:
    """Why a zip entry must not be extracted, or ``None`` when it is safe."""
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    name = info.filename.replace("\\", "/")  # a separator on Windows
    if name.startswith("/") or PureWindowsPath(name).drive:
        return "has an absolute path"
    if any(part in ("..", ".") for part in name.split("/")):
        return "has a '..' or '.' path component"
    return None


def _check_sizes(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse archives whose directory declares too many members or too many bytes."""
    if len(infos) > MAX_ARCHIVE_FILES:
        raise MachineTranslationError(
            f"{path}: {len(infos)} archive members, more than the {MAX_ARCHIVE_FILES} "
            "a model may hold; nothing installed"
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_ARCHIVE_BYTES:
        raise MachineTranslationError(
            f"{path}: {total} bytes uncompressed, more than the {MAX_ARCHIVE_BYTES} "
            "a model may hold; nothing installed"
        )


def _too_big(path: Path, member: str) -> MachineTranslationError:
    return MachineTranslationError(
        f"{path}: {member!r} inflates past its declared size or the archive past "
        f"{MAX_ARCHIVE_BYTES} bytes; nothing installed"
    )


def _extract(path: Path, archive: zipfile.ZipFile, into: Path) -> None:
    """Extract every member, counting bytes (declared sizes are not trusted).

    Each member is read to its end, where zipfile compares its CRC-32; a mismatch is
    :class:`zipfile.BadZipFile`.
    """
    total = 0
    for info in archive.infolist():
        target = into.joinpath(*info.filename.replace("\\", "/").split("/"))
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with archive.open(info) as source, target.open("wb") as sink:
            while chunk := source.read(_COPY_CHUNK):
                written += len(chunk)
                total += len(chunk)
                if written > info.file_size or total > MAX_ARCHIVE_BYTES:
                    raise _too_big(path, info.filename)
                sink.write(chunk)


def _remove_stale_installs(parent: Path) -> None:
    """Folders a killed install left beside the packages dir."""
    now = time.time()
    for leftover in parent.glob(_INSTALL_PREFIX + "*"):
        try:
            if now - leftover.stat().st_mtime > _STALE_INSTALL_S:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            continue


def _install_into(path: Path, folder: str, target: Path) -> None:
    """Extract into a temporary folder, then rename it to ``target/folder``."""
    _remove_stale_installs(target.parent)
    staging = Path(tempfile.mkdtemp(prefix=_INSTALL_PREFIX, dir=target.parent))
    try:
        with zipfile.ZipFile(path) as archive:
            _extract(path, archive, staging)
        final = target / folder
        if final.exists():
            # Replace an installed version: move it aside first, so that a failure
            # between the two renames leaves the old one recoverable, never a mix.
            old = staging.with_name(staging.name + "-old")
            os.replace(final, old)
            os.replace(staging / folder, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging / folder, final)
    except zipfile.BadZipFile as exc:
        raise MachineTranslationError(
            f"{path}: corrupt archive ({exc}); nothing installed"
        ) from exc
    except (OSError, EOFError) as exc:
        raise MachineTranslationError(
            f"{path}: cannot install into {target}: {exc}; nothing installed"
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _clear_language_cache() -> None:
    """What ``install_from_path`` does after extracting, so Argos sees the new package."""
    try:
        from argostranslate.translate import get_installed_languages
    except ImportError:
        # Where Stanza & co. are absent (argostranslate installed with --no-deps) the
        # import fails, but then no such cache can exist either.
        return
    get_installed_languages.cache_clear()


def _validate_archive(path: Path) -> tuple[str, dict[str, Any]]:  # noqa: C901 - one refusal per way an untrusted archive can be unsafe, cheapest first
    """Check an ``.argosmodel`` before extraction; return its folder and metadata."""
    if not path.is_file():
        raise MachineTranslationError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise MachineTranslationError(f"{path}: not an Argos package (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_sizes(path, infos)
            for info in infos:
                reason = _bad_entry_reason(info)
                if reason is not None:
                    raise MachineTranslationError(
                        f"{path}: unsafe archive entry {info.filename!r} {reason};"
                        " nothing installed"
                    )
            names = {info.filename.replace("\\", "/").rstrip("/") for info in infos}
            tops = {name.split("/", 1)[0] for name in names if name}
            if len(tops) != 1:
                raise MachineTranslationError(
                    f"{path}: an Argos package holds exactly one top-level folder, "
                    f"found {sorted(tops)}"
                )
            (top,) = tops
            if f"{top}/metadata.json" not in names:
                raise MachineTranslationError(f"{path}: no {top}/metadata.json in the archive")
            if archive.getinfo(f"{top}/metadata.json").file_size > MAX_METADATA_BYTES:
                raise MachineTranslationError(
                    f"{path}: {top}/metadata.json is larger than {MAX_METADATA_BYTES} bytes"
                )
            try:
                metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise MachineTranslationError(
                    f"{path}: {top}/metadata.json is not valid JSON: {exc}"
                ) from exc
    except zipfile.BadZipFile as exc:
        raise MachineTranslationError(f"{path}: corrupt zip archive: {exc}") from exc
    if not isinstance(metadata, dict):
        raise MachineTranslationError(f"{path}: {top}/metadata.json is not a JSON object")
    if metadata.get("type", "translate") == "translate":
        for key in ("from_code", "to_code"):
            if not isinstance(metadata.get(key), str) or not metadata[key]:
                raise MachineTranslationError(f"{path}: {top}/metadata.json has no {key!r}")
        if f"{top}/model/model.bin" not in names:
            raise MachineTranslationError(f"{path}: no {top}/model/model.bin in the archive")
        if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & names:
            raise MachineTranslationError(
                f"{path}: no {top}/sentencepiece.model or {top}/bpe.model in the archive"
            )
    return top, metadata


def install_package(path: Path) -> ArgosPackage:
    """Validate an ``.argosmodel`` file and install it with Argos's own installer.

    Entries with absolute paths, ``..`` components or symlinks, too many members or
    too many bytes are refused first; the package appears in the packages dir only
    once every member has been extracted and has passed its CRC (module docstring).
    """
    path = Path(path)
    folder, metadata = _validate_archive(path)
    package = _package_module()
    target = packages_dir()
    with package.package_lock:
        _install_into(path, folder, target)
    _clear_language_cache()
    return ArgosPackage(
        from_code=str(metadata.get("from_code", "")),
        to_code=str(metadata.get("to_code", "")),
        package_version=str(metadata.get("package_version", "")),
        path=target / folder,
    )


def _index_url() -> str:
    settings = _settings()
    base = str(settings.get_setting("ARGOS_PACKAGE_INDEX", default=settings.package_index))
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def install_from_index(from_lang: str, to_lang: str) -> ArgosPackage:
    """Download the pair's package from the Argos package index and install it.

    Needs the network.  The index is fetched here with a timeout rather than through
    ``argostranslate.package.update_package_index``, which swallows network errors
    (and ``get_available_packages`` then recurses without end when offline).
    """
    package = _package_module()
    url = _index_url()
    try:
        with urllib.request.urlopen(url, timeout=_INDEX_TIMEOUT_S) as response:
            index = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise MachineTranslationError(
            f"cannot reach the Argos package index {url} ({reason}); offline? "
            "Download the .argosmodel elsewhere and install it from the file"
        ) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise MachineTranslationError(f"{url}: not a valid package index: {exc}") from exc
    if not isinstance(index, list):
        raise MachineTranslationError(f"{url}: not a valid package index (expected a list)")
    available = [
        package.AvailablePackage(entry)
        for entry in index
        if isinstance(entry, dict)
        and entry.get("type", "translate") == "translate"
        and entry.get("from_code") == from_lang
        and entry.get("to_code") == to_lang
    ]
    if not available:
        raise MachineTranslationError(f"{url}: no package for {from_lang}→{to_lang}")
    try:
        download = Path(available[0].download())
    except Exception as exc:  # argostranslate raises a bare Exception on failure
        raise MachineTranslationError(
            f"cannot download the {from_lang}→{to_lang} package listed in {url}: {exc}"
        ) from exc
    try:
        return install_package(download)
    finally:
        download.unlink(missing_ok=True)
