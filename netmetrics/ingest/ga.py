"""Google Analytics exports: GA4 web-interface CSV downloads, Universal Analytics CSV exports and
API-style CSVs, to web_visits rows (sessions per day or per report range, per channel when known)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from netmetrics.ingest import dates, layouts, numbers, synonyms
from netmetrics.ingest.model import TABLE_COLUMNS, ImportOptions, ParsedTable, Problem
from netmetrics.ingest.validate import RowIssues

CHANNELS = (
    "Direct",
    "Organic Search",
    "Paid Search",
    "Organic Social",
    "Paid Social",
    "Organic Video",
    "Paid Video",
    "Email",
    "Referral",
    "Display",
    "Affiliates",
    "Organic Shopping",
    "Paid Shopping",
    "Paid Other",
    "Cross-network",
    "Audio",
    "SMS",
    "Mobile Push Notifications",
    "Unassigned",
)
_CANONICAL = {c.casefold(): c for c in CHANNELS}
_CANONICAL.update(
    {
        "social": "Organic Social",
        "paid social media": "Paid Social",
        "(other)": "Unassigned",
        "(unassigned)": "Unassigned",
        "other": "Unassigned",
        "generic paid search": "Paid Search",
        "organic": "Organic Search",
        "affiliate": "Affiliates",
        "video": "Organic Video",
        "diretto": "Direct",
        "direct (direct)": "Direct",
        "accès direct": "Direct",
        "direkt": "Direct",
        "suora": "Direct",
        "прямые заходы": "Direct",
        "réseaux sociaux naturels": "Organic Social",
        "social organico": "Organic Social",
        "social a pagamento": "Paid Social",
    }
)

# GA4 default channel group source lists (abridged): social sites, video sites, search engines.
SOCIAL_SOURCES = {
    "facebook.com",
    "l.facebook.com",
    "m.facebook.com",
    "lm.facebook.com",
    "web.facebook.com",
    "facebook",
    "fb",
    "instagram.com",
    "l.instagram.com",
    "instagram",
    "ig",
    "linkedin.com",
    "lnkd.in",
    "linkedin",
    "t.co",
    "twitter.com",
    "twitter",
    "x.com",
    "mobile.twitter.com",
    "pinterest.com",
    "pinterest",
    "reddit.com",
    "reddit",
    "old.reddit.com",
    "tiktok.com",
    "tiktok",
    "snapchat.com",
    "snapchat",
    "vk.com",
    "vk",
    "ok.ru",
    "threads.net",
    "quora.com",
    "quora",
    "tumblr.com",
    "whatsapp.com",
    "whatsapp",
    "web.whatsapp.com",
    "t.me",
    "telegram.org",
    "telegram",
    "xing.com",
    "meetup.com",
    "messenger.com",
    "m.me",
    "bsky.app",
    "mastodon.social",
    "discord.com",
    "slack.com",
    "medium.com",
    "nextdoor.com",
    "yelp.com",
    "wechat.com",
    "weibo.com",
    "line.me",
    "viber.com",
    "flickr.com",
    "tripadvisor.com",
    "glassdoor.com",
    "producthunt.com",
    "news.ycombinator.com",
    "stackoverflow.com",
    "blogger.com",
    "wordpress.com",
    "lnkd",
    "fb.me",
    "lm.facebook",
}
VIDEO_SOURCES = {
    "youtube.com",
    "m.youtube.com",
    "youtube",
    "youtu.be",
    "vimeo.com",
    "vimeo",
    "dailymotion.com",
    "twitch.tv",
    "twitch",
    "wistia.com",
    "rutube.ru",
}
SEARCH_SOURCES = {
    "google",
    "bing",
    "yahoo",
    "duckduckgo",
    "baidu",
    "yandex",
    "ecosia",
    "ecosia.org",
    "qwant",
    "qwant.com",
    "naver",
    "seznam",
    "startpage",
    "search.yahoo.com",
    "duckduckgo.com",
    "yandex.ru",
    "bing.com",
    "google.com",
    "baidu.com",
    "ask",
    "aol",
    "so.com",
    "sogou",
    "brave",
    "search.brave.com",
}
_PAID = re.compile(r"^(.*cp.*|ppc|retargeting|paid.*)$")
_SOCIAL_MEDIA = {"social", "social-network", "social-media", "sm", "social network", "social media"}

_META_START = re.compile(
    r"^(start date|date de début|data di inizio|data inizio|alkamispäivä|alkupäivä|"
    r"дата начала|startdatum)\s*:\s*(.+)$",
    re.IGNORECASE,
)
_META_END = re.compile(
    r"^(end date|date de fin|data di fine|data fine|päättymispäivä|loppupäivä|"
    r"дата окончания|enddatum)\s*:\s*(.+)$",
    re.IGNORECASE,
)
_UA_RANGE = re.compile(r"^(\d{8})\s*-\s*(\d{8})$")


def _domain(source: str) -> str:
    s = source.strip().casefold()
    s = re.sub(r"^https?://", "", s)
    s = s.split("/")[0]
    return s.removeprefix("www.")


def _in(domain: str, sites: set[str]) -> bool:
    return domain in sites or any(domain.endswith("." + site) for site in sites if "." in site)


def channel_for(source: str | None, medium: str | None) -> str:
    """GA4's default channel group for a source / medium pair (the rules that matter here)."""
    src = _domain(source or "")
    med = (medium or "").strip().casefold()
    if src == "(direct)" and med in ("(none)", "(not set)", ""):
        return "Direct"
    paid = bool(_PAID.match(med))
    social = _in(src, SOCIAL_SOURCES)
    video = _in(src, VIDEO_SOURCES)
    search = _in(src, SEARCH_SOURCES) or src.split(".")[0] in SEARCH_SOURCES
    if search and paid:
        return "Paid Search"
    if social and paid:
        return "Paid Social"
    if video and paid:
        return "Paid Video"
    if med in ("display", "banner", "expandable", "interstitial", "cpm"):
        return "Display"
    if paid:
        return "Paid Other"
    if social or med in _SOCIAL_MEDIA:
        return "Organic Social"
    if video or "video" in med:
        return "Organic Video"
    if search or med == "organic":
        return "Organic Search"
    if med in ("referral", "app", "link"):
        return "Referral"
    if re.search(r"e[-_ ]?mail", src) or re.search(r"e[-_ ]?mail", med):
        return "Email"
    if med == "affiliate":
        return "Affiliates"
    if med == "audio":
        return "Audio"
    if src == "sms" or med == "sms":
        return "SMS"
    if med.endswith("push") or "mobile" in med or "notification" in med:
        return "Mobile Push Notifications"
    return "Unassigned"


