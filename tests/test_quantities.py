"""Amounts in sentences written for these tests: values, kinds, tallies, shares, ranks, ranges, money,
percentages and what an amount measures."""

from __future__ import annotations

import pytest

from consilience.lexicon.numbers import number_value
from consilience.records import Quantity


def amounts(sentence: str) -> list[Quantity]:
    """The quantities of ``sentence``, found as the claim stage finds them."""
    from consilience.claims.parse import parsed
    from consilience.claims.quantities import quantities_in
    from consilience.lexicon.gazetteer import gazetteer
    from consilience.timex import durations, mentions

    doc = next(parsed([sentence]))
    excluded = [(m.start, m.end) for m in mentions(sentence)] + [(s, e) for s, e, _, _ in durations(sentence)]
    return [f.quantity for f in quantities_in(doc, gazetteer(), excluded)]


def one(sentence: str) -> Quantity:
    found = amounts(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,value", [
    ("two dozen", 24), ("two-dozen", 24), ("a dozen", 12), ("half-dozen", 6), ("a half-dozen", 6), ("half a dozen", 6),
    ("three dozens", 36), ("a hundred and two", 102), ("one hundred and sixty-one", 161), ("forty thousand", 40000),
    ("two and a half million", 2.5e6), ("half a million", 5e5), ("two thirds", 2 / 3), ("a quarter", 0.25),
    ("twenty and three fifths", 20.6), ("1.13bn", 1.13e9), ("12,500", 12500), ("1.5 million", 1.5e6), ("and", None),
    ("third", None), ("600m", None), ("banana", None),
])
def test_number_words_and_scales(text: str, value: float | None) -> None:
    got = number_value(text)
    assert got == pytest.approx(value) if value is not None else got is None


def test_a_scale_letter_is_money_only_after_a_currency() -> None:
    assert number_value("600m", money=True) == 6e8 and number_value("10k", money=True) == 1e4
    assert number_value("600m") is None  # "a 600m race"


@pytest.mark.parametrize("sentence,value,unit", [
    ("Roughly two dozen fishermen were rescued off the cape.", 24, "fishermen"),
    ("A half-dozen ambulances waited at the gate.", 6, "ambulances"),
    ("Half a dozen lorries were stuck on the pass.", 6, "lorries"),
    ("One hundred and twelve cadets graduated on the parade ground.", 112, "cadets"),
])
def test_dozens_and_halves_count_what_follows(sentence: str, value: float, unit: str) -> None:
    q = one(sentence)
    assert (q.value, q.unit, q.kind) == (value, unit, "count")


@pytest.mark.parametrize("sentence,value,measure", [
    ("Pollsters found that one in four renters had skipped a payment.", 0.25, "renters"),
    ("Forecasters gave the storm a one-in-three chance of landfall.", 0.333333, "chance"),
    ("Three out of ten ferries ran late in the gale.", 0.3, "ferries"),
    ("Nearly two thirds of the budget went on wages.", 0.666667, "budget"),
])
def test_shares(sentence: str, value: float, measure: str) -> None:
    q = one(sentence)
    assert q.kind == "share" and q.value == pytest.approx(value) and q.measure == measure and q.unit is None


@pytest.mark.parametrize("sentence,tally", [
    ("The assembly approved the zoning plan 61-38 after a long night.", (61, 38)),
    ("The appeals court issued a 2-1 ruling against the port authority.", (2, 1)),
    ("Rovers won 4-2 at home on a wet evening.", (4, 2)),
    ("The visitors lost 88-93 in overtime.", (88, 93)),
    ("The council rejected the levy by a vote of 12 to 9.", (12, 9)),
])
def test_votes_rulings_and_scores_are_tallies(sentence: str, tally: tuple[float, float]) -> None:
    q = one(sentence)
    assert q.kind == "tally" and q.tally == tally and q.value == tally[0] and q.unit is None


@pytest.mark.parametrize("sentence", [
    "The No. 3 Republican in the chamber opposed the bill.",
    "She was ranked No.1 in the country as a junior.",
    "The world number four withdrew with a wrist injury.",
    "Fans cheered the #2 seed as she walked out.",
])
def test_ranks_are_not_amounts(sentence: str) -> None:
    assert amounts(sentence) == []


