"""Write the red-team corpus: files shaped like real exports and owners' trackers, written independently
of make_corpus.py. Run `python tests/ingest/make_redteam.py` to regenerate tests/ingest/redteam/.
Expected totals are worked out by hand in test_redteam.py."""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import Path

REDTEAM = Path(__file__).parent / "redteam"
FILES: dict[str, bytes] = {}


def add(name: str, text: str | bytes, encoding: str = "utf-8", *, bom: bytes = b"", crlf: bool = False) -> None:
    if isinstance(text, str):
        if crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        data = text.encode(encoding)
    else:
        data = text
    FILES[name] = bom + data


GA4_HEAD = """# ----------------------------------------
# {title}
# Account: Studio Rossi
# Property: studiorossi.example - GA4
# ----------------------------------------
#
# All Users
# Start date: {start}
# End date: {end}
"""

# --- GA4 traffic acquisition, new header, daily, several tables ------------------------------------
# Direct 1234 + 1000 + 766 = 3000; Organic Social 50 + 60 + 70 = 180; Paid Social 5 + 0 + 15 = 20;
# Organic Video (YouTube, not social) 9 + 9 + 9 = 27; Organic Search 400 * 3 = 1200. Total 4427.
add(
    "ga4_acq_new_header.csv",
    GA4_HEAD.format(title="Traffic acquisition: Session primary channel group (Default Channel Group)",
                    start="20250101", end="20250103")
    + "Session primary channel group (Default Channel Group),Date,Sessions,Engaged sessions,Engagement rate,"
    "Average engagement time per session,Events per session,Event count,Key events,Session key event rate,"
    "Total revenue\n"
    "Grand total,,4427,2900,0.6550711543,52.3,4.1,18150,12,0.0027,0\n"
    "Direct,20250101,1234,800,0.6482982172,40.1,3.2,3948,2,0.0016,0\n"
    "Organic Social,20250101,50,30,0.6,20,3,150,0,0,0\n"
    "Paid Social,20250101,5,2,0.4,10,2,10,0,0,0\n"
    "Organic Video,20250101,9,5,0.5555555556,30,2,18,0,0,0\n"
    "Organic Search,20250101,400,300,0.75,70.5,5,2000,4,0.01,0\n"
    "Direct,20250102,1000,600,0.6,41,3,3000,2,0.002,0\n"
    "Organic Social,20250102,60,30,0.5,21,3,180,0,0,0\n"
    "Organic Video,20250102,9,5,0.5555555556,30,2,18,0,0,0\n"
    "Organic Search,20250102,400,300,0.75,70.5,5,2000,4,0.01,0\n"
    "Direct,20250103,766,500,0.6527415144,39,3,2298,0,0,0\n"
    "Organic Social,20250103,70,35,0.5,22,3,210,0,0,0\n"
    "Paid Social,20250103,15,8,0.5333333333,11,2,30,0,0,0\n"
    "Organic Video,20250103,9,5,0.5555555556,30,2,18,0,0,0\n"
    "Organic Search,20250103,400,300,0.75,70.5,5,2000,0,0,0\n"
    "\n"
    "# ----------------------------------------\n"
    "# Traffic acquisition: Session primary channel group (Default Channel Group)\n"
    "# ----------------------------------------\n"
    "\n"
    "Session primary channel group (Default Channel Group),Sessions\n"
    "Direct,3000\nOrganic Search,1200\nOrganic Social,180\nOrganic Video,27\nPaid Social,20\n"
    "\n"
    "# ----------------------------------------\n"
    "\n"
    "Nth day,Sessions\n0000,1698\n0001,1469\n0002,1260\n",
    bom=codecs.BOM_UTF8,
    crlf=True,
)

# --- GA4, older header, Nth day, Grand total at the bottom -----------------------------------------
# Start 2025-02-01: day 0 = Feb 1, day 1 = Feb 2. Direct 10+20 = 30, Organic Social 3+4 = 7,
# Referral 8+8 = 16, total 53.
add(
    "ga4_old_header_nth_day.csv",
    GA4_HEAD.format(title="Traffic acquisition: Session default channel group", start="20250201", end="20250202")
    + "Nth day,Session default channel group,Sessions,Users,Engagement rate\n"
    "0000,Direct,10,9,0.5643\n"
    "0000,Organic Social,3,3,0.3333\n"
    "0000,Referral,8,7,0.75\n"
    "0001,Direct,20,18,0.55\n"
    "0001,Organic Social,4,4,0.25\n"
    "0001,Referral,8,8,0.5\n"
    "Grand total,,53,49,0.5\n",
    bom=codecs.BOM_UTF8,
)

