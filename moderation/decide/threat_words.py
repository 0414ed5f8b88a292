"""The words threats are made of, for `threat_patterns`: who (the writer's side, the
reader and their family), what (acts, body parts, places) and how a rule is written.

Patterns are phrases in lower case: a space stands for any white space and " ?" for none
or some (`phrase`); every apostrophe in a comment is read as "'". Every quantifier is
bounded or stands between literals that cannot overlap it, so that no text makes a
pattern backtrack more than a few steps per character.
"""

from __future__ import annotations

from dataclasses import dataclass


def phrase(template: str) -> str:
    """A template as a regular expression: a space stands for any white space, " ?" for
    none or some, so that the patterns read as the sentences they find."""
    return template.replace(" ?", r"\s*").replace(" ", r"\s+")


@dataclass(frozen=True)
class Rule:
    """One pattern: what the moderator is told (`name`), the kind of threat it finds, the
    words it starts at, what must stand right before them, and where it counts: "any"
    wherever it stands, "imperative" only at the head of its clause ("Watch your back",
    not "in this game you have to watch your back"), "consequence" only after a condition
    ("if you publish that, you will regret it"); "uncontested" anywhere, even in a sentence
    about a contest (the acts of `threat_cues` that are no words of competition);
    "conditioned" where `threat_cues` found the condition itself, the threat starting at its
    sentence's start (not in a sentence about a contest)."""

    name: str
    kind: str
    anchors: tuple[str, ...]
    pattern: str
    before: str = ""
    mode: str = "any"


TRAILING = (".", ",", "!", "?", ";", ":", ")", '"', "'", "...", "..", "!!", "!!!", "?!", "!?", ".\"", ",\"", "\u2026", "*",
            "\u201d", "\u2019", "-", "'s", "\u2019s")
"""What may stick to the end of a word when a comment is split on white space ("dead.",
"warned!", "how's"): each anchor is looked up with each of these after it."""


def rule(name: str, kind: str, anchors: str, pattern: str, before: str = "", mode: str = "any") -> Rule:
    """A `Rule` with its anchors written as one string of words."""
    return Rule(name, kind, tuple(anchors.split()), pattern, before, mode)


FAMILY = (
    r"(?:family|kids?|children|child|wife|husband|sons?|daughters?|mother|mom|mum|father|dad|parents|girlfriend"
    r"|boyfriend|partner|sisters?|brothers?|baby|babies|grandkids|grandchildren|little ones|loved ones|dog|cat|spouse"
    r"|little (?:girl|boy|one)s?)"
)
FAMILY_WORDS = (
    "family kid kids children child wife husband son sons daughter daughters mother mom mum father dad parents girlfriend "
    "boyfriend partner sister sisters brother brothers baby babies grandkids grandchildren ones dog cat spouse little"
)
PERSON = (
    r"(?:journalists?|reporters?|writers?|authors?|editors?|columnists?|hacks?|guys?|woman|women|man|men|girls?|boys?"
    r"|bitch(?:es)?|bastards?|traitors?|clowns?|idiots?|morons?|scum(?:bags?)?|pigs?|assholes?|cunts?|rats?|snitch(?:es)?"
    r"|liars?|cowards?|whores?|sluts?|fuckers?|motherfuckers?|pricks?|commies?|libtards?|fools?|punks?|creeps?|mayors?|senators?"
    r"|ministers?|premiers?|judges?|politicians?|mps?|councill?ors?|governors?|presidents?)"
)
PLACE = (
    r"(?:house|home|place|door|doorstep|front door|office|work|workplace|school|apartment|flat|street|newsroom|building"
    r"|driveway|yard|neighbou?rhood|gym|church|kids'? school|children's school|daughter's school|son's school|newspaper|paper|studio"
    r"|station|offices|headquarters|hq|business|shop|store|restaurant|mosque|synagogue|temple)"
)
BODY = (
    r"(?:legs?|arms?|necks?|faces?|jaws?|noses?|heads?|skulls?|teeth|kneecaps?|knees?|fingers?|hands?|wrists?|ankles?|elbows?"
    r"|throats?|ribs|spines?|ass|arse"
    r"|butt|brains?|tongue|eyes?|balls|guts|skin|windows|windshield|mouths?)"
)
YOUR = r"(?:your|ur|yer)"
YOU = (
    rf"(?:you(?: (?:all|guys|people|lot|two|both))?|ya|u|ye|y'all|yall|youse|{YOUR} (?:whole |entire |little |precious )?{FAMILY})"
    r"(?![\w'])(?!\.\w)"
)
"""The reader, or the reader's family: not "you're", "your" or "u.s."."""
HER = (
    r"her(?![\w'])(?! (?!(?:and|or|if|when|too|now|today|tonight|myself|ourselves|slowly|first|soon|in|at|on|for|dead|alive|with"
    r"|before|after|because|until|till|so|like|up|down|off|out|again|personally|already|a|an)\b)[a-z])"
)
""""her" as an object ("we'll find her"), not as a possessive ("end her career")."""
PERSON_OBJECT = (
    rf"(?:{YOU}|him\b|{HER}|them (?:all|both|one by one|badly|slowly|to death)\b|(?:all|both|each|every one|every last one|some|the (?:lot|rest)) of (?:you|them"
    rf"|(?:these|those|the|you) (?:\w+ )?{PERSON})\b"
    rf"|(?:this|that|these|those|the) (?:\w+ )?{PERSON}\b(?!'))"
)
"""Whom an act that could also be done to a thing is done to: not a bare "them", which in a
news comment is as often a bill or a subsidy ("we should kill them")."""
OBJECT = rf"(?:{PERSON_OBJECT}|them(?![\w']))"
END = r"(?= ?(?:[.!?,;:)]|$))"
"""Nothing more in the clause: "you have been warned." but not "you have been warned about
the side effects"."""
VOCATIVE = (
    r"(?=,? (?:journalist|reporter|sweetheart|sweetie|honey|pal|buddy|mate|lady|missy|princess|little man|boy|girl|bitch|traitor"
    r"|scum|commie|libtard|snowflake|my friend|friend|punk|kid|son|sister|brother|bro|little (?:girl|boy|lady|one|princess))\b)"
)
"""A word of address after a warning, which makes it one to the reader: "be careful,
journalist"."""
FRIENDLY = r"(?![^.!?\n]{0,40}\b(?:congrat\w*|thanks?|thank you|great|love|cheers|happy|merry|best wishes|glad|proud|well done|good luck)\b)"
"""Not a greeting or a compliment after it: "say hi to your mom, and congrats on the job"."""
THEIR_PEOPLE = rf"(?:{YOUR} (?:{FAMILY}|wife's|husband's|kids'|children's)(?: \w+)?|you|u|ya)"
"""The reader or the reader's family, as the subject of what they do ("your kids go")."""

