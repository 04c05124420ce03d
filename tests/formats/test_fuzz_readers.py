"""A short fuzz of every reader: mutated seed files raise only the project's own errors.

The long run is ``benchmarks/fuzz_readers.py``; every crash either found is fixed
with a regression test (``test_fuzz_regressions`` below and the hostile fixtures).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.formats.fuzz_targets import READERS, TOKENS, check, seeds

#: Examples per reader in CI; the benchmark runs thousands.
EXAMPLES = 40


@st.composite
def mutations(draw: st.DrawFn, name: str) -> bytes:
    """A seed of reader ``name`` with a few byte edits and inserted tokens."""
    data = bytearray(draw(st.sampled_from(seeds(name))))
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["token", "byte", "delete", "repeat"]))
        if edit == "token":
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif edit == "byte":
            data[at:at] = draw(st.binary(min_size=1, max_size=4))
        elif edit == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 32))] * draw(st.integers(2, 5))
    return bytes(data)


@pytest.mark.parametrize("name", sorted(READERS))
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_reader_raises_only_glossary_errors(name: str, data: st.DataObject) -> None:
    check(name, data.draw(st.one_of(mutations(name), st.binary(max_size=64))))


@pytest.mark.parametrize("data", [b"\x00", b"", b"<"])
def test_regression_streaming_tbx_on_input_without_a_root(data: bytes) -> None:
    # found by this fuzz: the streamed reader asserted on a document with no element
    from glossary.errors import FormatError
    from glossary.formats import tbx

    with pytest.raises(FormatError, match=r"^fuzz\.tbx:\d+: malformed XML"):
        tbx.read(data, "fuzz.tbx")