def canonical_channel(value: str) -> str:
    return _CANONICAL.get(value.strip().casefold(), value.strip())


@dataclass
class Block:
    """One table inside an export: header and rows, with the kind of each column."""

    header_line: int
    headers: list[str]
    rows: list[tuple[int, list]]
    kinds: dict[str, str] = field(default_factory=dict)  # header -> ga column kind

    def find(self, kind: str) -> str | None:
        return next((h for h, k in self.kinds.items() if k == kind), None)

    @property
    def score(self) -> float:
        if not self.find("sessions"):
            return 0
        has_dim = self.find("channel") or self.find("source_medium") or self.find("source")
        has_date = any(self.find(k) for k in ("date", "nth_day", "nth_week", "nth_month", "year_month"))
        if self.find("day_index"):
            return 1.5
        return 1 + (2 if has_dim else 0) + (1 if has_date else 0)


@dataclass
class Export:
    comments: list[str]
    blocks: list[Block]
    start: date | None = None
    end: date | None = None


def split_export(rows: list[tuple[int, list]]) -> Export:
    """Comment lines (metadata), then tables separated by blank or comment lines."""
    comments: list[str] = []
    blocks: list[Block] = []
    current: list[tuple[int, list]] = []

    def flush():
        if current:
            line, header = current[0]
            headers = layouts.clean_headers(header)
            block = Block(line, headers, current[1:])
            block.kinds = {h: k for h in headers if (k := layouts.ga_column(h))}
            blocks.append(block)
        current.clear()

    for line, cells in rows:
        first = layouts._text(cells[0]) if cells else ""
        if first.startswith("#"):
            flush()
            comments.append(",".join(str(c) for c in cells if c is not None).lstrip("#").strip())
            continue
        if not any(layouts._text(c) for c in cells):
            flush()
            continue
        current.append((line, cells))
    flush()
    export = Export(comments, blocks)
    for text in comments:
        for pattern, attr in ((_META_START, "start"), (_META_END, "end")):
            m = pattern.match(text)
            if m:
                try:
                    span = dates.parse_span(m.group(2).strip().strip(","), "monthfirst")
                    setattr(export, attr, span.start if attr == "start" else span.end)
                except ValueError:
                    pass
        m = _UA_RANGE.match(text.replace(" ", ""))
        if m:
            export.start = dates.parse_span(m.group(1)).start
            export.end = dates.parse_span(m.group(2)).end
    return export


