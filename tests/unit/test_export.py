import pytest

from netmetrics.export import neutralise


@pytest.mark.parametrize("text", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "=HYPERLINK(\"x\")"])
def test_formula_like_text_is_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Acme", "", 12.5, -3, None, "1-2"])
def test_other_values_are_untouched(value):
    assert neutralise(value) == value