SUBJECT = (
    r"\b(?:i|we|some of us|one of us|a few of us|(?:me and )?my (?:boys|friends|buddies|mates|brothers|guys|lads|people|crew)"
    r"|people|someone|somebody|some(?:one|body) (?:here|out there)|patriots|real (?:patriots|men|americans|canadians))"
)
"""The writer and the writer's side, or anyone the writer calls on ("someone should")."""
WILL = (
    r"(?:'ll| will| shall|(?:'m|'re|'s| am| are| is|m|re)? (?:gonna|going to|about to|fixing to|coming to|planning to)"
    r"|(?:'d| would) (?:love|like) to|(?:'ll| will) be (?:happy|glad|pleased) to|(?: can't| cannot) wait to"
    r"| (?:wanna|want to|wants to|plan to|plans to|intend to|intends to|need to|needs to|ought to|should|must|have to"
    r"|has to|got to|gotta|oughta)|'s (?:gotta|got to)|(?:'d| would) pay to)"
)
"""Will, want to, or should: not "would" alone, which is a hypothetical ("I would kill him
if he touched my kids")."""
FILLER = (
    r"(?: (?:just|really|personally|actually|definitely|certainly|totally|literally|gladly|happily|soon|eventually"
    r"|one day|someday|also|then|still|first|all|both|probably|quietly|slowly|come|go|and|over|there|back|ahead|down"
    r"|around|to|right|fucking|freaking|damn|myself|ourselves|finally|seriously|simply|be the one to|make it my mission to)){0,4}"
)
"""Up to four words between the will and the act: "I'll just come over and kill you"."""
_WRITER_WILL_HEAD = (
    rf"(?:{SUBJECT}(?: (?:really|just|definitely|seriously|totally|honestly|so|all|both|actually|personally|literally|still|also"
    rf"|sure|sometimes|truly))?{WILL}|\b(?:imma|i'ma|ima|ill|i'mma|let's|lets|let us)|(?<![\w']\s)(?<![\w'])(?:gonna|finna)"
    r"|(?:^|(?<=[.!?]\s)|(?<=[.!?])) ?(?:who(?:'s| is|s)? (?:gonna|going to|wants to|wanna)|(?:can't|cant|cannot) wait to))"
)
WRITER_WILL = rf"{_WRITER_WILL_HEAD}{FILLER} "
"""The writer, or people on the writer's side, will, want to or should: "I'll", "we're
gonna", "some of us would love to", "someone needs to"."""
WRITER_WILL_THEN = rf"{_WRITER_WILL_HEAD}(?:(?!n't\b|\bnot\b|\bnever\b|\bif\b|\bwould\b)[^.!?\n;]){{1,100}}? and(?: then)?{FILLER} "
"""The same, with a first deed before the act: "I am going to track you down after your
shift and ..." (no negation, condition or "would" in between)."""
UNTIL_STOP = (
    r"(?= ?(?:[.!?,;:)]|$|and\b|but\b|wherever|where ?ever|no matter|eventually|soon|one day|someday|sooner|at (?:your|home|work"
    r"|night)|in (?:your|the) (?:sleep|dark|street|night|end)|for (?:this|that|what)|too\b|yet\b|personally|myself|ourselves"
    r"|one way or|i promise|we promise|trust me|mark my words|believe me|just wait|when you least|next\b|tonight|today|tomorrow"
    r"|first\b|later\b|like (?:a|the) \w+))"
)
"""An act that is a threat only when nothing else follows it in the clause: "we'll find
you", "I will find you, wherever you are", but not "we'll find you a seat"."""
NOT_FIGURATIVE = (
    r"(?! (?:with (?:kindness|facts|logic|love|words|my vote|our votes)|an? (?:email|message|note|line|text|dm|pm)|some (?:love|advice)"
    r"|economically|financially|politically|in the (?:wallet|pocketbook)|where it hurts|at the (?:polls|ballot)))"
)
"""Not a figure of speech after the act: "kill them with kindness", "shoot you an email"."""

