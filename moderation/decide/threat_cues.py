"""Direct and conditional threats whose words stand apart, found by cues rather than phrases.

The phrase rules (`threat_patterns` and the modules beside it) each spell out a sentence's
shape from one rare word on: "I'll" then "break" then "your" then a body part. Threats
written by other hands keep the same three parts and put other words between them ("I'll
be slitting your throat the moment I see you", "Councillor Reyes, tomorrow at 9 I'm
bringing a hammer to the council chamber", "the moderators here are getting their throats
cut"), and a phrase rule misses each new arrangement. This rule reads the three parts as
cues in one clause, a few words apart:

- the writer's side will act, or calls on others to ("I'll", "we're going to", "gonna",
  "someone should", "let's"), or a person will undergo the act ("the editor is getting",
  "you are going to be", "will be");
- an act of violence or its instrument or result ("stab", "torch", "bullet", "machete",
  "throat", "dead");
- a person it falls on ("you", "her", "that columnist", "every one of them").

Found spans go through the same checks as a phrase rule's (`threats._confirmed`): a
negated, quoted or reported sentence disowns them, and a condition before them makes them
conditional. Kept to acts that people suffer, with a person (or, for arson, a building)
after them, so that "this bill will kill the industry" is none; an act that is also a
word of competition ("kill", "smash") is disowned in a sentence about a contest ("we'll
kill them in the playoffs"), one that is not ("stab", "a bullet", "dead") is not.

It misses what the phrase rules miss (veiled threats that name no act, spellings that
dodge filters, threats made by context alone) and threats whose act it does not list
("wipe that smirk off your face with a baseball bat"), and it takes some warnings for
threats ("you're a dead man if you forget her birthday").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from moderation.decide.threat_words import TRAILING

WINDOW = 5
"""How many words may stand between an act and the person it falls on, or between a
person's future ("is getting", "you'll") and what they will undergo."""
WILL_WINDOW = 10
"""How many words may stand between the writer's will and the act ("I'll be waiting in the
car park to smash ...")."""

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;:\n]")
_TITLE = re.compile(r"\b(mrs|mr|ms|dr|st)\.")
_STOPS = frozenset(".!?;:\n")


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, as the lists below read best."""
    return frozenset(text.split())


ACTS = _words(
    "kill killing murder murdering stab stabbing strangle strangling slit slitting lynch lynching behead beheading butcher "
    "butchering slaughter slaughtering maim maiming torch torching firebomb firebombing drown drowning bash "
    "bashing smash smashing punch punching stomp stomping knife knifing shank shanking choke choking throttle throttling "
    "shoot shooting gut gutting hang hanging string stringing"
)
"""Acts done to a person: each counts with a person after it ("stab you", "torch every one of
their homes")."""

PARTICLE_ACTS = {
    "blow": _words("up"), "blowing": _words("up"), "run": _words("over"), "ran": _words("over"), "running": _words("over"),
    "burn": _words("down alive"), "burning": _words("down alive"), "beat": _words("up senseless unconscious death bloody pulp"),
    "beating": _words("up senseless unconscious death bloody pulp"),
}
"""Acts that are violent only with one of these words after them ("run the warden over",
"blow your office up", "burn down the town hall")."""

BREAKS = _words("break breaking snap snapping crack cracking slash slashing cut cutting rip ripping kick kicking")
"""Acts that count only with a part of the body after them ("break his legs")."""

BODY = _words(
    "throat throats skull skulls teeth kneecaps kneecap legs leg arms arm neck necks face faces head heads ribs jaw jaws "
    "fingers hands spine nose"
)

INSTRUMENTS = _words("bullet bullets knife knives machete machetes hammer acid rifle rifles gun guns shotgun crowbar axe noose")
"""What the writer will bring or use (`_WIELD` just before it): counts with a person anywhere
in its sentence ("I'm bringing a hammer to the chamber, Councillor")."""

OUTCOMES = _words(
    "dead die killed shot stabbed hanged buried beaten murdered lynched smashed kicked cut slit torched bleed bleeding"
)
"""What a person will undergo ("the editor is getting his teeth kicked in", "you're a dead
man"). No place of care: "you'll end up in hospital" is as often said of a habit."""

GOT = INSTRUMENTS | _words("brick bricks")
"""What a person will get ("that MP is getting a brick through his skull", "you'll get a
bullet"): after "get" or "getting" only, not after "you're" ("you're a hammer")."""

WRITER_OUTCOMES = _words("dead bleed bleeding")
"""What the writer will leave a person ("make those protesters bleed", "see you dead"),
with the person between."""

_WIELD = _words(
    "with bring bringing brought put putting take taking use using get getting grab grabbing pull pulling carry carrying "
    "load loading throw throwing"
)
"""What the writer does with an instrument, just before it ("bringing a hammer", "the one
with the knife", "put a bullet in"): not "when the bullets fly"."""

HABITS = _words(
    "smoking smoke drinking drink eating eat speeding texting driving drive diet cholesterol vaping drugs overdose "
    "hiking climbing swimming cycling skiing"
)
"""Habits and risks: "keep smoking like that and you'll be dead before sixty" is a warning."""

ARSON = _words("torch torching firebomb firebombing burn burning blow blowing")
"""Acts that may fall on a building instead of a person."""

BUILDINGS = _words(
    "house home homes houses office offices hall plant building buildings church mosque synagogue temple school newsroom "
    "car cars studio studios shop store clinic headquarters printing depot warehouse factory mill station courthouse "
    "library offices surgery chamber"
)

CONTESTED = _words("kill killing smash smashing bash bashing beat beating torch torching")
"""Acts that are also words of competition: disowned in a sentence about a contest."""

_NOT_NEAR = {
    "shoot": _words("email e-mail mail text message note line dm pm look glance smile question photo picture pic video hoops"),
    "hang": _words("out around with on onto in"),
    "choke": _words("on up"),
    "dead": _words("wrong right on serious set end tired last heat weight centre center even to"),
    "die": _words("laughing of prison jail poverty vain peace bed"),
    **{gun: _words("control owner owners law laws rights show violence lobby shop shops range registry ban culture crime "
                   "crimes deaths sales club clubs safety") for gun in ("gun", "guns")},
    "shot": _words("at by"),
    "kicked": _words("out off"),
    "cut": _words("off ties funding back"),
    "smash": _words("records record"),
    **{participle: _words("by") for participle in ("killed", "stabbed", "hanged", "buried", "beaten", "murdered", "lynched")},
}
"""Words within three after an act that make it another ("shoot you an email", "hang out
with you", "dead wrong", "dead to me", "will be killed by the new drug laws")."""

WRITER = _words("i'll we'll we're gonna gunna finna ima imma i'ma lets let's someone'll somebody'll")
"""The writer's will or a call on others, a few words before the act."""

_GONNA = _words("gonna gunna about")
_I = _words("i we")
_WILL_AFTER_I = _words("will shall am are")
_CALL = _words("should ought oughta needs must gotta better will could has")
WRITER_BEFORE = {"ill": None, "im": "ing", "i'm": "ing",
                 "were": _words("going gonna gunna bringing coming"), "someone": _CALL, "somebody": _CALL}
"""Words that are the writer's will only before certain words: "were going to" ("we're"),
"I'm gonna" and "I'm bringing" ("ing": any word so ending; not "I'm surprised"), "someone
should" (not "if someone touched my kid"), and "ill" right before the act ("ill stab you";
None: the act must follow)."""

UNDERGO = {"be": _words("will gonna gunna to 'll"), "getting": _words("is are ur 's 're"),
           "get": _words("gonna gunna to will 'll"), "have": _words("will 'll gonna to")}
"""A person's future as the one acted on, after the words that make it the future: "is
getting", "are going to be", "will have their throat cut" ("to" only after "going": not
"likely to be")."""

YOU_WILL = _words("you'll youll you're youre")
"""The reader's future ("you're a dead man", "you'll be dead by Friday")."""
_YOU = _words("you your ur u ya")
_YOU_FUTURE = _words("going gonna gunna will")
_READER_FUTURE = YOU_WILL | _YOU_FUTURE
"""A future that is the reader's own, with no person needed before it."""

PERSON = _words(
    "you your ya u ur yer him her them his their yourself himself herself themselves everyone everybody "
    "editor editors reporter reporters journalist journalists councillor councillors councilor councilors judge judges mp "
    "mps mayor senator senators columnist columnists author authors writer writers officer officers politician "
    "politicians official officials moderator moderators protester protesters protestors commissioner alderman minister "
    "ministers president governor cop cops teacher teachers guy guys man men woman women traitor traitors lawyer "
    "lawyers professor doctor host anchor warden deputy premier chief boss neighbour neighbor landlord landlords juror "
    "jurors inspector inspectors presenter presenters manager managers director directors umpire referee ref coach owner "
    "owners driver drivers cyclist cyclists activist activists immigrants refugees liberals conservatives leftists "
    "democrats republicans muslims jews christians gays staff employees workers nurse nurses candidate candidates "
    "trustee trustees sheriff soldiers bitch bastard bastards idiot idiots scum pig pigs clown clowns rat rats "
    "councilman councilwoman congressman congresswoman mla mpp ceo banker bankers landlady tenant tenants "
    "mr mrs ms dr"
)
"""Who an act may fall on: pronouns, the people of news comments (their roles and the names
they are called), titles before a name."""

ANCHORS = ACTS | frozenset(PARTICLE_ACTS) | BREAKS | INSTRUMENTS | OUTCOMES | GOT
"""A comment holding none of these words has no cue threat, and costs a set look-up."""


class Cue(NamedTuple):
    """A threat found by cues: its span in the comment, and whether its act is one that a
    sentence about a contest disowns (`CONTESTED`)."""

    start: int
    end: int
    contested: bool


_Words = list[tuple[str, int, int]]


def cue_spans(lowered: str, acts: Iterable[str], tries: int, split: list[str]) -> tuple[list[Cue], int]:
    """Where, in `lowered` (a comment in lower case, apostrophes straight), a threat's parts
    stand a few words apart in one sentence, around the `acts` (words of `ANCHORS`) the
    comment holds: from the will (or the person's future) to the last of them; and how
    many places were read, at most `tries`. `split` is the comment's words split on white
    space, as the caller found the acts in them.

    Only the stretch around each act is split into words (a long comment that names a tax
    cut once costs one short stretch, not the whole comment)."""
    found: list[Cue] = []
    tried = 0
    acts = [word for word in acts if _possible(word, split)]
    if not acts:
        return found, tried
    lowered = _TITLE.sub(r"\1 ", lowered)  # "Mr. Abara": no sentence ends there (same length, same spans)
    for word in acts:
        position = lowered.find(word)
        while position >= 0 and tried < tries:
            end = position + len(word)
            if (position == 0 or lowered[position - 1] not in _INSIDE) and lowered[end : end + 1] not in _INSIDE:
                tried += 1
                cue = _cue_at(lowered, word, position)
                if cue is not None:
                    found.append(cue)
            position = lowered.find(word, end)
    return found, tried


def _possible(word: str, split: list[str]) -> bool:
    """Whether the comment holds the other words an act needs somewhere (a person, the
    particle of "run ... over", a part of the body, a way to wield): most comments that say
    "run" or "cut" hold none of them, and are not read word by word around it."""
    return (word in OUTCOMES or word in GOT or (word in ACTS and not _SPLIT["person"].isdisjoint(split))
            or (word in PARTICLE_ACTS and not _PARTICLES[word].isdisjoint(split))
            or (word in ARSON and not _SPLIT["building"].isdisjoint(split)) or (word in BREAKS and not _SPLIT["body"].isdisjoint(split))
            or (word in INSTRUMENTS and not _SPLIT["wield"].isdisjoint(split)))  # fmt: skip


def _split_forms(words: frozenset[str]) -> frozenset[str]:
    """The forms `words` take in a comment split on white space: with what may stick to
    them ("you.", "(you", "legs!")."""
    return frozenset(head + word + tail for word in words for head in ("", '"', "(", "'") for tail in ("", *TRAILING))


_SPLIT = {"person": _split_forms(PERSON), "building": _split_forms(BUILDINGS), "body": _split_forms(BODY),
          "wield": _split_forms(_WIELD)}  # fmt: skip
_PARTICLES = {word: _split_forms(particles) for word, particles in PARTICLE_ACTS.items()}


_INSIDE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'")
"""Characters that continue a word: "cut" in "cutlery" or "cut's" is no act."""


def _cue_at(lowered: str, word: str, position: int) -> Cue | None:
    """The threat around the act `word` at `position`, if its parts are there."""
    floor = max(0, position - _BACK)
    stop = max(lowered.rfind(mark, floor, position) for mark in _STOPS)
    start = stop + 1 if stop >= 0 else floor
    words = [(match.group(), match.start(), match.end()) for match in _WORD.finditer(lowered, start, position + len(word) + _AHEAD)]
    index = next((i for i, (_, begin, _) in enumerate(words) if begin == position), None)
    if index is None or _NOT_NEAR.get(word, frozenset()).intersection(_following(words, index, 3)):
        return None
    span = _cued(words, index, word)
    return None if span is None else Cue(words[span[0]][1], words[span[1]][2], word in CONTESTED)


_BACK = 160
"""How far back (in characters) an act's sentence is looked for: more than `WILL_WINDOW`
words, and a sentence's person before its will ("the editor who signed off on this piece
is getting ...")."""
_AHEAD = 80
"""How far on (in characters) the words after an act are read: more than `WINDOW` words."""


def _cued(words: _Words, act: int, word: str) -> tuple[int, int] | None:
    """The first and last word of the threat around the act at `act`, if its parts are there."""
    start = act
    while start > 0 and words[start - 1][0] not in _STOPS and act - start < 3 * WILL_WINDOW:
        start -= 1
    after = _following(words, act, WINDOW)
    last_person = max((i for i, w in enumerate(after) if w in PERSON), default=None)
    writer = next((index for index in range(max(start, act - WILL_WINDOW), act) if _writer(words, index, act)), None)
    if writer is not None and writer > start and words[writer][0] in _WILL_AFTER_I and words[writer - 1][0] in _I:
        writer -= 1  # the threat starts at "I will", so that what stands before it ("saying") is read
    if writer is not None:
        if word in ACTS and last_person is not None:
            return writer, act + 1 + last_person
        if word in PARTICLE_ACTS and PARTICLE_ACTS[word].intersection(after) and (
                last_person is not None or (word in ARSON and BUILDINGS.intersection(after))):
            return writer, act + len(after)
        if word in ARSON and BUILDINGS.intersection(after):
            return writer, act + 1 + max(i for i, w in enumerate(after) if w in BUILDINGS)
        if word in BREAKS and BODY.intersection(after):
            return writer, act + 1 + max(i for i, w in enumerate(after) if w in BODY)
        if word in INSTRUMENTS and _WIELD.intersection(words[index][0] for index in range(max(writer, act - 3), act)) and \
                PERSON.intersection(words[index][0] for index in range(start, act + 1 + len(after))):
            return writer, act
        if word in WRITER_OUTCOMES and any(words[index][0] in PERSON for index in range(writer + 1, act)):
            return writer, act
    if (word in OUTCOMES or word in GOT) and not HABITS.intersection(words[index][0] for index in range(start, act)):
        future = next((index for index in range(max(start, act - 4), act) if _future(words, index, word)), None)
        if future is not None and (words[future][0] in _READER_FUTURE or any(
                words[index][0] in PERSON for index in range(start, act))):
            return future, act
    return None


def _writer(words: _Words, index: int, act: int) -> bool:
    """Whether the word at `index` is the writer's will (or a call on others) for the act."""
    word = words[index][0]
    if word in WRITER:
        return True
    if word in _WILL_AFTER_I and index > 0 and words[index - 1][0] in _I:  # "I will", "we are going", "I am bringing"
        return word in ("will", "shall") or (index + 1 < len(words) and words[index + 1][0].endswith("ing"))
    if word not in WRITER_BEFORE or index + 1 >= len(words):
        return False
    after, following = WRITER_BEFORE[word], words[index + 1][0]
    if after is None:
        return index + 1 == act
    return following.endswith(after) or following in _GONNA if isinstance(after, str) else following in after


def _future(words: _Words, index: int, act: str) -> bool:
    """Whether the word at `index` makes `act` (after it) a person's future: "you'll", "you
    are going to", "will be", "is getting", "going to be"; what a person gets (`GOT`)
    only after "get" or "getting"."""
    word = words[index][0]
    if act in GOT and word not in ("get", "getting"):
        return False
    if word in YOU_WILL:
        return True
    if index == 0:
        return False
    previous = words[index - 1][0]
    if word in _YOU_FUTURE:
        subject = index - 1 if previous in _YOU else index - 2 if previous == "are" and index > 1 and words[index - 2][0] in _YOU else None
        return subject is not None and (subject == 0 or words[subject - 1][0] != "of")  # not "fewer of you will die"
    if word not in UNDERGO or (word == "have" and not BODY.intersection(_following(words, index, 3))):
        return False
    if previous == "to" and (index < 2 or words[index - 2][0] not in ("going", "about")):
        return False
    tails = UNDERGO[word]
    return previous in tails or any(previous.endswith(tail) for tail in tails if tail.startswith("'"))


def _following(words: _Words, index: int, count: int) -> list[str]:
    """Up to `count` words after `index`, within its sentence."""
    out: list[str] = []
    for word, _, _ in words[index + 1 : index + 1 + count]:
        if word in _STOPS:
            break
        out.append(word)
    return out
