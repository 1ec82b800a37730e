"""dates: relative and explicit date expressions resolved against the publication date.

Spec §4: "On Thursday" in an article published Friday 2023-02-03 is 2023-02-02;
"in mid-November" is 2023-11. Relative expressions without a publication date are
unknown, never guessed. Pure functions: no model needed.
"""
from __future__ import annotations

import pytest

from bilat.dates import DateValue, more_precise, resolve, year_named_before
from bilat.model import DateBasis

EXPLICIT = DateBasis.EXPLICIT.value
RELATIVE = DateBasis.RELATIVE.value
UNKNOWN = DateBasis.UNKNOWN.value

FRI = "2023-02-03"  # a Friday
SUN = "2023-11-26"  # a Sunday


# ---------------------------------------------------------------- weekdays: the latest such day on or before publication

@pytest.mark.parametrize("expr, published, expected", [
    ("on Thursday", FRI, "2023-02-02"),  # the spec's own example
    ("Thursday", FRI, "2023-02-02"),
    ("on Monday", FRI, "2023-01-30"),
    ("on Friday", FRI, "2023-02-03"),  # the day of publication itself
    ("on Saturday", FRI, "2023-01-28"),  # never a day after publication
    ("Sunday", FRI, "2023-01-29"),
    ("on Saturday", SUN, "2023-11-25"),
    ("on Monday", "2024-01-02", "2024-01-01"),  # across a year boundary
    ("on Wednesday", "2024-01-02", "2023-12-27"),
])
def test_weekday_is_latest_such_day_on_or_before_publication(expr, published, expected):
    assert resolve(expr, published) == DateValue(expected, RELATIVE)


@pytest.mark.parametrize("expr, published, expected", [
    ("last Thursday", "2023-02-02", "2023-01-26"),  # "last" on the same weekday means a week back
    ("last Thursday", FRI, "2023-02-02"),
])
def test_last_weekday(expr, published, expected):
    assert resolve(expr, published) == DateValue(expected, RELATIVE)


# ---------------------------------------------------------------- day and month without a year

@pytest.mark.parametrize("expr, published, expected", [
    ("November 25", SUN, "2023-11-25"),
    ("on November 25", SUN, "2023-11-25"),
    ("Nov. 25", SUN, "2023-11-25"),
    ("25 November", SUN, "2023-11-25"),
    ("November 25", "2024-01-10", "2023-11-25"),  # a date later in the calendar year lies in the year before
    ("December 30", "2024-01-02", "2023-12-30"),
    ("March 1", FRI, "2022-03-01"),
])
def test_day_and_month_take_the_year_from_publication(expr, published, expected):
    got = resolve(expr, published)
    assert got.value == expected
    assert got.precision == "day"
    assert got.basis in (EXPLICIT, RELATIVE)


# ---------------------------------------------------------------- parts of months, relative periods

@pytest.mark.parametrize("expr, published, expected", [
    ("mid-November", SUN, "2023-11"),  # the spec's example
    ("in mid-November", SUN, "2023-11"),
    ("mid November", SUN, "2023-11"),
    ("mid-November", "2024-02-01", "2023-11"),
    ("late October", SUN, "2023-10"),
    ("early November", SUN, "2023-11"),
    ("last month", SUN, "2023-10"),
    ("last month", "2024-01-05", "2023-12"),  # across a year boundary
    ("last month", "2023-03-31", "2023-02"),  # no day arithmetic: March 31 minus a month is February
    ("earlier this month", SUN, "2023-11"),
    ("Earlier in October", SUN, "2023-10"),  # "earlier" or "later" before a month says no more than it
    ("earlier this week", SUN, "2023-11"),  # Monday-Saturday of that week are all in November
    ("last year", "2023-03-01", "2022"),
    ("earlier this year", "2023-03-01", "2023"),
    ("yesterday", "2023-03-01", "2023-02-28"),
    ("today", "2023-03-01", "2023-03-01"),
    ("two days ago", "2023-03-01", "2023-02-27"),
    # a month of last (this) year is that month, not the year alone
    ("in March last year", "2025-01-15", "2024-03"),
    ("in October of last year", "2025-01-15", "2024-10"),
    ("June of this year", "2025-01-15", "2025-06"),
    # "last March": the latest March before this month
    ("last March", "2025-01-15", "2024-03"),
    ("last March", "2025-05-15", "2025-03"),
    ("last May", "2025-05-15", "2024-05"),
])
def test_relative_expressions(expr, published, expected):
    assert resolve(expr, published) == DateValue(expected, RELATIVE)