@pytest.mark.parametrize("sentence,low,high,unit", [
    ("Between 40 and 55 volunteers cleared the beach.", 40, 55, "volunteers"),
    ("Officials expect 300-400 delegates at the summit.", 300, 400, "delegates"),
    ("Three or four shops were looted overnight.", 3, 4, "shops"),
    ("The repairs will cost between $2 million and $3 million.", 2e6, 3e6, "USD"),
    ("The repairs will cost $2 to $3 million.", 2e6, 3e6, "USD"),
    ("Doses of between 5 mg and 10 mg were given.", 5, 10, "mg"),
])
def test_ranges_keep_both_ends(sentence: str, low: float, high: float, unit: str) -> None:
    q = one(sentence)
    assert (q.low, q.high, q.unit) == (low, high, unit) and q.value == (low + high) / 2


def test_a_change_from_one_number_to_another_is_no_range() -> None:
    found = amounts("The count of stranded hikers rose from 14 to 19 by the afternoon.")
    assert [q.value for q in found] == [14, 19] and all(q.low == q.high for q in found)


@pytest.mark.parametrize("sentence,values", [
    ("The central bank lifted its main rate 0.5% to 3.75% on Thursday.", [0.5, 3.75]),
    ("Shares in the airline fell $4.10 to $21.30 in New York.", [4.1, 21.3]),
])
def test_a_change_by_one_amount_to_a_new_level_is_no_range(sentence: str, values: list[float]) -> None:
    found = amounts(sentence)
    assert [q.value for q in found] == pytest.approx(values) and all(q.low == q.high for q in found)


def test_years_joined_by_a_dash_are_time_not_amounts() -> None:
    assert amounts("Output doubled between 2015 and 2019, the agency said.") == []
    assert amounts("The 2016-2019 programme trained teachers.") == []


@pytest.mark.parametrize("sentence,value,unit", [
    ("The insurer lost $2.4bn in the year.", 2.4e9, "USD"),
    ("The club paid £45m for the striker.", 45e6, "GBP"),
    ("The grant of €3.5 million was approved.", 3.5e6, "EUR"),
    ("The city borrowed 800 million euros from the bank.", 8e8, "EUR"),
    ("Exporters earned 90 million Australian dollars.", 9e7, "AUD"),
    ("The estate sold for US$12 million.", 12e6, "USD"),
    ("Wheat traded at $310 per tonne on Friday.", 310, "USD per tonne"),
])
def test_money_with_scales_and_currencies(sentence: str, value: float, unit: str) -> None:
    q = one(sentence)
    assert (q.kind, q.value, q.unit) == ("money", pytest.approx(value), unit)


def test_a_600m_race_is_no_money_and_no_count_of_millions() -> None:
    assert all(q.value != 6e8 for q in amounts("She won the 600m race in the rain."))


@pytest.mark.parametrize("sentence,value,unit,measure", [
    ("A survey found that 62% of nurses backed the strike.", 62, "percent", "nurses"),
    ("Inflation fell to 3.1 per cent in the spring.", 3.1, "percent", "inflation"),
    ("The bank bought a 9% stake in the miner.", 9, "percent", "stake"),
    ("Support for the mayor slipped 4 percentage points.", 4, "percentage points", "support"),
])
def test_percentages_and_what_they_are_of(sentence: str, value: float, unit: str, measure: str | None) -> None:
    q = one(sentence)
    assert (q.kind, q.value, q.unit, q.measure) == ("percent", value, unit, measure)


@pytest.mark.parametrize("sentence,value,measure", [
    ("The clerk drew a $48,200 salary last year.", 48200, "salary"),
    ("The charity reported a total income of $2,310,500.", 2310500, "income"),
    ("The penalty was $7 million, the watchdog said.", 7e6, "penalty"),
])
def test_what_an_amount_of_money_measures(sentence: str, value: float, measure: str) -> None:
    q = one(sentence)
    assert (q.kind, q.value, q.measure) == ("money", value, measure)


