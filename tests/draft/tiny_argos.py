"""Build a tiny but real Argos Translate package for the machine-translation tests.

Real en↔ru models weigh about 100 MB and come from the network, so the tests build
their own: a SentencePiece model trained on the sentences below, a two-layer
CTranslate2 Transformer with seeded random weights written through
``ctranslate2.specs``, and ``metadata.json``, zipped the way ``argos-train`` zips a
package (one top-level folder ``translate-en_ru-tiny/``).  The translations are
gibberish, but every file is read by the same code that reads a real package.

Building takes about two seconds, mostly importing ``ctranslate2.specs`` (which imports
PyTorch), and is deterministic: the same bytes every run.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

PACKAGE_FOLDER = "translate-en_ru-tiny"
PACKAGE_FILE = f"{PACKAGE_FOLDER}.argosmodel"
FROM_CODE, TO_CODE = "en", "ru"

#: Our own short diplomatic-news sentences, English and Russian, to train SentencePiece.
SENTENCES: tuple[str, ...] = (
    "The foreign ministers met in Geneva on Monday.",
    "Министры иностранных дел встретились в Женеве в понедельник.",
    "The delegation discussed security guarantees for the region.",
    "Делегация обсудила гарантии безопасности для региона.",
    "The ambassador presented his credentials to the president.",
    "Посол вручил верительные грамоты президенту.",
    "Both sides agreed to extend the ceasefire.",
    "Стороны договорились продлить режим прекращения огня.",
    "The Security Council will vote on the draft resolution.",
    "Совет Безопасности проголосует по проекту резолюции.",
    "The summit ended without a joint statement.",
    "Саммит завершился без совместного заявления.",
    "The spokesman declined to comment on the talks.",
    "Официальный представитель отказался комментировать переговоры.",
    "Sanctions against the company were lifted last year.",
    "Санкции против компании были сняты в прошлом году.",
    "The parliament ratified the arms control treaty.",
    "Парламент ратифицировал договор о контроле над вооружениями.",
    "Observers from the OSCE monitored the elections.",
    "Наблюдатели от ОБСЕ следили за выборами.",
    "The minister called for a diplomatic solution.",
    "Министр призвал к дипломатическому урегулированию.",
    "The embassy issued a travel warning.",
    "Посольство выпустило предупреждение для путешественников.",
    "Negotiations will resume next week in Vienna.",
    "Переговоры возобновятся на следующей неделе в Вене.",
    "The peace plan was welcomed by the allies.",
    "Союзники приветствовали мирный план.",
    "The border remains closed to civilian traffic.",
    "Граница остается закрытой для гражданского транспорта.",
    "The secretary of state arrived in Kyiv.",
    "Госсекретарь прибыл в Киев.",
    "The humanitarian corridor opened at dawn.",
    "Гуманитарный коридор открылся на рассвете.",
    "The prime minister signed the agreement.",
    "Премьер-министр подписал соглашение.",
    "Military exercises began near the border.",
    "У границы начались военные учения.",
    "The general assembly adopted the declaration.",
    "Генеральная ассамблея приняла декларацию.",
)

#: Hyper-parameters of the toy Transformer: small enough to build and run in milliseconds.
VOCAB_SIZE = 160
D_MODEL = 32
NUM_HEADS = 2
FFN_SIZE = 64
NUM_LAYERS = 2
SEED = 20240611


def train_sentencepiece() -> bytes:
    """Train the shared en+ru SentencePiece model in memory and return its bytes."""
    import sentencepiece as spm

    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(SENTENCES),
        model_writer=buffer,
        vocab_size=VOCAB_SIZE,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,  # the corpus is tiny: take what it yields
        num_threads=1,  # determinism
        minloglevel=2,  # keep pytest output clean
    )
    return buffer.getvalue()


def vocabulary(sp_model: bytes) -> list[str]:
    """The pieces of a SentencePiece model in id order; ``<unk>``, ``<s>``, ``</s>`` first."""
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sp_model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def write_ctranslate2_model(model_dir: Path, pieces: list[str], seed: int = SEED) -> None:
    """Write a random-weight CTranslate2 Transformer whose shared vocabulary is ``pieces``."""
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)

    def weight(*shape: int) -> np.ndarray[Any, np.dtype[np.float32]]:
        return (rng.standard_normal(shape) * 0.2).astype(np.float32)

    def layer_norm(spec: Any) -> None:
        spec.gamma = np.ones(D_MODEL, dtype=np.float32)
        spec.beta = np.zeros(D_MODEL, dtype=np.float32)

    def feed_forward(spec: Any) -> None:
        layer_norm(spec.layer_norm)
        spec.linear_0.weight = weight(FFN_SIZE, D_MODEL)
        spec.linear_1.weight = weight(D_MODEL, FFN_SIZE)

    def self_attention(spec: Any) -> None:
        layer_norm(spec.layer_norm)
        spec.linear[0].weight = weight(3 * D_MODEL, D_MODEL)  # fused q, k, v
        spec.linear[1].weight = weight(D_MODEL, D_MODEL)

    def encoder_attention(spec: Any) -> None:
        layer_norm(spec.layer_norm)
        spec.linear[0].weight = weight(D_MODEL, D_MODEL)  # queries
        spec.linear[1].weight = weight(2 * D_MODEL, D_MODEL)  # fused k, v
        spec.linear[2].weight = weight(D_MODEL, D_MODEL)

    spec = transformer_spec.TransformerSpec.from_config(NUM_LAYERS, NUM_HEADS)
    encoder, decoder = spec.encoder, spec.decoder

    encoder.embeddings[0].weight = weight(len(pieces), D_MODEL)
    layer_norm(encoder.layer_norm)
    for layer in encoder.layer:
        self_attention(layer.self_attention)
        feed_forward(layer.ffn)

    decoder.embeddings.weight = weight(len(pieces), D_MODEL)
    layer_norm(decoder.layer_norm)
    decoder.projection.weight = weight(len(pieces), D_MODEL)
    # A bias towards </s> keeps the random decoder's outputs short.
    bias = np.zeros(len(pieces), dtype=np.float32)
    bias[pieces.index("</s>")] = 2.0
    decoder.projection.bias = bias
    for layer in decoder.layer:
        self_attention(layer.self_attention)
        encoder_attention(layer.attention)
        feed_forward(layer.ffn)

    spec.register_source_vocabulary(pieces)
    spec.register_target_vocabulary(pieces)
    spec.validate()
    spec.optimize(quantization="int8")  # as argos-train converts its models
    model_dir.mkdir(parents=True)
    spec.save(str(model_dir))


def metadata() -> dict[str, object]:
    """The package's ``metadata.json``, with the fields ``argos-train`` writes."""
    return {
        "package_version": "0.0.1",
        "argos_version": "1.9.0",
        "from_code": FROM_CODE,
        "from_name": "English",
        "to_code": TO_CODE,
        "to_name": "Russian",
        "type": "translate",
        "links": [],
    }


