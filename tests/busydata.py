"""The "busy" sample for the feed and calendar tests: the sample plus a changed and cancelled
meeting full of awkward text, a meeting in another time zone, a hostile NGO record and a press
release with markup and very long lines. Test data only; not part of the sample."""

from __future__ import annotations

from pathlib import Path

from sitetools import HOSTILE, hostile_ngo

# The address the busy site is published at (conftest.published_busy_site).
PUBLISHED_SITEURL = "https://ngo.example.org"
FORUM = "ganja-ngo-forum-2027"
INJECTION = "END:VEVENT\nBEGIN:VEVENT\nUID:evil@example.org\nSUMMARY:Injected"
FORUM_YAML = f"""\
title:
  en: "Ganja NGO forum; youth, ICT, and <b>more</b>"
  ru: Форум НПО в Гяндже
start: "2027-03-10 10:00"
end: "2027-03-10 16:00"
status: cancelled
venue:
  name: "Youth House, Hall 2; second floor"
  address: {{en: "12, Example Street"}}
  region: ganja
organisers: [madad-azerbaijan]
presenters: [osce]
funders: [usaid]
themes: [youth]
agenda:
  en: |
    Opening.
{"".join(f"    {line}" + chr(10) for line in INJECTION.splitlines())}
    {"A very long line of agenda text, with commas, and semicolons; " * 60}
maintainers: [someone]
added: "2027-01-10"
changes:
  - date: "2027-02-01 09:30"
    note: {{en: "Moved from 3 March to 10 March."}}
    previous_start: "2027-03-03 10:00"
  - date: "2027-03-01"
    status: cancelled
    note: {{en: "Cancelled: the hall is closed for repairs. <script>alert(1)</script>"}}
"""
VIENNA_YAML = """\
title: {en: OSCE briefing for regional NGOs}
start: "2027-04-02 15:00"
end: "2027-04-02 17:00"
timezone: Europe/Vienna
status: scheduled
venue: {region: azerbaijan, city: {en: Vienna}}
organisers: [osce]
maintainers: [someone]
added: "2027-02-15 12:00"
updated: "2027-02-20"
"""
PRESS_MD = (
    "Title: Forum news for <i>all</i>\nDate: 2027-01-15 10:00\nModified: 2027-02-01 08:00\n"
    f"Slug: forum-news\nLang: en\nOrganization: madad-azerbaijan\nMeeting: {FORUM}\n"
    f"Summary: {HOSTILE}\n\n"
    f'{HOSTILE}\n\n<div onmouseover="alert(8)">z</div>\n\n[a](javascript:alert(9)) [next](../../press/) '
    "[elsewhere](https://example.com/elsewhere) [Madad](record:madad-azerbaijan)\n\n"
    + "Long line without a break " * 400
    + "\n"
)


def add_busy_records(data: Path, content: Path) -> None:
    (data / "meetings" / f"{FORUM}.yaml").write_text(FORUM_YAML, "utf-8")
    (data / "meetings" / "osce-briefing-2027.yaml").write_text(VIENNA_YAML, "utf-8")
    (data / "ngos" / "hostile.yaml").write_text(
        hostile_ngo().replace('added: "2026-01-01"', 'added: "2026-01-01"\nupdated: "2027-01-05 18:00"'),
        "utf-8",
    )
    (content / "press" / "forum-news.md").write_text(PRESS_MD, "utf-8")