def sniff_kind(rows: list[tuple[int, list]]) -> str | None:
    """'ga4', 'ua' or 'ga_api' when the rows are a Google Analytics export, else None."""
    export = split_export(rows[:400])
    best = max(export.blocks, key=lambda b: b.score, default=None)
    if best is None or best.score == 0:
        return None
    if any(layouts.header_score([h]) and synonyms.header_field(h) == "group_name" for h in best.headers):
        return None
    text = " ".join(export.comments).casefold()
    if export.comments:
        if (
            "all web site data" in text
            or any(_UA_RANGE.match(c.replace(" ", "")) for c in export.comments)
            or any(b.find("day_index") for b in export.blocks)
        ):
            return "ua"
        return "ga4"
    if any(b.find("day_index") for b in export.blocks):
        return "ua"
    return "ga_api"


# Metrics of GA4 reports that are not sessions (normalised, spaces removed): a table of these by channel
# or source is a Google Analytics export even without a Sessions column. 'Engaged sessions' counts only
# the engaged ones, and users are people, not visits, so none of them stands in for sessions.
_NOT_SESSIONS = {
    "newusers",
    "returningusers",
    "totalusers",
    "activeusers",
    "engagedsessions",
    "engagementrate",
    "engagedsessionsperuser",
    "engagedsessionsperactiveuser",
    "averageengagementtime",
    "averageengagementtimeperactiveuser",
    "eventcount",
    "keyevents",
    "conversions",
    "userkeyeventrate",
    "userconversionrate",
    "totalrevenue",
    "nouveauxutilisateurs",
    "nuoviutenti",
    "uudetkayttajat",
    "новыепользователи",
    "neuenutzer",
}
HINT_TRAFFIC_ACQUISITION = (
    "Download the Traffic acquisition report instead: in Google Analytics 4 open Reports > Acquisition > "
    "Traffic acquisition, pick the dates at the top right (add Date as a second dimension to get one row per "
    "day), then Share this report > Download File > Download CSV, and import that file."
)


def users_only_report(file: str, sheet: str, rows: list[tuple[int, list]]) -> Problem | None:
    """A Google Analytics export without sessions (a GA4 'User acquisition' report: users by the channel
    that first brought them): a Problem saying what to download instead, or None for any other table.
    Called only when sniff_kind found no Sessions column."""
    export = split_export(rows[:400])
    if any(b.find("sessions") for b in export.blocks):
        return None
    for block in export.blocks:
        if any(synonyms.header_field(h) == "group_name" for h in block.headers):
            continue
        keys = {h: synonyms.normalise(h.removeprefix("ga:")) for h in block.headers}
        first_user = next((h for h, k in keys.items() if k.startswith("first user")), None)
        dimension = first_user or next(
            (h for h, k in block.kinds.items() if k in ("channel", "source_medium", "source", "medium")), None
        )
        metrics = [h for h, k in keys.items() if block.kinds.get(h) == "users" or k.replace(" ", "") in _NOT_SESSIONS]
        if dimension is None or not metrics:
            continue
        titled = "user acquisition" in " ".join(export.comments).casefold()
        if first_user or titled:
            message = (
                "This is a Google Analytics 'User acquisition' report: it counts users by the channel that "
                "first brought them to the site and has no Sessions column, so it cannot give the direct and "
                "social visits of each period."
            )
        else:
            message = (
                f"This Google Analytics export has no Sessions column (its columns: "
                f"{', '.join(block.headers[:6])}{', ...' if len(block.headers) > 6 else ''}), so it cannot give "
                "the direct and social visits of each period: users are people, not visits."
            )
        return Problem(file, sheet or None, block.header_line, dimension, message, HINT_TRAFFIC_ACQUISITION)
    return None


