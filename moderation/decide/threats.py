"""Threats of violence and intimidation in a reader comment, found by rule.

The threat head of the model learns from few examples, and the threats it sees least are
the ones moderators fear most: the veiled ones, which name no act ("we know where you
live", "it would be a shame if something happened to your kids", "sleep well tonight").
This rule finds three kinds in English comments, each with its span and the name of the
pattern that matched, so that a moderator sees why a comment was held:

- direct: the writer, or people on the writer's side, will or want to hurt, kill, find,
  hunt, visit or ruin someone ("I'll find you", "some of us would love to beat him up",
  "someone should put a bullet in him", "traitors like her should be hanged"), or call on
  others to ("hang him from a tree", "let's burn their church down");
- conditional: a condition with a threat or a consequence after it ("if you publish my
  name, you'll regret it", "one more article like this and we'll pay you a visit",
  "stop writing or else");
- veiled: intimidation without a stated act (knowing where someone lives, works or
  parks, their children's school, "watch your back", "you have been warned", "your days
  are numbered", "accidents happen").

Phrase rules spell out each shape of sentence; where none matches, the cues of
`threat_cues` find a direct or conditional threat whose parts stand a few words apart (the
writer's will, an act of violence, a person: "I'll be waiting in the car park to smash
your skull in"), and send it through the same checks.

It does not catch what a comment says about threats: reporting or quoting them ("police
say the man threatened to kill her", "she received messages saying 'we know where you
live'"), condemning them, or denying them ("I would never hurt anyone"); figures of speech
with no person as the object ("this policy will kill the industry", "I could kill for a
coffee"); what a writer would do in a hypothetical ("if someone hurt my child I would kill
him"); competition ("we'll destroy them at the polls", "we're going to kill them tonight"
said of a game); self-harm; threats in other languages; threats spelled to dodge filters
other than by digits for letters ("k i l l"; "k1ll" is read as "kill"); and threats made
by a sentence's context alone ("I have a rifle. Nice house.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from moderation.decide.reading import inside_quotes, phrase_start, piece_end, straight_apostrophes
from moderation.decide.threat_patterns import CONDITION, CONDITION_AFTER, OR_BEFORE, RULES
from moderation.decide.threat_cue_words import ANCHORS as CUE_ANCHORS
from moderation.decide.threat_cues import cue_spans
from moderation.decide.threat_forms import FORMS
from moderation.decide.threat_registers import REGISTER_CONDITIONS, REGISTERS
from moderation.decide.threat_warnings import WARNING_CONDITIONS, WARNINGS
from moderation.decide.threat_words import TRAILING, Rule, phrase

MAX_THREATS = 50
"""How many threats one comment reports at most: a comment with that many is held whatever
the rest says."""
MAX_TRIES = 400
"""How many places in one comment are read in full (a rule's words matched there, what
stands before them and their sentence read) before the search stops: a comment repeating
a threat's words a million times costs no more than one repeating them a few hundred."""
LOOK_BACK = 240
"""How far back (in characters) the sentence of a match is looked for: a condition ("if you
ever write about my family again, ...") stands within it."""


@dataclass(frozen=True)
class Threat:
    """A threat found in a comment: its kind ("direct", "conditional" or "veiled"), its span
    in the original text, and the name of the pattern that found it, for the moderator."""

    kind: str
    start: int
    end: int
    text: str
    pattern: str


def find_threats(text: str) -> list[Threat]:
    """Every threat of violence or intimidation in `text`, in order, none overlapping.

    Most comments hold none of the words a rule starts at, and cost a split and a set
    look-up; a rule is tried only where one of its words stands. A long text is read a
    piece of a few sentences at a time, so that looking for each word costs no more in a
    book-length comment than in many short ones.
    """
    if len(text) <= PIECE:
        return _apart(_found_in(text, MAX_TRIES)[0])[:MAX_THREATS]
    found: list[Threat] = []
    tries = 0
    start = 0
    while start < len(text) and len(found) < MAX_THREATS and tries < MAX_TRIES:
        end = piece_end(text, start, PIECE)
        piece, tried = _found_in(text[start:end], MAX_TRIES - tries)
        found.extend(replace(threat, start=threat.start + start, end=threat.end + start) if start else threat for threat in piece)
        tries += tried
        start = end
    return _apart(found)[:MAX_THREATS]