@pytest.mark.parametrize("expr, published, expected", [
    # a weekday "last week" is that day of the week before publication (a Friday)
    ("on Monday last week", "2024-05-17", "2024-05-06"),
    ("Thursday of last week", "2024-05-17", "2024-05-09"),
    # a span of days begins on its first day
    ("March 3-4", "2024-05-17", "2024-03-03"),
    ("15-16 July 2021", "2024-05-17", "2021-07-15"),
    ("July 15–16, 2021", "2024-05-17", "2021-07-15"),
    # an ISO date is no span
    ("2024-03-05", "2024-05-17", "2024-03-05"),
    # a weekend is the span before publication, from its Saturday (today's, when published on one)
    ("over the weekend", "2024-05-17", "2024-05-11"),
    ("the weekend", "2024-06-03", "2024-06-01"),
    ("this weekend", "2024-05-19", "2024-05-18"),
    ("last weekend", "2024-05-18", "2024-05-11"),
])
def test_weekday_last_week_and_spans_of_days(expr, published, expected):
    assert resolve(expr, published).value == expected


def test_month_part_with_a_year_is_explicit():
    assert resolve("in mid-November 2021", SUN) == DateValue("2021-11", EXPLICIT)


# ---------------------------------------------------------------- explicit dates and years

@pytest.mark.parametrize("expr", [
    "Sept 29, 1972", "Sept. 29, 1972", "September 29, 1972", "on September 29, 1972", "29 September 1972",
    "Sep 29, 1972",
])
@pytest.mark.parametrize("published", [None, SUN])
def test_full_date(expr, published):
    assert resolve(expr, published) == DateValue("1972-09-29", EXPLICIT)


@pytest.mark.parametrize("expr, expected", [
    ("November 2022", "2022-11"),
    ("in November 2022", "2022-11"),
    ("Nov. 25, 2022", "2022-11-25"),
])
def test_explicit_month_and_day_precision(expr, expected):
    assert resolve(expr, None) == DateValue(expected, EXPLICIT)


# ---------------------------------------------------------------- seasons: the year of the season meant

@pytest.mark.parametrize("expr, published, expected", [
    ("last summer", "2025-04-16", "2024"),  # the summer before this one
    ("last summer", "2023-12-12", "2023"),  # the summer just past
    ("since last spring", "2024-02-07", "2023"),
    ("this spring", "2015-04-03", "2015"),
    ("later this summer", "2022-07", "2022"),
    ("next spring", "2019-12-26", "2020"),
    ("next autumn", "2019-03-01", "2019"),
])
def test_a_season_with_last_this_or_next_is_that_seasons_year(expr, published, expected):
    assert resolve(expr, published) == DateValue(expected, RELATIVE)


@pytest.mark.parametrize("expr", ["in the summer of 2019", "spring 2019", "the winter of 2019"])
def test_a_season_with_its_year_is_that_year(expr):
    assert resolve(expr, SUN) == DateValue("2019", EXPLICIT)


def test_winter_alone_spans_two_years_and_is_not_guessed():
    assert resolve("last winter", SUN).value is None


@pytest.mark.parametrize("expr, expected", [("2019", "2019"), ("in 2019", "2019"), ("since 1992", "1992"), ("1972", "1972")])
@pytest.mark.parametrize("published", [None, SUN])
def test_years(expr, expected, published):
    got = resolve(expr, published)
    assert got == DateValue(expected, EXPLICIT)
    assert got.precision == "year"


