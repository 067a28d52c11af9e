#!/usr/bin/env python3
"""Deterministic corpus generator for followup benchmarks.

    gencorpus.py DIR N [--seed S] [--now YYYY-MM-DD] [--force]

Writes N application files (the schema in README.md) under DIR/content/ and a
DIR/followup.toml with the default time zone. Same arguments, same bytes: the
only source of randomness is random.Random(seed), and nothing depends on the
clock, the locale or hash ordering.

The corpus models a person who has searched several times over the years and
kept every file: past searches ("campaigns") each end with one accepted offer,
and every other application of that campaign is closed by then (rejected, or
withdrawn with a withdrawal note sent the day of the acceptance). The last
campaign is the active search: it ends at --now (default 2026-11-21) and holds
applications at every stage (just applied, interview upcoming, thank-yous due,
waiting on a promised timeline, check-in and nudge sent, gone quiet, offer
pending, rejected, withdrawn). All dates are internally consistent: thank-yous
on or after their interview, log entries after the application and in order,
nothing later than --now except interviews already scheduled.

Front matter written (the schema in README.md; "?" = only in some files):

    company: Zephyr Labs                 # str
    role: Product Analyst                # str
    posting?: https://zephyr.example/jobs/4259
    location?: Montréal, QC
    applied: 2024-01-22                  # date
    tz?: America/Toronto                 # IANA zone; else followup.toml's default
    contact: {name, title (Ms.|Mr.|Dr.), email?, phone? (quoted string)}
    rounds?:                             # 0-4, in date order
      - at: 2024-02-01 14:00             # local time in tz, weekdays; may be after --now
        length?: 1h                      # 30m 45m 1h 1h30m 2h 3h 4h
        kind: phone | video | onsite | other
        where?: address, meeting URL or phone
        timeline?: 2 weeks               # "N days"/"N weeks", or a date; absent = none stated
        learned?: a specific thing to mention in the thank-you
        interviewers:                    # 1-4 (phone rounds: 1)
          - {name, title (Ms.|Mr.|Dr.), email?, thanked? (date; absent = not sent),
             by? (email | letter | phone)}
    log?:                                # oldest first; `on` plus exactly one of:
      - on: 2024-02-04
        sent: check-in | nudge | after-rejection | withdrawal    # (+ by?)
        heard: free text of their reply                          # (+ next? date)
        outcome: offer | rejected | withdrawn | accepted

There is no `status` field: the stage (applied, interviewing, offer, quiet,
accepted, rejected, withdrawn) is derived from rounds and log outcomes. Body:
300-2000 bytes of markdown (headings, lists, links, emphasis, code spans,
blockquotes, sometimes a table; accents, CJK and emoji).

Standard library only (python3 >= 3.8).
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata

D = dt.date
DAY = dt.timedelta(days=1)

# --------------------------------------------------------------------------
# vocabulary

COMPANY_HEADS = [
    "Acme", "Blue Heron", "Northwind", "Café Lumière", "Zürich Analytics",
    "Nordlicht", "Kestrel", "Juniper", "Sakura Systems", "Ōkami Games",
    "Bright Harbor", "Cobalt", "Ferro & Sons", "Granite", "Halcyon", "Ironwood",
    "Lakeside", "Meridian", "Nimbus", "Oakline", "Pioneer", "Quarry", "Redwood",
    "Saltmarsh", "Tidewater", "Umbra", "Vireo", "Willow", "Yellowfin", "Zephyr",
    "Åsgard Design", "Crème", "Niño Verde", "Smørrebrød Studio", "Łódź Robotics",
    "São Bento", "Müller & Weiß", "Élan", "Fjällräven Labs", "Québec Bleu",
    "海风 Tech", "Hikari 光", "Maple & Birch", "Copperleaf", "Driftwood",
    "Evergreen", "Foxglove", "Glasshouse", "Hollowbrook", "Inkwell",
]
COMPANY_TAILS = [
    "Architecture", "Labs", "Studio", "Inc.", "GmbH", "Health", "Partners",
    "Systems", "Foundry", "Collective", "Robotics", "Media", "Bank", "Works",
    "Co.", "Group", "Analytics", "Logistics", "Energy", "Software", "",
]
ROLES = {
    "design": ["Junior Designer", "Product Designer", "UX Researcher",
               "Senior Interaction Designer", "Design Systems Lead",
               "Architectural Designer", "Visual Designer"],
    "engineering": ["Backend Engineer", "Site Reliability Engineer",
                    "Data Engineer", "Staff Software Engineer",
                    "Embedded Engineer", "Frontend Developer",
                    "Machine Learning Engineer", "QA Engineer"],
    "product": ["Product Manager", "Technical Program Manager",
                "Product Analyst", "Growth Manager"],
    "operations": ["Operations Coordinator", "Project Manager",
                   "Customer Success Manager", "Office Manager",
                   "Supply Chain Analyst"],
}
FAMILIES = ["design", "engineering", "product", "operations"]

# (location, IANA zone or None for the site default)
LOCATIONS = [
    ("Boston, MA", None), ("Cambridge, MA", None), ("New York, NY", None),
    ("Brooklyn, NY", None), ("Philadelphia, PA", None), ("Remote", None),
    ("Remote (US)", None), ("Atlanta, GA", None), ("Washington, DC", None),
    ("Chicago, IL", "America/Chicago"), ("Austin, TX", "America/Chicago"),
    ("Denver, CO", "America/Denver"), ("Seattle, WA", "America/Los_Angeles"),
    ("San Francisco, CA", "America/Los_Angeles"),
    ("Montréal, QC", "America/Toronto"), ("Toronto, ON", "America/Toronto"),
    ("London, UK", "Europe/London"), ("München, Germany", "Europe/Berlin"),
    ("Zürich, Switzerland", "Europe/Zurich"), ("Paris, France", "Europe/Paris"),
    ("Tokyo, Japan (東京)", "Asia/Tokyo"), ("São Paulo, Brazil", "America/Sao_Paulo"),
    ("Kraków, Poland", "Europe/Warsaw"), ("Sydney, Australia", "Australia/Sydney"),
]

FIRST = [
    "Jane", "Robert", "María", "José", "Chloé", "François", "Zoë", "Søren",
    "Anaïs", "Björn", "Priya", "Wei", "Aiko", "Hiroshi", "Olamide", "Fatima",
    "Liam", "Noah", "Emma", "Olivia", "Mateo", "Lucía", "Jürgen", "Ingrid",
    "Kwame", "Amara", "Siobhán", "Eoin", "Ngozi", "Dmitri", "Agnieszka",
    "Renée", "Thảo", "Minh", "Seo-yeon", "Ji-ho", "Rafael", "Camille",
    "Gabriel", "Ximena", "Tomás", "Ada", "Grace", "Alan", "Katherine",
    "陈 (Chen)", "美咲 (Misaki)",
]
LAST = [
    "Schmoe", "Lee", "García", "Núñez", "Dubois", "Müller", "Østergaard",
    "Kowalski", "Okafor", "Nakamura", "Tanaka", "Patel", "Zhang", "Nguyễn",
    "O'Brien", "Smith", "Johnson", "Brown", "Martínez", "Rossi", "Bianchi",
    "Novák", "Horváth", "Ivanova", "Andersson", "Haddad", "Mensah", "Kim",
    "Park", "Choi", "Fernández", "Weiß", "Łukasiewicz", "Černý", "da Silva",
    "van der Berg", "MacDonald", "Ó Súilleabháin", "佐藤 (Sato)", "王 (Wang)",
]
TITLES = ["Ms.", "Mr.", "Dr."]
JOB_TITLES_CONTACT = ["Recruiter", "Talent Partner", "HR Generalist",
                      "People Operations", "Technical Recruiter",
                      "Hiring Coordinator"]

LEARNED = [
    "the library project in Cambridge",
    "their move to a monorepo last spring",
    "the accessibility audit of the booking flow",
    "how the team runs design critiques on Fridays",
    "the new warehouse in Rotterdam",
    "their on-call rotation and the blameless postmortems",
    "the partnership with the city transit authority",
    "the rewrite of the billing service in Go",
    "the mentorship program for new hires",
    "their plan to open an office in Lisbon",
    "the sustainability report — café waste down 40%",
    "the Kyoto (京都) client and its tea-house renovation",
    "the hackathon project that became the mobile app",
    "how they measure customer churn",
    "the museum wing competition entry",
]

HEARD = [
    "Still deciding, expect news next Friday",
    "Thanks for checking in — the team is still interviewing",
    "We'd like to invite you to the next round",
    "The hiring manager is traveling; back next week",
    "Checking references now",
    "Budget approval pending, will update soon",
    "Got your note, thank you! Decision by end of month",
    "Panel feedback is in, we'll be in touch",
    "Merci pour votre message — on revient vers vous bientôt",
    "Re: follow-up — scheduling the final round",
]

KINDS = ["phone", "video", "onsite", "other"]
LENGTHS = ["30m", "45m", "1h", "1h", "1h30m", "2h", "3h", "4h"]
DURATION_TIMELINES = ["2 weeks", "10 days", "1 week", "2 weeks", "10 days",
                      "3 days", "5 days", "3 weeks"]

# --------------------------------------------------------------------------
# helpers


def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    s = s.replace("ß", "ss").replace("&", "and").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


_DIGIT_PLAIN = re.compile(r"^(\d+ (days?|weeks?)|\d+h(\d+m)?|\d+m)$")
_BOOLISH = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def yscalar(v):
    """A YAML scalar: plain where a person would write it plain, else double-quoted."""
    if isinstance(v, dt.datetime):
        return v.strftime("%Y-%m-%d %H:%M")
    if isinstance(v, dt.date):
        return v.isoformat()
    s = str(v)
    plain = (
        s and s == s.strip()
        and (s[0].isalpha() or _DIGIT_PLAIN.match(s))
        and ": " not in s and " #" not in s and not s.endswith(":")
        and not any(c in s for c in "\n\t\"\\")
        and s.lower() not in _BOOLISH
    )
    return s if plain else json.dumps(s, ensure_ascii=False)


def emit_map(lines, d, indent, first_prefix=None):
    """Append a mapping in block style. first_prefix is '- ' for list items."""
    pad = " " * indent
    first = True
    for k, v in d.items():
        if v is None:
            continue
        lead = pad
        if first and first_prefix:
            lead = pad[:-2] + first_prefix if indent >= 2 else first_prefix
        first = False
        if isinstance(v, dict):
            lines.append(f"{lead}{k}:")
            emit_map(lines, v, indent + 2)
        elif isinstance(v, list):
            if not v:
                continue
            lines.append(f"{lead}{k}:")
            for item in v:
                emit_map(lines, item, indent + 4, first_prefix="- ")
        else:
            lines.append(f"{lead}{k}: {yscalar(v)}")


def weekday_shift(d):
    """Saturday/Sunday -> Monday (how people actually send check-ins)."""
    if d.weekday() == 5:
        return d + 2 * DAY
    if d.weekday() == 6:
        return d + DAY
    return d


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for v, w in pairs:
        x -= w
        if x < 0:
            return v
    return pairs[-1][0]


# --------------------------------------------------------------------------
# one application


class App:
    def __init__(self):
        self.fm = {}
        self.rounds = []
        self.log = []
        self.open = True          # no closing outcome yet
        self.offer_on = None
        self.body = ""
        self.path = ""
        self.stage = "applied"
        self.tidy = False


def person(rng, company_slug, with_email=0.85):
    first = rng.choice(FIRST)
    last = rng.choice(LAST)
    p = {"name": f"{first} {last}", "title": rng.choice(TITLES)}
    if rng.random() < with_email:
        local = f"{ascii_slug(first) or 'x'}.{ascii_slug(last) or 'y'}".strip(".")
        p["email"] = f"{local}@{company_slug}.example"
    return p


def round_time(rng, day):
    day = weekday_shift(day)
    hour = rng.choice([9, 9, 10, 10, 11, 11, 13, 14, 14, 15, 16])
    minute = rng.choice([0, 0, 0, 30, 30, 15, 45])
    return dt.datetime(day.year, day.month, day.day, hour, minute)


class Gen:
    def __init__(self, rng, now):
        self.rng = rng
        self.now = now
        self.used_paths = set()

    # -- identity -----------------------------------------------------------
    def identity(self, app, family, remote_bias):
        rng = self.rng
        head = rng.choice(COMPANY_HEADS)
        tail = rng.choice(COMPANY_TAILS)
        company = f"{head} {tail}".strip()
        cslug = ascii_slug(head) or "company"
        role = rng.choice(ROLES[family])
        loc, tz = rng.choice(LOCATIONS)
        if rng.random() < remote_bias:
            loc, tz = "Remote", None
        fm = app.fm
        fm["company"] = company
        fm["role"] = role
        if rng.random() < 0.85:
            fm["posting"] = f"https://{cslug}.example/jobs/{rng.randint(10, 9999)}"
        if rng.random() < 0.9:
            fm["location"] = loc
        app.cslug = cslug
        app.tz = tz
        app.family = family
        contact = person(rng, cslug, with_email=0.95)
        if rng.random() < 0.6:
            contact["phone"] = "+1 %03d 555 %04d" % (rng.randint(201, 989),
                                                    rng.randint(100, 199))
        app.contact = contact
        app.contact_role = rng.choice(JOB_TITLES_CONTACT)

    # -- lifecycle ----------------------------------------------------------
    def simulate(self, app, applied, limit, allow_upcoming, force_offer=False, tidy=False):
        """Fill rounds and log from `applied` up to `limit` (inclusive).

        tidy: a finished search, every note sent (thank-yous, after-rejection,
        withdrawal), even when the note itself is dated after `limit`.
        """
        rng = self.rng
        app.fm["applied"] = applied
        app.tidy = tidy
        t = applied

        def log(on, **kw):
            assert on >= applied
            if app.log:
                assert on >= app.log[-1]["on"], (on, app.log[-1])
            e = {"on": on}
            e.update(kw)
            app.log.append(e)

        def close_rejected(on):
            log(on, outcome="rejected")
            app.open = False
            app.stage = "rejected"
            s = on + DAY * rng.choice([1, 1, 1, 2, 3])
            if tidy or (rng.random() < 0.55 and s <= limit):
                log(s, sent="after-rejection", by=self.channel())

        def close_withdrawn(on):
            log(on, outcome="withdrawn")
            app.open = False
            app.stage = "withdrawn"
            if tidy or rng.random() < 0.85:
                log(on, sent="withdrawal", by=self.channel())

        # Response to the application itself.
        if force_offer:
            first_call = "interview"
        else:
            first_call = wchoice(rng, [("interview", 0.6), ("silence", 0.24),
                                       ("reject", 0.16)])
        if first_call == "silence":
            if rng.random() < 0.25:
                r = t + DAY * rng.randint(2, 6)
                if r <= limit:
                    log(r, heard="Application received, thank you")
            return
        if first_call == "reject":
            r = t + DAY * rng.randint(5, 40)
            if r <= limit:
                close_rejected(r)
            return

        n_max = rng.randint(2, 4) if force_offer else wchoice(rng, [(1, 0.25), (2, 0.3), (3, 0.28), (4, 0.17)])
        next_day = t + DAY * rng.randint(4, 20)
        for k in range(1, n_max + 1):
            at = round_time(rng, next_day)
            if at.date() > limit:
                if allow_upcoming and (at.date() - limit).days <= 14:
                    self.add_round(app, k, at, upcoming=True)
                    app.stage = "interviewing"
                return
            rnd = self.add_round(app, k, at, upcoming=False, limit=limit)
            app.stage = "interviewing"
            rday = at.date()
            # When do they promise to answer?
            tl = rnd.get("timeline")
            if isinstance(tl, D):
                promise = tl
            elif isinstance(tl, str):
                n, unit = tl.split()
                promise = rday + DAY * (int(n) * (7 if unit.startswith("week") else 1))
            else:
                promise = (rnd["_last_thanked"] or rday) + 7 * DAY
            # What happens next.
            if force_offer:
                verdict = "advance" if k < n_max else "offer"
                ghost = False
            else:
                if k < n_max:
                    verdict = wchoice(rng, [("advance", 0.8), ("reject", 0.15), ("withdraw", 0.05)])
                else:
                    verdict = wchoice(rng, [("offer", 0.3), ("reject", 0.5), ("withdraw", 0.2)])
                ghost = rng.random() < 0.12
            answer = promise + DAY * rng.randint(-6, 9)
            if answer <= rday:
                answer = rday + DAY * rng.randint(1, 3)
            last_follow = None
            # Follow-ups while waiting past the promise.
            checkin = weekday_shift(promise + DAY)
            followups = 0
            while (ghost or answer > checkin) and checkin <= limit and followups < 2:
                if last_follow and (checkin - last_follow).days < 7:
                    checkin = last_follow + 7 * DAY
                    continue
                if rng.random() < 0.8:  # sometimes they forget to follow up
                    log(max(checkin, app.log[-1]["on"] if app.log else applied),
                        sent="check-in" if followups == 0 else "nudge",
                        by=self.channel())
                    last_follow = app.log[-1]["on"]
                    followups += 1
                if not ghost and rng.random() < 0.35 and answer > checkin + DAY:
                    # An interim reply that restarts the cycle.
                    h = checkin + DAY * rng.randint(1, 3)
                    if h > limit:
                        return
                    nxt = h + DAY * rng.randint(4, 12)
                    e = {"heard": rng.choice(HEARD[:8])}
                    if rng.random() < 0.6:
                        e["next"] = nxt
                    log(h, **e)
                    followups = 0  # a reply restarts the cycle
                    checkin = weekday_shift((e.get("next") or h + 6 * DAY) + DAY)
                    if answer < checkin:
                        answer = checkin - DAY * rng.randint(0, 2)
                    continue
                checkin = weekday_shift(checkin + rng.randint(7, 9) * DAY)
            if ghost:
                app.stage = "quiet" if followups >= 2 else "interviewing"
                return
            if answer > limit:
                return
            if app.log and answer < app.log[-1]["on"]:
                answer = app.log[-1]["on"]
            if verdict == "advance":
                if rng.random() < 0.7:
                    log(answer, heard=rng.choice([
                        "We'd like to invite you to the next round",
                        "Re: follow-up — scheduling the final round",
                        "Great news: the team wants to meet you onsite 🎉",
                    ]))
                next_day = answer + DAY * rng.randint(3, 10)
                continue
            if verdict == "reject":
                close_rejected(answer)
                return
            if verdict == "withdraw":
                close_withdrawn(answer)
                return
            log(answer, outcome="offer")
            app.offer_on = answer
            app.stage = "offer"
            if not force_offer and rng.random() < 0.25:
                dec = answer + DAY * rng.randint(2, 8)
                if dec <= limit:
                    close_withdrawn(dec)  # declined the offer
            return

    def channel(self):
        return wchoice(self.rng, [(None, 0.55), ("email", 0.3), ("phone", 0.1), ("letter", 0.05)])

    def add_round(self, app, k, at, upcoming, limit=None):
        rng = self.rng
        kind = ("phone" if k == 1 and rng.random() < 0.6 else
                wchoice(rng, [("video", 0.4), ("onsite", 0.45), ("other", 0.15)]))
        r = {"at": at}
        if rng.random() < 0.75:
            r["length"] = rng.choice(LENGTHS) if kind != "phone" else rng.choice(["30m", "45m"])
        r["kind"] = kind
        if kind == "onsite":
            r["where"] = f"{rng.randint(1, 999)} {rng.choice(['Main St', 'Harbor Way', 'Rue de la Paix', 'Königstraße', 'Elm Ave'])}, {app.fm.get('location', 'Boston, MA')}"
        elif kind == "video":
            r["where"] = f"https://meet.example/{app.cslug}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"
        elif kind == "phone" and "phone" in app.contact:
            r["where"] = app.contact["phone"]
        elif kind == "other" and rng.random() < 0.5:
            r["where"] = "Take-home exercise, review call"
        tl = wchoice(rng, [("dur", 0.55), ("date", 0.2), (None, 0.25)])
        if tl == "dur":
            r["timeline"] = rng.choice(DURATION_TIMELINES)
        elif tl == "date":
            r["timeline"] = at.date() + DAY * rng.randint(5, 21)
        if rng.random() < 0.75:
            r["learned"] = rng.choice(LEARNED)
        n = (1 if kind == "phone" else
             wchoice(rng, [(1, 0.25), (2, 0.35), (3, 0.25), (4, 0.15)]))
        ivs = []
        seen = set()
        if k == 1 and rng.random() < 0.5:
            ivs.append({k2: v for k2, v in app.contact.items() if k2 != "phone"})
            seen.add(app.contact["name"])
        while len(ivs) < n:
            p = person(rng, app.cslug)
            if p["name"] in seen:
                continue
            seen.add(p["name"])
            ivs.append(p)
        last_thanked = None
        rday = at.date()
        for iv in ivs:
            if upcoming:
                continue
            if app.tidy or rng.random() < 0.92:
                th = rday + DAY * wchoice(rng, [(0, 0.55), (1, 0.35), (2, 0.07), (3, 0.03)])
                if app.tidy or th <= limit:
                    iv["thanked"] = th
                    last_thanked = max(last_thanked or th, th)
                    by = wchoice(rng, [(None, 0.8), ("email", 0.1), ("letter", 0.07), ("phone", 0.03)])
                    if by:
                        iv["by"] = by
            elif rng.random() < 0.3:
                iv["by"] = "letter"  # intends to mail it, not done yet
        r["interviewers"] = ivs
        r["_last_thanked"] = last_thanked
        app.rounds.append(r)
        return r

    # -- body ---------------------------------------------------------------
    def body(self, app):
        rng = self.rng
        target = rng.randint(300, 2000)
        fm = app.fm
        who = [iv["name"] for r in app.rounds for iv in r["interviewers"]]
        parts = []
        parts.append(f"## Notes on {fm['company']}\n\n"
                     f"Applied for *{fm['role']}* "
                     + (f"via [the posting]({fm['posting']})" if "posting" in fm else "through a referral")
                     + f". Contact: **{app.contact['name']}** ({app.contact_role}).\n")
        pool = [
            lambda: ("### What they do\n\n"
                     f"They build things for {rng.choice(['hospitals', 'city planners', 'small cafés', 'logistics firms', 'museums'])}; "
                     f"the team is about {rng.randint(4, 60)} people and ships "
                     f"{rng.choice(['weekly', 'every sprint', 'twice a month'])}. "
                     f"Stack mentioned: `{rng.choice(['go test ./...', 'kubectl rollout', 'SELECT * FROM orders', 'npm run build', 'make deploy'])}`.\n"),
            lambda: ("### Questions to ask next time\n\n"
                     + "".join(f"- {q}\n" for q in rng.sample([
                         "What does success look like after 90 days?",
                         "How is on-call shared?",
                         "Who reviews design decisions?",
                         "What is the *actual* timeline for a decision?",
                         "How do they support remote work across time zones?",
                         "Is there a budget for conferences?",
                         "What happened to the last person in this role?",
                     ], rng.randint(2, 4)))),
            lambda: ("### Impressions\n\n"
                     + ("No interviews yet; the posting reads well and the team page looks friendly 🙂\n"
                        if not who else f"Talked with {', '.join(who[:3])}. " + rng.choice([
                         "Friendly panel, **very** detail-oriented.",
                         "The office smelled of fresh coffee ☕ and sawdust.",
                         "Felt rushed; the second interviewer was late.",
                         "Great energy — they laughed at my joke about YAML.",
                         "Très sympathique, but the commute would be long.",
                         "面接はとても良かった (the interview went well).",
                     ]) + "\n")),
            lambda: ("### Prep checklist\n\n"
                     + "".join(f"{i + 1}. {s}\n" for i, s in enumerate(rng.sample([
                         "Re-read the posting and my cover letter",
                         "Print two copies of the portfolio",
                         "Prepare the STAR story about the migration",
                         "Look up the interviewers on the company site",
                         "Test the camera and the microphone 🎧",
                         "Bring questions about the team's roadmap",
                     ], 3)))),
            lambda: ("### Compensation notes\n\n"
                     "| Item | Posted | Heard |\n|---|---|---|\n"
                     f"| Base | ${rng.randint(60, 180)}k | ${rng.randint(60, 190)}k |\n"
                     f"| Bonus | {rng.randint(0, 15)}% | — |\n"
                     f"| Remote | {rng.choice(['yes', 'hybrid', 'no'])} | {rng.choice(['2 days', 'flexible', 'unclear'])} |\n"),
            lambda: ("> " + rng.choice([
                "Send each of those people a thank-you note.",
                "If they said two weeks, wait two weeks.",
                "Always be professional!",
                "Don't burn bridges — recruiters have long memories.",
            ]) + "\n"),
            lambda: (f"Links: [company site](https://{app.cslug}.example/), "
                     f"[Glassdoor-style reviews](https://reviews.example/{app.cslug}), "
                     f"and the [team blog](https://{app.cslug}.example/blog/{rng.randint(1, 300)}).\n"),
            lambda: (f"Remember to mention {rng.choice(LEARNED)} — it ties to my "
                     f"{rng.choice(['thesis', 'last job', 'side project', 'volunteer work'])}. "
                     "_Keep the note short_: four parts, thanks, the specific thing, status, offer to help.\n"),
        ]
        pool += [
            lambda: ("### Round notes\n\n"
                     + ("".join(f"- **Round {i + 1}** ({r['kind']}, {r['at']:%b %d}): "
                                f"{', '.join(iv['name'] for iv in r['interviewers'])}"
                                + (f"; they said *{r['timeline']}*" if r.get('timeline') else "")
                                + "\n" for i, r in enumerate(app.rounds))
                        if app.rounds else "- Nothing scheduled yet.\n")),
            lambda: ("### Why this role\n\n"
                     + " ".join(rng.sample([
                         "The work is close to what I did on the transit project.",
                         "They care about craft and about shipping; both matter to me.",
                         "The team is small enough that I would own real pieces.",
                         "I like that they publish their engineering handbook.",
                         "Commute is 25 minutes by bike — or remote two days a week.",
                         "The mission (clean energy for small towns) is one I can get behind.",
                         "Their design language is calm and legible; I want to learn from that.",
                         "Growth path to lead within two years, according to the recruiter.",
                     ], rng.randint(3, 6))) + "\n"),
            lambda: ("### Cover letter excerpt\n\n"
                     f"> Dear {app.contact['title']} {app.contact['name'].split()[-1]},\n>\n"
                     f"> I am writing to apply for the {fm['role']} position at {fm['company']}. "
                     "Over the last few years I have worked on projects where careful planning "
                     "and clear communication made the difference, and I would welcome the chance "
                     "to bring that to your team.\n"),
        ]
        order = list(range(len(pool)))
        rng.shuffle(order)
        if rng.random() > 0.15:  # the table is occasional
            order.remove(4)
        size = len(parts[0].encode())
        for i in order:
            chunk = pool[i]()
            n = len(chunk.encode()) + 1
            if size + n > 2000:
                continue
            if size >= target and size >= 300:
                break
            parts.append(chunk)
            size += n
        text = "\n".join(parts)
        while len(text.encode()) < 300:  # tiny targets: pad with a plain line
            text += "\nFollow up politely; keep the tone warm and short.\n"
        return text

    def place(self, app, folder):
        base = ascii_slug(app.fm["company"]) + "-" + ascii_slug(app.fm["role"])
        path = f"{folder}/{base}.md" if folder else f"{base}.md"
        n = 2
        while path in self.used_paths:
            path = f"{folder}/{base}-{n}.md" if folder else f"{base}-{n}.md"
            n += 1
        self.used_paths.add(path)
        app.path = path


# --------------------------------------------------------------------------
# corpus


def render(app):
    fm = {}
    for k in ("company", "role", "posting", "location", "applied"):
        if k in app.fm:
            fm[k] = app.fm[k]
    if app.tz:
        fm["tz"] = app.tz
    fm["contact"] = app.contact
    fm["rounds"] = [{k: v for k, v in r.items() if not k.startswith("_")} for r in app.rounds]
    fm["log"] = app.log
    lines = ["---"]
    emit_map(lines, fm, 0)
    lines.append("---")
    return "\n".join(lines) + "\n" + app.body


def plan_campaigns(rng, n, now):
    """[(start, end, count, active)], oldest first; the last one is active."""
    ncamp = 1 + min(7, n // 150)
    if ncamp == 1:
        return [(now - 150 * DAY, now, n, True)]
    active = max(1, int(n * 0.4))
    rest = n - active
    weights = [rng.uniform(0.7, 1.3) for _ in range(ncamp - 1)]
    counts = [int(rest * w / sum(weights)) for w in weights]
    counts[-1] += rest - sum(counts)
    end = now - 150 * DAY - DAY * rng.randint(200, 400)
    spans = []
    for c in reversed(counts):
        length = rng.randint(90, 200)
        spans.append((end - length * DAY, end, c, False))
        end = end - length * DAY - DAY * rng.randint(200, 500)
    camps = list(reversed(spans))
    camps.append((now - 150 * DAY, now, active, True))
    return camps


def generate(n, seed, now):
    rng = random.Random(seed)
    g = Gen(rng, now)
    apps = []
    floor = None  # a campaign starts well after the previous acceptance
    for (start, end, count, active) in plan_campaigns(rng, n, now):
        if count <= 0:
            continue
        if floor and start < floor:
            if active:
                start = floor
            else:
                start, end = floor, end + (floor - start)
        last_apply = end - DAY * (1 if active else 30)
        span = max(1, (last_apply - start).days)
        forced = None if active else rng.randrange(count)
        # The accepted application first: its offer fixes the campaign's end.
        order = ([forced] if forced is not None else []) + [i for i in range(count) if i != forced]
        cend = end
        made = {}
        for i in order:
            app = App()
            g.identity(app, rng.choice(FAMILIES), remote_bias=0.1)
            if i == forced:
                applied = start + DAY * rng.randint(0, max(0, span // 4))
                while app.offer_on is None:
                    app.rounds, app.log = [], []
                    g.simulate(app, applied, applied + 365 * DAY, allow_upcoming=False,
                               force_offer=True, tidy=True)
                cend = max(end, app.offer_on + DAY * rng.randint(2, 7))
                app.log.append({"on": cend, "outcome": "accepted"})
                app.open = False
                app.stage = "accepted"
            else:
                applied = start + DAY * rng.randint(0, span)
                # Past campaigns stop at the acceptance; the active one at now.
                g.simulate(app, applied, now if active else cend,
                           allow_upcoming=active, tidy=not active)
                if not active and app.open:
                    # Accepted elsewhere: withdraw from everything still open.
                    on = max(cend, app.log[-1]["on"] if app.log else applied)
                    app.log.append({"on": on, "outcome": "withdrawn"})
                    app.log.append({"on": on, "sent": "withdrawal"})
                    app.open = False
                    app.stage = "withdrawn"
            app.body = g.body(app)
            if active:
                folder = app.family if rng.random() < 0.85 else ""
            else:
                folder = f"archive/{applied.year}"
            g.place(app, folder)
            made[i] = app
        apps.extend(made[i] for i in range(count))
        floor = cend + 60 * DAY
    return apps


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--now", default="2026-11-21",
                    help="last day of the active search (default 2026-11-21)")
    ap.add_argument("--force", action="store_true",
                    help="replace DIR/content if it already has files")
    a = ap.parse_args(argv)
    if a.n < 0:
        ap.error("N must be >= 0")
    now = D.fromisoformat(a.now)
    content = os.path.join(a.dir, "content")
    if os.path.isdir(content) and any(os.scandir(content)):
        if not a.force:
            ap.error(f"{content} is not empty (use --force to replace it)")
        import shutil
        shutil.rmtree(content)
    os.makedirs(content, exist_ok=True)
    apps = generate(a.n, a.seed, now)
    total = 0
    stages = {}
    for app in apps:
        text = render(app)
        p = os.path.join(content, app.path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        data = text.encode("utf-8")
        with open(p, "wb") as f:
            f.write(data)
        total += len(data)
        stages[app.stage] = stages.get(app.stage, 0) + 1
    with open(os.path.join(a.dir, "followup.toml"), "w", encoding="utf-8") as f:
        f.write('# generated by bench/gencorpus.py\ntimezone = "America/New_York"\n')
    summary = ", ".join(f"{k} {stages[k]}" for k in sorted(stages))
    print(f"gencorpus: {len(apps)} files, {total} bytes in {content} (seed {a.seed}, now {now}); stages: {summary}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