# --- GA4 user acquisition by first user channel, no date column: range rows -----------------------
# Range 2025-03-01..2025-03-31. Sessions: Direct 2,310? No: plain 2310; Organic Social 145; Paid Social 30;
# Email 12. Total 2497.
add(
    "ga4_first_user_no_date.csv",
    GA4_HEAD.format(title="User acquisition: First user primary channel group (Default Channel Group)",
                    start="20250301", end="20250331")
    + "First user primary channel group (Default Channel Group),Total users,New users,Sessions,Engagement rate,"
    "Engaged sessions per active user\n"
    "Grand total,2000,1500,2497,0.61,1.1\n"
    "Direct,1800,1300,2310,0.6,1.1\n"
    "Organic Social,120,110,145,0.55,1.0\n"
    "Paid Social,25,25,30,0.4,0.9\n"
    "Email,10,5,12,0.8,1.3\n",
    bom=codecs.BOM_UTF8,
)

# --- GA4 source / medium in one column, no date -----------------------------------------------------
# Range 2025-04-01..2025-04-30. Direct: (direct) / (none) 500. Social: l.facebook.com / referral 40,
# m.facebook.com / referral 10, linkedin.com / referral 25, lnkd.in / referral 5, t.co / referral 7,
# instagram.com / referral 3 = 90 organic; facebook / cpc 20 paid social -> social 110.
# Not social: youtube.com / referral 33 (video), google / organic 900, newsletter / email 11,
# partner.example / referral 4. Total 500+90+20+33+900+11+4 = 1558.
add(
    "ga4_source_medium_range.csv",
    GA4_HEAD.format(title="Traffic acquisition: Session source / medium", start="20250401", end="20250430")
    + "Session source / medium,Sessions,Engaged sessions,Engagement rate\n"
    "Grand total,1558,900,0.5776636714\n"
    "google / organic,900,600,0.6666666667\n"
    "(direct) / (none),500,200,0.4\n"
    "l.facebook.com / referral,40,20,0.5\n"
    "youtube.com / referral,33,10,0.303030303\n"
    "linkedin.com / referral,25,20,0.8\n"
    "facebook / cpc,20,5,0.25\n"
    "newsletter / email,11,9,0.8181818182\n"
    "m.facebook.com / referral,10,5,0.5\n"
    "t.co / referral,7,3,0.4285714286\n"
    "lnkd.in / referral,5,4,0.8\n"
    "partner.example / referral,4,2,0.5\n"
    "instagram.com / referral,3,2,0.6666666667\n",
    bom=codecs.BOM_UTF8,
)

# --- GA4 source and medium in two columns, daily ----------------------------------------------------
# 2025-05-01 and 02. Direct 100 + 120 = 220; social: facebook.com/referral 10 + 12, x.com/referral 1 + 2 = 25.
# google/organic 50 + 50 = 100. Total 345.
add(
    "ga4_source_medium_two_columns.csv",
    GA4_HEAD.format(title="Traffic acquisition: Session source and medium", start="20250501", end="20250502")
    + "Date,Session source,Session medium,Sessions,Engaged sessions\n"
    "20250501,(direct),(none),100,50\n"
    "20250501,facebook.com,referral,10,5\n"
    "20250501,x.com,referral,1,1\n"
    "20250501,google,organic,50,40\n"
    "20250502,(direct),(none),120,60\n"
    "20250502,facebook.com,referral,12,6\n"
    "20250502,x.com,referral,2,1\n"
    "20250502,google,organic,50,40\n",
)

