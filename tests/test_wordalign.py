"""Word alignment inside aligned pairs: explaining away, priors, phrase spans."""

from __future__ import annotations

from glossary.wordalign import PairWords, WordAligner, best_spans, similar_spelling


def test_other_words_explain_their_translations_away() -> None:
    # Alone, "мир" and "переговоры" could come from either word; once "talk" is seen
    # with "переговоры" elsewhere, it takes "переговоры" and leaves "мир" to "peace".
    first = PairWords(
        ("we", "talk", "of", "peace", "now"), ("мы", "ведём", "переговоры", "о", "мире")
    )
    more = [
        PairWords(("talk", "again"), ("снова", "переговоры")),
        PairWords(("the", "talk", "ended"), ("переговоры", "кончились")),
    ]
    alone, _ = WordAligner([first]).posteriors(0)
    seen, _ = WordAligner([first, *more]).posteriors(0)
    talk, peace, talks, world = 1, 3, 2, 4
    assert seen[talks][talk] > alone[talks][talk]
    assert seen[world][peace] > seen[world][talk]


def test_a_prior_overrides_word_order() -> None:
    pairs = [
        PairWords(("one", "alpha", "two", "beta", "three"), ("раз", "бета", "два", "альфа", "три"))
    ]
    plain, _ = WordAligner(pairs).posteriors(0)
    beta, alpha = 1, 3
    assert plain[alpha][3] > plain[alpha][1]  # by the diagonal alone: альфа ← beta
    known = WordAligner(pairs, lambda s, t: 20.0 if (s, t) == ("alpha", "альфа") else 1.0)
    forward, _ = known.posteriors(0)
    assert forward[alpha][1] > forward[alpha][3]  # альфа ← alpha
    assert forward[beta][3] > plain[beta][3]  # and бета more likely ← beta


def test_best_span_covers_the_linked_words_only() -> None:
    # Target words 1 and 2 come from the term (source word 0); word 0 and 3 from others.
    forward = [[0.0, 0.9], [0.9, 0.0], [0.8, 0.1], [0.0, 0.9]]
    backward = [[0.0, 0.5, 0.4, 0.0], [0.5, 0.0, 0.0, 0.4]]
    spans = best_spans(forward, backward, range(0, 1), lambda a, b: True, longest=3, expected=2)
    assert spans[0][1:] == (1, 3)
    refused = best_spans(forward, backward, range(0, 1), lambda a, b: b - a == 1, longest=3)
    assert refused[0][1:] in {(1, 2), (2, 3)}


def test_spellings_alike() -> None:
    assert similar_spelling("bukharest", "bukharest")
    assert similar_spelling("franke", "franziia")  # shared stem
    assert similar_spelling("gipersonik", "giperzvukovoi")
    assert not similar_spelling("treati", "dogovor")
    assert not similar_spelling("un", "us")


def test_a_word_inside_a_compound_spells_alike() -> None:
    assert similar_spelling("sekretari", "gossekretar")
    assert not similar_spelling("sekretari", "sekunda")
