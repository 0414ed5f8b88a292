"""The words `threat_cues` reads threats by: acts of violence, their instruments and
results, the people they fall on, the writer's will and a person's future, the grim ends
said without an act, and the words that make each something else.

Written as sets of words (one string each, as they read best); a comment is matched against
them word by word, so each costs a set look-up.
"""

from __future__ import annotations

WINDOW = 6
"""How many words may stand between an act and the person it falls on, or between a
person's future ("is getting", "you'll") and what they will undergo."""
WILL_WINDOW = 10
"""How many words may stand between the writer's will and the act ("I'll be waiting in the
car park to smash ...")."""


def _words(text: str) -> frozenset[str]:
    """A set of words written as one string, as the lists below read best."""
    return frozenset(text.split())


ACTS = _words(
    "kill killing murder murdering stab stabbing strangle strangling slit slitting lynch lynching behead beheading butcher "
    "butchering slaughter slaughtering maim maiming torch torching firebomb firebombing drown drowning bash "
    "bashing smash smashing punch punching stomp stomping knife knifing shank shanking choke choking throttle throttling "
    "shoot shooting gut gutting hang hanging string stringing hunt hunting kills murders stabs strangles slits lynches "
    "beheads butchers slaughters maims torches firebombs drowns bashes smashes punches stomps knifes shanks chokes "
    "throttles shoots hangs hunts"
)
"""Acts done to a person: each counts with a person after it ("stab you", "torch every one of
their homes")."""

PARTICLE_ACTS = {
    "blow": _words("up"), "blowing": _words("up"), "run": _words("over"), "ran": _words("over"), "running": _words("over"),
    "burn": _words("down alive"), "burning": _words("down alive"), "gun": _words("down"), "gunning": _words("down"),
    "pick": _words("off"), "picking": _words("off"), "set": _words("fire alight ablaze"), "setting": _words("fire alight ablaze"),
    **{beat: _words("up senseless unconscious death bloody pulp daylights crap shit hell snot") for beat in ("beat", "beating")},
}
"""Acts that are violent only with one of these words after them ("run the warden over",
"blow your office up", "burn down the town hall")."""

BREAKS = _words("break breaking snap snapping crack cracking slash slashing cut cutting rip ripping kick kicking")
"""Acts that count only with a part of the body after them ("break his legs")."""

BODY = _words(
    "throat throats skull skulls teeth kneecaps kneecap legs leg arms arm neck necks face faces head heads ribs jaw jaws "
    "fingers hands spine nose bone bones chest eye eyes"
)

INSTRUMENTS = _words(
    "bullet bullets knife knives machete machetes hammer acid rifle rifles gun guns shotgun crowbar axe noose pistol pistols "
    "revolver bat bats gasoline petrol bomb bombs grenade grenades"
)
"""What the writer will bring or use (`WIELD` just before it): counts with a person anywhere
in its sentence ("I'm bringing a hammer to the chamber, Councillor")."""

OUTCOMES = _words(
    "dead die killed shot stabbed hanged buried beaten murdered lynched smashed kicked cut slit torched bleed bleeding cracked caved"
)
"""What a person will undergo ("the editor is getting his teeth kicked in", "you're a dead
man"). No place of care: "you'll end up in hospital" is as often said of a habit."""

GOT = INSTRUMENTS | _words("brick bricks")
"""What a person will get ("that MP is getting a brick through his skull", "you'll get a
bullet"): after "get" or "getting" only, not after "you're" ("you're a hammer")."""

WRITER_OUTCOMES = _words("dead bleed bleeding")
"""What the writer will leave a person ("make those protesters bleed", "see you dead"),
with the person between."""

WIELD = _words(
    "with bring bringing brought put putting take taking use using get getting grab grabbing pull pulling carry carrying "
    "load loading throw throwing plant planting"
)
"""What the writer does with an instrument, just before it ("bringing a hammer", "the one
with the knife", "put a bullet in"): not "when the bullets fly"."""

HABITS = _words(
    "smoking smoke drinking drink eating eat speeding texting driving drive diet cholesterol vaping drugs overdose "
    "hiking climbing swimming cycling skiing"
)
"""Habits and risks: "keep smoking like that and you'll be dead before sixty" is a warning."""

ARSON = _words("torch torching torches firebomb firebombing firebombs burn burning burns blow blowing blows")
"""Acts that may fall on a building instead of a person."""
SETTING = _words("set setting")
"""Acts that fall on a building only with their particle ("set the office on fire", not
"set up the office")."""

BUILDINGS = _words(
    "house home homes houses office offices hall plant building buildings church mosque synagogue temple school newsroom "
    "car cars studio studios shop store clinic headquarters printing depot warehouse factory mill station courthouse "
    "library offices surgery chamber place hostel hostels hotel hotels shelter shelters centre center flat apartment"
)

CONTESTED = _words("kill killing kills smash smashing smashes bash bashing bashes beat beating torch torching torches")
"""Acts that are also words of competition: disowned in a sentence about a contest."""