def build_package_dir(root: Path) -> Path:
    """Write the unzipped package folder ``root/translate-en_ru-tiny`` and return it."""
    folder = root / PACKAGE_FOLDER
    folder.mkdir(parents=True)
    sp_model = train_sentencepiece()
    (folder / "sentencepiece.model").write_bytes(sp_model)
    write_ctranslate2_model(folder / "model", vocabulary(sp_model))
    (folder / "metadata.json").write_text(
        json.dumps(metadata(), indent=4, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (folder / "README.md").write_text(
        "# English-Russian (tiny)\n\nRandom weights, built by the glossary tests.\n",
        encoding="utf-8",
    )
    return folder


def zip_folder(folder: Path, destination: Path) -> Path:
    """Zip ``folder`` with itself as the single top-level entry, byte-for-byte reproducibly."""
    with zipfile.ZipFile(destination, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted([folder, *folder.rglob("*")]):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_dir():
                info = zipfile.ZipInfo(name + "/", date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = (0o40755 << 16) | 0x10
                archive.writestr(info, b"")
            else:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.external_attr = 0o100644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes())
    return destination


def build_tiny_package(directory: Path) -> Path:
    """Build ``directory/translate-en_ru-tiny.argosmodel`` and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = build_package_dir(Path(work))
        return zip_folder(folder, directory / PACKAGE_FILE)


def sentencepiece_pieces(package: Path) -> list[str]:
    """The vocabulary inside a built ``.argosmodel``, read back from its SentencePiece model."""
    with zipfile.ZipFile(package) as archive:
        return vocabulary(archive.read(f"{PACKAGE_FOLDER}/sentencepiece.model"))


if __name__ == "__main__":  # python tests/draft/tiny_argos.py OUTDIR
    import sys

    print(build_tiny_package(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
