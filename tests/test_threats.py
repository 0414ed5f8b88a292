"""Threats are found in what a reader threatens, veiled or not, and not in what a comment
says about threats, in figures of speech, or in threats it negates or quotes."""

from __future__ import annotations

import csv
import time

import pytest

from conftest import shared_path
from moderation.decide.threats import MAX_THREATS, find_threats

THREATS = [
    # direct: the writer, or the writer's side, will hurt, kill, find or visit
    "I will kill you.",
    "I'm going to find you and make you pay for this article.",
    "We will hunt you down.",
    "gonna find you and end you",
    "i will kill u",
    "Imma beat you senseless.",
    "I'm gonna break your legs.",
    "I'll slit your throat.",
    "We\u2019re going to make you suffer.",
    "My friends and I are going to burn your house down.",
    "Some of us would love to pay you a visit.",
    "I'll be waiting outside your house.",
    "Somebody needs to beat the crap out of this reporter.",
    "Someone should put a bullet in his head.",
    "I really want to punch him in the face.",
    "I will make sure you never write again.",
    "I will personally see to it that you suffer.",
    "Let's go pay this reporter a visit.",
    "I'm going to murder Trudeau.",
    "We'll make an example of you.",
    "I'll make your life a living hell.",
    "I hope someone shoots you.",
    "Traitors like him should be hanged.",
    "You are a dead man.",
    # conditional: a condition, then a threat or a consequence
    "Keep writing lies like this and I will hurt you.",
    "If you publish my name again, I will come to your office.",
    "One more article like this and you'll regret it.",
    "If I ever see you in town, I'll kill you.",
    "Next time I see you, you're dead.",
    "Try it and see what happens.",
    "Stop writing about us or else.",
    "If you don't take this down, we will post your home address.",
    "Keep it up and you'll end up in a ditch.",
    "Publish that again and see what happens.",
    "Mention my name again and I'll break your jaw.",
    "Touch my family and you die.",
    "If you know what's good for you, you'll keep quiet.",
    "Shut up or I'll shut you up permanently.",
    "Print one more lie about me and you're finished.",
    # veiled: intimidation with no act stated
    "We know where you live, Sarah.",
    "I know where Sarah lives.",
    "We know where your office is.",
    "You will regret writing this article.",
    "There will be blood if you publish this.",
    "Keep talking, you won't like what happens next.",
    "I know which school your kids go to.",
    "I know what time you leave the office.",
    "I have your home address.",
    "Nice house. Would be a shame if something happened to it.",
    "It would be a shame if your kids got hurt.",
    "I'd hate for something to happen to your family.",
    "Be a shame if anything happened to that pretty face of yours.",
    "Watch your back, journalist.",
    "You'd better watch your back.",
    "Better start looking over your shoulder.",
    "Accidents happen, you know.",
    "Sleep well tonight.",
    "Lock your doors tonight.",
    "Check under your car before you drive to work.",
    "Enjoy your life while you can.",
    "Your days are numbered.",
    "You have been warned.",
    "This is your last warning.",
    "We're coming for you.",
    "Does your daughter still walk home alone from school?",
    "Your husband leaves for work at 7, doesn't he?",
    "Say hi to your wife for me.",
    "We've been watching you.",
    "I followed you home yesterday.",
    "You don't know who you're dealing with.",
    "People like you tend to disappear.",
    "Remember what happened to the last reporter who wrote about us.",
    "You won't see it coming.",
    "You can run but you can't hide.",
    "There's a bullet with your name on it.",
    "Your family won't be safe.",
    "Be careful walking home at night.",
    "You'd better be careful what you write.",
    "I live not far from you, you know.",
    "I'd watch my back if I were you.",
    "It's a dangerous world for a girl like you.",
    "Only a matter of time before someone finds you.",
    "Nobody would miss you if you disappeared.",
    "You won't be writing much longer.",
    "We have eyes on your house.",
    "Hope your insurance is paid up.",
]