@pytest.mark.parametrize("sentence,value,unit,measure", [
    ("The tremor hit at a depth of 12 km.", 12, "km", "depth"),
    ("A magnitude 5.9 tremor shook the valley.", 5.9, "magnitude", "tremor"),
    ("The blizzard left 40 centimetres of snow.", 40, "cm", "snow"),
    ("Gusts reached 130 km/h on the coast.", 130, "km/h", "gusts"),
    ("The tanker spilled 3,000 tonnes of crude.", 3000, "tonnes", "crude"),
])
def test_measures(sentence: str, value: float, unit: str, measure: str) -> None:
    q = one(sentence)
    assert (q.kind, q.value, q.unit, q.measure) == ("measure", value, unit, measure)


@pytest.mark.parametrize("sentence,qualifier,low,high", [
    ("Organisers said 5,000 or more runners took part.", "at_least", 5000, None),
    ("The hall seats 200 people or fewer.", "at_most", None, 200),
])
def test_a_bound_written_after_the_number(sentence: str, qualifier: str, low: float | None, high: float | None) -> None:
    q = one(sentence)
    assert (q.qualifier, q.low, q.high) == (qualifier, low, high)


@pytest.mark.parametrize("sentence", [
    "The siege lasted 3 hours before police went in.",
    "Doors open at 7 pm on the quay.",
    "Anna Berg, 61, was fined on Monday.",
])
def test_durations_clock_times_and_ages_are_not_amounts(sentence: str) -> None:
    assert amounts(sentence) == []


def test_bare_numbers_the_model_calls_dates_stay_amounts() -> None:
    q = one("Turnout was between 20 and 30 at each polling station.")
    assert (q.low, q.high) == (20, 30)


def test_a_rank_before_its_number_ends_no_sentence() -> None:
    from consilience.claims.parse import sentence_spans

    text = "The No. 4 Liberal in the assembly backed the levy. The vote passed."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The No. 4 Liberal in the assembly backed the levy.", "The vote passed."]
    assert amounts(text.split(". The")[0] + ".") == []


@pytest.mark.parametrize("sentence,qualifier", [
    ("Ticket sales rose by almost 20% last year.", "approx"),
    ("Ticket sales rose by nearly 20% last year.", "approx"),
    ("Ticket sales rose by more than 20% last year.", "more_than"),
    ("Ticket sales rose by 20% last year.", "exact"),
])
def test_qualifier_words_before_a_number(sentence: str, qualifier: str) -> None:
    assert one(sentence).qualifier == qualifier


@pytest.mark.parametrize("sentence, value, unit, kind", [
    ("The club paid 12m euros for the striker on Monday.", 12e6, "EUR", "money"),
    ("The retailer made losses of 40m pounds last year.", 40e6, "GBP", "money"),
    ("The show drew 2.5m viewers on Sunday.", 2.5e6, "viewers", "count"),
    ("She won the 400m hurdles in Paris on Sunday.", 400, "m", "measure"),
    ("He is one of the fastest 800m runners in the world.", 800, "m", "measure"),
])
def test_a_letter_after_a_number_scales_it_before_money_or_people(sentence: str, value: float, unit: str, kind: str) -> None:
    """"12m euros" is twelve million euros as "€12m" is, and "2.5m viewers" millions of people;
    "the 400m hurdles" and "800m runners" stay distances."""
    q = one(sentence)
    assert (q.value, q.unit, q.kind) == (value, unit, kind)



def test_digits_written_against_a_capital_name_a_thing_and_count_nothing() -> None:
    assert amounts("Third-generation (3G) networks need to get faster, the 4K screens too.") == []
    assert [q.kind for q in amounts("Three networks bought £5M of kit.")] == ["count", "money"]


def test_a_vague_plural_that_counts_nothing_is_no_quantity() -> None:
    from claim_texts import claims_in
    found = claims_in("The singer, known to millions for her radio show, has died at the age of 80.", outlet="Q")
    values = sorted(c.quantity.value for c in found if c.quantity is not None)
    assert values == [80]
    marched = claims_in("Thousands of farmers marched through the capital.", outlet="Q")
    assert any(c.quantity is not None and c.quantity.value == 2000 for c in marched)


