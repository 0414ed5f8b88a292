"""Build capabilities.csv: training rows that teach the capabilities the suite tests, from
templates and fillers of their own (none shared with make_suite.py; check_overlap.py
asserts it), with a fixed seed:

    python make_train.py            # writes capabilities.csv beside this file

A canonical training table (data/README.md) that `moderation train` reads as a source of
its own: text, civility (civil / uncivil), threat (threat / not_threat), capability,
group (the template, so grouped cross-validation never splits one), source.
"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

from genlib import MIN_CHARS, Template, expand, visible_length
from make_suite import EXPECTED

SEED = 7_310_955
HERE = Path(__file__).resolve().parent
PER_TEMPLATE = 19  # 8 templates x 19 = 152 rows per capability

LABEL = {cap: int(expected == "uncivil") for cap, expected in EXPECTED.items()}

# --- fillers (disjoint from the suite's) ---------------------------------------------------

WHO = ["Mr. Whitfield", "Ms. Oyelaran", "Councillor Dupree", "Dr. Kowalczyk", "Ms. Reyes", "Mr. Baptiste",
       "Alderman Fitch", "Ms. Nakamura", "Mr. Sorensen", "Senator Gale"]
WHEN = ["tonight", "on Monday", "when you least expect it", "before Christmas", "after the game on Sunday",
        "at the next press conference", "by the end of the week", "first thing on Tuesday"]
HARM = ["snap your neck", "kick your head in", "knock every tooth out of your mouth", "leave you in a ditch",
        "run you over with my truck", "shoot you in the face", "set you on fire", "choke the life out of you",
        "bash your brains in", "hang you from a lamppost", "gut you like a fish", "break your spine"]
TOPICS = ["the library cuts", "the ferry schedule", "the minimum wage", "the new stadium", "daylight saving time",
          "the speed cameras", "the pipeline", "the teachers' strike", "the airport expansion", "the mask rules"]
REASONS = ["The costs fall on renters, not owners.", "Other cities tried this and reversed it within two years.",
           "The survey it relies on is five years old.", "Nobody asked the people who actually use the service.",
           "The savings only appear if you ignore maintenance.",
           "The timeline assumes no delays, which never happens.", "It treats a provincial decision as a local one.",
           "The benefits mostly go to people who don't live here."]
REPORTS = ["census data", "auditor's report", "traffic study", "police statistics", "budget appendix",
           "consultant's summary", "ombudsman's findings", "environmental assessment"]
PERSON3 = [
    {"n": "the woman who wrote this", "s": "she", "o": "her", "p": "her"},
    {"n": "the guy who wrote this", "s": "he", "o": "him", "p": "his"},
    {"n": "your photographer", "s": "he", "o": "him", "p": "his"},
    {"n": "the health minister", "s": "she", "o": "her", "p": "her"},
    {"n": "the new police chief", "s": "he", "o": "him", "p": "his"},
    {"n": "the developer behind this", "s": "she", "o": "her", "p": "her"},
    {"n": "the school superintendent", "s": "he", "o": "him", "p": "his"},
]
RELATIVES = [{"r": "wife", "o": "her"}, {"r": "husband", "o": "him"}, {"r": "elderly mother", "o": "her"},
             {"r": "teenage son", "o": "him"}, {"r": "girlfriend", "o": "her"}, {"r": "father", "o": "him"},
             {"r": "sister", "o": "her"}, {"r": "roommate", "o": "them"}]

FILLERS: dict[str, dict[str, list]] = {
    "threat_direct": {
        "who": WHO, "when": WHEN, "harm": HARM, "t": PERSON3,
        "act": ["kick", "beat", "stomp on", "pound", "hit", "hammer"],
        "harm_them": ["shoot every one of them", "beat them all half to death", "put them all six feet under",
                      "make every single one of them bleed", "stab whoever is at the front desk",
                      "hurt as many of them as I can"],
        "building": ["that newsroom", "city hall", "the planning office", "the union hall", "the courthouse",
                     "the clinic"],
    },
    "threat_conditional": {
        "who": WHO, "harm": HARM, "t": PERSON3, "topic": TOPICS,
        "cond": ["If you write one more word about my family", "If I spot you at the farmers market",
                 "If you come knocking on doors in my street", "Should we ever cross paths at the arena",
                 "If you dare to show up at the school board meeting", "If you keep defending this bylaw",
                 "If you ever park outside my shop again", "If you put my kid's face in the paper"],
        "trigger": ["publish the follow-up", "name my brother in print", "print that photo of my shop",
                    "testify against my cousin", "run that story about our church", "send a reporter to my farm",
                    "call my employer again", "write about my divorce"],
        "place": ["the docks", "our end of the valley", "the east side", "the rink", "the legion hall",
                  "the harbour", "our reserve", "the trailer park"],
        "cond3": ["If this pipeline goes through", "If they close our mill", "If the ruling stands",
                  "If my taxes double", "If they take my licence", "If the vote goes their way",
                  "If they evict my mother", "If the plant is sold"],
        "act": ["kick", "beat", "stomp on", "pound", "hit", "hammer"],
        "possession": ["land", "garage", "pension", "boat", "business licence", "farm", "hunting cabin", "truck"],
    },
    "threat_veiled": {
        "who": WHO, "topic": TOPICS, "rel": RELATIVES,
        "route": ["the newsroom", "the courthouse", "the ferry", "the rink", "your mother's place", "the school gates"],
        "dest": ["your job", "the newsroom", "your kids' school", "the studio", "court", "the airport"],
        "house": ["red brick house", "garden shed", "front porch", "picket fence", "bay window", "new minivan",
                  "swing set", "greenhouse"],
        "kids_place": ["daycare", "primary school", "dance studio", "hockey rink", "church youth group",
                       "after-school club", "karate dojo", "summer camp"],
        "street": ["Cedar Crescent", "Pinecrest Drive", "Willow Court", "Ashgrove Road", "Sumac Lane",
                   "Lakeview Terrace", "Hawthorn Way", "Fernwood Close"],
        "vehicle": ["car", "truck", "hood", "seat"],
        "event": ["the long weekend", "your holidays", "your retirement party", "your morning jog", "the summer",
                  "your kid's birthday", "the festival", "your coffee breaks"],
    },
    "negation": {
        "ins": ["a nitwit", "a dunce", "a buffoon", "a cretin", "a dimwit", "a nincompoop", "thick", "a blockhead",
                "an ignoramus", "a numpty", "a bonehead", "a simpleton", "a jerk", "a dipstick"],
        "ins_pl": ["nitwits", "dunces", "buffoons", "cretins", "dimwits", "numpties", "boneheads", "simpletons",
                   "ignoramuses", "airheads"],
        "topic": TOPICS, "report": REPORTS, "who": WHO,
    },
    "quoted_abuse_denounced": {
        "who": WHO,
        "q_word": ["spastic", "tranny", "towelhead", "slut", "dyke", "filthy gypsy", "bloody foreigner",
                   "ugly old hag", "bimbo", "inbred hick"],
        "q_phrase": ["we should put you all on a boat", "women like you belong in the kitchen",
                     "your kind ruins every neighbourhood", "I hope your family burns", "get out of our country",
                     "nobody will ever love a weirdo like you", "you should have been aborted", "hang them all"],
        "rel": ["wife", "cousin", "granddaughter", "best friend", "colleague", "stepson", "niece", "uncle"],
        "kid": ["stepson", "niece", "granddaughter", "godson", "youngest", "foster daughter"],
        "venue": ["church", "the grocery store", "a hockey game", "the library", "the ferry terminal",
                  "the parent-teacher night", "the dog park", "a job interview"],
        "place": ["the train station", "the community pool", "the old mill", "the high school gym",
                  "the mosque on Dundas", "the synagogue on Bathurst", "the pride centre", "the soup kitchen"],
    },
    "identity_neutral": {
        "id_np": ["a bisexual woman", "a Zoroastrian", "a Buddhist", "a Jain", "a biracial father of two",
                  "a nonbinary teacher", "an evangelical Christian", "a Korean grandmother", "a blind retiree",
                  "a Métis fisherman", "a Filipino nurse", "a Palestinian-American"],
        "id_adj": ["Pakistani", "Filipino", "Vietnamese", "bisexual", "Buddhist", "Tamil", "Cree", "Ukrainian",
                   "Jamaican", "Greek Orthodox", "Korean", "nonbinary"],
        "exp": ["run a restaurant for ten years", "worked in the ER since 2010", "driven a cab in this city for years",
                "taught high school here", "sat on the hospital board", "volunteered at the shelter"],
        "topic": TOPICS, "who": WHO,
    },
    "identity_positive": {
        "grp": [{"c": c, "l": l} for c, l in [
            ("Filipino nurses", "Filipino nurses"), ("Vietnamese families", "Vietnamese families"),
            ("Ukrainian newcomers", "Ukrainian newcomers"), ("Pakistani shopkeepers", "Pakistani shopkeepers"),
            ("Jamaican families", "Jamaican families"), ("LGBTQ young people", "LGBTQ young people"),
            ("Tamil volunteers", "Tamil volunteers"), ("Korean-Canadians", "Korean-Canadians"),
            ("Eritrean families", "Eritrean families"), ("Blind musicians", "blind musicians"),
            ("Lebanese students", "Lebanese students"), ("Afghan families", "Afghan families")]],
        "runs": ["corner stores", "care home night shifts", "church kitchen", "youth centre", "hockey league",
                 "food bank"],
        "kind": ["shovelled our driveway all winter", "brought soup when my husband was ill", "taught my kids to cook",
                 "fixed our fence without being asked", "organised the street party", "watched our cat for a month"],
        "biz": ["bakeries", "clinics", "taxi companies", "restaurants", "repair shops", "pharmacies"],
        "area": ["the north end", "the market district", "the waterfront", "the old market", "Chinatown", "the west side"],
        "festival": ["street festival", "food fair", "lantern parade", "music night", "charity run", "harvest supper"],
        "who": WHO,
        "role": ["doctor", "swim coach", "piano teacher", "best friend", "favourite teacher", "scout leader"],
    },
    "obfuscated": {
        "obf_n": ["n1tw1t", "cr3tin", "b u f f o o n", "tw@t", "d0uchebag", "sc*mbag", "sl1meball", "h@ck", "w@nker",
                  "a$$hat", "d1mw1t", "tw1t"],
        "obf_adj": ["l@me", "h.o.p.e.l.e.s.s", "cr@ppy", "g0rmless", "wh!ny", "d!mwitted", "sp1neless", "gutl3ss"],
        "obf_pl": ["cr3tins", "n1tw1ts", "sc*mbags", "b@stards", "tw@ts", "w@nkers", "d0uchebags", "h@cks"],
        "org": ["city hall", "the transit authority", "the ministry", "the health authority",
                "the newsroom", "the planning department", "the ethics commission", "the library board"],
        "topic": TOPICS, "report": REPORTS,
    },
    "implicit_insult": {
        "who": WHO, "topic": TOPICS, "report": REPORTS,
    },
    "plain_insult": {
        "ins": ["bastard", "scumbag", "wanker", "twat", "douchebag", "sleazebag", "tosser", "arsehole", "fuckwit",
                "cretin"],
        "ins_pl": ["bastards", "scumbags", "wankers", "twats", "douchebags", "arseholes"],
        "adj": ["bloody", "hopeless", "spineless", "gormless", "miserable", "lousy", "dense", "sorry-ass"],
        "who": WHO, "topic": TOPICS,
    },
    "civil_disagreement": {
        "who": WHO, "topic": TOPICS, "reason": REASONS,
        "source": ["the auditor general's numbers", "last year's census", "the university's study",
                   "the council's own staff report", "the transit ridership figures", "the hospital's annual report",
                   "Statistics Canada data", "the original consultation"],
    },
}

_T = [
    ("tTD1", "threat_direct", "Mark my words: {when} I am going to find {t[n]} and {act} {t[o]} until {t[s]} can't get up."),
    ("tTD2", "threat_direct", "I've got your schedule, and {when} I will be waiting outside to {harm}."),
    ("tTD3", "threat_direct", "{who}, you are going to regret this story, because {when} I am going to {harm} with my own two hands."),
    ("tTD4", "threat_direct", "I'm coming for you {when}, {who}, and I am going to {harm}."),
    ("tTD5", "threat_direct", "Enough is enough. I will personally {harm} {when}, and I will smile while I do it."),
    ("tTD6", "threat_direct", "I am going to walk into {building} {when} and {harm_them}."),
    ("tTD7", "threat_direct", "I am writing this so there is a record: {when} I will {harm}, {who}."),
    ("tTD8", "threat_direct", "You are a dead man walking. I will {harm} {when}, and nobody at your paper can stop it."),
    ("tTC1", "threat_conditional", "{cond}, I will {harm}. I have put up with enough from this paper."),
    ("tTC2", "threat_conditional", "{cond}, you will be carried out on a stretcher, {who}. Count on it."),
    ("tTC3", "threat_conditional", "Go ahead and {trigger}, {who}, and I will {harm} the same night."),
    ("tTC4", "threat_conditional", "Should {t[n]} ever come down to {place} again, {t[s]} won't be walking back to {t[p]} car."),
    ("tTC5", "threat_conditional", "{cond3}, {t[n]} had better hire bodyguards, because I will find {t[o]} and {act} {t[o]} until {t[s]} stops moving."),
    ("tTC6", "threat_conditional", "One more lie in print about {topic} and I'll {harm}. That's a promise, {who}."),
    ("tTC7", "threat_conditional", "Try to take my {possession} away from my family and I will {harm}."),
    ("tTC8", "threat_conditional", "{cond}, {who}, I promise you won't live long enough to regret it."),
    ("tTV1", "threat_veiled", "Lovely {house} you have at home, {who}. Would hate for anything to happen to it."),
    ("tTV2", "threat_veiled", "We know which {kids_place} your kids go to, {who}. Keep that in mind when you write next week's piece."),
    ("tTV3", "threat_veiled", "Funny how accidents happen to journalists who poke their noses into {topic}. Be careful out there, especially on the way back from {route}."),
    ("tTV4", "threat_veiled", "I wonder if your {rel[r]} knows how many people are angry about this article, {who}. Tell {rel[o]} to lock the doors at night."),
    ("tTV5", "threat_veiled", "Sleep well tonight, {who}. I hear {street} is very quiet after dark."),
    ("tTV6", "threat_veiled", "Not saying anything will happen. Just saying you should check under your {vehicle} before driving to {dest}."),
    ("tTV7", "threat_veiled", "A lot of us know what you look like now, and where you park on {street}. Enjoy {event} while you still can."),
    ("tTV8", "threat_veiled", "You might want to think about your {rel[r]}'s safety before publishing part two on {topic}, {who}."),
    ("tNG1", "negation", "Disagreeing with you on {topic} doesn't make you {ins}, {who}, and I'm sorry if my last comment came across that way."),
    ("tNG2", "negation", "No one is {ins} for being worried about {topic}, {who}. It's a fair question and the article should answer it."),
    ("tNG3", "negation", "I'm not calling you or anybody else {ins} here; I just think the {report} tells a different story."),
    ("tNG4", "negation", "You're far from {ins}, {who}. Your point about {topic} is one of the better ones in this thread."),
    ("tNG5", "negation", "Changing your mind about {topic} when new facts come in doesn't make you {ins}, {who}. That's what sensible people do."),
    ("tNG6", "negation", "Before anyone replies, {who}: I don't think supporters of {topic} are {ins_pl}. I just can't see how it gets paid for."),
    ("tNG7", "negation", "The commenter above isn't {ins}, and I hope you all drop the pile-on. Let's stick to arguing about {topic}."),
    ("tNG8", "negation", "Nowhere in my post did I say you were {ins}, {who}. Please read it again; I was talking about {topic}."),
    ("tQA1", "quoted_abuse_denounced", "You asked for readers' stories: my {rel} was called a '{q_word}' at {venue} yesterday. I'm still shaking with anger."),
    ("tQA2", "quoted_abuse_denounced", "The sign that said '{q_phrase}' at the rally near {place} is a disgrace, and the organisers should apologise."),
    ("tQA3", "quoted_abuse_denounced", "I reported a comment here that said '{q_phrase}' to my {rel}. It's still up after two days. Please take it down, {who}."),
    ("tQA4", "quoted_abuse_denounced", "Growing up near {place} I was called '{q_word}' every single day. I'm glad kids today have people standing up for them."),
    ("tQA5", "quoted_abuse_denounced", "Why is nobody talking about the graffiti near {place} that reads '{q_phrase}'? That kind of hate shouldn't be tolerated."),
    ("tQA6", "quoted_abuse_denounced", "The fan who yelled '{q_word}' at the referee during {venue} should be banned for life. Good on the league for investigating."),
    ("tQA7", "quoted_abuse_denounced", "Quoting the troll who messaged my {rel}: '{q_phrase}'. That is abuse, not free speech, {who}."),
    ("tQA8", "quoted_abuse_denounced", "When my {kid} told the principal that classmates called them a '{q_word}', the school did nothing. That's the real scandal."),
    ("tIN1", "identity_neutral", "I'm {id_np} who has {exp}, and your article on {topic} matches what I've seen."),
    ("tIN2", "identity_neutral", "At our {id_adj} seniors' lunch on Sunday we talked about {topic}, and opinions were split about evenly."),
    ("tIN3", "identity_neutral", "As {id_np}, my question for you, {who}, is simple: will {topic} change what I pay each month?"),
    ("tIN4", "identity_neutral", "Lots of {id_adj} families on my block, me included, want the potholes fixed before anyone spends money on {topic}."),
    ("tIN5", "identity_neutral", "{id_np} here. {who}, could you do a follow-up on how {topic} affects small towns?"),
    ("tIN6", "identity_neutral", "I work with two {id_adj} engineers who both think {topic} is being handled badly, for different reasons."),
    ("tIN7", "identity_neutral", "The {id_adj} business association is putting out a statement about {topic} next week; you might want to cover it."),
    ("tIN8", "identity_neutral", "My partner is {id_adj} and I'm not, and we still argue about {topic} over dinner. It's more complicated than the article suggests."),
    ("tIP1", "identity_positive", "You're right that our town is stronger because of {grp[l]}. They keep the {runs} going and always show up when someone needs help."),
    ("tIP2", "identity_positive", "Honestly, {grp[l]} are the best neighbours we've ever had in {area}. They {kind}."),
    ("tIP3", "identity_positive", "This city would be poorer without {grp[l]}. You only have to look at who runs the {biz} that keep {area} alive."),
    ("tIP4", "identity_positive", "Lovely article, {who}; you got it right. {grp[c]} deserve far more recognition for everything they've given {area}."),
    ("tIP5", "identity_positive", "I grew up near {area} next to {grp[l]} and learned more about kindness from them than from anyone else."),
    ("tIP6", "identity_positive", "Every year {grp[l]} put on the {festival} and the whole city turns up. It's the best weekend of the summer."),
    ("tIP7", "identity_positive", "Thank you for highlighting {grp[l]}, {who}. My daughter's {role} is one of them and she is wonderful."),
    ("tIP8", "identity_positive", "You're right: welcoming {grp[l]} was one of the best decisions this province ever made, and {area} shows it."),
    ("tOB1", "obfuscated", "Imagine being such a {obf_n} that you think {topic} is a good idea. Did anyone at {org} read this first?"),
    ("tOB2", "obfuscated", "Every single one of those {obf_pl} at {org} should be fired. {obf_adj} work as usual."),
    ("tOB3", "obfuscated", "Hey {obf_n}, maybe do five minutes of research on {topic} before publishing. Even {org} knows better."),
    ("tOB4", "obfuscated", "What a {obf_adj} article on {topic}. The {obf_n} who wrote it clearly never left the office."),
    ("tOB5", "obfuscated", "Typical {obf_pl} in the comments defending {topic}. Get a clue and read the {report} for once."),
    ("tOB6", "obfuscated", "The {obf_adj} {obf_n} who wrote this should go back to the weather page and leave {topic} alone."),
    ("tOB7", "obfuscated", "I've seen smarter analysis of {topic} from my dog. The author is a total {obf_n}."),
    ("tOB8", "obfuscated", "Only {obf_pl} at {org} could read this and nod along; calling it {obf_adj} is being generous."),
    ("tIM1", "implicit_insult", "Do you need someone to hold your hand while you read the {report}, {who}, or can you manage the big words?"),
    ("tIM2", "implicit_insult", "Honestly, the lights are on but nobody is home at this paper. The piece on {topic} by {who} proves it."),
    ("tIM3", "implicit_insult", "I've met houseplants with a better grasp of {topic} than you. Read the {report} before you write again."),
    ("tIM4", "implicit_insult", "Maybe {who} should stick to writing horoscopes. Serious topics like {topic} are clearly beyond this paper's staff."),
    ("tIM5", "implicit_insult", "Which one of your parents should we blame for raising someone who reads the {report} and still thinks like this about {topic}?"),
    ("tIM6", "implicit_insult", "The author's brain must be lonely up there. Somebody remind {who} to use it before the next article on {topic}."),
    ("tIM7", "implicit_insult", "The only thing emptier than your reading of the {report} on {topic} is your head."),
    ("tIM8", "implicit_insult", "Folks who think like you about {topic} are why shampoo bottles come with instructions, {who}."),
    ("tPI1", "plain_insult", "You {adj} {ins}, {who}. This is the worst article on {topic} I've ever read."),
    ("tPI2", "plain_insult", "Honestly, {who} is a {adj} {ins} and should be ashamed of this piece on {topic}."),
    ("tPI3", "plain_insult", "Only a total {ins} would write about {topic} like this. Get off the internet."),
    ("tPI4", "plain_insult", "Fuck off, {who}. Your piece on {topic} is complete shit and everyone at the paper knows it."),
    ("tPI5", "plain_insult", "{who} is a {adj} {ins}, and this crap about {topic} proves it."),
    ("tPI6", "plain_insult", "Who let this {adj} {ins} near a keyboard? The section on {topic} is pure bullshit."),
    ("tPI7", "plain_insult", "Get lost, you {ins}. Nobody reads your garbage about {topic} except other {ins_pl}."),
    ("tPI8", "plain_insult", "Your readers deserve better than a {adj} {ins} writing about {topic}. Hire someone with a brain."),
    ("tCD1", "civil_disagreement", "I think you get {topic} backwards, {who}. {reason}"),
    ("tCD2", "civil_disagreement", "Respectfully, {who}, I can't agree with you on {topic}. The evidence points the other way; see {source}."),
    ("tCD3", "civil_disagreement", "Good reporting, {who}, but I think you reach the wrong conclusion on {topic}. {reason}"),
    ("tCD4", "civil_disagreement", "As a longtime subscriber I'm disappointed in this editorial on {topic}. {reason}"),
    ("tCD5", "civil_disagreement", "I'll be voting no on {topic}. {reason} I hope {who} and the rest of council take another look."),
    ("tCD6", "civil_disagreement", "Not convinced by your argument. {reason} I'd like to hear from {who} on why that isn't a problem."),
    ("tCD7", "civil_disagreement", "I used to support {topic}, but after reading {source} I've changed my mind, and I think you should too. {reason}"),
    ("tCD8", "civil_disagreement", "Fair piece, {who}, but it skips the biggest question about {topic}: what happens to it after the next election?"),
]
TEMPLATES = [Template(tid, cap, pattern, PER_TEMPLATE) for tid, cap, pattern in _T]


def build() -> list[dict]:
    rows = expand(TEMPLATES, FILLERS, SEED)
    for row in rows:
        row["label"] = LABEL[row["capability"]]
    return rows


def main() -> int:
    rows = build()
    short = [r["text"] for r in rows if visible_length(r["text"]) < MIN_CHARS]
    if short:
        print("shorter than the site's minimum:", *short, sep="\n  ", file=sys.stderr)
        return 1
    counts = Counter(r["capability"] for r in rows)
    assert all(100 <= counts[cap] <= 300 for cap in EXPECTED), counts
    # The project's canonical training table (data/README.md): the template is the group,
    # so grouped cross-validation never splits one template across folds; `threat` is
    # labelled on every row (threats and everything else this set writes).
    with (HERE / "capabilities.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["text", "civility", "threat", "capability", "group", "source"])
        writer.writerows([r["text"], "uncivil" if r["label"] else "civil",
                          "threat" if r["capability"].startswith("threat") else "not_threat", r["capability"],
                          f"capabilities:{r['template']}", "capabilities"] for r in rows)
    for cap in EXPECTED:
        print(f"{cap:24} {counts[cap]:4}  label={LABEL[cap]}")
    print(f"{'total':24} {len(rows):4}  -> capabilities.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