NOT_THREATS = [
    # reporting, quoting and condemning threats
    "The minister said she had received death threats.",
    "Police say the man threatened to kill his neighbour.",
    "He wrote that he would find her and kill her.",
    "She received messages saying 'we know where you live'.",
    "The caller said: I know where you live.",
    "The sign read: we know where you live.",
    "Threatening journalists with 'watch your back' is disgraceful.",
    "Nobody should say 'I will kill you' to a reporter.",
    "They threatened to burn down his house, according to the court filing.",
    "The trolls told her they knew where she lived, which is a crime.",
    "Police are investigating threats against the reporter, including one that said 'we know where your kids go to school'.",
    "He was convicted of uttering death threats against his ex-wife.",
    "Man charged after saying he would kill MP.",
    "My grandmother used to say: watch your back in this city.",
    "Someone spray-painted we know where you live on her garage.",
    "He got voicemails saying we know where your kids go to school.",
    "Saying I will kill you to a reporter is a crime.",
    # negated
    "I would never hurt anyone.",
    "Nobody is going to hurt you, calm down.",
    "I'm not saying I'll hurt you.",
    "People shouldn't be shot for being black.",
    "I hope you never die.",
    # figures of speech, competition, hypotheticals, advice
    "This policy will kill the industry.",
    "I could kill for a coffee right now.",
    "The deficit will destroy us.",
    "The price of gas is going to kill us.",
    "Smoking will kill you.",
    "The new tax will hurt families.",
    "We will kill this bill in committee.",
    "We need to kill the subsidies for oil companies.",
    "We will hurt them economically with tariffs.",
    "Someone should end him politically.",
    "The Liberals will be destroyed at the polls.",
    "We will teach them a lesson at the ballot box.",
    "Voters will make them pay at the ballot box.",
    "We're going to kill them in the playoffs tonight.",
    "I'm going to kill it at the job interview tomorrow.",
    "My mom is going to kill me when she sees my grades.",
    "If someone hurt my child I would kill him.",
    "If you vote for them, you'll regret it.",
    "If you keep eating like that, you'll end up in hospital.",
    "Keep spending and see what happens to the deficit.",
    "In this game you have to watch your back at all times.",
    "Be careful what you wish for.",
    "Be careful out there on the icy roads.",
    "Be very careful with those statistics.",
    "If I were you, I'd be careful about investing in crypto.",
    "Lock your doors and windows when you go on vacation? Always good advice, but burglars are rarely deterred.",
    "Accidents happen, that's why we have insurance.",
    "Accidents happen on this highway every winter.",
    "Enjoy the low gas prices while they last.",
    "Cheap oil's days are numbered.",
    "Your days in office are numbered, Premier, come October.",
    "You have been warned about the side effects by your doctor.",
    "This is a warning to all taxpayers: the deficit is growing.",
    "It would be a shame if this bill failed.",
    "The film should be shot in black and white.",
    "The proposal should be shot down.",
    "Should the death penalty apply, he should be executed.",
    "You'd better believe it.",
    "You better run for office yourself then.",
    "You better watch out for falling prices.",
    # ordinary uses of the words threats are made of
    "I'll find you a better source on that.",
    "We will find them guilty of nothing but hypocrisy.",
    "I know where you are coming from, but I disagree.",
    "We know where you stand on this issue.",
    "We'll find out where you stand on this, Minister.",
    "I found your article very helpful.",
    "I saw you on TV last night, great interview.",
    "Take care of yourself.",
    "Nice car you have there, what year is it?",
    "I'll deal with you later, I have to go to work now.",
    "Google knows where you live.",
    "Data brokers sell your information; they know where you live and what you buy.",
    "Your kids' school will lose funding under this plan.",
    "If you care about your children's safety, support the bill.",
    "Parents worry that their kids walk home alone from school these days.",
    "I hope your family is safe after the storm.",
    "If you think the economy is fine, you are dead wrong.",
    "You are next in line for the promotion.",
    "We are coming to the end of this government's term.",
    "They're coming for your guns, wake up people.",
    "We need to hunt down the people who did this and bring them to justice.",
    "Journalists in Mexico often disappear.",
    "It's a dangerous world out there.",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_threat_is_found_with_its_span_and_pattern(text):
    found = find_threats(text)
    assert found, text
    for threat in found:
        assert threat.kind in {"direct", "conditional", "veiled"}
        assert threat.text == text[threat.start : threat.end] and threat.text.strip()
        assert threat.pattern


@pytest.mark.parametrize("text", NOT_THREATS)
def test_talk_about_threats_and_figures_of_speech_are_not_threats(text):
    assert find_threats(text) == []


@pytest.mark.parametrize(("text", "kind", "found"), [
    ("I'll find you.", "direct", "I'll find you"),
    ("Ok. If you write about my kids again, I will hurt you.", "conditional", "If you write about my kids again, I will hurt you"),
    ("Stop writing or you'll regret it.", "conditional", "Stop writing or you'll regret it"),
    ("Say that again and I'll break your nose.", "conditional", "Say that again and I'll break your nose"),
    ("Nice article. We know where you live.", "veiled", "We know where you live"),
])  # fmt: skip
def test_the_kind_and_the_span_name_what_the_moderator_reads(text, kind, found):
    [threat] = find_threats(text)
    assert (threat.kind, threat.text) == (kind, found)


def test_spans_are_those_of_the_original_text_whatever_its_characters():
    text = "Caf\u00e9 \u0130stanbul \u2014 \u201cnice\u201d article\u2026 W\u0130th love: I\u2019ll find you, \u00e9crivain."
    [threat] = find_threats(text)
    assert threat.text == "I\u2019ll find you" == text[threat.start : threat.end]
    assert [t.text for t in find_threats("WE KNOW WHERE YOU LIVE")] == ["WE KNOW WHERE YOU LIVE"]


def test_several_threats_come_in_order_and_apart():
    text = "You have been warned. I know where you live. And one more word and I'll break your neck."
    found = find_threats(text)
    assert [t.pattern for t in found] == ["you have been warned", "knows where you live", "will break bones"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_nothing_to_find_in_nothing():
    assert find_threats("") == [] == find_threats("   \n ") == find_threats("Thanks for the balanced article.")


HOSTILE = [
    "you " * 250_000,
    "kill you. " * 100_000,
    "I will kill you " * 60_000,
    "if you " * 150_000,
    "we're " * 170_000 + "coming",
    "your kids " * 100_000,
    "where " * 160_000,
    "a" * 1_000_000,
    " " * 1_000_000 + "watch your back",
    '"' * 500_000 + " I will kill you",
    "\u0130" * 1_000_000 + " I\u2019ll kill you",
    ". " * 500_000 + "watch your back",
    "we know where you live and " * 40_000,
    ("A long, ordinary comment about the ferry timetable and the council budget, with no threat in it. " * 10_000),
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text[:12]))
def test_a_megabyte_of_hostile_text_takes_well_under_a_second(text):
    find_threats("warm the compiled rules: I will find you")
    began = time.perf_counter()
    found = find_threats(text)
    assert time.perf_counter() - began < 1.0
    assert len(found) <= MAX_THREATS
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.shared
def test_few_news_comments_are_flagged():
    """On the C3 news comments (hardly any of which threaten anyone) the rule fires on
    well under 0.3% of them."""
    with open(shared_path("datasets", "c3", "c3_train.csv"), newline="", encoding="utf-8") as file:
        comments = [row["comment_text"] for row in csv.DictReader(file)]
    flagged = sum(1 for comment in comments if find_threats(comment))
    assert len(comments) > 9000 and flagged / len(comments) < 0.003