PIECE = 4000
"""How many characters of a comment are read at once, at most; nearly every comment is
read whole."""


def _found_in(text: str, tries: int) -> tuple[list[Threat], int]:
    """The threats in a piece of text, in no particular order, checking at most `tries`
    places in full; and how many it checked."""
    by_form, anchors, _rules, words = _anchors()
    lowered = _unleet(text.lower())
    split = lowered.split()
    held = words.intersection(split)  # one pass over the comment's words for both kinds
    if not held:
        return [], 0
    present = held & anchors
    cued = _CUE_FORMS.keys() & held
    if not text.isascii():
        lowered = _unleet(_folded(text))
    found: list[Threat] = []
    tried = 0
    for anchor in sorted({by_form[form] for form in present}):  # one order whatever the hash seed: rules can share a span
        rules = _anchor_patterns(anchor)
        size = len(anchor)
        position = lowered.find(anchor)
        while position >= 0 and tried < tries:
            # Only where the anchor is a word of its own: "end" in "ending" or "spend" is none.
            alone = (position == 0 or not lowered[position - 1].isalnum()) and not lowered[position + size : position + size + 1].isalnum()
            matches = [(rule, match.end()) for rule, pattern in rules if (match := pattern.match(lowered, position))] if alone else None
            if matches:
                tried += 1
                for rule, end in matches:
                    threat = _tried(text, lowered, rule, _pattern(rule.before, before=True) if rule.before else None, position, end)
                    if threat is not None:
                        found.append(threat)
            position = lowered.find(anchor, position + size)
    if cued and tried < tries:  # the acts of `threat_cues`, a few words from a will and a person, where no phrase rule found one
        cues, cue_tries = cue_spans(lowered, sorted({_CUE_FORMS[form] for form in cued}), tries - tried, split)
        tried += cue_tries
        for cue in cues:
            threat = None if _overlaps(found, cue.start, cue.end) else _confirmed(text, lowered, CUE_RULES[cue.mode], cue.start, cue.end)
            if threat is not None:
                found.append(threat)
    return found, tried


def _overlaps(found: list[Threat], start: int, end: int) -> bool:
    """Whether `start` to `end` overlaps a threat already found (a phrase rule names it)."""
    return any(threat.start < end and start < threat.end for threat in found)


CUE_RULES = {mode: Rule("a will, an act of violence and a person, a few words apart", "direct", (), "", "", mode)
             for mode in ("any", "uncontested")}
CUE_RULES["conditioned"] = Rule("a condition, then a grim end for a person", "conditional", (), "", "", "conditioned")
CUE_RULES["wished"] = Rule("wishes a person harm", "veiled", (), "", "", "any")
"""The rules `threat_cues` stands for, by a cue's mode, when its spans are confirmed as a
phrase rule's are: its acts that are also words of competition ("kill", "smash") are
disowned in a sentence about a contest, the others ("stab", "a bullet") are not; a grim end
("you'll leave on a stretcher") is found only after a condition, from which it starts;
harm wished on a person's things ("I hope her brakes fail") is veiled."""
_CUE_FORMS = {anchor + tail: anchor for anchor in CUE_ANCHORS for tail in ("", *TRAILING)}
"""Each form a word of the cues' acts may take when split ("dead."), to the act."""


_LEET_INSIDE = re.compile(r"(?<=[a-z])[0134@$]+(?=[a-z])")
_LEET = str.maketrans("0134@$", "oieaas")
_LEET_CLASSES = bytes(ord("a") if chr(byte).isascii() and chr(byte).islower() else ord("0") if chr(byte) in "0134@$" else ord(" ")
                      for byte in range(256))
