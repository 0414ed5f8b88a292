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

A conditional threat may also name no act, only the grim end a person will come to after
the condition ("cross us again and they'll be fishing you out of the harbour", "if he
testifies, he is a dead man"): such an end (`threat_cue_words.GRIM`), a person and their
future a few words before it, and a condition before them ("if", "unless", "or", an order
with "and") are read as one, unless the sentence speaks of a habit or an illness. So is
harm wished on a person ("I hope the mayor's brakes fail", "hope her car catches fire";
`ACCIDENTS`), veiled, and an act wished on others to do ("I hope someone shoots him").

The words themselves are in `threat_cue_words`.

It misses what the phrase rules miss (veiled threats that name no act, spellings that
dodge filters other than digits for letters, threats made by context alone) and threats whose act it does not list
("wipe that smirk off your face with a baseball bat"), and it takes some warnings for
threats ("you're a dead man if you forget her birthday").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from moderation.decide.threat_cue_words import (
    ACCIDENTS,
    ACTS,
    AGAIN,
    ARSON,
    BODY,
    BREAKS,
    BUILDINGS,
    CARE,
    CONTESTED,
    FUTURE_OF,
    GONNA,
    GOT,
    GRIM,
    GRIM_BEFORE,
    HABITS,
    IF,
    INSTRUMENTS,
    I_WE,
    MAKE,
    MOMENT,
    NOT_NEAR,
    NOT_NEXT,
    ORDERS,
    OUTCOMES,
    PARTICLE_ACTS,
    PERSON,
    READER_FUTURE,
    SETTING,
    SUBJECTS,
    SUBJECT_FUTURES,
    UNDERGO,
    WHEN,
    WIELD,
    WILL_AFTER_I,
    WILL_WINDOW,
    WINDOW,
    WISH,
    WISHED,
    WRITER,
    WRITER_BEFORE,
    WRITER_OUTCOMES,
    YOU,
    YOU_FUTURE,
    YOU_WILL,
)
from moderation.decide.threat_words import TRAILING

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[.!?;:\n]")
_TITLE = re.compile(r"\b(mrs|mr|ms|dr|st)\.")
_STOPS = frozenset(".!?;:\n")



class Cue(NamedTuple):
    """A threat found by cues: its span in the comment, and the `threats.CUE_RULES` entry it
    is confirmed with: "any" for an act that a sentence about a contest disowns
    (`CONTESTED`), "uncontested" for the others, "conditioned" for a grim end after a
    condition, "wished" for harm wished on a person."""

    start: int
    end: int
    mode: str


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
            or (word in GRIM and (word not in GRIM_BEFORE or not GRIM_BEFORE[word].isdisjoint(split)))
            or (word in ACCIDENTS and not _SPLIT["wish"].isdisjoint(split))
            or (word in PARTICLE_ACTS and not _PARTICLES[word].isdisjoint(split))
            or (word in ARSON and not _SPLIT["building"].isdisjoint(split)) or (word in BREAKS and not _SPLIT["body"].isdisjoint(split))
            or (word in INSTRUMENTS and not _SPLIT["wield"].isdisjoint(split)))  # fmt: skip


def _split_forms(words: frozenset[str]) -> frozenset[str]:
    """The forms `words` take in a comment split on white space: with what may stick to
    them ("you.", "(you", "legs!")."""
    return frozenset(head + word + tail for word in words for head in ("", '"', "(", "'") for tail in ("", *TRAILING))


_SPLIT = {"person": _split_forms(PERSON), "building": _split_forms(BUILDINGS), "body": _split_forms(BODY),
          "wield": _split_forms(WIELD), "wish": _split_forms(WISH)}  # fmt: skip
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
    if index is None or NOT_NEAR.get(word, frozenset()).intersection(_following(words, index, 3)) or \
            NOT_NEXT.get(word, frozenset()).intersection(_following(words, index, 1)):
        return None
    span = _cued(words, index, word)
    if span is not None:
        return Cue(words[span[0]][1], words[span[1]][2], "any" if word in CONTESTED else "uncontested")
    span = _consequence(words, index, word) if word in GRIM else None
    if span is not None:
        return Cue(words[span[0]][1], words[span[1]][2], "conditioned")
    span = _wished(words, index, word) if word in ACCIDENTS else None
    return None if span is None else Cue(words[span[0]][1], words[span[1]][2], "wished")