# --- Universal Analytics: channels table, unlabelled totals, then a Day Index section ---------------
# Range 2024-01-01..2024-01-31. Direct 1,234; Social 567; Organic Search 2,000; Referral 99 -> 3,900.
add(
    "ua_channels_range.csv",
    "# ----------------------------------------\n"
    "# All Web Site Data\n"
    "# Channels\n"
    "# 20240101-20240131\n"
    "# ----------------------------------------\n"
    "\n"
    "Default Channel Grouping,Users,New Users,Sessions,Bounce Rate,Pages / Session,Avg. Session Duration,"
    "Goal Conversion Rate,Goal Completions,Goal Value\n"
    'Direct,"1,100","1,050","1,234",45.67%,2.10,00:01:23,1.50%,18,"$1,234.56"\n'
    "Social,500,480,567,60.00%,1.50,00:00:45,0.00%,0,$0.00\n"
    'Organic Search,"1,800","1,700","2,000",40.12%,3.00,00:02:30,2.00%,40,"$4,000.00"\n'
    "Referral,90,85,99,30.30%,4.00,00:03:10,1.01%,1,$100.00\n"
    ',"3,490","3,315","3,900",44.59%,2.55,00:01:59,1.51%,59,"$5,334.56"\n'
    "\n"
    "# ----------------------------------------\n"
    "\n"
    "Day Index,Sessions\n"
    "1/1/24,120\n"
    "1/2/24,130\n"
    "1/31/24,100\n"
    ',"3,900"\n'
    "\n"
    "# ----------------------------------------\n",
)

# --- UA from a European account: euro values, dd/mm/yyyy Day Index ---------------------------------
# Range 2024-02-01..2024-02-29. Direct 2.345 (= 2345), Social 1.001 (= 1001), Email 10 -> 3356.
add(
    "ua_channels_euro.csv",
    "# ----------------------------------------\n"
    "# Tutti i dati del sito web\n"
    "# Canali\n"
    "# 20240201-20240229\n"
    "# ----------------------------------------\n"
    "\n"
    "Default Channel Grouping,Users,Sessions,Bounce Rate,Avg. Session Duration,Goal Value\n"
    'Direct,"2.000","2.345","45,67%",00:01:23,"€1.234,56"\n'
    'Social,"900","1.001","50,00%",00:00:45,"€0,00"\n'
    'Email,"8","10","10,00%",00:05:00,"€12,50"\n'
    ',"2.908","3.356","47,00%",00:01:10,"€1.247,06"\n'
    "\n"
    "# ----------------------------------------\n"
    "\n"
    "Day Index,Sessions\n"
    "01/02/2024,110\n"
    "15/02/2024,120\n"
    "29/02/2024,90\n"
    ',"3.356"\n',
)

# --- UA with a Date dimension in English locale dates ---------------------------------------------
# Jan 5, 2024: Direct 10, Social 4; Jan 6, 2024: Direct 12, Social 6 -> Direct 22, social 10, total 32.
add(
    "ua_channels_by_date.csv",
    "# ----------------------------------------\n"
    "# All Web Site Data\n"
    "# Channels by date\n"
    "# 20240105-20240106\n"
    "# ----------------------------------------\n"
    "\n"
    "Default Channel Grouping,Date,Sessions,Bounce Rate\n"
    '"Direct","Jan 5, 2024",10,40.00%\n'
    '"Social","Jan 5, 2024",4,50.00%\n'
    '"Direct","Jan 6, 2024",12,41.00%\n'
    '"Social","Jan 6, 2024",6,52.00%\n'
    ',,32,45.00%\n',
)

# --- API style ------------------------------------------------------------------------------------
# Direct 7 + 8 = 15, Organic Social 2 + 3 = 5, Paid Social 1, Organic Search 30 -> 51
add(
    "ga_api_export.csv",
    "date,sessionDefaultChannelGroup,sessions,totalUsers\n"
    "20250601,Direct,7,6\n"
    "20250601,Organic Social,2,2\n"
    "20250601,Organic Search,15,14\n"
    "20250602,Direct,8,8\n"
    "20250602,Organic Social,3,3\n"
    "20250602,Paid Social,1,1\n"
    "20250602,Organic Search,15,15\n",
)

