"""Dutch dates in every common form, and impossible dates refused."""
from __future__ import annotations

from datetime import date

import pytest

from raadsstukken.extractors.text.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15-10-2019", date(2019, 10, 15)),
        ("7-05-2024", date(2024, 5, 7)),
        ("3.2.2021", date(2021, 2, 3)),
        ("15 oktober 2019", date(2019, 10, 15)),
        ("d.d. 1 maart 2022", date(2022, 3, 1)),
        ("vergadering van 7 mrt. 2024", date(2024, 3, 7)),
        ("2019-10-15", date(2019, 10, 15)),
        ("12/11/23", date(2023, 11, 12)),
        ("31-02-2020", None),
        ("geen datum, wel 2020-2023", None),
        ("artikel 38b lid 1", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_find_dates_gives_spans():
    text = "Besproken op 4 juni 2021 en vastgesteld op 01-07-2021."
    found = find_dates(text)
    assert [d for d, _ in found] == [date(2021, 6, 4), date(2021, 7, 1)]
    assert text[slice(*found[0][1])] == "4 juni 2021"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vergaderd op 17 novembcr 2030", date(2030, 11, 17)),
        ("Datum: 2 fcbruari 2031", date(2031, 2, 2)),
        ("8 decenber 2029", date(2029, 12, 8)),
        ("5 kaart 2020", None),        # a word one letter off a short name ("maart") is no month
        ("12 kaarten 2031", None),
        ("31 novcmber 2030", None),   # a misread month still makes no impossible date
        ("3 oktbore 2030", None),     # two letters off
    ],
)
def test_misread_month_names(text, expected):
    """A scan's text layer misreads a letter of a month's name; between a day and a year the word
    one letter off a full month name of six letters or more is that month."""
    assert parse_date(text) == expected