def _wished(words: _Words, act: int, word: str) -> tuple[int, int] | None:
    """The first and last word of harm wished on a person (`ACCIDENTS`: "I hope the mayor's
    brakes fail", "hope her car catches fire"): a wish at most `WILL_WINDOW` words before,
    a person between, and no negation ("I hope his car never catches fire") or other clause."""
    beside = _following(words, act, 1) if word == "brakes" else [words[act - 1][0]] if act else []
    if ACCIDENTS[word].isdisjoint(beside):
        return None
    wish = next((index for index in range(act - 1, _reach_back(words, act, WILL_WINDOW) - 1, -1) if words[index][0] in WISH), None)
    if wish is None:
        return None
    between = [name for name, _, _ in words[wish + 1 : act + 3]]
    if PERSON.isdisjoint(between) or any(name in _NEGATIONS or name in _TURNS or name.endswith("n't") for name in between):
        return None
    return wish, act + (1 if word == "brakes" and act + 1 < len(words) else 0)


_NEGATIONS = frozenset(("not", "no", "never", "nobody", "none"))
_TURNS = frozenset(("before", "after", "until", "because", "so", "when", "than", "or", "but"))
"""Words that turn a wish to something else ("I hope they fix the road before the judge's car crashes")."""


def _consequence(words: _Words, act: int, word: str) -> tuple[int, int] | None:
    """The first and last word of a grim end that a person will come to (`GRIM`): a person
    and their future ("you'll", "he is", "the judge won't") at most `WILL_WINDOW` words before
    it, after a condition ("if", "unless", "or", "cross us again and") that is no habit or
    illness ("keep smoking and you'll be dead by sixty")."""
    before = range(act - 1, _reach_back(words, act, WILL_WINDOW) - 1, -1)
    if word in GRIM_BEFORE and GRIM_BEFORE[word].isdisjoint(words[index][0] for index in before):
        return None
    for index in before:
        name = words[index][0]
        if name in SUBJECT_FUTURES or name in SUBJECTS and (not FUTURE_OF.isdisjoint(
                words[following][0] for following in range(index + 1, act)) or index > 0 and words[index - 1][0] in MAKE):
            heads = {word for word, _, _ in words[:index]}  # the condition: "keep smoking and", not "you'll be eating through a tube"
            return (index, act) if _conditioned(words, index) and HABITS.isdisjoint(heads) and CARE.isdisjoint(heads) else None
    return None


def _conditioned(words: _Words, subject: int) -> bool:
    """Whether a condition stands before the person at `subject`, in their sentence: "if",
    "unless", "or", "should", "when" or "the day" first, or "and" just before them after an
    order or a repeat ("cross us and", "you print that again and"), not after a statement
    ("my grandpa was tough and he's dead now")."""
    heads = [word for word, _, _ in words[:subject]]
    if not IF.isdisjoint(heads) or heads[:1] and heads[0] in WHEN or heads[:1] == ["the"] and heads[1:2] and heads[1] in MOMENT:
        return True
    return len(heads) > 1 and "and" in heads[-2:] and (heads[0] in ORDERS or not AGAIN.isdisjoint(heads))


_BACK = 160
"""How far back (in characters) an act's sentence is looked for: more than `WILL_WINDOW`
words, and a sentence's person before its will ("the editor who signed off on this piece
is getting ...")."""
_AHEAD = 80
"""How far on (in characters) the words after an act are read: more than `WINDOW` words."""


