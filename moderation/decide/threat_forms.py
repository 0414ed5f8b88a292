"""More forms of threat for `threats`, beside those of `threat_patterns`: calls on others to
do violence ("hang him from a tree", "line them all up against a wall"), threats to a house
or a car ("we should torch his house", "your house would burn nicely"), wishes to see
someone dead or bleeding, warnings about the reader's family and name ("your wife should
watch herself", "your name is on the list"), and consequences after a demand ("delete this
or face the consequences", "you won't leave in one piece").

Written as `threat_patterns` is (see `threat_words` for how a pattern reads): each rule
starts at one of a few words and names what must stand right before them.
"""

from __future__ import annotations

from moderation.decide.threat_patterns import act
from moderation.decide.threat_words import (
    END, FAMILY, NOT_FIGURATIVE, OBJECT, PARTICIPLE_WORDS, PARTICIPLES, PERSON_OBJECT, PLACE, VOCATIVE, WRITER_WILL, YOU_WILL, YOUR,
    Rule, rule,
)

THEIR = rf"(?:{YOUR}|his|her|their)"
"""Whose house, car or body: the reader's or a third person's."""
BUILDING = (
    r"(?:house|home|office|church|mosque|synagogue|temple|school|newsroom|building|station|headquarters|shop|store|restaurant|car"
    r"|apartment|studio|business|cottage|farm|truck)"
)
"""What a threat burns: not "place" or "paper", as often figures ("burn this place down")."""
GROUP = r"(?:(?:the|that|this) (?:whole |entire )?(?:\w+ )?(?:cabinet|council|government|caucus|board|gang|bunch|crew|party))"
"""A body of people lined up: "the whole cabinet"."""
CALL = (
    r"(?:(?:^|(?<=[.!?;:,\n\"(])|(?<=[.!?;:,\n\"(]\s)) ?(?:(?:just|now|please|so|then|go|someone|somebody|everyone|y'all|guys|boys"
    r"|people),? ){0,2}|\b(?:should|must|ought to|needs? to|gotta|got to|have to|let's|lets|let us|(?:it's |its )?time to)"
    r" (?:(?:all|just|go|finally|simply|and) ){0,2})"
)
"""A call on others to act, at the head of a sentence or clause ("Hang him.", "someone,
take him out") or after "should", "let's", "time to"; not after "would" or "I'd", which is
a hypothetical ("I would hang him if he touched my kids")."""
WRITER_OR_CALL = f"(?:{WRITER_WILL}|{CALL})"

