"""Write the ingest test corpus: real-world-shaped files in their own encodings, delimiters and locales.

Run `python tests/ingest/make_corpus.py` to regenerate tests/ingest/corpus/. The files are committed so a
reader can open them; the tests also check they match this script. Expected totals live in the tests.
"""

from __future__ import annotations

import codecs
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def ga4_daily(start_day: int, days: int, month: int, sessions: dict[str, int], title: str) -> str:
    """A GA4 traffic-acquisition download: comment block, a date x channel table, a Grand total row,
    then a second table that must be ignored."""
    lines = [
        "# ----------------------------------------",
        "# Traffic acquisition: Session primary channel group (Default Channel Group)",
        "# Account: Harbour Consulting",
        "# Property: harbour-consulting.example - GA4",
        "# ----------------------------------------",
        "#",
        f"# Start date: {title[0]}",
        f"# End date: {title[1]}",
        "Session primary channel group (Default Channel Group),Date,Sessions,Engaged sessions,"
        "Engagement rate",
    ]
    total = 0
    rows = []
    for d in range(days):
        day = f"2025{month:02d}{start_day + d:02d}"
        for channel, base in sessions.items():
            value = base + d
            total += value
            rows.append(f"{channel},{day},{value},{value // 2},0.5")
    lines.append(f"Grand total,,{total},{total // 2},0.5")
    lines.extend(rows)
    lines += ["", "# ----------------------------------------", "", "Date,Active users", "20250101,10", ""]
    return "\n".join(lines) + "\n"


FILES: dict[str, bytes] = {}


def add(name: str, data: bytes | str, encoding: str = "utf-8") -> None:
    FILES[name] = data if isinstance(data, bytes) else data.encode(encoding)


# --- Google Analytics ------------------------------------------------------------------------------
# Daily by channel, Jan 1-10; Direct = sum(100..109) = 1045, Organic Social = sum(20..29) = 245,
# Paid Social = sum(5..14) = 95, Organic Search = sum(200..209) = 2045.
add(
    "ga4_channels_daily.csv",
    codecs.BOM_UTF8
    + crlf(
        ga4_daily(
            1,
            10,
            1,
            {"Direct": 100, "Organic Social": 20, "Paid Social": 5, "Organic Search": 200},
            ("20250101", "20250110"),
        )
    ).encode("utf-8"),
)

# Overlap: Jan 1-20 (Direct 10/day) then Jan 11-31 (Direct 20/day): the newer file wins for Jan 11-31.
add(
    "ga4_overlap_a.csv",
    ga4_daily(1, 20, 1, {"Direct": 10}, ("20250101", "20250120")).replace("Direct,202501", "Direct,202501"),
)
add("ga4_overlap_b.csv", ga4_daily(11, 21, 1, {"Direct": 20}, ("20250111", "20250131")))

# Source / medium without a date dimension: range rows for the report range.
add(
    "ga4_source_medium.csv",
    """\
# ----------------------------------------
# Traffic acquisition: Session source / medium
# Account: Harbour Consulting
# Property: harbour-consulting.example - GA4
# ----------------------------------------
#
# Start date: 20250201
# End date: 20250228
Session source / medium,Sessions,Total users,Engaged sessions
(direct) / (none),"1,200",1000,600
google / organic,900,800,500
l.facebook.com / referral,150,140,70
m.facebook.com / referral,50,45,20
lnkd.in / referral,40,39,20
linkedin.com / social,30,29,10
t.co / referral,20,19,5
x.com / referral,10,9,5
facebook.com / cpc,80,70,30
instagram.com / paid,25,20,10
youtube.com / referral,60,55,30
newsletter / email,35,30,20
partner.example / referral,45,40,20
Grand total,"2,645","2,295","1,340"
""",
)

# Channel table without a date dimension: one range row per channel (Mar 2025).
add(
    "ga4_no_date.csv",
    """\
# ----------------------------------------
# Traffic acquisition: Session default channel group
# Account: Harbour Consulting
# Property: harbour-consulting.example - GA4
# ----------------------------------------
#
# Start date: 20250301
# End date: 20250331

Session default channel group,Sessions,Total users,Engagement rate
Direct,310,290,0.61
Organic Social,120,110,0.4
Paid Social,40,39,0.3
Referral,15,15,0.5
Totals,485,454,0.55
""",
)

# A GA4 export with no channel dimension: totals per day, channel NULL.
add(
    "ga4_no_channel.csv",
    """\
# ----------------------------------------
# Reports snapshot
# Property: harbour-consulting.example - GA4
# ----------------------------------------
#
# Start date: 20250401
# End date: 20250403
Nth day,Sessions,Total users
0000,11,10
0001,12,11
0002,13,12
""",
)

