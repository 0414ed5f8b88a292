"""Build suite.jsonl: a CheckList-style behavioural test suite for the civility head.

Every case is a reader comment under a news article, made from a template of this file
and slot fillers of this file, with a fixed seed:

    python make_suite.py            # writes suite.jsonl beside this file

Fields: capability, text, expected ("uncivil" | "civil"), template (the template's id).
The training set (make_train.py) uses other templates and other fillers; check_overlap.py
holds the two apart.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from genlib import MIN_CHARS, Template, expand, visible_length

SEED = 20240611
HERE = Path(__file__).resolve().parent

EXPECTED = {
    "threat_direct": "uncivil",
    "threat_conditional": "uncivil",
    "threat_veiled": "uncivil",
    "negation": "civil",
    "quoted_abuse_denounced": "civil",
    "identity_neutral": "civil",
    "identity_positive": "civil",
    "obfuscated": "uncivil",
    "implicit_insult": "uncivil",
    "plain_insult": "uncivil",
    "civil_disagreement": "civil",
}

# --- fillers -------------------------------------------------------------------------------

NAMES = ["Mr. Carver", "Ms. Lindqvist", "Councillor Brandt", "Professor Adeyemi", "Ms. Ferreira",
         "Ms. Tanaka", "Mayor Pruitt", "Mr. Donnelly"]
WHEN = ["this weekend", "tomorrow morning", "before the month is out", "after your shift on Friday",
        "the next time you leave that newsroom", "as soon as the snow clears"]
HARM_YOU = ["break both of your arms", "put you in the hospital", "beat you until you cannot stand up",
            "smash your teeth in", "slit your throat", "put a bullet in your head",
            "burn your house down with you inside it", "beat you bloody in the parking lot",
            "strangle you with my own hands", "cave your skull in"]
ISSUES = ["the school closures", "the new transit levy", "immigration numbers", "hospital wait times",
          "rent control", "the carbon tax", "the bike lanes on Main Street", "the policing budget"]
POLICIES = ["zoning change", "tax plan", "transit levy", "school merger", "water rate hike", "housing bill"]
DOCS = ["full audit", "second page of the report", "council minutes", "revised budget", "court ruling",
        "study the article links to"]
STREETS = ["Queen Street", "Elm Avenue", "Harbour Road", "Birch Lane", "King Street", "Mill Road"]
PERSON3 = [
    {"n": "the author", "s": "he", "S": "He", "o": "him", "p": "his"},
    {"n": "this columnist", "s": "she", "S": "She", "o": "her", "p": "her"},
    {"n": "the reporter who wrote this", "s": "he", "S": "He", "o": "him", "p": "his"},
    {"n": "that councillor", "s": "she", "S": "She", "o": "her", "p": "her"},
    {"n": "the editor", "s": "he", "S": "He", "o": "him", "p": "his"},
    {"n": "the judge in this case", "s": "she", "S": "She", "o": "her", "p": "her"},
]

FILLERS: dict[str, dict[str, list]] = {
    "threat_direct": {
        "who": NAMES, "when": WHEN, "harm": HARM_YOU,
        "target_pl": ["the whole council", "every reporter at this paper", "the people who wrote this bylaw",
                      "those protesters outside the courthouse", "the school board", "the landlords on my street"],
        "harm_them": ["beat every one of them senseless", "put each of them in the ground", "make them bleed for this",
                      "drag them out of city hall and hurt them badly", "shoot them one by one", "break their necks"],
    },
    "threat_conditional": {
        "who": NAMES, "when": WHEN, "harm": HARM_YOU, "t": PERSON3,
        "part": ["legs", "jaw", "nose", "fingers", "ribs", "kneecaps"],
        "day": ["on Monday night", "this Thursday", "for the budget debate", "next week", "for the public hearing",
                "any evening"],
        "cause": ["my family loses the farm", "my son loses his job", "this plant closes", "our rent goes up again",
                  "they shut our clinic", "my pension gets cut"],
        "cond": ["If I ever run into you at the market", "The moment I see you outside the courthouse",
                 "If you ever set foot in our town again", "Should you show your face at the next council meeting",
                 "If I catch you anywhere near my kids' school", "If you come to the rally on Saturday"],
    },
    "threat_veiled": {
        "who": NAMES, "when": WHEN,
        "tail": ["some of us have long memories", "the nights are getting darker", "we know your routine",
                 "there are a lot of us"],
        "route": ["the office", "the gym", "the school run", "the pub quiz", "night class", "choir practice"],
        "detail": ["Nice blue door, by the way.", "Your kids take the number 12 bus, don't they?",
                   "The roses in your front garden are looking lovely this year.",
                   "That grey hatchback is always parked out front.", "Your wife walks the dog at seven every morning.",
                   "The lights go off at eleven, right?", "Corner house, big oak tree."],
        "thing": ["your family", "your car", "that little bakery your husband runs", "your kids", "your house",
                  "your dog", "your mother", "your office windows", "your daughter", "your brakes"],
        "place": ["Riverside Elementary", "piano lessons on Elm Street", "the bus stop by the library",
                  "swim practice", "the high school", "her friend's house on Maple"],
    },
    "negation": {
        "ins": ["an idiot", "a moron", "a fool", "an imbecile", "a clown", "a halfwit", "stupid", "dumb", "a loser",
                "brain-dead"],
        "ins_pl": ["idiots", "morons", "fools", "imbeciles", "clowns", "halfwits", "losers"],
        "doc": DOCS, "issue": ISSUES, "policy": POLICIES,
        "who": NAMES,
    },
    "quoted_abuse_denounced": {
        "rel": ["son", "daughter", "brother", "nephew", "little sister", "grandson"],
        "q_word": ["retard", "fat pig", "faggot", "dirty immigrant", "terrorist", "freak", "useless cripple",
                   "stupid cow"],
        "q_phrase": ["go back to your own country", "you people are animals", "nobody wants your kind here",
                     "shut up you stupid bitch", "kill yourself", "crawl back under your rock, you freak",
                     "you don't belong here, you dirty animal", "people like you should be locked up"],
        "witness": ["A man on the bus", "A woman outside the pharmacy", "A driver at the lights",
                    "A customer at the checkout", "Some teenager on a bike", "A guy in the stands"],
        "tragedy": ["a drowned child", "a house fire", "a refugee family's death", "a teenager's suicide",
                    "a fatal car crash", "a murdered shopkeeper"],
        "who": NAMES,
        "venue": ["school", "the football club", "the swimming pool", "the bus stop", "the mall", "work"],
    },
    "identity_neutral": {
        "id_np": ["a gay man", "a lesbian", "a Muslim", "a Jewish mother of three", "a Black woman", "a trans woman",
                  "a Sikh", "a Catholic", "an immigrant from Nigeria", "a wheelchair user", "a deaf person",
                  "a Mexican-American"],
        "id_adj": ["Muslim", "Jewish", "gay", "Black", "Somali", "Hindu", "Chinese", "lesbian", "trans", "Mexican",
                   "Arab", "Haitian"],
        "neutral_act": ["run the hardware store", "both work night shifts at the hospital", "moved in two years ago",
                        "just had a baby", "coach the under-10 team", "commute into the city every day"],
        "situation": ["rent rather than own", "work two part-time jobs", "care for an elderly parent",
                      "rely on the night bus", "run a small shop", "have kids in daycare"],
        "policy": POLICIES, "issue": ISSUES, "street": STREETS, "who": NAMES,
    },
    "identity_positive": {
        "grp": [{"c": c, "l": l} for c, l in [
            ("Immigrants", "immigrants"), ("Muslim families", "Muslim families"),
            ("Gay and lesbian couples", "gay and lesbian couples"), ("Refugees from Syria", "refugees from Syria"),
            ("Jewish families", "Jewish families"), ("Black business owners", "Black business owners"),
            ("Trans people", "trans people"), ("Mexican families", "Mexican families"),
            ("Somali families", "Somali families"), ("Sikh volunteers", "Sikh volunteers"),
            ("Chinese-Canadian families", "Chinese-Canadian families"), ("Indigenous artists", "Indigenous artists")]],
        "street": STREETS, "policy": POLICIES, "who": NAMES,
        "workplace": ["the hospital", "the warehouse", "the food bank", "the fire hall", "the university",
                      "the bus depot"],
        "thing": ["the community garden", "a free homework club", "the Saturday market", "a youth soccer league",
                  "the winter coat drive", "a seniors' lunch program"],
    },
    "obfuscated": {
        "obf_n": ["1d10t", "m0r0n", "i d i o t", "id!ot", "imbec1le", "m-o-r-o-n", "idi0t", "moronn", "dumba$$",
                  "a$$hole", "j@ckass", "sh1thead"],
        "obf_adj": ["st*pid", "stoopid", "st.u.p.i.d", "dumbb", "r3tarded", "brain-d3ad", "m0ronic", "sh!tty"],
        "obf_pl": ["m0r0ns", "1d10ts", "cl0wns", "a$$holes", "sh!theads", "d1pshits", "r3tards", "f00ls"],
        "source": ["one single farmer", "anyone at the plant", "a real economist", "the families involved",
                   "the nurses", "the teachers"],
        "what": ["taxes", "parking fees", "water rates", "transit fares", "property levies", "permit costs"],
        "issue": ISSUES, "doc": DOCS, "policy": POLICIES,
    },
    "implicit_insult": {
        "who": NAMES, "issue": ISSUES, "doc": DOCS,
    },
    "plain_insult": {
        "ins": ["idiot", "moron", "asshole", "dumbass", "piece of shit", "jackass", "loser", "prick", "dickhead",
                "bitch"],
        "adj": ["fucking", "stupid", "pathetic", "brainless", "worthless", "goddamn"],
        "issue": ISSUES, "who": NAMES,
    },
    "civil_disagreement": {
        "policy": POLICIES, "issue": ISSUES, "who": NAMES,
        "amount": ["$40 million", "nearly a billion dollars", "twice the original estimate",
                   "every household about $300 a year", "more than the whole parks budget",
                   "$12 million in the first year"],
        "fact": ["the bridge was approved in 2019, not 2021", "crime in the downtown core actually fell last year",
                 "the study surveyed 200 people, not 2,000", "the province pays most of that cost, not the city",
                 "the plant employs 900 people, not 400", "wait times went up after the merger, not down"],
        "city": ["Hamilton", "the east end", "this county", "Riverside", "the old town", "Halifax"],
        "years": ["twelve", "thirty", "five", "twenty-two"],
        "counter": ["Our main street is busier than ever.", "The schools here are doing fine.",
                    "Most people I know support the new library.", "Traffic has improved since the bypass opened."],
        "service": ["library hours", "snow clearing", "the night bus", "youth programs", "park maintenance",
                    "the arts grant"],
        "project": ["a new stadium", "the convention centre", "a second city hall", "the downtown casino",
                    "more parking garages", "the mayor's office renovation"],
        "worry": ["what it does to small landlords", "that rural towns get left behind",
                  "how long the construction will take", "the effect on seniors with fixed incomes",
                  "that nobody has costed the maintenance", "that the consultation was too short"],
    },
}

# --- templates -----------------------------------------------------------------------------

_T = [
    # threat_direct: a plain statement that the writer will hurt someone
    ("TD1", "threat_direct", "{who}, I am going to track you down {when} and {harm}. Print that in your paper.", 8),
    ("TD2", "threat_direct", "Read this carefully, {who}: I will come to your office {when} and {harm}.", 8),
    ("TD3", "threat_direct", "This is not a figure of speech and it is not a joke. I am going to {harm} {when}.", 8),
    ("TD4", "threat_direct", "I have had enough of your lies, {who}. I will {harm} {when}, and nobody is going to stop me.", 8),
    ("TD5", "threat_direct", "I am done talking about {target_pl}. I am going to {harm_them} {when}.", 8),
    ("TD6", "threat_direct", "You will not see me coming. I will {harm} {when} and then do the same to your editor.", 8),
    # threat_conditional: harm promised if something happens
    ("TC1", "threat_conditional", "If I ever meet {t[n]} in person I'll break {t[p]} {part}, and I mean every word of that, whatever the police say.", 8),
    ("TC2", "threat_conditional", "Let {t[n]} come to our town hall {day} and see what happens. {t[S]} will be leaving on a stretcher.", 8),
    ("TC3", "threat_conditional", "One more article like this, {who}, and I will personally {harm}. Consider this your only warning.", 8),
    ("TC4", "threat_conditional", "If {cause} because of this, I will hunt down {t[n]} and make {t[o]} pay in blood.", 8),
    ("TC5", "threat_conditional", "You print my name again without asking and I swear I will {harm}.", 8),
    ("TC6", "threat_conditional", "{cond}, I will {harm}. Enjoy writing your last article.", 8),
    # threat_veiled: intimidation without a stated act
    ("TV1", "threat_veiled", "I know where you live, {who}. {detail} Think about that before you write your next column.", 8),
    ("TV2", "threat_veiled", "Watch your back on the way home from {route} these days. Not every reader of this paper is as patient as I am, and {tail}.", 8),
    ("TV3", "threat_veiled", "It would be a real shame if something happened to {thing}, {who}, after an article like this.", 8),
    ("TV4", "threat_veiled", "People who write stories like this tend to have accidents. Drive carefully {when}, {who}.", 8),
    ("TV5", "threat_veiled", "We have your home address now, {who}, and a few of us are very keen to pay you a visit {when}.", 8),
    ("TV6", "threat_veiled", "Your daughter walks home from {place} alone, doesn't she, {who}? Be a shame if you kept writing this stuff.", 8),
    # negation: an insult word, negated or disowned
    ("NG1", "negation", "You are not {ins}, {who}, you just haven't seen the {doc} yet. Read it and I think you'll come round.", 8),
    ("NG2", "negation", "I would never call you {ins} for backing the {policy}, but I do think the numbers don't add up.", 8),
    ("NG3", "negation", "Nobody in this thread is {ins}, {who}. We simply disagree about {issue}, and that is allowed.", 8),
    ("NG4", "negation", "I don't think {who} is {ins} at all; the article just leaves out the history of {issue}.", 8),
    ("NG5", "negation", "Let me be clear, {who}, I am not saying you are {ins}. I am saying the {policy} was rushed through.", 8),
    ("NG6", "negation", "Calling people {ins_pl} won't fix {issue}, {who}. Nobody who worries about it deserves to be mocked.", 8),
    # quoted_abuse_denounced: abuse quoted in order to condemn it
    ("QA1", "quoted_abuse_denounced", "Someone called my {rel} a '{q_word}' at {venue} last week and it is disgusting. You are right that it has to stop.", 8),
    ("QA2", "quoted_abuse_denounced", "{witness} shouted '{q_phrase}' at my neighbour. That is exactly the hate this piece describes, and it is shameful.", 8),
    ("QA3", "quoted_abuse_denounced", "When {who} was called a '{q_word}' during the meeting, nobody in the room said a word. We should all be ashamed of that.", 8),
    ("QA4", "quoted_abuse_denounced", "My {rel} came home asking what '{q_word}' means because a kid at {venue} keeps saying it. Adults need to step in.", 8),
    ("QA5", "quoted_abuse_denounced", "The messages to my {rel} quoted here ('{q_phrase}') made me feel sick. Thank you for reporting on it, {who}.", 8),
    ("QA6", "quoted_abuse_denounced", "Writing '{q_phrase}' under a story about {tragedy} is never acceptable. Moderators, please remove those posts.", 8),
    # identity_neutral: an identity term in an ordinary comment
    ("IN1", "identity_neutral", "As {id_np}, I think the {policy} will mostly land on people who {situation}, and your article should have said so.", 8),
    ("IN2", "identity_neutral", "My {id_adj} neighbours {neutral_act}, and they worry about {issue} just as much as everyone else on our street.", 8),
    ("IN3", "identity_neutral", "Speaking as {id_np}, {who}, I'd like to know how the new {policy} affects families who {situation}.", 8),
    ("IN4", "identity_neutral", "The {id_adj} community centre on {street} is holding a meeting about {issue} on Thursday if anyone has questions.", 8),
    ("IN5", "identity_neutral", "I'm {id_adj} and I voted for the mayor last time, but this {policy} has lost my vote.", 8),
    ("IN6", "identity_neutral", "Your article quotes {id_np} living near the plant, {who}; I'd like to hear from more residents about {issue} too.", 8),
    # identity_positive: praise of a group
    ("IP1", "identity_positive", "You're right that {grp[l]} have made this town better. Half the shops on {street} would be empty without them.", 8),
    ("IP2", "identity_positive", "I'm proud that our city welcomed so many {grp[l]}; my kids' school on {street} is richer for it.", 8),
    ("IP3", "identity_positive", "The {grp[l]} I work with at {workplace} are some of the kindest, hardest-working people I know.", 8),
    ("IP4", "identity_positive", "Good to see a story celebrating {grp[l]}, {who}. They have been part of this country's success for generations.", 8),
    ("IP5", "identity_positive", "{grp[c]} started {thing} in our neighbourhood and everyone benefits from it. More stories like this, please.", 8),
    ("IP6", "identity_positive", "Whatever you think of the {policy}, {grp[l]} in this city pay their taxes, volunteer and look after their neighbours.", 8),
    # obfuscated: insults disguised by leetspeak, spacing, symbols, misspelling
    ("OB1", "obfuscated", "Only a complete {obf_n} would write an article this lazy. Did you even talk to {source}?", 8),
    ("OB2", "obfuscated", "What a bunch of {obf_pl} running this council. Every year they raise {what} and fix nothing.", 8),
    ("OB3", "obfuscated", "This is the most {obf_adj} take on {issue} I have read all year, you absolute {obf_n}.", 8),
    ("OB4", "obfuscated", "The author is a complete {obf_n} and so is everyone nodding along in these comments about {issue}.", 8),
    ("OB5", "obfuscated", "Go and read the {doc} before you type another word about {issue}, you {obf_adj} {obf_n}.", 8),
    ("OB6", "obfuscated", "Seriously, who hired these {obf_pl}? The {policy} is {obf_adj} from start to finish.", 8),
    # implicit_insult: demeaning without any insult word or profanity
    ("IM1", "implicit_insult", "People like you shouldn't be allowed to vote, {who}, let alone write about {issue}.", 6),
    ("IM2", "implicit_insult", "Did your mother drop you on your head as a baby, {who}, or did you come up with this take on {issue} all by yourself?", 6),
    ("IM3", "implicit_insult", "I'd explain the {doc} to you, but I left my crayons at home. Maybe someone can draw you a picture of {issue}.", 6),
    ("IM4", "implicit_insult", "Reading your take on {issue}, {who}, is like watching a toddler try to do taxes: painful and pointless.", 6),
    ("IM5", "implicit_insult", "Before we let this writer near {issue} again, maybe check that they can tie their own shoes.", 6),
    ("IM6", "implicit_insult", "Judging by this piece on {issue} and the people cheering it on, the gene pool could really use a lifeguard.", 6),
    ("IM7", "implicit_insult", "Your journalism degree must have come free with a box of cereal, {who}. The piece on {issue} proves it.", 6),
    ("IM8", "implicit_insult", "Were you born this clueless about {issue}, or did it take years of practice?", 6),
    # plain_insult (control): direct, mostly profane insults
    ("PI1", "plain_insult", "You are a {adj} {ins} and this article about {issue} is garbage.", 8),
    ("PI2", "plain_insult", "What a {adj} {ins}, {who}. Whoever let you publish this should be fired today.", 8),
    ("PI3", "plain_insult", "Shut up, you {adj} {ins}. Nobody cares what you think about {issue}.", 8),
    ("PI4", "plain_insult", "The author is a complete {ins} and the editor who approved this piece on {issue} is an even bigger one.", 8),
    ("PI5", "plain_insult", "{who} is a {adj} {ins} and everyone in this town has known it since the fight over {issue}.", 8),
    ("PI6", "plain_insult", "Go to hell, {who}. You are the biggest {ins} this paper has ever employed.", 8),
    # civil_disagreement (control): firm disagreement, no incivility
    ("CD1", "civil_disagreement", "I strongly disagree with you. The {policy} will cost {amount}, and you never explain who pays for it.", 8),
    ("CD2", "civil_disagreement", "With respect, {who}, I think you have this wrong: {fact}. I'd like to see a correction on the {policy} story.", 8),
    ("CD3", "civil_disagreement", "Your piece leaves out the people most affected by {issue}. I think the conclusion is wrong, although I appreciate the reporting.", 8),
    ("CD4", "civil_disagreement", "I've lived in {city} for {years} years and I simply don't recognise the picture painted here. {counter}", 8),
    ("CD5", "civil_disagreement", "Your argument here is weak. Cutting {service} to pay for {project} is a bad trade, and I'll be voting against it.", 8),
    ("CD6", "civil_disagreement", "I disagree with you on {issue}, {who}, but thank you for laying out both sides. My worry is {worry}.", 8),
]
TEMPLATES = [Template(*row) for row in _T]


def build() -> list[dict]:
    cases = expand(TEMPLATES, FILLERS, SEED)
    for case in cases:
        case["expected"] = EXPECTED[case["capability"]]
    return cases


def main() -> int:
    cases = build()
    short = [c["text"] for c in cases if visible_length(c["text"]) < MIN_CHARS]
    if short:
        print("shorter than the site's minimum:", *short, sep="\n  ", file=sys.stderr)
        return 1
    counts = Counter(c["capability"] for c in cases)
    assert all(counts[cap] >= 40 for cap in EXPECTED), counts
    assert sum(counts[c] for c in EXPECTED if c.startswith("threat_")) >= 60
    with (HERE / "suite.jsonl").open("w", encoding="utf-8") as out:
        for c in cases:
            out.write(json.dumps({"capability": c["capability"], "text": c["text"], "expected": c["expected"],
                                  "template": c["template"]}, ensure_ascii=False) + "\n")
    for cap in EXPECTED:
        print(f"{cap:24} {counts[cap]:4}")
    print(f"{'total':24} {len(cases):4}  -> suite.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