"""Each byte of a comment as a letter ("a"), a digit or symbol read as a letter ("0") or
neither: a comment whose bytes hold no "a0" has no such digit inside a word."""


def _unleet(lowered: str) -> str:
    """`lowered` with digits and symbols that stand for letters inside a word read as those
    letters ("k1ll", "sh00t"), span for span: a threat spelled to dodge a filter is read as
    written plainly."""
    if b"a0" not in lowered.encode().translate(_LEET_CLASSES) or not _LEET_INSIDE.search(lowered):  # most comments: two passes in C
        return lowered
    return _LEET_INSIDE.sub(lambda found: found.group().translate(_LEET), lowered)


def _folded(text: str) -> str:
    """`text` in lower case, span for span, with apostrophes straight."""
    return straight_apostrophes(text).lower()


@lru_cache(maxsize=1)
def _anchors() -> tuple[dict[str, str], frozenset[str], dict[str, tuple[Rule, ...]], frozenset[str]]:
    """Each form a word of a comment may take when split ("warned!") to the anchor it is,
    all those forms, each anchor's rules (those of `threat_patterns`, `threat_forms`,
    `threat_warnings` and `threat_registers`), and all those forms with the forms of the
    cues' acts (`_CUE_FORMS`): what a comment's words are looked up in."""
    by_form: dict[str, str] = {}
    rules_of: dict[str, list[Rule]] = {}
    for rule in (*RULES, *FORMS, *WARNINGS, *REGISTERS):
        for anchor in rule.anchors:
            rules_of.setdefault(anchor, []).append(rule)
            for form in (anchor, *(anchor + tail for tail in TRAILING)):
                by_form[form] = anchor
    by_anchor = {anchor: tuple(rules) for anchor, rules in rules_of.items()}
    return by_form, frozenset(by_form), by_anchor, frozenset(by_form).union(_CUE_FORMS)


def compile_all() -> None:
    """Compile every rule's patterns now (a quarter of a second), for a service that must
    not spend it on the first comments that hold each anchor."""
    for rules in _anchors()[2].values():
        for rule in rules:
            _pattern(rule.pattern)
            if rule.before:
                _pattern(rule.before, before=True)


@lru_cache(maxsize=None)
def _anchor_patterns(anchor: str) -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """An anchor's rules, each with its pattern, compiled when a comment first has the
    anchor (what must stand before it is compiled when the rule first matches).

    Each rule is tried on its own. One pattern joining an anchor's rules had saved a try
    per rule (about 1 µs a comment), but compiling those joins was two thirds of the
    threat rules' compiling, half a second in every `score` worker process: Python's
    parser is slow on these long patterns, and each join parsed its rules over again."""
    return tuple((rule, _pattern(rule.pattern)) for rule in _anchors()[2][anchor])


@lru_cache(maxsize=None)
def _pattern(pattern: str, before: bool = False) -> re.Pattern[str]:
    """A rule's pattern, or what must stand before its anchor (`before`), compiled once
    (rules that share one, as many do, share it)."""
    return re.compile(f"(?:{phrase(pattern)})\\Z" if before else phrase(pattern), re.MULTILINE)


def _tried(text: str, lowered: str, rule: Rule, before: re.Pattern[str] | None, position: int, end: int) -> Threat | None:
    """The threat `rule` finds from its anchor at `position` to `end`, if what must come
    before the anchor does and the sentence does not disown it."""
    start = phrase_start(lowered, before, position)
    return None if start is None else _confirmed(text, lowered, rule, start, end)