# Universal Analytics: channels for the range, quoted thousands, percentages, hh:mm:ss, currency,
# an unlabelled totals row, then a Day Index section in m/d/yy.
add(
    "ua_channels.csv",
    crlf("""\
# ----------------------------------------
# All Web Site Data
# Channels
# 20200101-20200131
# ----------------------------------------

Default Channel Grouping,Users,New Users,Sessions,Bounce Rate,Pages / Session,Avg. Session Duration,\
Goal Conversion Rate,Goal Completions,Goal Value
Direct,"1,021","1,002","1,234",45.23%,2.50,00:02:15,1.20%,15,$150.00
Social,410,400,456,60.10%,1.80,00:01:05,0.50%,2,$20.00
Organic Search,"2,001","1,950","2,345",40.00%,3.10,00:03:00,2.00%,47,$470.00
Referral,88,80,99,30.00%,4.00,00:04:10,3.00%,3,$30.00
,"3,520","3,432","4,134",43.00%,2.70,00:02:35,1.60%,67,$670.00

# ----------------------------------------

Day Index,Sessions
1/1/20,120
1/2/20,131
1/13/20,140
,"4,134"

# ----------------------------------------
"""),
)

# API-style CSV (GA4 Data API / BigQuery-style column names).
add(
    "ga_api.csv",
    """\
date,sessionDefaultChannelGroup,sessions,totalUsers
20250501,Direct,30,28
20250501,Organic Social,12,11
20250502,Direct,32,30
20250502,Paid Social,4,4
20250502,Organic Search,50,45
""",
)

# --- Owner trackers --------------------------------------------------------------------------------
# Italian, cp1252, semicolons, decimal comma, euro amounts, dd/mm/yyyy week starts, a Totale row.
add(
    "it_tracker_cp1252.csv",
    crlf("""\
Registro networking 2025;;;;;;;;;
;;;;;;;;;
Settimana;Gruppo;Tipo;Attività;Ore;Costo;Referenze ricevute;Referenze date;Acquisti propri;Vendite;Fatturato
03/03/2025;BNI Città;Gruppo referral;1;3,5;25,00 €;2;1;1;1;1.250,50 €
10/03/2025;BNI Città;Gruppo referral;1;3,5;25,00 €;0;2;0;0;0,00 €
17/03/2025;Camera di Commercio;Camera di commercio;2;4;€ 15,50;1;0;0;1;480,00 €
24/03/2025;Camera di Commercio;Camera di commercio;1;1,5;0;0;0;0;0;0
Totale;;;5;12,5;65,50 €;3;3;1;2;1.730,50 €
"""),
    "cp1252",
)

# French, UTF-8 with BOM, months in words, 1 250,00 € with a no-break space.
add(
    "fr_tracker_bom.csv",
    codecs.BOM_UTF8
    + """\
Mois;Groupe;Type;Activités;Heures de préparation;Déplacement;Heures;Coût;Recommandations reçues;\
Recommandations données;Ventes;Chiffre d'affaires
janvier 2025;Club Affaires Lyon;club d'affaires;4;2;3;10;1\u00a0250,00 €;3;2;1;1\u00a0250,00 €
février 2025;Club Affaires Lyon;club d'affaires;3;1,5;2;8;120,00 €;1;1;0;0,00 €
février 2025;Amis;informel;1;0;0;2;0;1;0;1;300,00 €
Total;;;8;3,5;5;20;1\u00a0370,00 €;5;3;2;1\u00a0550,00 €
""".encode(),
)

# US: mm/dd/yyyy (13th shows the order), $1,250.00, trailing blank lines.
add(
    "us_tracker.csv",
    """\
Date,Group,Activities,Hours,Cost,Referrals Received,Referrals Given,Own Purchases,Sales,Sales Value
03/04/2025,Rotary Downtown,1,2,$45.00,1,0,0,0,$0.00
03/13/2025,Rotary Downtown,1,2.5,$45.00,0,1,1,1,"$1,250.00"
04/01/2025,LinkedIn Group,3,1.5,$0.00,2,0,0,1,$800.00
Total,,5,6,$90.00,3,1,1,2,"$2,050.00"


""",
)

# Finnish, UTF-16 LE with BOM, tabs, dd.mm.yyyy, Yhteensä row.
add(
    "fi_tracker_utf16.csv",
    codecs.BOM_UTF16_LE
    + crlf("""\
Päivämäärä\tRyhmä\tAktiviteetit\tTunnit\tKulut\tSaadut suositukset\tAnnetut suositukset\tKaupat\tLiikevaihto
05.03.2025\tYrittäjät ry\t1\t2,5\t20\t1\t0\t0\t0
12.03.2025\tYrittäjät ry\t1\t3\t20\t0\t1\t1\t900
Yhteensä\t\t2\t5,5\t40\t1\t1\t1\t900
""").encode("utf-16-le"),
)

