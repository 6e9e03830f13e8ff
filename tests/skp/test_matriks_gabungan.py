"""`matriks.rating_gabungan`: one annual rating from several (rating, days) parts, the
day-weighted mean of the scores 3/2/1 (Kinerja's documented choice, docs/skp.md). Worked
examples first, then the properties every combination must keep."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja.skp import matriks
from kinerja.skp.matriks import Rating as R

# 2026: 1 January – 30 June is 181 days, 1 July – 31 December 184 days.
SEMESTER_I, SEMESTER_II = 181, 184


def test_no_parts_give_no_rating():
    assert matriks.rating_gabungan([]) is None
    assert matriks.skor_gabungan([]) is None


@pytest.mark.parametrize("rating", list(R))
def test_a_single_part_keeps_its_rating(rating):
    assert matriks.rating_gabungan([(rating, 365)]) is rating
    assert matriks.rating_gabungan([(rating.value, 1)]) is rating


def test_worked_example_a_move_on_1_july_the_longer_second_half_decides():
    # (2 × 181 + 3 × 184) / 365 = 914 / 365 ≈ 2.504 → di atas.
    bagian = [(R.SESUAI, SEMESTER_I), (R.DI_ATAS, SEMESTER_II)]
    assert matriks.rating_gabungan(bagian) is R.DI_ATAS
    assert matriks.skor_gabungan(bagian).quantize(Decimal("0.001")) == Decimal("2.504")


def test_worked_example_the_other_way_round_gives_sesuai():
    # (3 × 181 + 2 × 184) / 365 = 911 / 365 ≈ 2.496 → sesuai.
    bagian = [("di_atas", SEMESTER_I), ("sesuai", SEMESTER_II)]
    assert matriks.rating_gabungan(bagian) is R.SESUAI
    assert matriks.skor_gabungan(bagian).quantize(Decimal("0.001")) == Decimal("2.496")


@pytest.mark.parametrize(
    ("bagian", "rating"),
    [
        # Exactly 2.5 and exactly 1.5 are the inclusive lower bounds.
        ([(R.DI_ATAS, 100), (R.SESUAI, 100)], R.DI_ATAS),
        ([(R.SESUAI, 100), (R.DI_BAWAH, 100)], R.SESUAI),
        # Just below each bound.
        ([(R.DI_ATAS, 100), (R.SESUAI, 101)], R.SESUAI),
        ([(R.SESUAI, 100), (R.DI_BAWAH, 101)], R.DI_BAWAH),
        # di atas and di bawah for equal time meet in the middle.
        ([(R.DI_ATAS, 90), (R.DI_BAWAH, 90)], R.SESUAI),
        # Three parts: (3 × 90 + 2 × 91 + 1 × 184) / 365 = 636 / 365 ≈ 1.74 → sesuai.
        ([(R.DI_ATAS, 90), (R.SESUAI, 91), (R.DI_BAWAH, 184)], R.SESUAI),
    ],
)
def test_the_bounds_are_inclusive_and_exact(bagian, rating):
    assert matriks.rating_gabungan(bagian) is rating


@pytest.mark.parametrize(
    "bagian",
    [
        [("luar_biasa", 10)],
        [(R.SESUAI, 0)],
        [(R.SESUAI, -3)],
        [(R.SESUAI, 1.5)],
        [(R.SESUAI, True)],
        [(R.SESUAI, Decimal("10"))],
    ],
)
def test_unknown_ratings_and_days_that_are_not_positive_integers_are_refused(bagian):
    with pytest.raises(ValueError):
        matriks.rating_gabungan(bagian)
    with pytest.raises(ValueError):
        matriks.skor_gabungan(bagian)


bagian_st = st.lists(
    st.tuples(st.sampled_from(list(R)), st.integers(min_value=1, max_value=366)),
    min_size=1,
    max_size=6,
)


def _dari_skor(skor: Decimal) -> R:
    if skor >= matriks.BATAS_GABUNGAN_DI_ATAS:
        return R.DI_ATAS
    if skor >= matriks.BATAS_GABUNGAN_SESUAI:
        return R.SESUAI
    return R.DI_BAWAH


@given(bagian_st)
def test_the_rating_lies_between_the_worst_and_the_best_part(bagian):
    hasil = matriks.rating_gabungan(bagian)
    skor = [matriks.SKOR_RATING[r] for r, _h in bagian]
    assert min(skor) <= matriks.SKOR_RATING[hasil] <= max(skor)


@given(bagian_st)
def test_the_rating_agrees_with_the_weighted_mean(bagian):
    assert matriks.rating_gabungan(bagian) is _dari_skor(matriks.skor_gabungan(bagian))


@given(bagian_st, st.randoms(use_true_random=False))
def test_the_order_of_the_parts_does_not_matter(bagian, acak):
    dikocok = list(bagian)
    acak.shuffle(dikocok)
    assert matriks.rating_gabungan(dikocok) is matriks.rating_gabungan(bagian)


@given(bagian_st, st.integers(min_value=2, max_value=50))
def test_only_the_shares_of_days_matter(bagian, k):
    assert matriks.rating_gabungan([(r, h * k) for r, h in bagian]) is matriks.rating_gabungan(
        bagian
    )


@given(bagian_st, st.data())
def test_a_better_part_never_lowers_the_result(bagian, data):
    i = data.draw(st.integers(min_value=0, max_value=len(bagian) - 1))
    lebih_baik = list(bagian)
    lebih_baik[i] = (R.DI_ATAS, bagian[i][1])
    sebelum = matriks.SKOR_RATING[matriks.rating_gabungan(bagian)]
    sesudah = matriks.SKOR_RATING[matriks.rating_gabungan(lebih_baik)]
    assert sesudah >= sebelum


@given(bagian_st)
def test_splitting_a_part_in_two_changes_nothing(bagian):
    r, h = bagian[0]
    if h < 2:
        return
    dipecah = [(r, h // 2), (r, h - h // 2), *bagian[1:]]
    assert matriks.rating_gabungan(dipecah) is matriks.rating_gabungan(bagian)