# --- Italian tracker: cp1252, semicolons, 1.250,50 €, dd/mm/yyyy, Totale --------------------------
# BNI Centro (gruppo di referral -> lead_group): 2 activities, 3 + 2,5 = 5,5 h, 35 + 35 = 70 €,
#   received 2 + 1 = 3, given 1 + 2 = 3, own 1, sales 1, value 1.250,50
# Camera di commercio di Torino (chamber): 1 activity, 2 h, 1.000,00 € (dues paid at the event), received 0,
#   given 0, sales 0.
# Fiera Artigianato (evento -> event): 1 activity, 8 h, 120 €, received 1, sales 1, value 2.400,00
# Confartigianato (associazione -> association): 1, 1,5 h, 0, 0 ...
# Gruppo Facebook Imprenditori (social): 3 activities, 0,75 h, 0 €.
# Amici del calcetto (rete informale -> informal): 1, 2 h, 15 €, received 1, sales 1, value 300
add(
    "it_tracker_cp1252.csv",
    "Registro networking 2025;;;;;;;;;;\n"
    ";;;;;;;;;;\n"
    "Data;Gruppo;Tipo;Attività;Ore;Costo;Referenze ricevute;Referenze date;Acquisti personali;Vendite;Fatturato\n"
    "13/01/2025;BNI Centro;gruppo di referral;1;3;35,00 €;2;1;1;1;1.250,50 €\n"
    "20/01/2025;BNI Centro;gruppo di referral;1;2,5;35,00 €;1;2;0;0;0,00 €\n"
    "21/01/2025;Camera di commercio di Torino;Camera di commercio;1;2;1.000,00 €;0;0;0;0;\n"
    "25/01/2025;Fiera Artigianato;evento;1;8;120,00 €;1;0;0;1;2.400,00 €\n"
    "28/01/2025;Confartigianato;associazione;1;1,5;;0;0;0;0;\n"
    "31/01/2025;Gruppo Facebook Imprenditori;social;3;0,75;0,00 €;0;0;0;0;\n"
    "02/02/2025;Amici del calcetto;rete informale;1;2;15,00 €;1;0;0;1;300,00 €\n"
    "Totale;;;10;19,75;1.205,00 €;5;3;1;3;3.950,50 €\n",
    "cp1252",
    crlf=True,
)

# --- French tracker: UTF-8 without BOM, semicolons, 1 250,00 € with NBSP / NNBSP / space ------------
# Club Affaires Nantes: 2 activités, 3 + 4 = 7 h, 1 250,00 + 25,00 = 1 275 €, reçues 2 + 1 = 3,
#   données 1 + 1 = 2, achats 1, ventes 1, CA 2 500,00
# Chambre de commerce: 1 activité, 2 h, 0 €, reçues 1, ventes 1, CA 1 000,50
# Réseau LinkedIn: 4 activités, 1,5 h, 0
NB, NNB = "\u00a0", "\u202f"
add(
    "fr_tracker_utf8_nbsp.csv",
    "Date;Groupe;Type;Activités;Heures;Coût;Recommandations reçues;Recommandations données;"
    "Achats personnels;Ventes;Chiffre d'affaires\n"
    f"06/01/2025;Club Affaires Nantes;club d'affaires;1;3;1{NB}250,00{NB}€;2;1;1;1;2{NNB}500,00{NNB}€\n"
    "20/01/2025;Club Affaires Nantes;club d'affaires;1;4;25,00 €;1;1;0;0;0,00 €\n"
    f"14/01/2025;Chambre de commerce;chambre de commerce;1;2;0;1;0;0;1;1 000,50 €\n"
    "27/01/2025;Réseau LinkedIn;réseau social;4;1,5;;0;0;0;0;\n"
    f"Total;;;7;10,5;1{NB}275,00{NB}€;4;2;1;2;3{NNB}500,50{NNB}€\n",
)
# Same owner, another month, UTF-8 with BOM, comma-delimited with quoted decimal commas.
# Club Affaires Nantes: 1 activité, 2,5 h, 25 €; Réseau LinkedIn: 2 activités, 0,5 h.
add(
    "fr_tracker_bom_comma.csv",
    "Date,Groupe,Activités,Heures,Coût,Recommandations reçues,Ventes,Chiffre d'affaires\n"
    '03/02/2025,Club Affaires Nantes,1,"2,5","25,00 €",0,0,\n'
    '17/02/2025,Réseau LinkedIn,2,"0,5",,1,1,"1 200,00 €"\n'
    'Total,,3,"3,0","25,00 €",1,1,"1 200,00 €"\n',
    bom=codecs.BOM_UTF8,
)