_NEGATION = re.compile(r"\b(?:not|never|no|nobody|none|nor|neither|without|no one)\b|n't\b")
_CLAUSE_END = re.compile(r"[.!?;:,\n]|\b(?:but|and|so)\b")
_SENTENCE_END = re.compile(r"[.!?\n](?=\s|$)")
_REPORTED = re.compile(
    r"\b(?:(?<!not a )(?<!n't a )(?<!no )threat(?:s|ened|ening)?|death threats?"
    r"|(?:he|she|they|who|caller|callers|man|woman|men|suspect|accused|attacker|police|officers?|court|judge|prosecutors?"
    r"|someone|somebody|trolls?|writer|sender|voice|headline|article|story|report|video|movie|film|song|lyrics?|character|line)\b"
    r"[^.!?\n]{0,60}?\b(?:said|says|saying|say|wrote|writes|written|posted|tweeted|told|tells|texted|emailed|messaged|shouted"
    r"|yelled|screamed|warned|reads?|reading|stated|claimed|allegedly|threatened|sang|sings|goes|painted|scrawled|sprayed"
    r"|spray-painted|chanted|chanting|left)"
    r"|(?:messages?|e-?mails?|letters?|notes?|posts?|tweets?|comments?|signs?|graffiti|texts?|voicemails?|calls?)\b[^.!?\n]{0,40}?"
    r"\b(?:said|says|saying|read|reads|reading|like|such as))\b"
    r"|\b(?:said|says|say|saying|wrote|writes|told (?:me|us|him|her|them)|tweeted|posted|texted|yelled|shouted|screamed)\s*[:,]?\s*$",
)
_REPORTED_AFTER = re.compile(r"[.!?]?[,\"'\u201d]+\s*(?!i\b)(?:\w+ ){0,2}(?:said|says|wrote|added|told|tweeted|posted|warned"
                             r"|threatened|shouted|yelled|screamed|chanted|testified)\b")
_CONTEST = re.compile(
    r"\b(?:elections?|polls?|ballots?|vote|votes|voting|voters|game|games|playoffs?|(?<!open )season|league|tournament|match|rematch"
    r"|debate|court|courtroom|chess|poker|fantasy|scoreboard|box office|market|marketplace|competition|ratings|nhl|nba|nfl"
    r"|cup|series|puck|goalie|leafs|canucks|oilers|flames|senators|jets|habs|raptors|penalty|power play|fortnite|warzone|mario kart"
    r"|ranked|lobby|halo|call of duty|minecraft|overwatch|valorant|apex|1v1|trivia|scrabble|monopoly|euchre|cribbage|showdown)\b",
)
_IMPERATIVE_HEAD = re.compile(
    r"\W*(?:(?:and|but|so|just|now|well|oh|then|hey|ok|okay|also|ps|remember|maybe|perhaps|please|better|you|ya|u|you'd|had"
    r"|best|i'd|i would|would|strongly|seriously|might want to|may want to|word to the wise|friendly (?:tip|advice|reminder)"
    r"|lol|and (?:you|ya))\W*){0,6}",
)
_GAME = re.compile(r"\b(?:game|games|gaming|player|players|level|boss|league|team|season|playing|multiplayer|pvp|raid|quest"
                   r"|zombies?|opponents?|dungeon|traffic|road|roads|ice|hiking|trail|scam|scams|scammers?|burglar\w*|thie\w+"
                   r"|thefts?|break-ins?|vacation|holidays?|crimes?|muggings?|robber(?:y|ies)|fog|foggy|rain|snow|storms?|wind|weather"
                   r"|slippery|icy|floods?|flooding|heat|bears?|coyotes?|raccoons?|wildlife|wolves|cougars?|deer|moose|animals?)\b")
_CONDITION = re.compile(phrase(f"{CONDITION}|{WARNING_CONDITIONS}|{REGISTER_CONDITIONS}"))
_OR_BEFORE = re.compile(phrase(OR_BEFORE))
_CONDITION_AFTER = re.compile(phrase(CONDITION_AFTER))