def _cued(words: _Words, act: int, word: str) -> tuple[int, int] | None:
    """The first and last word of the threat around the act at `act`, if its parts are there."""
    start = _reach_back(words, act, 3 * WILL_WINDOW)
    after = _following(words, act, WINDOW)
    last_person = max((i for i, w in enumerate(after) if w in PERSON), default=None)
    writer = next((index for index in range(max(start, act - WILL_WINDOW), act) if _writer(words, index, act)), None)
    if writer is not None and writer > start and words[writer][0] in WILL_AFTER_I and words[writer - 1][0] in I_WE:
        writer -= 1  # the threat starts at "I will", so that what stands before it ("saying") is read
    if writer is not None:
        if word in ACTS and last_person is not None:
            return writer, act + 1 + last_person
        if word in PARTICLE_ACTS and PARTICLE_ACTS[word].intersection(after) and (
                last_person is not None or (word in ARSON or word in SETTING) and BUILDINGS.intersection(after)):
            return writer, act + len(after)
        if word in ARSON and BUILDINGS.intersection(after):
            return writer, act + 1 + max(i for i, w in enumerate(after) if w in BUILDINGS)
        if word in BREAKS and BODY.intersection(after):
            return writer, act + 1 + max(i for i, w in enumerate(after) if w in BODY)
        if word in INSTRUMENTS and WIELD.intersection(words[index][0] for index in range(max(writer, act - 3), act)) and \
                PERSON.intersection(words[index][0] for index in range(start, act + 1 + len(after))):
            return writer, act
        if word in WRITER_OUTCOMES and any(words[index][0] in PERSON for index in range(writer + 1, act)):
            return writer, act
    if (word in OUTCOMES or word in GOT) and not HABITS.intersection(words[index][0] for index in range(start, act)):
        future = next((index for index in range(max(start, act - 4), act) if _future(words, index, word)), None)
        if future is not None and (words[future][0] in READER_FUTURE or any(
                words[index][0] in PERSON for index in range(start, act))):
            return future, act
    return None


def _writer(words: _Words, index: int, act: int) -> bool:
    """Whether the word at `index` is the writer's will (or a call on others) for the act."""
    word = words[index][0]
    if word in WRITER:
        return True
    if word == "going" and (index == 0 or words[index - 1][0] in _STOPS):  # "Going to break every bone in ...": the "I" left out
        return index + 1 < len(words) and words[index + 1][0] == "to"
    if word in WILL_AFTER_I and index > 0 and words[index - 1][0] in I_WE:  # "I will", "we are going", "I am bringing"
        return word in ("will", "shall") or (index + 1 < len(words) and words[index + 1][0].endswith("ing"))
    if word in ("someone", "somebody") and not WISH.isdisjoint(earlier for earlier, _, _ in words[max(0, index - 3) : index]):
        return index + 1 == act or index + 1 < len(words) and words[index + 1][0] in WISHED  # "I hope someone shoots him"
    if word not in WRITER_BEFORE or index + 1 >= len(words):
        return False
    after, following = WRITER_BEFORE[word], words[index + 1][0]
    if after is None:
        return index + 1 == act
    return following.endswith(after) or following in GONNA if isinstance(after, str) else following in after


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
    if word in YOU_FUTURE:
        subject = index - 1 if previous in YOU else index - 2 if previous == "are" and index > 1 and words[index - 2][0] in YOU else None
        return subject is not None and (subject == 0 or words[subject - 1][0] != "of")  # not "fewer of you will die"
    if word not in UNDERGO or (word == "have" and not BODY.intersection(_following(words, index, 3))):
        return False
    if previous == "to" and (index < 2 or words[index - 2][0] not in ("going", "about")):
        return False
    tails = UNDERGO[word]
    return previous in tails or any(previous.endswith(tail) for tail in tails if tail.startswith("'"))


def _reach_back(words: _Words, index: int, count: int) -> int:
    """The first of the up to `count` words before `index` within its sentence (`index`
    itself when a sentence ends right before it)."""
    start = index
    while start > 0 and words[start - 1][0] not in _STOPS and index - start < count:
        start -= 1
    return start


def _following(words: _Words, index: int, count: int) -> list[str]:
    """Up to `count` words after `index`, within its sentence."""
    out: list[str] = []
    for word, _, _ in words[index + 1 : index + 1 + count]:
        if word in _STOPS:
            break
        out.append(word)
    return out