# --- US tracker: Excel CSV, CRLF, mm/dd/yyyy, $1,250.00, trailing empty columns and lines ---------
# Rotary Club: 2 activities, 1.5 + 2 = 3.5 h, $1,250.00 + $20.00 = 1270, received 1, given 2, sales 1, $3,400.00
# BNI Downtown: 3 activities (1 each), 1.5 * 3 = 4.5 h, 3 * $25.00 = 75, received 2, given 1, sales 0
add(
    "us_tracker_excel.csv",
    "Date,Group,Group Type,Activities,Hours,Cost,Referrals Received,Referrals Given,Sales,Sales Value,,\n"
    "01/06/2025,Rotary Club,Service club,1,1.5,\"$1,250.00\",1,0,1,\"$3,400.00\",,\n"
    "01/07/2025,BNI Downtown,Referral group,1,1.5,$25.00,1,1,0,$0.00,,\n"
    "01/14/2025,BNI Downtown,Referral group,1,1.5,$25.00,0,0,0,,,\n"
    "01/21/2025,BNI Downtown,Referral group,1,1.5,$25.00,1,0,0,,,\n"
    "01/22/2025,Rotary Club,Service club,1,2,$20.00,0,2,0,,,\n"
    "TOTAL,,,5,8,\"$1,345.00\",3,3,1,\"$3,400.00\",,\n"
    ",,,,,,,,,,,\n"
    ",,,,,,,,,,,\n",
    crlf=True,
)

# --- Finnish tracker, UTF-16 LE with BOM, tab-delimited (Excel 'Unicode text') ---------------------
# Yrittäjät (association): 2 aktiviteetit, 2 + 1,5 = 3,5 h, 40 €, saadut 1, myynnit 1, 900
# BNI Helsinki (lead group): 1, 2 h, 30 €, saadut 2, annetut 1
add(
    "fi_tracker_utf16le.txt",
    "Päivämäärä\tRyhmä\tTyyppi\tAktiviteetit\tTunnit\tKulut\tSaadut suositukset\tAnnetut suositukset"
    "\tMyynnit\tMyynnin arvo\n"
    "7.1.2025\tYrittäjät\tyhdistys\t1\t2\t20,00 €\t1\t0\t1\t900,00 €\n"
    "14.1.2025\tYrittäjät\tyhdistys\t1\t1,5\t20,00 €\t0\t0\t0\t\n"
    "15.1.2025\tBNI Helsinki\tsuositusryhmä\t1\t2\t30,00 €\t2\t1\t0\t\n"
    "Yhteensä\t\t\t3\t5,5\t70,00 €\t3\t1\t1\t900,00 €\n",
    "utf-16-le",
    bom=codecs.BOM_UTF16_LE,
    crlf=True,
)

# --- Russian tracker, UTF-16 BE with BOM, semicolons ---------------------------------------------
# Деловой клуб: 2 активности, 3 + 2 = 5 ч, 1 500 + 500 = 2000 ₽, получено 1, продажи 1, 15 000
add(
    "ru_tracker_utf16be.csv",
    "Дата;Группа;Активности;Часы;Расходы;Полученные рекомендации;Продажи;Выручка\n"
    "10.02.2025;Деловой клуб;1;3;1 500,00 ₽;1;1;15 000,00 ₽\n"
    "24.02.2025;Деловой клуб;1;2;500 ₽;0;0;\n"
    "Итого;;2;5;2 000,00 ₽;1;1;15 000,00 ₽\n",
    "utf-16-be",
    bom=codecs.BOM_UTF16_BE,
)

# --- monthly trackers: 2025-03, Mar 2025, mars 2025, marzo 2025 ------------------------------------
# each: Group A 2 activities, 3 h, 10 cost per month line.
add(
    "monthly_iso.csv",
    "Month,Group,Activities,Hours,Cost\n2025-03,Group A,2,3,10\n2025-04,Group A,2,3,10\nTotal,,4,6,20\n",
)
add("monthly_en.csv", "Month,Group,Activities,Hours,Cost\nMar 2025,Group A,2,3,10\nApr 2025,Group A,2,3,10\n")
add("monthly_fr.csv", "Mois;Groupe;Activités;Heures;Coût\nmars 2025;Groupe A;2;3;10\navril 2025;Groupe A;2;3;10\n")
add("monthly_it.csv", "Mese;Gruppo;Attività;Ore;Costo\nmarzo 2025;Gruppo A;2;3;10\naprile 2025;Gruppo A;2;3;10\n")