# Russian, UTF-16 BE with BOM, semicolons, quarters, Итого row.
add(
    "ru_tracker_utf16be.csv",
    codecs.BOM_UTF16_BE
    + """\
Квартал;Группа;Тип;Мероприятия;Часы;Расходы;Полученные рекомендации;Данные рекомендации;Продажи;Выручка
2025-Q1;Деловой клуб;бизнес-клуб;6;18;12 000,00 ₽;4;3;2;150 000,00 ₽
2 кв. 2025;Деловой клуб;бизнес-клуб;5;15;10 000;2;2;1;50 000
Итого;;;11;33;22 000;6;5;3;200 000
""".encode("utf-16-be"),
)

# Event log: one row per activity, hours split, kind, mode, notes that look like formulas.
add(
    "event_log.csv",
    """\
Date,Group,Activity,Mode,Event hours,Prep hours,Travel hours,Recovery hours,Cost,People met,Notes
2025-01-08,BNI Harbour,Weekly breakfast,in person,1.5,0.5,0.5,0.25,12.50,6,
2025-01-15,BNI Harbour,Weekly breakfast,in person,1.5,0.5,0.5,0.25,12.50,4,=HYPERLINK("x")
2025-01-20,Tech Meetup,Talk,hybrid,2,3,1,0,0,15,+ great crowd
2025-01-28,LinkedIn,Post,online,0.5,0.25,0,0,0,0,@mention
""",
)

# Tracker without a date column: the user names the period.
add(
    "tracker_no_date.csv",
    """\
Group,Activities,Hours,Referrals received
BNI Harbour,4,8,2
Chamber,1,2,0
""",
)

# Ambiguous dates: every day <= 12, so day/month order must be chosen.
add(
    "ambiguous_dates.csv",
    """\
Date,Group,Activities,Hours
03/04/2025,BNI Harbour,1,2
04/05/2025,BNI Harbour,1,2
""",
)

# --- Week and quarter labels in words ---------------------------------------------------------------
# ISO weeks, Monday to Sunday, written as people do; W1 2025 starts on Monday 2024-12-30.
# BNI Harbour: 1 + 1 + 2 = 4 activities, 2 + 2 + 3.5 = 7.5 h, 15 + 15 + 30 = 60 cost, 1 referral received;
# Tech Meetup: 1 + 1 + 1 = 3 activities, 3 + 2.5 + 1 = 6.5 h, 20 cost, 1 referral received.
add(
    "en_week_labels.csv",
    """\
Week,Group,Activities,Hours,Cost,Referrals received
W1 2025,BNI Harbour,1,2,15,0
Week 10 2025,BNI Harbour,1,2,15,1
W11 2025,BNI Harbour,2,3.5,30,0
2025-W12,Tech Meetup,1,3,20,1
KW 13/2025,Tech Meetup,1,2.5,0,0
Wk 14 2025,Tech Meetup,1,1,0,0
Total,,7,14,80,2
""",
)

# German calendar weeks (Kalenderwoche) under a 'KW' header: KW 10, 11 and 12 of 2025.
# 2 + 1 + 3 = 6 activities, 3 + 1.5 + 4.5 = 9 h.
add(
    "de_kw_labels.csv",
    """\
KW,Group,Activities,Hours
KW 10/2025,Unternehmerstammtisch,2,3
11. KW 2025,Unternehmerstammtisch,1,1.5
KW 12/25,Unternehmerstammtisch,3,4.5
""",
)

# French weeks, UTF-8 with BOM, semicolons, decimal commas, euros, a Total row.
# 1 + 2 + 1 = 4 activities, 2.5 + 4 + 1.5 = 8 h, 15 + 30 = 45 cost, 1 + 2 = 3 referrals received.
add(
    "fr_semaines.csv",
    codecs.BOM_UTF8
    + crlf("""\
Semaine;Groupe;Activités;Heures;Coût;Recommandations reçues
Semaine 10 2025;Club Affaires Lyon;1;2,5;15,00 €;1
semaine 11 2025;Club Affaires Lyon;2;4;30,00 €;0
Sem. 12 2025;Club Affaires Lyon;1;1,5;0;2
Total;;4;8;45,00 €;3
""").encode("utf-8"),
)