def parse_ga(file: str, sheet: str, rows: list[tuple[int, list]], kind: str, options: ImportOptions):
    """Returns (tables, web_visits frame, problems, skipped rows, details)."""
    export = split_export(rows)
    problems: list[Problem] = []
    sheet_name = sheet or None
    candidates = sorted((b for b in export.blocks if b.score > 0), key=lambda b: -b.score)
    main = candidates[0]
    day_index = next((b for b in export.blocks if b.find("day_index")), None)
    if (
        not (main.find("channel") or main.find("source_medium") or main.find("source"))
        and day_index is not None
    ):
        main = day_index
    override = options.mapping.get(sheet) or options.mapping.get("*")
    if override:
        for header, target in override.items():
            if header in main.headers:
                main.kinds = {h: k for h, k in main.kinds.items() if h != header}
                if target:
                    main.kinds[header] = target
    start, end = export.start, export.end
    if start is None and options.period:
        start, end = options.period
    details = {
        "report_start": str(export.start) if export.start else None,
        "report_end": str(export.end) if export.end else None,
        "table_header_row": main.header_line,
        "tables_in_file": len(export.blocks),
    }
    issues = RowIssues(file, sheet_name, [line for line, _ in main.rows])
    n = len(main.rows)
    width = len(main.headers)
    frame = pd.DataFrame(
        [list(c[:width]) + [None] * (width - len(c)) for _, c in main.rows],
        columns=main.headers,
        dtype=object,
    )
    dims = [h for h, k in main.kinds.items() if k not in ("sessions", "users")]
    keep = np.ones(n, dtype=bool)
    totals = []
    for pos in range(n):
        cells = [layouts._text(frame.at[pos, h]) for h in dims]
        first = layouts._text(frame.iat[pos, 0])
        if (dims and not any(cells)) or _is_total(first) or any(_is_total(c) for c in cells):
            keep[pos] = False
            totals.append(main.rows[pos][0])
    # sessions and users
    sessions_h, users_h = main.find("sessions"), main.find("users")
    decimal = _decimal(frame, [h for h in main.headers if h not in dims], sessions_h, users_h)
    sessions = _number_column(frame, sessions_h, decimal, issues, keep)
    users = _number_column(frame, users_h, decimal, issues, keep) if users_h else np.full(n, np.nan)
    # dates
    start_col, end_col = _dates(main, frame, start, end, options, issues, keep, problems, file, sheet_name)
    if start_col is None:
        return [], None, problems, [], details
    # channel
    channel = np.full(n, None, dtype=object)
    source = np.full(n, None, dtype=object)
    medium = np.full(n, None, dtype=object)
    ch_h, sm_h, src_h, med_h = (main.find(k) for k in ("channel", "source_medium", "source", "medium"))
    for pos in range(n):
        if sm_h:
            text = layouts._text(frame.at[pos, sm_h])
            src, _, med = text.partition(" / ") if " / " in text else text.partition("/")
            source[pos], medium[pos] = src.strip() or None, med.strip() or None
        else:
            if src_h:
                source[pos] = layouts._text(frame.at[pos, src_h]) or None
            if med_h:
                medium[pos] = layouts._text(frame.at[pos, med_h]) or None
        if ch_h:
            text = layouts._text(frame.at[pos, ch_h])
            channel[pos] = canonical_channel(text) if text else None
        elif sm_h or src_h:
            channel[pos] = channel_for(source[pos], medium[pos])
    use = issues.usable(keep, options.skip_bad_rows)
    web = pd.DataFrame(
        {
            "start_date": start_col[use],
            "end_date": end_col[use],
            "channel": channel[use],
            "source": source[use],
            "medium": medium[use],
            "sessions": np.nan_to_num(sessions[use]),
            "users": users[use],
        },
        columns=list(TABLE_COLUMNS["web_visits"]),
    )
    row_problems, skipped = issues.problems(options.skip_bad_rows)
    problems.extend(row_problems)
    if not (ch_h or sm_h or src_h):
        problems.append(
            Problem(
                file,
                sheet_name,
                None,
                None,
                "This export has no channel or source/medium column, so direct and social visits "
                "are not in this file; total sessions are stored.",
                "Export the 'Traffic acquisition' report (session default channel group) to see "
                "direct and social visits.",
                "warning",
            )
        )
        details["channel"] = "not in this file"
    notes = []
    if totals:
        notes.append(f"totals row(s) {', '.join(map(str, totals[:10]))} not counted")
    if len(export.blocks) > 1:
        notes.append(f"{len(export.blocks) - 1} other table(s) in the file not used")
    if not any(main.find(k) for k in ("date", "nth_day", "nth_week", "nth_month", "year_month", "day_index")):
        notes.append(f"no date column: stored as totals for the report range {start}..{end}")
    preview = web.head(20)
    mapping = {h: main.kinds.get(h) for h in main.headers}
    table = ParsedTable(
        sheet=sheet,
        role="web_visits",
        header_row=main.header_line,
        mapping=mapping,
        preview=preview,
        row_count=int(keep.sum()),
        rows_used=int(use.sum()),
        note="; ".join(notes),
    )
    return [table], web, problems, skipped, details


