"""Spam signals in a reader comment, found by rule.

The spam head of the model learns the spam it has seen, and misses spam written in forms
it has not: a new wording of a money offer, a loan or crypto pitch, a giveaway, "check out
my channel", a shop link, "contact her on WhatsApp". This rule names those forms in English
comments, each with its span and the name of its pattern, so that a moderator sees why a
comment was held: money_offer ("I make $5,000 a week from home", "my aunt earns $80 an hour
online", "earn up to"), call_to_action ("click here", "sign up now", "visit <site>"),
self_promotion ("subscribe to my channel", "sub 4 sub", "follow me on Instagram"),
contact_off_site (a WhatsApp or Telegram number or handle, "DM me", an e-mail address, a phone
number, "message Coach Daniel now"), testimonial ("thanks to Dr. X I paid off my mortgage",
"Agent Sarah got my bitcoin back", "the herbalist who cured my herpes", "a hacker named Chris",
"spell caster"), loan_or_crypto ("bad credit OK", "Bitcoin made me $9,000", "profit of $2,000
in 7 days", "fast approval, low interest"), giveaway,
pharmacy, dating, seo and shop ("you have won", "no prescription needed", "lonely women near
you", "backlinks", "cheap Ray-Bans at <site>"); and link_drop, a link that is not to
reporting (news sites, government, articles, reports), marked "short link" or "referral
link" when it hides where it goes or pays the poster.

`looks_like_spam` reads them together: one strong signal is spam, a weak one needs a second
weak one or a link beside it, and a link alone is never spam (the policy's `max_links`
counts links). Of weak signals, a story for a person or service (`spam_testimonials.PITCHES`)
needs a way to reach them (`CONTACTS`) or a link, and two ways to reach someone (a help line and
its e-mail address) are no spam. Signals are disowned in a sentence that talks about scams or
spam (unless it says the funds came back or the hero is real: "I was scammed twice before Mrs
Sandra recovered my funds"), reports what someone else sent or was told ("I got a text saying
you've won", "the suspect told victims to contact him"), or quotes it.

It does not catch: spam in other languages; spam spelled to dodge filters ("b i t c o i n",
look-alike letters), but for WhatsApp and Telegram spelled out ("W.h.a.t.s.A.p.p",
`spam_lures`); a bare link, however spammy its site, and a link with only a few words of
praise ("great game, check it out"); promotion in none of the listed
forms ("Jenny's bakery on Main St has the best pies"); engagement bait that asks for nothing
off the site ("like this comment if you agree"); copy-paste floods and repeated comments
(the moderator sees those across a queue, not in one comment); spam whose only story shares a
sentence with talk of scams and says nothing came back ("after two fake lenders scammed me,
Mrs Joyce gave me a loan; email joyce@..."), which is read as talk about a scam; a
testimonial that gives no contact, or whose contact is no signal ("ask me anything"); and, in
a very long comment, whatever follows its first `MAX_TRIES` times `MAX_PIECES` places tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from moderation.decide.reading import inside_quotes, phrase_start, piece_end, straight_apostrophes
from moderation.decide.spam_patterns import (
    BARE_TLD, LINK, LINKED, MARKS, NEWS_SITES, NOT_SCAM, PATH_TLD, REFERRAL, REPORTED, REPORTING_HOST, REPORTING_PATH, SCAM_TALK,
    SHORTENERS, STRONG, WEAK, SpamRule,
)
from moderation.decide.spam_patterns import RULES as PHRASE_RULES
from moderation.decide.spam_lures import LURE_RULES, OFFERED
from moderation.decide.spam_testimonials import CONTACTS, FULL_STOP, NAMED_CONTACTS, PITCHES, RESCUED, TESTIMONIAL_RULES, TOLD

RULES = [*PHRASE_RULES, *TESTIMONIAL_RULES, *LURE_RULES]

MAX_SIGNALS = 40
"""How many signals (and links) one comment reports at most: past a few, more say nothing new."""
PIECE = 4000
"""How many characters of a comment are read at once, at most; nearly every comment is
read whole."""
MAX_TRIES = 400
"""How many places in one piece are tried (a rule's anchor standing there): a piece
repeating "subscribe" a thousand times costs no more than one repeating it 400 times."""
MAX_PIECES = 10
"""How many pieces' worth of tries a long comment gets: a megabyte of "subscribe loan
bitcoin" costs no more than a few pages of it."""
LOOK_AROUND = 200
"""How far (in characters) a signal's sentence is looked for on either side."""


@dataclass(frozen=True)
class SpamSignal:
    """A spam signal in a comment: its kind ("money_offer", "self_promotion", ...), its
    span in the original text, and the name of the pattern that found it, for the moderator."""

    kind: str
    start: int
    end: int
    text: str
    pattern: str


def find_spam_signals(text: str) -> list[SpamSignal]:
    """Every spam signal in `text`, links included, in order, none overlapping another of
    its kind. A rule is tried only where one of its words stands, and a long text is read
    a piece of a few sentences at a time, as `threats.find_threats` does."""
    return _signals(text, links=True)


def looks_like_spam(text: str) -> SpamSignal | None:
    """The strongest signal when the comment, as a whole, reads as spam (one decisive
    signal, or two weaker ones together, or a weak one plus a link), else None.

    Any one weak signal is common in honest comments ("click here", "free shipping", "my
    channel"); spam puts two together, or one beside the site it sends readers to."""
    return spam_verdict(_signals(text, links=False))


def spam_verdict(signals: list[SpamSignal]) -> SpamSignal | None:
    """What `looks_like_spam` says of signals already found: the first strong one; else the
    first weak one, when a link stands beside it or a second weak one (other words) that it
    pairs with: a story for a person or service (`PITCHES`) pairs only with a way to reach
    them (`CONTACTS`, `NAMED_CONTACTS`), and two of `CONTACTS` do not pair."""
    weak: list[SpamSignal] = []
    links = 0
    contacts = [(signal.start, signal.end) for signal in signals if signal.pattern in CONTACTS]
    for signal in signals:
        rank = strength(signal)
        if rank == STRONG:
            return signal
        if rank == WEAK:
            weak.append(signal)
        elif signal.kind == "link_drop" and not any(start <= signal.start < end for start, end in contacts):
            links += 1  # "kate at gmail dot com" is an address to write to, not an address and a link
    if not weak or links:
        return weak[0] if weak else None
    pitch, contact, other = set(), set(), set()  # a named contact is both a contact and another signal
    for signal in weak:
        text = signal.text.lower()
        if signal.pattern in PITCHES:
            pitch.add(text)
        if signal.pattern in CONTACTS or signal.pattern in NAMED_CONTACTS:
            contact.add(text)
        if not (signal.pattern in PITCHES or signal.pattern in CONTACTS):
            other.add(text)
    if (pitch and contact) or len(other) >= 2 or (other and contact - other):
        return weak[0]
    return None


def strength(signal: SpamSignal) -> int:
    """How much a signal says alone: `STRONG` (spam), `WEAK` (spam with another) or `LINK`
    (any link, short or referral links too: a link is never spam alone)."""
    return LINK if signal.kind == "link_drop" else _STRENGTHS.get(signal.pattern, WEAK)


def compile_all() -> None:
    """Compile every rule now, for a service whose first comments must not wait on it."""
    for anchor in _indexed().anchors:
        _anchor_rules(anchor)


_STRENGTHS = {spam_rule.name: spam_rule.strength for spam_rule in RULES}


def _signals(text: str, links: bool) -> list[SpamSignal]:
    """`find_spam_signals`, with the links of a short comment left out (`links` false) when
    no weak signal is found beside them, as they then change no verdict."""
    if len(text) <= PIECE:
        found = _found_in(text, MAX_TRIES, links)[0]
        return _apart(found)[:MAX_SIGNALS] if found else found
    found = []
    tries = start = 0
    while start < len(text) and len(found) < MAX_SIGNALS and tries < MAX_TRIES * MAX_PIECES:
        end = piece_end(text, start, PIECE)
        piece, tried = _found_in(text[start:end], MAX_TRIES, True)  # a link may stand in another piece than its offer
        found.extend(replace(signal, start=signal.start + start, end=signal.end + start) for signal in piece)
        tries += max(tried, 1)
        start = end
    return _apart(found)[:MAX_SIGNALS]


_SYMBOLS = re.compile("[^\\w\t\n\r \x21-\x7e\u00a3\u20ac\u201c\u201d\u2192\u2026]")
"""Characters outside words and punctuation (emoji, pictures drawn in box characters, odd
spaces, invisible characters) that may stick to a word ("🚨🚨SUBSCRIBE", "Subscribe\u00a0")."""
_PUNCTUATION = b".,!?;:()[]{}<>\"'/\\#*=|~^`"
_APART = bytes.maketrans(_PUNCTUATION, b" " * len(_PUNCTUATION))
"""What stands between words when a comment is split into them: full stops and slashes too,
so that "zonepa.com" holds the word "com" and "like/subscribe" the word "subscribe"."""


def _folded(text: str) -> str:
    """`text` in lower case with every apostrophe as "'" and every symbol as a space,
    character for character, so that spans in it are spans in `text` ("İ", whose lower
    case is two characters, is read as "i")."""
    if not text.isascii():
        text = _SYMBOLS.sub(" ", straight_apostrophes(text))
    return text.lower()


def _spaced(pattern: str) -> str:
    """`pattern` with each space as one to three white-space characters ("?" after it: up to three)."""
    return pattern.replace(" ?", r"\s{0,3}").replace(" ", r"\s{1,3}")


_Compiled = tuple[SpamRule, re.Pattern[str], "re.Pattern[str] | None", tuple[frozenset[str], ...]]
_Entry = tuple[SpamRule, tuple[frozenset[str], ...]]
_Link = tuple[int, int, "str | None"]
_LINK_WORDS = frozenset(["www", "w", *BARE_TLD[3:-1].split("|")])  # words of a comment that holds a link (after split)
_MARK_OF = {mark.encode()[-1]: mark for mark in (*MARKS, "/")}  # each mark's last byte ("ã" ends as "£" does: a rule tried in vain)
_NOT_MARKS = bytes(byte for byte in range(256) if byte not in _MARK_OF)


class _Tables(NamedTuple):
    """The words rules start at or need (encoded, as split); the anchors; for each, the words
    one of which must stand for its rules to be tried (or None), and its rules with theirs."""

    by_word: dict[bytes, str]
    words: frozenset[bytes]
    anchors: frozenset[str]
    by_anchor: dict[str, tuple[frozenset[str] | None, list[_Entry]]]


@lru_cache(maxsize=1)
def _indexed() -> _Tables:
    """The rules indexed by the words they start at and need. Built on first use."""
    by_word: dict[bytes, str] = {}
    by_anchor: dict[str, list[_Entry]] = {}
    for spam_rule in RULES:
        needs = tuple(map(frozenset, spam_rule.needs))
        for anchor in spam_rule.anchors:
            by_anchor.setdefault(anchor, []).append((spam_rule, needs))
        for word in (*spam_rule.anchors, *(word for group in spam_rule.needs for word in group), *_LINK_WORDS):
            if word not in MARKS and word != LINKED:
                by_word[word.encode()] = word
    gated = {anchor: (None if any(not needs for _, needs in rules) else frozenset().union(*(needs[0] for _, needs in rules)), rules)
             for anchor, rules in by_anchor.items()}  # fmt: skip
    return _Tables(by_word, frozenset(by_word), frozenset(by_anchor), gated)


@lru_cache(maxsize=None)
def _anchor_rules(anchor: str) -> list[_Compiled]:
    """An anchor's rules compiled, when a comment first holds the word: compiling every
    rule up front took 0.08 s of every `score` or `check` process (see `compile_all`)."""
    return [(spam_rule, _regex(spam_rule.pattern), _regex(spam_rule.before) if spam_rule.before else None, needs)
            for spam_rule, needs in _indexed().by_anchor[anchor][1]]  # fmt: skip


@lru_cache(maxsize=None)
def _regex(pattern: str) -> re.Pattern[str]:
    """A rule's pattern compiled once, though the rule starts at several anchors."""
    return re.compile(_spaced(pattern))


def _found_in(text: str, tries: int, links_wanted: bool) -> tuple[list[SpamSignal], int]:
    """The signals in a piece of text, in no particular order, trying at most `tries`
    places; and how many it tried. Its links are looked for only when they are wanted, a
    weak signal is found, or a rule needs a link after its match."""
    tables = _indexed()
    lowered = _folded(text)
    by_word = tables.by_word
    encoded = lowered.encode()
    present = {by_word[word] for word in tables.words.intersection(encoded.translate(_APART).split())}
    marks = encoded.translate(None, _NOT_MARKS)
    if marks:
        present.update(_MARK_OF[byte] for byte in set(marks))
    found: list[SpamSignal] = []
    links: list[_Link] | None = None  # looked for when first needed
    if not _LINK_WORDS.isdisjoint(present) or ("/" in present and ("://" in lowered or _DOT_TLD.search(lowered) is not None)):
        present.add(LINKED)
    else:
        links = []
    tried = 0
    for anchor in sorted(present.intersection(tables.anchors)):  # in one order, whatever the hash seed: two rules can name one span
        gate, _entries = tables.by_anchor[anchor]
        if gate is not None and present.isdisjoint(gate):
            continue
        rules = []
        for entry in _anchor_rules(anchor):
            for group in entry[3]:
                if present.isdisjoint(group):
                    break
            else:
                rules.append(entry)
        size = len(anchor)
        word = anchor not in MARKS
        position = lowered.find(anchor) if rules else -1
        while position >= 0 and tried < tries:
            # Only where the anchor is a word of its own: "loan" in "loaned" is none, "sub" in "sub4sub" is.
            if not word or ((position == 0 or not lowered[position - 1].isalnum())
                            and not lowered[position + size : position + size + 1].isalpha()):  # fmt: skip
                tried += 1
                for spam_rule, pattern, before, _ in rules:
                    match = pattern.match(lowered, position)
                    if match is None:
                        continue
                    if spam_rule.site and links is None:
                        links = _links(lowered)
                    signal = _tried(text, lowered, spam_rule, before, position, match.end(), links or [])
                    if signal is not None:
                        found.append(signal)
            position = lowered.find(anchor, position + size)
    if links is None and (links_wanted or any(_STRENGTHS[signal.pattern] == WEAK for signal in found)):
        links = _links(lowered)
    found.extend(SpamSignal("link_drop", start, end, text[start:end], name) for start, end, name in links or () if name)
    return found, tried


def _tried(text: str, lowered: str, spam_rule: SpamRule, before: re.Pattern[str] | None, position: int, end: int,
           links: list[_Link]) -> SpamSignal | None:  # fmt: skip
    """The signal `spam_rule` finds from its anchor at `position` to `end`, if what must come
    before the anchor does, the link it needs follows, and its sentence does not disown it."""
    start = phrase_start(lowered, before, position)
    if start is None:
        return None
    while before is not None and start < position and not lowered[start].isalnum():  # what stands before starts at a word
        start += 1
    if spam_rule.site and not any(end <= link_start <= end + 3 and name for link_start, _, name in links):
        return None
    if spam_rule.kind != "self_promotion" and _disowned(lowered, start, end):
        return None
    end = start + len(lowered[start:end].rstrip(" :,-"))
    return SpamSignal(spam_rule.kind, start, end, text[start:end], spam_rule.name)


_URL = re.compile(r"(?:https?://|ht tp://|www\.\s?|w ?w ?w ?(?:\. ?|dot ))[^\s<>\"']{2,300}")  # "www. x", "w w w . x", "www dot x"
_WATCH = re.compile(r"/watch\?v=[\w-]{1,20}")
SPELLED_TLD = "com|net|org|example|test"
"""Top-level domains that spam spells out ("cashnow dot com") or writes after a spaced dot."""
_DOT_TLD = re.compile(rf"\.\s{{0,2}}(?:{BARE_TLD}\b|{PATH_TLD}/)| dot (?:{SPELLED_TLD})\b")
_SPELLED_TLD = tuple(SPELLED_TLD.split("|"))
_PATH = re.compile(r"[^\s<>\"']{0,300}")
_NAME = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-.")
_TRIM = ".,;:!?)]}\"'"
_SCHEME = re.compile(r"^(?:https?://|ht tp://)?(?:www\.\s?)?")
_REPORTING_PATH = re.compile(REPORTING_PATH)
_REPORTING_HOST = re.compile(REPORTING_HOST)
_REFERRAL = re.compile(REFERRAL)


def _links(lowered: str) -> list[_Link]:
    """Every link in `lowered` ("https://...", "www.", "name.com", "name . com", "name dot
    com", "/watch?v="), in text order, with what `_link_pattern` makes of it."""
    spans: list[tuple[int, int]] = []
    for marker, pattern in (("http", _URL), ("ht tp", _URL), ("www.", _URL), ("www ", _URL), ("w w w", _URL), ("/watch?v=", _WATCH)):
        position = lowered.find(marker)
        while position >= 0 and len(spans) < MAX_SIGNALS:
            match = pattern.match(lowered, position)
            end = position + len(marker)
            if match is not None and not any(start <= position < stop for start, stop in spans):
                end = position + len(match.group().rstrip(_TRIM))
                spans.append((position, end))
            position = lowered.find(marker, end)
    for count, match in enumerate(_DOT_TLD.finditer(lowered)):
        start = _name_start(lowered, match)
        if len(spans) >= MAX_SIGNALS or count >= MAX_TRIES:
            break
        if start is not None and not any(begin <= start < stop for begin, stop in spans):
            path = _PATH.match(lowered, match.end()).end() if "/" in lowered[match.end() - 1 : match.end() + 1] else match.end()
            spans.append((start, start + len(lowered[start:path].rstrip(_TRIM))))
    return [(start, end, _link_pattern(lowered[start:end])) for start, end in sorted(spans)]


def _name_start(lowered: str, dot: re.Match[str]) -> int | None:
    """Where the name before a top-level domain ("zonepa" before ".com", " . com" or " dot
    com") starts; None when there is none, it belongs to an e-mail address or a path, or a
    spaced dot ends anything but a domain often spelled out (`SPELLED_TLD`: " . in" ends a
    sentence)."""
    end = dot.start()
    spaced = not dot.group().startswith(".") or dot.group()[1:2].isspace() or lowered[end - 1 : end].isspace()
    if spaced and not dot.group().rstrip("/").endswith(_SPELLED_TLD):
        return None
    end = len(lowered[:end].rstrip()) if spaced else end
    start = end
    while start > 0 and end - start < 80 and lowered[start - 1] in _NAME:
        start -= 1
    while start < end and not lowered[start].isalnum():
        start += 1
    return None if start >= end or (start > 0 and lowered[start - 1] in "@/") else start


def _link_pattern(link: str) -> str | None:
    """What a link is: None when it points to reporting (a news site, a government or
    university site, a page whose path reads like an article or report), "short link" when
    a shortener hides where it goes, "referral link" when it pays the poster, else "link"."""
    rest = _SCHEME.sub("", link, count=1).replace(" dot ", ".").replace(" ", "")
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].strip(".:,;)")
    labels = host.split(".")
    if any(label in NEWS_SITES for label in labels[:-1]) or _REPORTING_HOST.search(host):
        return None
    if _REPORTING_PATH.search(rest[len(host) :]):
        return None
    if host in SHORTENERS:
        return "short link"
    if _REFERRAL.search(rest):
        return "referral link"
    return "link"