# ---------------------------------------------------------------- without a publication date nothing relative is guessed

@pytest.mark.parametrize("expr", [
    "on Thursday", "Thursday", "last month", "mid-November", "November 25", "earlier this week", "yesterday",
    "two days ago", "last year",
])
@pytest.mark.parametrize("published", [None, "", "not-a-date"])
def test_relative_without_publication_is_unknown(expr, published):
    got = resolve(expr, published)
    assert got.value is None
    assert got.basis == UNKNOWN
    assert got.precision is None


@pytest.mark.parametrize("expr", ["", "   ", "the talks", "a new era of cooperation", "Thursdays are busy, 2 aides said"])
def test_no_date_is_unknown(expr):
    assert resolve(expr, SUN).value is None


# ---------------------------------------------------------------- precision and merging

@pytest.mark.parametrize("value, precision", [("2023-11-25", "day"), ("2023-11", "month"), ("2023", "year"), (None, None)])
def test_precision(value, precision):
    assert DateValue(value, EXPLICIT if value else UNKNOWN).precision == precision


@pytest.mark.parametrize("a, b, expected", [
    ("2023-11", "2023-11-25", "2023-11-25"),
    ("2023-11-25", "2023-11", "2023-11-25"),
    ("2023", "2023-11", "2023-11"),
    (None, "2023", "2023"),
    ("2023-11-25", None, "2023-11-25"),
    ("", "2023-11", "2023-11"),
    (None, None, None),
    ("2023-11-25", "2023-11-26", "2023-11-25"),  # equal precision: the first is kept
])
def test_more_precise(a, b, expected):
    assert more_precise(a, b) == expected


def test_date_value_is_frozen_and_hashable():
    d = DateValue("2023-11", RELATIVE)
    assert {d: 1}[DateValue("2023-11", RELATIVE)] == 1
    with pytest.raises(AttributeError):
        d.value = "2024"  # type: ignore[misc]


# a publication date known only to the month or year (spec §1) anchors what it can
@pytest.mark.parametrize("expr, published, expected", [
    ("on April 16", "2021-04", "2021-04-16"),      # the day is written; the year comes from the anchor
    ("on December 30", "2021-01", "2020-12-30"),   # the latest such day not after the anchor
    ("on April 16", "2021", "2021-04-16"),
    ("on Thursday", "2021-04", "2021-04"),         # a weekday says no more than the anchor's month
    ("yesterday", "2021-04", "2021-04"),
    ("last month", "2021-04", "2021-03"),
    ("on Thursday", "2021", "2021"),
    ("last year", "2021", "2020"),
    ("in mid-November", "2023-12", "2023-11"),
    ("Sept 29, 1972", "2021-04", "1972-09-29"),
])
def test_month_or_year_publication_anchors_without_guessing_a_day(expr, published, expected):
    assert resolve(expr, published).value == expected


@pytest.mark.parametrize("published", ["2021-13", "21-04", "April 2021"])
def test_malformed_partial_publication_is_no_anchor(published):
    assert resolve("on Thursday", published).value is None


@pytest.mark.parametrize("expr, expected", [
    ("today 23rd January 2024", "2024-01-23"),
    ("on Tuesday, March 5, 2019", "2019-03-05"),
])
def test_a_written_full_date_wins_over_a_relative_word(expr, expected):
    assert resolve(expr, "2024-06-01").value == expected


@pytest.mark.parametrize("expression, expected", [
    ("In May that year", "In May 2019"),
    ("in September of that year", "in September 2019"),
    ("later that same year", "later 2019"),
    ("last week", "last week"),  # no year referred back to
])
def test_that_year_is_the_year_named_before(expression, expected):
    assert year_named_before(expression, "The treaty was signed in 2017 and broke down in 2019. ") == expected