def _confirmed(text: str, lowered: str, rule: Rule, start: int, end: int) -> Threat | None:
    """The threat a match from `start` to `end` stands for, or None when its sentence
    disowns it: negated, quoted, reported, a contest, or (for a rule that needs one)
    without its condition or not at the head of its clause."""
    sentence = _sentence_start(lowered, start)
    before = lowered[sentence:start]
    if _disowned(lowered, sentence, start) or _REPORTED.search(before) or _REPORTED_AFTER.match(lowered, end, end + 40):
        return None
    if rule.mode == "imperative" and not _at_head(lowered, sentence, start, end):
        return None
    kind = rule.kind
    if kind == "conditional" and rule.mode in ("any", "conditioned"):  # "stop writing about us or else": the demand is part of it
        start = sentence + len(before) - len(before.lstrip())
    if rule.mode == "consequence" or kind == "direct":
        condition = _condition(before)
        if condition is not None:
            kind, start = "conditional", sentence + condition
        elif _CONDITION_AFTER.match(lowered, end):
            kind, end = "conditional", _sentence_end(lowered, end, clause=True)
        elif rule.mode == "consequence":
            return None
        if rule.mode != "uncontested" and _CONTEST.search(lowered, sentence, _sentence_end(lowered, end)):
            return None
    if rule.mode == "conditioned" and _CONTEST.search(lowered, sentence, _sentence_end(lowered, end)):
        return None
    return Threat(kind=kind, start=start, end=end, text=text[start:end], pattern=rule.name)


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding `start` begins, looking back at most `LOOK_BACK`
    characters."""
    floor = max(0, start - LOOK_BACK)
    ends = [match.end() for match in _SENTENCE_END.finditer(text, floor, start)]
    return ends[-1] if ends else floor


def _sentence_end(text: str, end: int, clause: bool = False) -> int:
    """Where the sentence holding `end` ends (or, with `clause`, where its last word
    does), looking on at most `LOOK_BACK` characters."""
    found = _SENTENCE_END.search(text, end, end + LOOK_BACK)
    if not clause:
        return found.end() if found is not None else min(len(text), end + LOOK_BACK)
    last = found.start() if found is not None else min(len(text), end + LOOK_BACK)
    return len(text[:last].rstrip(" \t,;:\"'\u201d"))


def _disowned(text: str, sentence: int, start: int) -> bool:
    """Whether a match at `start` is negated within its clause ("I would never say we'll
    find you") or stands inside quotation marks opened in its sentence.

    Like `terms.disowned`, but a comma ends the clause: the condition of a threat comes
    before one, and its own negation ("if you don't stop, ...") does not disown it."""
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, sentence, start)), default=sentence)
    window = " ".join(text[clause:start].split()[-6:])
    return _NEGATION.search(window) is not None or _quoted(text, sentence, start)


_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether `start` to `end` stands inside quotation marks (a colon may open them)."""
    return inside_quotes(text, start, end, _QUOTES, opens_after="([:")


def _at_head(text: str, sentence: int, start: int, end: int) -> bool:
    """Whether a match stands at the head of its clause, as an order to the reader does
    ("Watch your back", "You'd better lock your doors tonight"), in a sentence not about a
    game or the road ("you have to watch your back in this game")."""
    clause = max((m.end() for m in _CLAUSE_END.finditer(text, sentence, start)), default=sentence)
    if _IMPERATIVE_HEAD.fullmatch(text, clause, start) is None:
        return False
    return _GAME.search(text, sentence, _sentence_end(text, end)) is None


def _condition(before: str) -> int | None:
    """Where a condition starts in `before` (the sentence up to a consequence), if any: at
    its head ("if you", "one more article"), or at the start of the sentence when it ends
    in "or" or "again and" ("stop writing or ...", "say that again and ...")."""
    found = _CONDITION.search(before)
    if found is not None and not found.group().startswith("again"):
        return found.start()
    if found is not None or _OR_BEFORE.search(before):
        return len(before) - len(before.lstrip())
    return None


def _apart(found: list[Threat]) -> list[Threat]:
    """The threats in text order, a threat that overlaps an earlier (or longer) one left out."""
    if len(found) < 2:
        return found
    kept: list[Threat] = []
    for threat in sorted(found, key=lambda t: (t.start, -t.end)):
        if kept and threat.start < kept[-1].end:
            continue
        kept.append(threat)
    return kept