ACTS = [
    rule("calls for a lynching", "direct", "hang tar line string lynch",
         rf"hang {PERSON_OBJECT} (?:from|on) (?:a|the|the nearest|that) (?:\w+ )?(?:tree|lamp ?post|lamppost|light pole|bridge|overpass"
         rf"|gallows|yardarm|crane)\b|hang (?:them|'em)(?: all)? from (?:the nearest|a) (?:\w+ )?(?:tree|lamp ?post|lamppost|light pole"
         rf"|bridge|overpass)\b|tar and feather {OBJECT}|string (?:up {OBJECT}|{OBJECT} up)\b|lynch {PERSON_OBJECT}"
         rf"|line (?:{OBJECT}|{GROUP}) (?:all )?up (?:against (?:a|the) wall|and shoot (?:them|'em|him|her)|in front of (?:a|the) firing squad)",
         WRITER_OR_CALL),
    rule("calls to kill", "direct", "kill shoot hang lynch stab behead",
         rf"(?:kill|shoot|hang|lynch|stab|behead) (?:{PERSON_OBJECT}|them all|'em all)(?: (?:all|now|already|dead|on sight))?{END}"
         rf"{NOT_FIGURATIVE}", CALL),
    rule("will burn your house", "direct", "burn torch firebomb set",
         rf"(?:(?:burn|torch|firebomb) (?:down )?(?:{THEIR} {BUILDING}s?\b|(?:that|this|the|every|all the|those|these) (?:\w+ )?{BUILDING}s?"
         rf" (?:down|to the ground)\b)|set fire to (?:{THEIR}|that|this|the|every) (?:\w+ )?{BUILDING}s?\b"
         rf"|set {THEIR} {BUILDING}s? (?:on fire|ablaze|alight)){NOT_FIGURATIVE}", WRITER_OR_CALL),
    rule("will publish your address", "direct", "dox doxx", rf"doxx? {PERSON_OBJECT}", WRITER_OR_CALL),
    rule("will visit you", "direct", "time",
         rf"time to (?:go )?pay {OBJECT} a (?:\w+ )?visit(?= ?(?:[.!]|$)|{VOCATIVE}|,? (?:boys|lads|guys|folks|everyone|people)\b)"),
    rule("will take you out", "direct", "take",
         rf"(?:take {PERSON_OBJECT} out|take out {PERSON_OBJECT})(?= ?(?:[.!]|$| for good| permanently| once and for all))", WRITER_OR_CALL),
    act("will break bones", "break", rf"break every bone in {THEIR} (?:\w+ )?body\b"),
    act("will beat up", "slap knock punch smack beat",
        rf"(?:slap|knock|punch|smack|beat) (?:the|that) (?:taste|teeth|smile|smirk|grin|stupid|attitude) (?:right )?(?:out of|outta|out|off) {THEIR}"
        rf" (?:\w+ )?(?:mouth|face|head)\b"),
    act("will beat up", "teach show",
        rf"(?:teach|show) {OBJECT} (?:\w+ ){{0,3}}?with (?:my|our|a|the) (?:bare )?(?:fists?|bat|baseball bat|gun|knife|boots?"
        rf"|crowbar|hammer|belt|rifle|shotgun|machete|tire iron)\b"),
    act("will drag you out", "drag",
        rf"drag {OBJECT} (?:out of {THEIR} (?:{BUILDING}|bed|place)|(?:out )?into the streets?|through the streets?"
        rf"|behind (?:a|my|our|the|his) (?:car|truck))\b(?! (?:in handcuffs|and (?:arrest|charge|jail|lock|impeach|fire))\b)"),
    act("will ruin your life", "ruin destroy hurt kill",
        rf"(?:ruin|destroy|hurt|kill) (?:you|ya|u|him|her) and (?:(?:everyone|everybody|everything|all) (?:you|he|she) (?:love|loves"
        rf"|care about|cares about|hold dear|holds dear)|{THEIR} (?:whole |entire )?{FAMILY})(?= ?(?:[.!,;]|$|too|as well))"),
    act("will kill or hurt", "see",
        rf"see {PERSON_OBJECT} (?:bleed|die|hang|swing|burn|suffer|in (?:a|the) (?:body bag|coffin|box|grave|morgue)|dead"
        rf"|six feet under)(?:{END}| (?:slowly|for (?:this|that|what)))"),
    act("will silence you", "shut", rf"shut (?:it|{YOUR} (?:\w+ )?mouth) for (?:you|ya|u)\b"),
    act("will visit you", "visit", rf"visit (?:{YOUR} {FAMILY}(?!')|(?:you|ya|u) at (?:home|{YOUR} {PLACE}))\b"),
    rule("wants you dead", "direct", "dead", rf"dead(?: and (?:buried|gone))?{END}",
         rf"\b(?:i|we)(?: (?:just|really|all|honestly))? (?:want|wants|need|would like|'d like|'d love|would love|wish) {PERSON_OBJECT} "),
    rule("people like you will hang", "direct", "hang swing burn",
         r"(?:hang|swing|burn)(?= ?(?:[.!?,;:)]|$|for (?:this|that|it|treason|what)|from|high|too|soon|one day))",
         r"\blike (?:you|him|her|them)(?:'ll| will| are going to| are gonna| shall| should| must| deserve to) (?:all )?"),
    rule("people like you will hang", "direct", PARTICIPLE_WORDS, rf"{PARTICIPLES}(?! (?:by|when|if|because)\b)",
         r"\blike (?:you|him|her|them)(?:'ll| will| are going to| are gonna| shall) (?:all )?be "),
    rule("you will end up in a body bag", "direct", "six body ambulance morgue coffin pine",
         r"(?:six feet under|body bag|ambulance|morgue|coffin|pine box)(?= ?(?:[.!,]|$|soon|tonight|before long|one day|if|when|unless))",
         YOU_WILL + r"(?:soon |all )?(?:be|end up|leave|go home|come home|be going home|be leaving)(?: here| this \w+)? (?:in (?:a |an |the )?)?"),
    rule("will beat up", "direct", "getting",
         r"getting (?:a (?:good |proper |real )?beating|(?:beaten|beat) up|(?:his|her|your|their) (?:ass|arse|head) (?:kicked|kicked in"
         r"|smashed in|beaten in))\b(?! (?:in|from|at) the (?:press|media|polls|markets?|ratings|box office))", r"\b(?:he|she|you|they|(?:that|this) \w+)(?:'s|s| is|'re| are|re) "),
    rule("you will get a bullet", "direct", "get",
         r"get (?:a|my|our) (?:brick|bullet|knife|fist|bat|punch|beating|slap)s?\b(?! on the wrist| in the (?:polls|press|media))", YOU_WILL + r"(?:soon )?"),
]
"""What the writer or the writer's side will do, or calls on others to do."""