def _decimal(frame: pd.DataFrame, measures: list[str], *counts: str | None) -> str:
    """The export's decimal separator. Rates, durations and money in the other columns tell it
    ('45,67%', '€1.234,56'); failing that, sessions and users are whole numbers, so '2.345' there
    groups thousands (a European UA export) unless a value like '12.5' says otherwise."""
    sample = [v for h in measures for v in frame[h].head(500) if isinstance(v, str)]
    voted = numbers.guess_decimal(sample, default="")  # "": the other columns do not tell
    if voted:
        return voted
    grouped = re.compile(r"^\d{1,3}([.,])\d{3}(\1\d{3})*$")
    seps = {m.group(1) for h in counts if h for v in frame[h] if isinstance(v, str) and (m := grouped.match(v.strip()))}
    if len(seps) == 1:
        return "," if seps.pop() == "." else "."
    return "."


def _is_total(text: str) -> bool:
    if not text:
        return False
    key = synonyms.normalise(text)
    return synonyms.is_total_label(text) or key.startswith(("total", "grand total", "totale", "итого"))


def _number_column(frame, header, decimal, issues: RowIssues, keep) -> np.ndarray:
    out = np.full(len(frame), np.nan)
    for pos, value in enumerate(frame[header]):
        if not keep[pos]:
            continue
        try:
            number = numbers.parse_number(value, decimal)
        except ValueError:
            issues.add(
                pos,
                header,
                f"'{layouts._text(value)}' is not a number.",
                "Export the report again from Google Analytics, or correct the cell.",
            )
            continue
        if number is not None and number < 0:
            issues.add(pos, header, f"{number:g} is below zero.", "Sessions and users cannot be negative.")
        out[pos] = np.nan if number is None else number
    return out


def _dates(main: Block, frame, start, end, options, issues: RowIssues, keep, problems, file, sheet):
    n = len(frame)
    starts = np.full(n, None, dtype=object)
    ends = np.full(n, None, dtype=object)
    kind = next(
        (k for k in ("date", "day_index", "nth_day", "nth_week", "nth_month", "year_month") if main.find(k)),
        None,
    )
    if kind is None:
        if start is None or end is None:
            problems.append(
                Problem(
                    file,
                    sheet,
                    None,
                    None,
                    "This export has no date column and no report range (the '# Start date' "
                    "and '# End date' lines), so it is not known which days it covers.",
                    "Export it again with its header lines, or choose the period it covers "
                    "(--period START..END).",
                )
            )
            return None, None
        starts[:], ends[:] = start, end
        return starts, ends
    header = main.find(kind)
    values = frame[header]
    if kind in ("nth_day", "nth_week", "nth_month"):
        if start is None:
            problems.append(
                Problem(
                    file,
                    sheet,
                    None,
                    header,
                    f"The '{header}' column counts from the report start, which is not in the file.",
                    "Export the report again with its '# Start date' line.",
                )
            )
            return None, None
        for pos, value in enumerate(values):
            if not keep[pos]:
                continue
            try:
                k = int(float(layouts._text(value)))
            except ValueError:
                issues.add(pos, header, f"'{layouts._text(value)}' is not a number of days.", dates_hint())
                continue
            if kind == "nth_day":
                starts[pos] = ends[pos] = start + timedelta(days=k)
            elif kind == "nth_week":
                starts[pos] = start + timedelta(days=7 * k)
                ends[pos] = min(starts[pos] + timedelta(days=6), end or starts[pos] + timedelta(days=6))
            else:
                y, m = divmod(start.month - 1 + k, 12)
                span = dates.month_span(start.year + y, m + 1)
                starts[pos] = max(span.start, start) if k == 0 else span.start
                ends[pos] = min(span.end, end) if end else span.end
        return starts, ends
    texts = [v for v in values if isinstance(v, str)]
    order, ambiguous = dates.decide_order(texts, options.date_order)
    if ambiguous and start and end:
        fitting = [o for o in ("monthfirst", "dayfirst") if _all_within(texts, o, start, end)]
        if len(fitting) == 1:
            order, ambiguous = fitting[0], False
    if ambiguous:
        order = "monthfirst"  # GA exports in an English interface; the report range usually settles it
    for pos, value in enumerate(values):
        if not keep[pos]:
            continue
        try:
            span = dates.parse_span(value, order)
        except ValueError as exc:
            issues.add(pos, header, f"{exc}.", dates_hint())
            continue
        if span is None:
            issues.add(pos, header, "The date is missing.", dates_hint())
            continue
        if kind == "year_month" and start and end:
            span = dates.Span(max(span.start, start), min(span.end, end))
        starts[pos], ends[pos] = span.start, span.end
    return starts, ends


def _all_within(texts, order, start, end) -> bool:
    try:
        spans = [dates.parse_span(t, order) for t in texts]
    except ValueError:
        return False
    return all(s is None or (start <= s.start and s.end <= end) for s in spans)


def dates_hint() -> str:
    return "Export the report again from Google Analytics, or correct the date (for example 20250314)."