# French quarters: 1er, 2e, T3, 4ème trimestre 2025. 6 + 3 + 4 + 2 = 15 activities, 30 h,
# 2 + 1 + 0 + 1 = 4 referrals received, 2 sales worth 1,500 + 800 = 2,300.
add(
    "fr_trimestres.csv",
    """\
Trimestre;Groupe;Activités;Heures;Recommandations reçues;Ventes;Chiffre d'affaires
1er trimestre 2025;CCI Lyon;6;12;2;1;1 500,00 €
2e trimestre 2025;CCI Lyon;3;6;1;0;0
T3 2025;CCI Lyon;4;8;0;1;800,00 €
4ème trimestre 2025;CCI Lyon;2;4;1;0;0
""",
)

# Italian quarters, cp1252 (the ° and º signs), Roman numerals too: 6 + 5 + 4 = 15 activities,
# 9 + 7.5 + 6 = 22.5 h, 120 + 100 + 80 = 300 cost.
add(
    "it_trimestri.csv",
    """\
Trimestre;Gruppo;Attività;Ore;Costo
1° trimestre 2025;BNI Centro;6;9;120
II trimestre 2025;BNI Centro;5;7,5;100
3º trimestre 2025;BNI Centro;4;6;80
""",
    "cp1252",
)

# German quarters under a 'Quartal' header: 1. Quartal 2025, Q2/2025, 3. Quartal 2025; 6 activities, 9 h.
add(
    "de_quartale.csv",
    """\
Quartal,Group,Activities,Hours
1. Quartal 2025,Unternehmerstammtisch,3,4.5
Q2/2025,Unternehmerstammtisch,2,3
3. Quartal 2025,Unternehmerstammtisch,1,1.5
""",
)

# --- GA4 User acquisition: users by first-user channel, no Sessions column (refused with guidance) ------
add(
    "ga4_user_acquisition.csv",
    codecs.BOM_UTF8
    + crlf("""\
# ----------------------------------------
# User acquisition: First user primary channel group (Default Channel Group)
# Account: Harbour Consulting
# Property: harbour-consulting.example - GA4
# ----------------------------------------
#
# All Users
# Start date: 20250301
# End date: 20250331
First user primary channel group (Default Channel Group),Total users,New users,Returning users,\
Average engagement time per active user,Engaged sessions per active user,Event count,Key events,\
User key event rate,Total revenue
Grand total,1625,1480,210,41.2,0.9,8100,5,0.003,0
Direct,1200,1100,150,45.2,0.8,5000,3,0.002,0
Organic Social,300,280,30,20,0.5,900,0,0,0
Organic Search,125,100,30,60,1.2,2200,2,0.016,0
""").encode("utf-8"),
)

# The older GA4 layout of the same report: 'First user default channel group', engaged sessions, by date.
add(
    "ga4_first_user_engaged.csv",
    """\
# ----------------------------------------
# User acquisition: First user default channel group
# Account: Harbour Consulting
# Property: harbour-consulting.example - GA4
# ----------------------------------------
#
# Start date: 20250301
# End date: 20250302
First user default channel group,Date,New users,Engaged sessions,Engagement rate,Engaged sessions per user,\
Average engagement time,Event count,Conversions,Total revenue
Direct,20250301,40,30,0.6,0.75,00:00:41,200,1,0
Organic Social,20250301,12,8,0.5,0.66,00:00:20,50,0,0
Direct,20250302,35,25,0.6,0.71,00:00:39,180,0,0
""",
)

# --- Hostile and broken files ----------------------------------------------------------------------
add("binary.csv", bytes(range(256)) * 8)
add("empty.csv", b"")
add("only_blank_lines.csv", "\r\n\r\n  \r\n")
add(
    "negative_hours.csv",
    """\
Date,Group,Activities,Hours,Cost
2025-03-01,BNI Harbour,1,2,10
2025-03-08,BNI Harbour,1,-3,10
2025-03-15,BNI Harbour,1,2,10
""",
)
add(
    "impossible_date.csv",
    """\
Date,Group,Activities,Hours
2025-02-28,BNI Harbour,1,2
2025-02-30,BNI Harbour,1,2
""",
)
add(
    "text_in_number.csv",
    """\
Date,Group,Activities,Hours,Cost
2025-03-01,BNI Harbour,two,2,10
2025-03-08,BNI Harbour,1,2,=SUM(B2:B3)
""",
)
add("fake_pdf.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
add("picture.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
add("notes.docx", b"just some words, not a table")
add("not_a_table.txt", "Dear team,\nplease find the numbers in the attachment.\nRegards\n")


def write() -> None:
    CORPUS.mkdir(exist_ok=True)
    for name, data in FILES.items():
        (CORPUS / name).write_bytes(data)


if __name__ == "__main__":
    write()
    print(f"wrote {len(FILES)} files to {CORPUS}")