_SENTENCE_END = re.compile(rf"(?:[!?\n]|{FULL_STOP})(?=\s|$)")
_SCAM_TALK = re.compile(SCAM_TALK)
_NOT_SCAM = re.compile(f"{NOT_SCAM}|{RESCUED}|{OFFERED}")
_REPORTED = re.compile(f"{REPORTED}|{TOLD}")
_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _disowned(text: str, start: int, end: int) -> bool:
    """Whether the sentence of a match disowns it: it talks about scams or spam (without
    denying being one: "not a scam", "legit"), reports what someone else sent or said before
    the match, or quotes the match. Self-promotion is never asked: a plea to check out a
    channel is one even when it apologises for the spam."""
    floor = max(0, start - LOOK_AROUND)
    sentence = max((m.end() for m in _SENTENCE_END.finditer(text, floor, start)), default=floor)
    after = _SENTENCE_END.search(text, end, end + LOOK_AROUND)
    stop = after.end() if after is not None else min(len(text), end + LOOK_AROUND)
    if _SCAM_TALK.search(text, sentence, stop) is not None and _NOT_SCAM.search(text, sentence, stop) is None:
        return True
    return _REPORTED.search(text, sentence, start) is not None or _quoted(text, sentence, start)


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether `start` to `end` stands inside quotation marks (a colon may open them; a
    mark before anything but a letter or digit may close them)."""
    return inside_quotes(text, start, end, _QUOTES, opens_after="([:", closes_before=None)


def _apart(found: list[SpamSignal]) -> list[SpamSignal]:
    """The signals in text order, a signal that overlaps a stronger (or earlier, or longer)
    one of the same kind left out."""
    if len(found) < 2:
        return found
    kept: list[SpamSignal] = []
    for signal in sorted(found, key=lambda s: (-strength(s), s.start, -s.end)):
        if not any(other.kind == signal.kind and other.start < signal.end and signal.start < other.end for other in kept):
            kept.append(signal)
    return sorted(kept, key=lambda s: (s.start, s.end))
