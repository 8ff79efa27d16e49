"""How often a risk happens: the words staff write, the band a page files it under, and what staff are told
when the two disagree (in the admin and in check_content alike)."""

from fractions import Fraction

import pytest

from treatments.risk_bands import BAND_CHOICES, frequency_problem, frequency_range


@pytest.mark.parametrize(
    "words,low,high",
    [
        ("about 2 in 100", Fraction(2, 100), Fraction(2, 100)),
        ("About 2 IN 100 people", Fraction(2, 100), Fraction(2, 100)),
        ("2 to 5 in 100", Fraction(2, 100), Fraction(5, 100)),
        ("2-5 in 100", Fraction(2, 100), Fraction(5, 100)),
        ("2 – 5 in 100", Fraction(2, 100), Fraction(5, 100)),
        ("2 or 3 out of 100", Fraction(2, 100), Fraction(3, 100)),
        ("1 in 10,000", Fraction(1, 10000), Fraction(1, 10000)),
        ("fewer than 1 in 10,000", Fraction(0), Fraction(1, 10000)),
        ("less than 1 in 1,000", Fraction(0), Fraction(1, 1000)),
        ("under 1 in 100", Fraction(0), Fraction(1, 100)),
        ("more than 1 in 10", Fraction(1, 10), Fraction(1)),
        ("over 1 in 10", Fraction(1, 10), Fraction(1)),
        ("between 1 in 100 and 1 in 1,000", Fraction(1, 1000), Fraction(1, 100)),
        ("alrededor de 2 a 5 de cada 100", Fraction(2, 100), Fraction(5, 100)),
        ("menos de 1 de cada 10.000", Fraction(0), Fraction(1, 10000)),
        ("más de 1 de cada 10", Fraction(1, 10), Fraction(1)),
        ("mas de 1 en 10", Fraction(1, 10), Fraction(1)),
        ("2 o 3 de cada 100", Fraction(2, 100), Fraction(3, 100)),
        ("12 in 1000", Fraction(12, 1000), Fraction(12, 1000)),
    ],
)
def test_natural_frequencies_are_read_as_the_share_of_people_they_describe(words, low, high):
    assert frequency_range(words) == (low, high)


@pytest.mark.parametrize("words", ["", None, "rarely", "a few people", "1 in 0", "0 in 0 people"])
def test_words_without_a_usable_figure_give_no_share(words):
    assert frequency_range(words) is None


@pytest.mark.parametrize(
    "band,words",
    [
        ("very_common", "more than 1 in 10"),
        ("very_common", "about 3 in 10"),
        ("very_common", "1 in 10"),  # the edges belong to both bands they touch
        ("common", "1 in 10"),
        ("common", "about 2 to 5 in 100"),
        ("common", "1 in 100"),
        ("uncommon", "1 in 100"),
        ("uncommon", "about 5 in 1,000"),
        ("rare", "about 1 in 5,000"),
        ("rare", "1 in 1,000"),
        ("very_rare", "fewer than 1 in 10,000"),
        ("very_rare", "1 in 100,000"),
        ("common", ""),
        ("common", "   "),
        ("not_known", ""),
        ("not_known", None),
    ],
)
def test_a_frequency_that_fits_its_band_is_accepted(band, words):
    assert frequency_problem(band, words) is None


@pytest.mark.parametrize(
    "band,words,message",
    [
        (
            "rare",
            "about 3 in 100",
            "'about 3 in 100' does not fit the band 'rare' (between 1 in 1,000 and 1 in 10,000 people); "
            "'about 3 in 100' is common",
        ),
        (
            "common",
            "1 in 6",
            "'1 in 6' does not fit the band 'common' (between 1 in 10 and 1 in 100 people); '1 in 6' is very common",
        ),
        (
            "very_common",
            "1 in 100",
            "'1 in 100' does not fit the band 'very common' (more than 1 in 10 people); '1 in 100' is common or uncommon",
        ),
        (
            "very_rare",
            "1 in 1,000",
            "'1 in 1,000' does not fit the band 'very rare' (fewer than 1 in 10,000 people); '1 in 1,000' is uncommon or rare",
        ),
        (
            "rare",
            "1 in 100,000",
            "'1 in 100,000' does not fit the band 'rare' (between 1 in 1,000 and 1 in 10,000 people); "
            "'1 in 100,000' is very rare",
        ),
        (
            "uncommon",
            "about 1 to 20 in 100",
            "'about 1 to 20 in 100' does not fit the band 'uncommon' (between 1 in 100 and 1 in 1,000 people); "
            "it spans more than one band",
        ),
        (
            "rare",
            "  about 3 in 100  ",
            "'about 3 in 100' does not fit the band 'rare' (between 1 in 1,000 and 1 in 10,000 people); "
            "'about 3 in 100' is common",
        ),
        (
            "not_known",
            "about 1 in 100",
            "a risk whose frequency is not known cannot also give one: choose the band the frequency falls in",
        ),
        (
            "common",
            "quite often",
            "write how often as a natural frequency with numbers, such as 'about 2 in 100', not 'quite often'",
        ),
    ],
)
def test_a_frequency_filed_under_the_wrong_band_tells_staff_which_band_it_belongs_to(band, words, message):
    assert frequency_problem(band, words) == message


def test_the_admin_offers_every_band_with_what_it_means():
    assert BAND_CHOICES == [
        ("very_common", "Very common (more than 1 in 10 people)"),
        ("common", "Common (between 1 in 10 and 1 in 100 people)"),
        ("uncommon", "Uncommon (between 1 in 100 and 1 in 1,000 people)"),
        ("rare", "Rare (between 1 in 1,000 and 1 in 10,000 people)"),
        ("very_rare", "Very rare (fewer than 1 in 10,000 people)"),
        ("not_known", "How often is not known (the studies do not say how often)"),
    ]
