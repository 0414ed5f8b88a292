"""Threats whose will, act and person stand a few words apart are found by their cues
(`threat_cues`), and the same words in a forecast, a habit, a contest's figure of speech or
a report are not. The sentences are written here, for this test; none comes from the
held-out sets in data/behaviour/."""

from __future__ import annotations

import time

import pytest

from moderation.decide.threat_cues import cue_spans
from moderation.decide.threats import CUE_RULES, find_threats

CUE = CUE_RULES["any"].name

CUE_THREATS = [
    # the writer's will, words between, the act, the person
    ("Next week I'm going to be standing at your gate to stab you.", "direct"),
    ("we'll be shooting every one of those inspectors, believe it", "direct"),
    ("I'm bringing a crowbar to the planning meeting, Councillor Voss.", "direct"),
    ("ima personally strangle that smug presenter", "direct"),
    ("Were going to torch the depot with the manager inside.", "direct"),
    ("Someone should drown that landlord in his own river.", "direct"),
    ("Somebody needs to slit the throats of these officials.", "direct"),
    ("I will blow your clinic up.", "direct"),
    ("Gonna run the inspector over in the car park, mark my words.", "direct"),
    ("I'll be slashing your face open before the month is out.", "direct"),
    # a person's future as the one acted on
    ("The umpire is getting his skull smashed in after the match.", "direct"),
    ("Every one of those inspectors is going to be stabbed.", "direct"),
    ("Dr. Hale will be dead by the spring. Count on it.", "direct"),
    ("youre gonna bleed for this column", "direct"),
    ("That landlord is getting a bullet through his window and then through him.", "direct"),
    # with a condition before
    ("If the mill closes, we'll be shooting the directors one at a time.", None),
    ("Raise the rent again and every one of you will have your throat cut.", "conditional"),
    ("Unless the clinic reopens, I'm going to torch the minister's office.", None),
    # spelled to dodge a filter, a sentence without its "I", acts with their particle
    ("i will sh00t the umpire after the final whistle", "direct"),
    ("Going to smash every tooth in the warden's mouth, wait and see.", None),
    ("We're hanging every trustee in the school gym, one by one.", "direct"),
    ("I'm going to set the newsroom on fire with the night editor still at her desk.", "direct"),
    ("We'll be picking off the inspectors as they drive up the lane.", "direct"),
    ("I'll hunt that superintendent through every street in town.", "direct"),
    ("The pastor is getting his skull caved in after Sunday service.", "direct"),
    # a condition, then a grim end for a person, with no act named
    ("If the council passes this, the mayor is dead.", "conditional"),
    ("One more lie from you and you're done breathing.", "conditional"),
    ("If he testifies, he is a dead man.", "conditional"),
    ("Cross us again and they'll be fishing you out of the harbour.", "conditional"),
    ("Touch our school and you'll be carried out in a box.", "conditional"),
    ("If the ruling stands, that judge will be eating through a tube.", "conditional"),
    ("Should the inspector sign it, he'll be leaving town in a body bag.", "conditional"),
    # harm wished on a person, or wished on others to do
    ("Honestly I hope the mayor's brakes fail on the highway.", "veiled"),
    ("Hope the reporter's car catches fire with her in it.", "veiled"),
    ("Hoping somebody torches the councillor's house while he sleeps.", "direct"),
    ("I wish someone would put a bullet in that senator.", "direct"),
]

CUE_NOT_THREATS = [
    "I'm going to cut my hours at the clinic next year.",
    "We'll be shooting the documentary in the valley next month.",
    "The minister will be killed by this budget in the polls.",
    "People will die because of these hospital cuts.",
    "I'm going to kill it at the marathon on Sunday.",
    "We're going to bury them in the by-election.",
    "Keep smoking like that and your doctor will be getting you killed, not the cigarettes.",
    "I'll shoot you a message when the report is out.",
    "You're dead right about the inspector's report.",
    "The inspectors are going to be shocked by these figures.",
    "Police said the man told him 'I'm going to stab you' before he was arrested.",
    "I would never say we'll be shooting anyone, that is not who we are.",
    "Someone who beat and robbed the landlord was arrested today.",
    "You're a hammer looking for nails, Councillor.",
    "I'm for gun control, whatever the senator says.",
    "Fewer of you will die on these roads if the speed limit drops.",
    "Let's hang out with the editors after the meeting.",
    "We'll blow past the target this quarter, the manager says we're ahead.",
    "I'm going hunting with him in the fall, deer season opens soon.",
    "We're setting up the office for the new editor next week.",
    "Let's hang your portrait in the lobby, Councillor, you earned it.",
    "We're going to hang in there until the mill reopens.",
    "We're picking off the easy questions first, then the hard ones for the minister.",
    "Tonight I'm picking up the principal's retirement gift.",
    "I will set the record straight about the superintendent.",
    "If the council passes this, the project is dead.",
    "If he doesn't get a transplant soon, he is a dead man.",
    "My grandpa was tough as nails and he's dead now, bless him.",
    "The man is dead; his politics died with him.",
    "If they raise the rates again, you'll see more people in the river valley shelters.",
    "Keep smoking and you'll be in the ground by sixty, my doctor told me.",
    "If we lose the game Saturday, the coach is dead in the water.",
    "I hope the mayor's house never catches fire, the fire hall is closing.",
    "I hope the senator's fire safety plan passes.",
    "Hope the editor's brakes get checked, that recall was scary.",
    "I hope someone fixes the potholes before the judge's car crashes into one.",
    "I pray someone finds a cure for what the minister has.",
]


@pytest.mark.parametrize(("text", "kind"), CUE_THREATS)
def test_a_will_an_act_and_a_person_a_few_words_apart_are_a_threat(text, kind):
    found = find_threats(text)
    assert found, text
    assert kind is None or kind in [threat.kind for threat in found], found
    assert all(threat.text == text[threat.start : threat.end] for threat in found)


@pytest.mark.parametrize("text", CUE_NOT_THREATS)
def test_the_same_words_in_a_forecast_a_habit_a_contest_or_a_report_are_not(text):
    assert find_threats(text) == [], text


def test_a_phrase_rule_names_a_threat_before_the_cues_do():
    [threat] = find_threats("I'll break your legs.")
    assert threat.pattern != CUE
    [cued] = find_threats("I'll be waiting for the night shift to end, then I'm going to break the guard's legs.")
    assert cued.pattern == CUE


def test_an_act_of_a_contest_is_disowned_in_a_sentence_about_one_and_a_stabbing_is_not():
    assert find_threats("We'll bury them in the election, every one of them.") == []
    assert find_threats("After the election we're going to stab every one of them.")


def test_cue_spans_reads_only_the_acts_it_is_given_and_stops_at_its_tries():
    text = "i'm going to stab you. " * 10
    cues, tried = cue_spans(text, ["stab"], 3, text.split())
    assert tried == 3 and len(cues) == 3
    assert cue_spans(text, ["shoot"], 100, text.split()) == ([], 0)
    # an act whose other words the comment lacks is not read at all ("run" without "over")
    assert cue_spans("we'll run the inspector out of town", ["run"], 100, "we'll run the inspector out of town".split()) == ([], 0)


@pytest.mark.parametrize("text", ["dead " * 200_000, "i'll stab you " * 70_000, "we're going to torch your office. " * 30_000])
def test_a_megabyte_of_cues_takes_well_under_a_second(text):
    started = time.perf_counter()
    found = find_threats(text)
    assert time.perf_counter() - started < 5  # generous: a few tenths here
    assert len(found) <= 50