NOT_NEAR = {
    "shoot": _words("email e-mail mail text message note line dm pm look glance smile question photo picture pic video hoops"),
    **{hang: _words("picture pictures portrait photo poster coat flag sign banner jacket jersey") for hang in ("hang", "hanging")},
    "hunt": _words("for season"),
    "hunting": _words("with for season trip licence license deer duck ducks moose elk geese rifle"),
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
"""Words within three after an act that make it another ("shoot you an email", "hang your
portrait", "dead wrong", "dead to me", "will be killed by the new drug laws")."""
NOT_NEXT = {hang: _words("out around with on onto in up") for hang in ("hang", "hanging")}
"""Words right after an act that make it another ("hang out with you"), and only there:
"hang every traitor in that chamber" is one."""

WRITER = _words("i'll we'll we're gonna gunna finna ima imma i'ma lets let's someone'll somebody'll")
"""The writer's will or a call on others, a few words before the act."""

GONNA = _words("gonna gunna about")
I_WE = _words("i we")
WILL_AFTER_I = _words("will shall am are")
WISH = _words("hope hoping hoped wish wishing pray praying")
"""A wish: "I hope someone shoots him" is the writer's will put on another."""
WISHED = _words("would will could 'd")
"""What may stand between "someone" and the act it is wished to do ("I wish someone would ...")."""
ACCIDENTS = {"brakes": _words("fail fails failed go give"), "fire": _words("catch catches caught on"),
             "crash": _words("car plane bus bike boat"), "crashes": _words("car plane bus bike boat"),
             "accident": _words("an has have had in")}  # fmt: skip
"""Harm wished on a person's body or belongings ("hope the mayor's brakes fail", "hope her car
catches fire"), and the words one of which must stand beside it: after "brakes", before the
others ("the senator's fire plan" is none)."""
CALL = _words("should ought oughta needs must gotta better will could has")
WRITER_BEFORE = {"ill": None, "im": "ing", "i'm": "ing",
                 "were": _words("going gonna gunna bringing coming"), "someone": CALL, "somebody": CALL}
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
YOU = _words("you your ur u ya")
YOU_FUTURE = _words("going gonna gunna will")
READER_FUTURE = YOU_WILL | YOU_FUTURE
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
    "principal principals superintendent developer developers agent agents lobbyist lobbyists influencer influencers "
    "whoever rep reps priest pastor imam rabbi chairman chairwoman "
    "mr mrs ms dr"
)
PERSON |= frozenset(person + "'s" for person in PERSON)
"""Who an act may fall on: pronouns, the people of news comments (their roles and the names
they are called), titles before a name; and theirs ("the senator's chest")."""

GRIM = _words(
    "stretcher stretchers hearse coffin coffins casket caskets bodybag morgue grave graves wheelchair breathing bodyguard "
    "bodyguards disappear vanish dead straw pieces harbour harbor river lake quarry ditch born box ground ambulance teeth bag bags tube"
)
"""Where a person will end up, said without naming the act ("cross us and you'll leave on a
stretcher", "if he testifies, he is a dead man"): a threat only after a condition, with the
person and their future a few words before (`threat_cues._consequence`)."""
GRIM_BEFORE = {
    "born": _words("being"),
    "pieces": _words("in"),
    "straw": _words("a through"),
    "tube": _words("through"),
    "box": _words("carried leave leaving home"),
    "ground": _words("in"),
    "ambulance": _words("in by"),
    "teeth": _words("pick picking knock knocked lose losing spit spitting"),
    **{bag: _words("body") for bag in ("bag", "bags")},
    **{water: _words("fish fishing fished floating dredge dredging bottom") for water in _words("harbour harbor river lake quarry ditch")},
}
"""Words of which one must stand a few before a grim word ("regret being born", "fishing you
out of the river"): "the river" alone is a place."""
SUBJECT_FUTURES = _words("you'll youll he'll she'll they'll you're youre he's she's they're")
"""A person and their future in one word."""
SUBJECTS = frozenset(person for person in PERSON if not person.endswith("'s")) - _words("your ur yer his their") | _words("he she they")
"""Who may come to a grim end: `PERSON` but for its possessives."""
MAKE = _words("make making")
"""A future another gives a person: "I'll make you disappear"."""
FUTURE_OF = _words("will won't wont is are be gonna going better gotta need needs end ends")
"""Words that give the person before them a future ("the judge won't", "he is", "they'll need")."""

ANCHORS = ACTS | frozenset(PARTICLE_ACTS) | BREAKS | INSTRUMENTS | OUTCOMES | GOT | GRIM | frozenset(ACCIDENTS)
"""A comment holding none of these words has no cue threat, and costs a set look-up."""

CARE = _words("transplant surgery operation treatment cancer doctor doctors hospital diagnosis disease illness medication "
               "insulin chemo ventilator virus covid vaccine heart kidney liver")
"""Illness and its care: "if he doesn't get a transplant soon, he is a dead man" is a fear."""
IF = _words("if unless once whenever or else")
"""Words that make what follows them in a sentence a condition's consequence."""
WHEN = _words("should when")
"""Words that open a condition at the head of a sentence ("Should the judge let him off, ...")."""
MOMENT = _words("day moment minute second next")
"""After "the" at a sentence's head, a condition: "the day they open that centre, ..."."""
ORDERS = _words("touch come show print write publish say do try cross vote keep go raise call post step bring mess hurt harm "
                "insult fire close cancel run push ban you")
"""First words of an order that "and" makes a condition ("cross us again and ...", "you print that and ...")."""
AGAIN = _words("again more dare")
"""Words of a repeat or a dare, which make "and" a condition whatever comes first."""