VEILED = [
    rule("enjoy it while you can", "veiled", "enjoy",
         rf"enjoy {YOUR} (?:last|final|remaining) (?:days|day|hours|weeks|moments|breaths?)(?: (?:alive|on earth|breathing))?(?= ?(?:[.!]|$))"),
    rule("saw your family", "veiled", "saw spotted followed",
         rf"(?:saw|spotted|followed) {YOUR} {FAMILY} (?:leaving|walking|at (?:school|daycare|kindergarten|the (?:park|playground|bus stop)"
         rf"|{YOUR} (?:school|bus stop))|(?:coming|going) home|getting (?:in|out))\b", r"^ ?|(?<=[.!?]\s)"),
    rule("saw your family", "veiled", "see watch",
         rf"(?:see|watch) (?:{YOUR} {FAMILY}|you) (?:leaving|walking|jogging|getting (?:in|out)|coming home|going home|dropping off"
         rf"|picking up)(?: \w+){{0,5}}? (?:every (?:night|morning|evening|day)|at \d)", r"\b(?:i|we) (?:can |always |still )?"),
    rule("we'll be seeing you", "veiled", "see",
         r"see (?:you|ya|u) (?:real |very )?soon,? (?:you )?(?:little )?(?:traitor|scum|bitch|rat|snitch|commie|libtard|pig|whore|slut|cunt"
         r"|bastard|liar|coward)s?\b"),
    rule("your name is on the list", "veiled", "list",
         r"list,? (?:and|&) (?:you(?:'re| are|re)|your name(?:'s| is)) (?:on it|at the top|first)\b",
         r"\b(?:making|keeping|compiling|writing|have|'ve got|got) (?:a|our) "),
    rule("expect us", "veiled", "expect",
         rf"expect (?:us(?:{END}| (?:at|on|outside) {YOUR} (?:{PLACE}|doorstep))|a (?:little |friendly |personal |late[- ]night )?visit"
         rf"(?: (?:soon|tonight|from (?:us|me|my (?:friends|boys|guys|buddies|people|brothers)|our (?:friends|boys|guys|people))))?{END})"),
    rule("the rope is ready for you", "veiled", "ready waiting",
         rf"(?:ready|waiting) for (?:you|ya|u|(?:\w+ )?like you|{PERSON_OBJECT})\b",
         r"\b(?:rope|noose|gallows|guillotine|bullet|grave|coffin|body bag|firing squad)s? (?:is |are |'s )?(?:already |all |now )?"),
    rule("first against the wall", "veiled", "against", r"against (?:the|a) wall\b",
         r"\b(?:you|ya|u|(?:\w+ )?like you)(?:'ll| will|'re| are|re)? (?:all )?be (?:the )?first (?:ones? |in line |to go )?(?:up )?"),
    rule("your family will pay", "veiled", "pay",
         rf"pay for (?:what you (?:wrote|did|said|published|posted|printed)|{YOUR} (?:lies|words|articles?|stories|story|column))\b",
         rf"\b(?:you and )?{YOUR} (?:whole |entire )?{FAMILY} (?:will|'ll|are going to|are gonna|is going to|is gonna|shall) (?:also |all |too )?"),
    rule("your family will pay", "veiled", "pay", rf"pay{END}",
         rf"\byou and {YOUR} (?:whole |entire )?{FAMILY} (?:will|'ll|are going to|are gonna|shall) (?:all )?"),
    rule("your family should watch out", "veiled", "watch careful",
         r"(?:watch (?:herself|himself|themselves|(?:her|his|their) backs?|out)|careful)(?= ?(?:[.!]|$|from now on|at night))",
         rf"\b{YOUR} (?:\w+ )?{FAMILY} (?:should|better|'d better|had better|needs to|need to|ought to|might want to|may want to)"
         r" (?:be (?:very |extra |really )?)?"),
    rule("he had better watch himself", "veiled", "watch", rf"watch (?:himself|herself)(?= ?(?:[.!]|$)|{VOCATIVE})",
         r"\b(?:he|she|(?:this|that|the) (?!(?:goalie|player|rookie|quarterback|pitcher|striker|referee|ref|coach|driver|team)\b)\w+)"
         r"(?:'d| had)? better "),
    rule("you had better", "veiled", "better",
         r"better not (?:walk|go|come|be|get|drive|stay) (?:home |out |anywhere |outside |to work |to school )?(?:at night )?alone"
         r"(?= ?(?:[.!]|$))", rf"\b(?:you|ya|u|{YOUR} \w+)(?:'d| had)? ", mode="imperative"),
    rule("you had better", "veiled", "pray",
         r"pray (?:that )?(?:i|we) (?:never|don't|do not) (?:find|see|meet|catch|come for) (?:you|ya|u)\b", mode="imperative"),
    rule("you should be afraid", "veiled", "afraid", rf"afraid(?:{END}|,? (?:be )?very afraid)", r"\bbe (?:very )?", mode="imperative"),
    rule("your family is alone", "veiled", "alone",
         r"alone(?: at night)?,? (?:(?:doesn't|don't|isn't|aren't) (?:she|he|they)|right)\?",
         rf"\b{YOUR} {FAMILY} (?:still )?(?:lives?|stays?|sleeps?|works?|is home|are home) "),
    rule("we are outside your house", "veiled", "outside",
         rf"outside {YOUR} {PLACE}(?= ?(?:right now|now|as we speak|[.!]|$))",
         r"\b(?:i|we)(?:'m| am|'re| are) (?:right |standing |sitting |parked |waiting |already )?"),
    rule("nice house you have", "veiled", "nice lovely beautiful pretty cute",
         r"(?:nice|lovely|beautiful|pretty|cute) (?:little )?(?:house|home|place|car) (?:you(?:'ve| have)? got|you have)(?: there)?"
         r" (?:on|at|in) (?:\w+ ){1,2}(?:road|rd|street|st|avenue|ave|drive|dr|lane|crescent|cres|court|ct|way|boulevard|blvd|terrace)\b"),
    rule("your name is on the list", "veiled", "list", rf"list{END}",
         rf"\b(?:{YOUR} name(?:'s| is)|you(?:'re| are|re)|you(?:'ll| will) be) (?:now |already |next |first |at the top |top )?on"
         r" (?:(?:my|our) (?:hit |kill |death |target |black )?|(?:the|this|a) (?:hit |kill |death |target |black ))"),
    rule("accidents happen", "veiled", "brakes",
         r"brakes (?:might|could|may) (?:fail|give out|stop working|get cut)(?: one day| someday| tonight)?(?= ?(?:[.!]|$))",
         rf"\b{YOUR} (?:car's |truck's )?"),
    rule("your house would burn nicely", "veiled", "burn make",
         r"(?:burn (?:so |real |really )?(?:nicely|beautifully|nice|good)|make (?:a|such a) (?:nice|good|great|lovely|pretty) (?:fire"
         r"|bonfire|blaze))\b",
         rf"\b{YOUR} (?:\w+ )?(?:house|home|car|office|place|shop|store|cottage|church) (?:would|will|'d|'ll|might|could) "),
    rule("would hate for you to get hurt", "veiled", "hate want",
         rf"(?:hate|want) (?:for |to see )?{YOUR} (?:\w+ )?(?:{FAMILY}|house|home|car|office|place|shop|windows) (?:to )?(?:catch fire|burn down|burn(?! down)"
         rf"|get (?:hurt|torched|burned|burnt|smashed|vandali[sz]ed|keyed)|blow up|disappear|go missing|have an accident|be in an accident"
         rf"|be hurt)\b(?! (?:by|in|on|because|if|when|during|financially)\b)",
         r"\b(?:i|we)(?:'d| would)? |\b(?:i |we )?(?:wouldn't|would not) |(?:^|(?<=[.!?]\s)) ?would "),
    rule("you will regret this", "veiled", "sorry",
         r"sorry (?:that )?(?:you|u) (?:ever )?(?:wrote|published|printed|posted|said|crossed|messed|opened|started|were (?:ever )?born"
         r"|met me)\b", YOU_WILL + r"(?:be )?(?:so |very |really )?"),
    rule("not a threat but a promise", "veiled", "promise", r"promise\b(?! ?:)",
         r"\bnot (?:a|an|just a) (?:threat|warning),? (?:(?:it's|its|it is|that's|thats|this is|just|but|only|rather) ){0,2}(?:a|an) "),
    rule("not a threat but a promise", "veiled", "promise", r"promise,? (?:and )?not (?:a|an|just a) (?:threat|warning)\b(?! ?:)",
         r"\b(?:it's|its|it is|that's|thats|that is|this is) (?:a|an|just a) "),
    rule("people like you disappear", "veiled", "killed hurt shot beaten hanged stabbed murdered disappeared vanished",
         r"(?:killed|hurt|shot|beaten|hanged|stabbed|murdered|disappeared|vanished) for (?:saying |writing |doing |posting"
         r" |publishing )?(?:much |a lot |far )?less\b",
         r"\b(?:people|men|women|journalists|reporters|others|folks|guys)(?:'ve| have)? (?:been )?"),
]
"""Intimidation without a stated act."""

