"""One event per real event: mentions of the same happening (headline, lead, body) are merged.

Weak mentions (a goal noun such as استعادة السيطرة، a toll without a number in a hypothetical clause,
a running total) join an event they fit but never make one. Mentions in one clause of a sentence (clauses split at فيما، بينما) with the same type merge unless
their places or death tolls differ.
Across sentences two mentions merge when nothing conflicts (actors, targets, place, death toll,
means, status) and enough agrees: a shared actor (2), a shared place (2), the same death toll (2),
a shared target (1), both speaking of deaths (1), neighbouring sentences (1); a score of 2 or more.
A lead that sums several attacks (هجمات، غارات) told one by one below adds its evidence to each of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from khabar.document import EventDate, Span

# Modes from generic to specific; a merged event keeps the most specific one.
MODE_ORDER: tuple[str, ...] = (
    "armed_clash", "destroy", "raid", "firearms", "assassination", "execution", "explosives", "ied",
    "grenade", "missile", "shelling", "aerial", "suicide",
)
COMPATIBLE_MODES: tuple[frozenset[str], ...] = (
    frozenset({"explosives", "suicide", "ied", "grenade"}),
    frozenset({"execution", "firearms", "assassination"}),
    frozenset({"shelling", "missile", "aerial"}),
    frozenset({"retake", "armed_clash", "seize"}),
)
STATUS_RANK = {"happened": 5, "claimed": 4, "planned": 3, "threatened": 2, "hypothetical": 1, "denied": 0}


@dataclass
class Candidate:
    type: str
    mode: str | None
    status: str
    trigger: Span
    sentence: int
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    location: str | None = None
    date: EventDate | None = None
    fatalities: int | None = None
    fatal: bool = False
    reported_by: str | None = None
    civilians: bool = False
    target_text: str | None = None
    evidence: list[Span] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
    confidence: float = 0.6
    definite: bool = False  # the trigger is a definite noun (ال + noun)
    place: Place | None = None  # the location's coordinates and level, when known
    weak: bool = False  # a mention that only adds evidence to an event, never one of its own
    described: set[str] = field(default_factory=set)  # descriptive arguments (ثلاثة أشخاص): no conflict
    fresh: bool = False  # its sentence opens a new topic (من جهة أخرى، وفي مأرب،): no retelling of the last event
    clause: int = 0  # index of the trigger's clause in its sentence (a new one after فيما، بينما)
    clauses: set[tuple[int, int]] = field(default_factory=set)  # (sentence, clause) of every mention
    summary: bool = False  # a lead mention summing several attacks (قتل 30 في هجمات على ثلاث قرى)
    distinct: bool = False  # "هجوما مماثلا"، "غارة مشابهة": another happening, never a retelling of one before


@dataclass(frozen=True, slots=True)
class Place:
    lat: float
    lon: float
    country: str | None
    feature: str | None

    @property
    def broad(self) -> bool:
        """A country, governorate or region: it contains the towns named in it."""
        return self.feature in BROAD_FEATURES


BROAD_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "RGN"})
NEAR_KM = 60.0


def _km(a: Place, b: Place) -> float:
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def places_ok(a: Candidate, b: Candidate) -> bool:
    """Two places of one event: the same, nested (دار سعد in عدن, a town in its country) or near."""
    if a.location is None or b.location is None or a.location == b.location:
        return True
    if a.place is None or b.place is None:
        return False
    if (a.place.broad or b.place.broad) and a.place.country == b.place.country:
        return True
    return _km(a.place, b.place) <= NEAR_KM


def _modes_ok(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return any(a in group and b in group for group in COMPATIBLE_MODES)


TERRITORIAL = frozenset({"retake", "seize"})


def _dates_ok(a: EventDate | None, b: EventDate | None) -> bool:
    """Two dates of one event cannot fall in different years, nor in different months when one names its month."""
    if a is None or b is None or not a.value or not b.value:
        return True
    if a.value[:4] != b.value[:4]:
        return False
    if "month" in (a.precision, b.precision) and "publication" not in (a.precision, b.precision) \
            and len(a.value) >= 7 and len(b.value) >= 7 and a.value[:7] != b.value[:7]:
        return False  # a month named in the text (هجوم أبريل الماضي) against another month: two happenings
    # two different days each stated in the text (6 April, 9 June): two happenings
    stated = a.precision == "day" and b.precision == "day" and _absolute(a.text) and _absolute(b.text)
    return not stated or a.value[:10] == b.value[:10]


def _absolute(text: str | None) -> bool:
    """A date written with its day number (6 أبريل، 2015/06/09), not a relative one (أمس الأول)."""
    return bool(text) and any(ch.isdigit() for ch in text or "")


def _status_ok(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"happened", "claimed"}


SAME_TOLL_MIN = 2


def _same_toll(a: Candidate, b: Candidate) -> bool:
    """The same death toll of two or more (298 قتيلا ... 298 شخصا قتلوا في الحادث): one happening told
    twice, even when a clause around one mention reads as a plan or a hypothesis."""
    return a.fatalities is not None and a.fatalities >= SAME_TOLL_MIN and a.fatalities == b.fatalities


def _conflict(a: list[str], b: list[str], described: set[str] | frozenset[str] = frozenset()) -> bool:
    """Both name parties and share none; descriptive ones (ثلاثة أشخاص، شاب) never conflict."""
    named_a, named_b = set(a) - described, set(b) - described
    return bool(named_a) and bool(named_b) and not named_a & named_b


def _clauses(candidate: Candidate) -> set[tuple[int, int]]:
    return candidate.clauses or {(candidate.sentence, candidate.clause)}


def _same_clause(event: Candidate, other: Candidate) -> bool:
    """Mentions in one clause of one sentence ("..., فيما قتل 9 في هجوم ..." has two clauses)."""
    return bool(_clauses(event) & _clauses(other))


def score(event: Candidate, other: Candidate, anaphor: bool = False) -> int | None:
    """How well ``other`` fits ``event`` (None: they cannot be the same event).

    ``anaphor``: ``other`` refers back (الهجوم، هجومهم، الانفجار): other actors or targets named
    around it (the victims, the speaker's side) do not make it a second event.
    """
    if event.type != other.type or not (_status_ok(event.status, other.status) or _same_toll(event, other)):
        return None
    if not places_ok(event, other) and not (anaphor and (event.place is None or other.place is None)):
        return None  # an anaphor's place without coordinates (a market, a suburb) does not conflict
    if event.fatalities is not None and other.fatalities is not None and event.fatalities != other.fatalities \
            and not (anaphor and other.fatalities < event.fatalities and other.reported_by == event.reported_by):
        return None  # "أصيب في الانفجار وقتل ابنه وثلاثة من أقاربه": an anaphor may tell part of the toll
    if (event.mode in TERRITORIAL) != (other.mode in TERRITORIAL) or not _dates_ok(event.date, other.date):
        return None
    if _same_clause(event, other):
        return 10
    if not anaphor and not _modes_ok(event.mode, other.mode):
        return None
    described = event.described | other.described
    if not anaphor and (_conflict(event.actors, other.actors, described)
                        or _conflict(event.targets, other.targets, described)):
        return None
    value = 0
    value += 2 if set(event.actors) & set(other.actors) else 0
    value += 2 if event.location and event.location == other.location else 0
    value += 2 if event.fatalities is not None and event.fatalities == other.fatalities else 0
    value += 1 if set(event.targets) & set(other.targets) else 0
    value += 1 if event.fatal and other.fatal else 0
    value += 1 if min(abs(s - other.sentence) for s in event.sentences) <= 1 else 0
    value += 1 if event.mode and event.mode == other.mode else 0
    value += 1 if other.definite else 0  # الهجوم، التفجير: a definite event noun refers back
    return value


def _specific(a: str | None, b: str | None) -> str | None:
    if a is None:
        return b
    if b is None:
        return a
    rank = {m: i for i, m in enumerate(MODE_ORDER)}
    return a if rank.get(a, -1) >= rank.get(b, -1) else b


def absorb(event: Candidate, other: Candidate) -> None:
    event.mode = _specific(event.mode, other.mode)
    if STATUS_RANK[other.status] > STATUS_RANK[event.status]:
        event.status = other.status
        event.reported_by = other.reported_by
    elif event.reported_by is None:
        event.reported_by = other.reported_by
    for name in ("actors", "targets"):
        values = getattr(event, name)
        values.extend(v for v in getattr(other, name) if v not in values)
    if event.location is None or (event.place is not None and event.place.broad and other.place is not None
                                  and not other.place.broad):
        event.location, event.place = other.location or event.location, other.place or event.place
    if event.date is None or (event.date.precision == "publication" and other.date is not None
                              and other.date.precision != "publication"):
        event.date = other.date
    event.fatalities = event.fatalities if event.fatalities is not None else other.fatalities
    event.fatal = event.fatal or other.fatal
    event.civilians = event.civilians or other.civilians
    event.target_text = event.target_text or other.target_text
    event.weak = event.weak and other.weak
    event.summary = event.summary and other.summary
    event.evidence.extend(other.evidence)
    event.sentences |= other.sentences
    event.clauses = _clauses(event) | _clauses(other)
    event.described |= other.described
    event.confidence = min(0.95, max(event.confidence, other.confidence) + 0.1)


# Plural attack nouns that sum several happenings in a lead (قتل 30 في هجمات نفذتها ... داخل ثلاث قرى).
SUMMARY_FORMS = frozenset(("هجمات", "غارات", "تفجيرات", "اعتداءات"))  # normalize_key forms
LEAD_SENTENCES = 2


def mark_summaries(candidates: list[Candidate]) -> None:
    """Mentions in a clause of the first two sentences that holds a plural attack noun sum several attacks."""
    plural = {(c.sentence, c.clause, c.type) for c in candidates
              if c.sentence < LEAD_SENTENCES and c.summary}
    for c in candidates:
        if (c.sentence, c.clause, c.type) in plural:
            c.summary = True


def protest_clashes(candidates: list[Candidate]) -> None:
    """Clashes told in a sentence about a protest (اشتبك محتجون مع ...، مسيرات ... ووقعت اشتباكات) are the
    protest's, not an armed assault (gold convention: صدامات of demonstrators are PROTEST); a sentence
    telling of deaths keeps its clashes an assault."""
    protest = {c.sentence for c in candidates if c.type == "PROTEST"}
    protest -= {c.sentence for c in candidates if c.type == "ASSAULT" and (c.fatal or c.fatalities)}
    for c in candidates:
        if c.type == "ASSAULT" and c.mode == "armed_clash" and c.sentence in protest:
            c.type, c.mode = "PROTEST", None


FRESH_THRESHOLD = 3  # a mention after a turn of topic joins an earlier event only on strong agreement


def merge_candidates(candidates: list[Candidate], threshold: int = 1) -> list[Candidate]:
    """Merge within each clause of a sentence first, then the sentence-level events across the article."""
    by_sentence: list[Candidate] = []
    for candidate in candidates:
        hosts = [e for e in by_sentence if _same_clause(e, candidate) and score(e, candidate) is not None]
        # the nearest mention in the sentence: "مصرعهم بقصف ... فيما قتل 9 في هجوم": هجوم goes with قتل
        host = min(hosts, key=lambda e: abs(e.trigger.start - candidate.trigger.start), default=None)
        if host is None:
            by_sentence.append(candidate)
        else:
            absorb(host, candidate)
    return _merge_across(by_sentence, threshold)


def _merge_across(candidates: list[Candidate], threshold: int) -> list[Candidate]:
    merged: list[Candidate] = []
    for candidate in candidates:
        if candidate.distinct and not candidate.weak:
            merged.append(candidate)  # a similar attack: its own event (later mentions may join it)
            continue
        best, best_score = None, threshold - 1
        floor = max(best_score, FRESH_THRESHOLD - 1) if candidate.fresh else best_score
        for event in merged:
            if event.weak and not candidate.weak:
                continue  # a weak mention never hosts a real one (it only adds evidence to events)
            value = score(event, candidate)
            if value is not None and value > floor:
                best, floor = event, value
        if best is None and candidate.location is None and candidate.fatalities is None and not candidate.fresh:
            # nothing of its own to tell it apart (no place, no toll): a retelling of an event before
            fitting = [e for e in merged if not e.weak and score(e, candidate) is not None]
            best = fitting[-1] if fitting else None
        if best is None and candidate.definite:
            # a definite or possessed event noun refers back to the latest fitting event before it
            fitting = [e for e in merged if not e.weak and score(e, candidate, anaphor=True) is not None]
            best = fitting[-1] if fitting else None
        if best is None:
            merged.append(candidate)
        else:
            absorb(best, candidate)
    return _spread_summaries([event for event in merged if not event.weak])


SUMMARY_MIN_INCIDENTS = 2


def _spread_summaries(events: list[Candidate]) -> list[Candidate]:
    """A lead that sums several attacks told one by one below is no event of its own: its mention is one
    more piece of evidence of every incident it sums (the gold gives the lead trigger to each)."""
    out: list[Candidate] = []
    for event in events:
        if event.summary:
            last = max(event.sentences)
            incidents = [e for e in events if e is not event and not e.summary and e.type == event.type
                         and min(e.sentences) > last and e.status in ("happened", "claimed")]
            if len(incidents) >= SUMMARY_MIN_INCIDENTS:
                for incident in incidents:
                    incident.evidence.extend(event.evidence)
                continue
        out.append(event)
    return out