# --- quarterly --------------------------------------------------------------------------------------
# Q1: 6 activities, 12 h; Q2: 3 activities, 6 h -> 9 activities, 18 h; referrals received 2 + 1.
add(
    "quarterly.csv",
    "Quarter,Group,Activities,Hours,Referrals received\n2025-Q1,Chamber,6,12,2\nQ2 2025,Chamber,3,6,1\n",
)

# --- week-start dates -------------------------------------------------------------------------------
# weeks of 2025-03-03 and 2025-03-10: 1 + 2 = 3 activities, 2 + 3 = 5 h.
add(
    "week_start.csv",
    "Week starting,Group,Activities,Hours\n2025-03-03,Lunch Club,1,2\n2025-03-10,Lunch Club,2,3\n",
)

# --- no date column: needs --period ----------------------------------------------------------------
# Alpha 4 activities, 6 h, 2 referrals received, 1 sale of 500; Beta 1 activity, 1 h.
add(
    "no_date_period.csv",
    "Group,Activities,Hours,Referrals received,Sales,Sales value\nAlpha,4,6,2,1,500\nBeta,1,1,0,0,0\n"
    "TOTAL,5,7,2,1,500\n",
)

# --- hostile and broken files ------------------------------------------------------------------------
add("header_only.csv", "Date,Group,Activities,Hours\n")
add(
    "mismatched_columns.csv",
    "Date,Group,Activities,Hours\n2025-01-05,Alpha,1,2\n2025-01-06,Alpha,1,2,5,7,9\n2025-01-07,Alpha\n",
)
add("one_column.txt", "Just some notes\nabout my networking\nnothing tabular here\n")
add("negative_counts.csv", "Date,Group,Activities,Hours,Referrals received\n2025-01-05,Alpha,1,2,1\n"
    "2025-01-06,Alpha,-2,1,0\n")
add("abc_hours.csv", "Date,Group,Activities,Hours\n2025-01-05,Alpha,1,2\n2025-01-06,Alpha,1,abc\n")
add("feb_31.csv", "Date;Groupe;Activités;Heures\n30/01/2025;Alpha;1;2\n31/02/2025;Alpha;1;2\n")
add("far_future.csv", "Date,Group,Activities,Hours\n2025-01-05,Alpha,1,2\n2925-01-06,Alpha,1,2\n")
add("far_past.csv", "Date,Group,Activities,Hours\n2025-01-05,Alpha,1,2\n1025-01-06,Alpha,1,2\n")
# formula injection: stored as text; Alpha counts 1 + 1 activities.
add(
    "formula_injection.csv",
    "Date,Group,Activities,Hours,Notes\n"
    "2025-01-05,\"=cmd|' /C calc'!A0\",1,2,\"@SUM(1+1)*cmd|' /C calc'!A0\"\n"
    "2025-01-06,Alpha,1,2,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\n",
)
add("long_cell.csv", "Date,Group,Activities,Hours,Notes\n2025-01-05,Alpha,1,2," + "x" * 200_000 + "\n")
add("nul_bytes.csv", b"Date,Group,Activities,Hours\n2025-01-05,Al\x00pha,1,2\n2025-01-06,Alpha,1,2\x00\n")


def _zip() -> bytes:
    """A real zip archive holding a CSV, renamed .xlsx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("report.csv", (2025, 1, 1, 0, 0, 0)), "Date,Group\n2025-01-05,Alpha\n")
    return buffer.getvalue()


add("zip_renamed.xlsx", _zip())
add("not_a_zip.xlsx", b"PK\x03\x04" + b"\x14\x00" * 10 + b"cut short")


def main() -> None:
    REDTEAM.mkdir(exist_ok=True)
    for name, data in FILES.items():
        (REDTEAM / name).write_bytes(data)
    print(f"wrote {len(FILES)} files to {REDTEAM}")


if __name__ == "__main__":
    main()