CONSEQUENCES = [
    rule("if you ..., you will regret it", "conditional", "bleed",
         r"bleed\b(?! (?:money|cash|red|dry|out|us|them|voters|taxpayers))", YOU_WILL + "(?:all )?", "consequence"),
    rule("if you ..., you will regret it", "conditional", "leave walk get make",
         r"(?:leave|walk out|get out|make it (?:out|home|back)|get home)(?: of (?:here|there|town|this \w+))?(?: \w+){0,2}?"
         r" (?:in one piece|alive)\b",
         r"\b(?:you|ya|u)(?:'ll| will)? (?:won't|wont|will not|aren't going to|are not going to|'re not going to|'re not gonna|not) ",
         "consequence"),
    rule("there will be consequences", "conditional", "face", r"face (?:the |severe |serious |dire )?consequences\b(?! (?:at|in) the (?:polls|ballot box|(?:next )?election|voting booth))",
         r"(?:^|(?<=[.!?]\s)) ?(?!(?:he|she|they|it|who|which)\b)(?:[\w']+ ){1,8}?or,? (?:else,? )?(?:you(?:'ll| will) )?"),  # a demand opens the sentence
    rule("we will take you down", "conditional", "take", rf"take {PERSON_OBJECT} down{END}", WRITER_WILL, "consequence"),
    rule("if you ..., you will regret it", "conditional", "getting",
         r"getting (?:hit|punched|smacked|slapped|decked|stabbed|shot|hurt)\b",
         r"\b(?:he|she|you|they|(?:that|this) \w+)(?:'s|s| is|'re| are|re) ", "consequence"),
]
"""Consequences that make a condition a threat, beside those of `threat_patterns`."""

FORMS: list[Rule] = [*ACTS, *VEILED, *CONSEQUENCES]
