"""``jsontext.indented`` writes what ``json.dumps(value, ensure_ascii=False, indent=1)`` writes."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from consilience.jsontext import indented, string_list

_TEXT = st.text(alphabet=st.sampled_from([*'ab "\\\n\t/', "\x00", "\x1f", "é", "\u202e", "\u2028", "😀"]), max_size=6)
_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.floats(), _TEXT)
_VALUE = st.recursive(_SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.lists(inner, max_size=3).map(tuple),
    st.dictionaries(_TEXT, inner, max_size=4)), max_leaves=20)


@given(_VALUE)
def test_indented_is_json_dumps_with_indent_1(value: object) -> None:
    assert indented(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_keys_json_turns_into_strings_and_special_floats_fall_back_or_match() -> None:
    for value in ({1: "a", "b": [2.5, math.inf, -math.inf]}, {None: True, 2.0: [{}]}, [math.nan, [], {}]):
        assert indented(value) == json.dumps(value, ensure_ascii=False, indent=1)


def test_a_value_json_cannot_write_raises_as_json_does() -> None:
    for value in ({"a": {1, 2}}, [object()]):
        try:
            json.dumps(value, ensure_ascii=False, indent=1)
        except TypeError as e:
            expected = str(e)
        try:
            indented(value)
        except TypeError as e:
            assert str(e) == expected
        else:
            raise AssertionError(f"indented wrote {value!r}")


@given(st.lists(st.one_of(st.text(), st.integers())))
def test_string_list_is_json_dumps_of_the_strings(values: list[object]) -> None:
    assert string_list(values) == json.dumps([str(v) for v in values], ensure_ascii=False)