WHERE_VERBS = (
    r"(?:(?:are|is)(?= ?(?:[.!?,;)]|$|right now|now|tonight|at night|every))|live|lives|living|work|works|park|parks|sleep|sleeps"
    r"|stay|stays|go to school|goes to school|go|goes|drive|drives"
    r"|shop|shops|jog|jogs|run|runs|walk|walks|eat|eats|hang out|hangs out|attend|attends|play|plays|train|trains|get off|gets off)"
)
"""What the reader does where the writer says they know it: live, work, park, jog."""
KNOWS = (
    r"\b(?:i|we|some of us|my (?:friends|boys|guys))(?: (?:already|now|all|also|still|both|do"
    r"|definitely|totally))? (?:know|knows|kno|knw|found out|figured out|(?:'ve|have) found|found|have|'ve got|got|looked up|tracked down)(?: exactly)? "
)
"""The writer's side knows or has found: "we know", "I've got", "some of us found out"."""
YOU_ARE = r"(?<!when\s)(?<!until\s)(?<!till\s)(?<!after\s)(?<!before\s)(?<!once\s)(?<!unless\s)(?:\byou(?:'re| are|re)|\bur|\bu r) (?:so |a )?"
"""The reader is (dead, next), but not in a clause of time ("you can sleep when you're dead")."""
YOU_WILL = r"(?:\b(?:you|ya|u)(?:'ll| will|ll|(?:'re| are|re)? (?:gonna|going to))|\bur (?:gonna|going to)) "
PARTICIPLES = (
    r"(?:shot(?! (?:down|on|in|at|with|for|by|from))|hanged|hung(?! (?:out|up|jury|in|on))|lynched|strung up|beaten(?: to death)?"
    r"|stabbed|killed|murdered|tortured|burn(?:ed|t) (?:alive|at the stake)|taken out (?:back )?and shot|put (?:up )?against (?:a|the) wall"
    r"|tarred and feathered|drawn and quartered|beheaded|assassinated|raped|lined up (?:and shot|against (?:a|the) wall))\b"
)
"""What someone "should be": shot, hanged, lynched; not "shot down" or "hung out to dry"."""
PARTICIPLE_WORDS = (
    "shot hanged hung lynched strung beaten stabbed killed murdered tortured burned burnt taken put tarred drawn beheaded assassinated "
    "raped lined"
)
LIKE_YOU = (
    r"\b(?:people|journalists|reporters|folks|those|guys|women|men|girls|writers|traitors|liars|hacks|rats) (?:like you|who (?:write"
    r"|talk|say) (?:like|such|this|that)\w*|who (?:write|post|publish|print|spread|tell) (?:lies|garbage|trash|crap|filth|propaganda)"
    r"(?: like (?:this|that|yours))?|who (?:write|publish|print) (?:\w+ )?(?:stories|articles|things|stuff) like (?:this|that|yours))"
    r" (?:tend to |often |usually |sometimes |have a (?:way|habit) of |seem to |may |might |can |could )?"
)
"""People like the reader, before what tends to happen to them ("people like you tend to
disappear")."""