def test_a_sum_a_deal_could_be_worth_is_speculative() -> None:
    from claim_texts import claims_in
    found = claims_in("The airline will buy six jets in a deal that could be worth more than $900m.", outlet="Q")
    worth = [c for c in found if c.quantity is not None and c.quantity.value == 900_000_000]
    assert worth and worth[0].modality == "speculative"


def test_a_sum_with_its_scale_tagged_as_an_ordinal_is_still_a_sum() -> None:
    assert [q.value for q in amounts("The rescue fund will exceed 9bn euros.")] == [9e9]


@pytest.mark.parametrize("text,value,modality", [
    ("Farm aid is estimated to exceed 16.5bn euros.", 16.5e9, "speculative"),
    ("Analysts estimate sales to reach $2bn.", 2e9, "speculative"),
    ("The crowd was estimated to be 20,000.", 20_000, "reported"),
    ("The storm is estimated to have killed 40 people.", 40, "reported"),
])
def test_an_estimate_of_what_a_thing_will_come_to_is_a_forecast(text: str, value: float, modality: str) -> None:
    from claim_texts import claims_in
    found = [c for c in claims_in(text, outlet="Q") if c.quantity is not None and c.quantity.value == value]
    assert found and found[0].modality == modality


def test_better_than_a_number_is_more_than_it() -> None:
    assert [(q.value, q.qualifier) for q in amounts("Pupils there have a better than 60% chance of a place.")] \
        == [(60, "more_than")]


@pytest.mark.parametrize("sentence", [
    "The duo are nominated for the Billboard 200 album prize.",
    "Many Radio 4 listeners complained about the schedule change.",
    "The Formula 1 team unveiled its car in Madrid.",
])
def test_digits_inside_a_name_are_no_amounts(sentence: str) -> None:
    assert amounts(sentence) == []


def test_a_count_after_a_name_that_is_not_written_into_it_is_still_a_count() -> None:
    assert one("Northwind Airways flew 200 passengers home.").value == 200
    assert one("On Friday, Kessel Bank said 40 branches would close.").value == 40
    assert one("Police arrested 12 people.").value == 12
    # a name the verb takes as its object, then a count: no name holds the digits
    assert one("The merger will cost Britain 5000 jobs.").value == 5000
    assert one("The deal gave Shell 300 wells in the delta.").value == 300


@pytest.mark.parametrize("sentence,value,unit", [
    ("Rescuers said more than 42, 000 people had fled the floods in the valley.", 42000, "people"),
    ("The port town of 350, 000 residents was shaken by the storm.", 350000, "residents"),
    ("The charity raised $25, 000 for the shelter.", 25000, "USD"),
    ("The valley now has a population of 86, 000.", 86000, None),
    ("The bridge, built for 1, 250, 000 pounds, collapsed.", 1250000, "lb"),
])
def test_a_thousands_group_set_off_by_a_space_is_one_number(sentence: str, value: float, unit: str | None) -> None:
    q = one(sentence)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("sentence,values", [
    ("The three crews scored 4, 120 and 9 points.", [4, 120, 9]),           # "and" a bare number: a list
    ("The suspect is 6-foot-2, 190 pounds, with a scar on his chin.", [6, 190]),  # a height, then a weight
    ("The dealer sold the 212, 318, 318 Touring and other cars.", [212, 318, 318]),
    ("In 2011, 450 families were moved from the coast.", [450]),
    ("On March 4, 300 workers walked out of the plant.", [300]),
])
def test_numbers_in_a_list_stay_apart(sentence: str, values: list[float]) -> None:
    assert [q.value for q in amounts(sentence)][-len(values):] == values


@pytest.mark.parametrize("text,value", [("31, 000", 31000), ("1, 000, 000", 1e6), ("12, 500 million", 1.25e10)])
def test_a_split_thousands_group_has_the_value_of_the_number(text: str, value: float) -> None:
    assert number_value(text) == value
