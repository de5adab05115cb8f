"""Small pure functions: decoding, delimiters, numbers, dates, synonyms, GA channel rules, mapping."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from netmetrics.ingest import ImportOptions, parse_upload
from netmetrics.ingest.dates import DateError, Span, decide_order, parse_span
from netmetrics.ingest.ga import channel_for
from netmetrics.ingest.layouts import ga_column
from netmetrics.ingest.numbers import NumberError, guess_decimal, parse_hours, parse_number
from netmetrics.ingest.synonyms import header_field, is_total_label, lookup
from netmetrics.ingest.text import decode, sniff_delimiter


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Coût;€".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Coût;€".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Coût;€".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Coût;€".encode("utf-16-be"), "utf-16-be"),
        ("Coût;€".encode("cp1252"), "cp1252"),
    ],
)
def test_decode(data, encoding):
    assert decode(data) == ("Coût;€", encoding)


def test_cp1252_euro_is_not_latin1():
    assert decode(b"\x80 12")[0] == "€ 12"


def test_cp1251_russian_without_bom():
    text = "Группа;Часы;Итого;Рекомендации;Выручка;Мероприятия\n"
    assert decode(text.encode("cp1251")) == (text, "cp1251")


@pytest.mark.parametrize(
    ("lines", "delimiter"),
    [
        (["a;b;c", "1,5;2,5;3"], ";"),
        (["a,b,c", '"1,5",2,3'], ","),
        (["a\tb\tc", "1,5\t2\t3"], "\t"),
        (["Title line", "", "a;b", "1;2"], ";"),
    ],
)
def test_sniff_delimiter(lines, delimiter):
    assert sniff_delimiter(lines) == delimiter


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [
        ("$1,250.00", ".", 1250.0),
        ("1 250,00 EUR", ",", 1250.0),
        ("1.250,50", ",", 1250.5),
        ("1\u00a0250,5 €", ",", 1250.5),
        ("1\u202f250", ",", 1250.0),
        ("€ 15,50", ",", 15.5),
        ("1,250", ".", 1250.0),
        ("1.250", ",", 1250.0),
        ("1,5", ".", 1.5),
        ("0,125", ".", 0.125),
        ("(1,250.00)", ".", -1250.0),
        ("45.23%", ".", 45.23),
        ("12 000,00 ₽", ",", 12000.0),
        ("CHF 1'250.50", ".", 1250.5),
        ("", ".", None),
        ("-", ".", None),
        (3, ".", 3.0),
        (2.5, ".", 2.5),
    ],
)
def test_parse_number(text, decimal, value):
    assert parse_number(text, decimal) == value


@pytest.mark.parametrize("text", ["two", "=SUM(A1:A3)", "1.2.3", "12 5", "1,2,3.4.5", "12abc"])
def test_parse_number_refuses_text(text):
    with pytest.raises(NumberError):
        parse_number(text)


def test_decimal_guess_and_hours():
    assert guess_decimal(["1,5", "2", "3,25"]) == ","
    assert guess_decimal(["1.250", "2"], default=",") == ","
    assert guess_decimal(["1,250.50"]) == "."
    assert parse_hours("1:30") == 1.5 and parse_hours("01:30:00") == 1.5


@pytest.mark.parametrize(
    ("value", "order", "grain", "span"),
    [
        ("2025-03-14", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        ("2025-03-14 00:00:00", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        ("14/03/2025", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        ("03/14/2025", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        ("03/04/2025", "dayfirst", None, (date(2025, 4, 3), date(2025, 4, 3))),
        ("03/04/2025", "monthfirst", None, (date(2025, 3, 4), date(2025, 3, 4))),
        ("03.04.2025", "monthfirst", None, (date(2025, 4, 3), date(2025, 4, 3))),
        ("20250314", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        (45730, None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        ("45730", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        (date(2025, 3, 10), None, "week", (date(2025, 3, 10), date(2025, 3, 16))),
        ("2025-03", None, None, (date(2025, 3, 1), date(2025, 3, 31))),
        ("Mar 2025", None, None, (date(2025, 3, 1), date(2025, 3, 31))),
        ("Feb-24", None, None, (date(2024, 2, 1), date(2024, 2, 29))),
        ("marzo 2025", None, None, (date(2025, 3, 1), date(2025, 3, 31))),
        ("maaliskuu 2025", None, None, (date(2025, 3, 1), date(2025, 3, 31))),
        ("март 2025", None, None, (date(2025, 3, 1), date(2025, 3, 31))),
        ("2025-Q1", None, None, (date(2025, 1, 1), date(2025, 3, 31))),
        ("Q4 2025", None, None, (date(2025, 10, 1), date(2025, 12, 31))),
        ("2025-W10", None, None, (date(2025, 3, 3), date(2025, 3, 9))),
        ("2025-03-14", None, "month", (date(2025, 3, 1), date(2025, 3, 31))),
        ("2025-01-01..2025-03-31", None, None, (date(2025, 1, 1), date(2025, 3, 31))),
        ("14 mars 2025", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
        ("March 14, 2025", None, None, (date(2025, 3, 14), date(2025, 3, 14))),
    ],
)
def test_parse_span(value, order, grain, span):
    assert parse_span(value, order, grain) == Span(*span)


W10 = (date(2025, 3, 3), date(2025, 3, 9))
Q1, Q2, Q3, Q4 = ((date(2025, m, 1), date(2025, m + 2, 30 if m in (4, 7) else 31)) for m in (1, 4, 7, 10))


@pytest.mark.parametrize(
    ("value", "span"),
    [
        # ISO weeks, Monday to Sunday
        ("Week 10 2025", W10),
        ("W10 2025", W10),
        ("W10/2025", W10),
        ("2025-W10", W10),
        ("2025 week 10", W10),
        ("Wk 10 2025", W10),
        ("Week no. 10 2025", W10),
        ("Calendar week 10, 2025", W10),
        ("KW 10/2025", W10),
        ("KW10 2025", W10),
        ("10. KW 2025", W10),
        ("KW 10/25", W10),
        ("Semaine 10 2025", W10),
        ("Sem. 10 2025", W10),
        ("Settimana 10 2025", W10),
        ("Viikko 10 2025", W10),
        ("vko 10/2025", W10),
        ("Неделя 10 2025", W10),
        ("W1 2025", (date(2024, 12, 30), date(2025, 1, 5))),
        ("W53 2020", (date(2020, 12, 28), date(2021, 1, 3))),
        ("Week 10 2025 - Week 12 2025", (date(2025, 3, 3), date(2025, 3, 23))),
        # quarters
        ("Q1 2025", Q1),
        ("Q1/2025", Q1),
        ("T3 2025", Q3),
        ("1er trimestre 2025", Q1),
        ("2e trimestre 2025", Q2),
        ("2ème trimestre 2025", Q2),
        ("4e trimestre 2025", Q4),
        ("1. Quartal 2025", Q1),
        ("1° trimestre 2025", Q1),
        ("3º trimestre 2025", Q3),
        ("I trimestre 2025", Q1),
        ("IV trimestre 2025", Q4),
        ("1. vuosineljännes 2025", Q1),
        ("III квартал 2025 г.", Q3),
        ("1-й квартал 2025", Q1),
        ("2nd quarter 2025", Q2),
        ("Quarter 2 2025", Q2),
        ("Q1 25", Q1),
    ],
)
def test_week_and_quarter_labels(value, span):
    assert parse_span(value) == Span(*span)
    assert parse_span(value, "dayfirst", "week") == Span(*span)  # a label names its own span in any column


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("Week 53 2025", "'Week 53 2025' is not a real week (the weeks of 2025 are 1 to 52)"),
        ("Week 0 2025", "'Week 0 2025' is not a real week"),
        ("2025-W53", "'2025-W53' is not a real week"),
        ("Week 10", "'Week 10' has no year"),
        ("Semaine 2025", "'Semaine 2025' has no week number"),
        ("5e trimestre 2025", "quarter 5 does not exist"),
        ("25 W10", "'25 W10' is not a date"),
        ("Week", "'Week' is not a date"),
        ("S10 2025", "'S10 2025' is not a date"),  # S: semaine or semestre? Not guessed.
        ("Q1 FY2025", "'Q1 FY2025' is not a date"),
        ("Week 10 2025 extra", "'Week 10 2025 extra' is not a date"),
    ],
)
def test_labels_that_name_no_period_are_refused(value, message):
    with pytest.raises(DateError) as caught:
        parse_span(value)
    assert str(caught.value).startswith(message)


def test_engaged_sessions_and_users_are_not_sessions():
    assert ga_column("Sessions") == "sessions"
    assert ga_column("Engaged sessions") is None
    assert ga_column("Engaged sessions per active user") is None
    assert ga_column("Total users") == "users"
    assert ga_column("New users") is None
    assert ga_column("First user primary channel group (Default Channel Group)") == "channel"


@pytest.mark.parametrize(
    "value", ["2025-02-30", "31/04/2025", "hello", "2025-Q5", "13/13/2025", "03/04/2025"]
)
def test_parse_span_refuses(value):
    with pytest.raises(DateError):
        parse_span(value)


def test_decide_order_from_whole_column():
    assert decide_order(["03/04/2025", "13/04/2025"]) == ("dayfirst", False)
    assert decide_order(["03/04/2025", "04/13/2025"]) == ("monthfirst", False)
    assert decide_order(["03/04/2025", "04/05/2025"]) == (None, True)
    assert decide_order(["03/04/2025"], "monthfirst") == ("monthfirst", False)
    assert decide_order(["2025-03-04", "01/01/2025"]) == (None, False)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Referrals received", "referrals_received"),
        ("  REFERRALS-RECEIVED ", "referrals_received"),
        ("Recommandations reçues", "referrals_received"),
        ("Referenze ricevute", "referrals_received"),
        ("Saadut suositukset", "referrals_received"),
        ("Полученные рекомендации", "referrals_received"),
        ("Costo (€)", "expenses"),
        ("Cost ($)", "expenses"),
        ("Chiffre d'affaires", "amount"),
        ("Päivämäärä", "date"),
        ("Дата", "date"),
        ("Semaine", "week"),
        ("KW", "week"),
        ("Kalenderwoche", "week"),
        ("Quartal", "quarter"),
        ("Trimestre", "quarter"),
        ("Ore di viaggio", "travel_hours"),
    ],
)
def test_header_synonyms(header, field):
    assert header_field(header) == field


def test_words():
    for word in ("TOTAL", "Grand total", "Totale", "Total", "Итого", "Yhteensä"):
        assert is_total_label(word)
    assert lookup("group_type", "Chambre de commerce") == "chamber"
    assert lookup("group_type", "Camera di commercio") == "chamber"
    assert lookup("group_type", "BNI") == "lead_group"
    assert lookup("group_type", "Yhdistys") == "association"
    assert lookup("group_type", "Соцсети") == "social"
    assert lookup("direction", "Reçue") == "received"


@pytest.mark.parametrize(
    ("source", "medium", "channel"),
    [
        ("(direct)", "(none)", "Direct"),
        ("facebook.com", "referral", "Organic Social"),
        ("l.facebook.com", "referral", "Organic Social"),
        ("m.facebook.com", "referral", "Organic Social"),
        ("instagram.com", "referral", "Organic Social"),
        ("linkedin.com", "referral", "Organic Social"),
        ("lnkd.in", "referral", "Organic Social"),
        ("t.co", "referral", "Organic Social"),
        ("x.com", "referral", "Organic Social"),
        ("facebook.com", "cpc", "Paid Social"),
        ("linkedin", "paid_social", "Paid Social"),
        ("youtube.com", "referral", "Organic Video"),
        ("google", "organic", "Organic Search"),
        ("google", "cpc", "Paid Search"),
        ("newsletter", "email", "Email"),
        ("example.org", "referral", "Referral"),
        ("foo", "bar", "Unassigned"),
    ],
)
def test_ga4_default_channel_rules(source, medium, channel):
    assert channel_for(source, medium) == channel


def test_mapping_override_maps_an_unknown_header():
    data = b"When,Club,Zorg\n2025-03-01,BNI Harbour,3\n"
    p = parse_upload("odd.csv", data, ImportOptions())
    assert p.tables[0].mapping["Zorg"] is None
    p = parse_upload("odd.csv", data, ImportOptions(mapping={"": {"Zorg": "activity_count"}}))
    assert p.ok and p.tables[0].mapping["Zorg"] == "activity_count"
    assert p.frames["activities"]["activity_count"].tolist() == [3.0]


def test_mapping_override_can_drop_a_column():
    data = b"Date,Group,Activities,Hours\n2025-03-01,BNI,2,oops\n"
    assert not parse_upload("x.csv", data, ImportOptions()).ok
    p = parse_upload("x.csv", data, ImportOptions(mapping={"": {"Hours": None}}))
    assert p.ok and p.frames["activities"]["event_hours"].tolist() == [0.0]


def test_own_purchases_cannot_exceed_given():
    data = b"Date,Group,Referrals given,Own purchases\n2025-03-01,BNI,1,2\n"
    p = parse_upload("x.csv", data, ImportOptions())
    assert not p.ok and p.errors[0].column == "Own purchases"


def test_unlabelled_totals_row_in_tracker_is_skipped_only_when_it_adds_up():
    good = b"Date,Group,Activities\n2025-03-01,A,1\n2025-03-02,B,2\n2025-03-03,,3\n"
    p = parse_upload("x.csv", good, ImportOptions())
    assert p.ok and p.frames["activities"]["activity_count"].sum() == 3
    bad = b"Date,Group,Activities\n2025-03-01,A,1\n2025-03-02,B,2\n2025-03-03,,4\n"
    p = parse_upload("x.csv", bad, ImportOptions())
    assert not p.ok and p.errors[0].row == 4 and "group name is missing" in p.errors[0].message


def test_unknown_online_offline_values_are_stored_empty_and_named_once():
    data = (
        b"Date,Group,Kind,Mode,Hours\n2025-03-03,BNI,Breakfast,offline,2\n2025-03-04,BNI,Call,zoom call,1\n"
        b"2025-03-05,BNI,Call,,1\n2025-03-06,BNI,Call,Online,1\n2025-03-07,BNI,Call,zoom call,1\n"
    )
    p = parse_upload("log.csv", data, ImportOptions())
    assert p.ok and p.kind == "event_log"
    modes = p.frames["activities"]["mode"].tolist()
    assert [m if isinstance(m, str) else None for m in modes] == ["offline", None, None, "online", None]
    assert [(w.column, w.message) for w in p.warnings] == [
        ("Mode", "Unknown online/offline value(s): zoom call; stored as empty.")
    ]
