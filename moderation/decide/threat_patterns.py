"""The rules `threats` runs: direct threats (what the writer will do), veiled ones
(intimidation without a stated act) and the consequences that make a condition a threat.

Each rule starts at one of a few rare words, its anchors ("kill", "numbered", "warned"),
and names what must stand right before them (`before`: "I'll", "we're gonna", "your days
are"). A comment holding none of the anchors costs one split and a set look-up; a rule is
tried only where its anchor stands, never at every position of a comment. The words the
rules are made of are in `threat_words`; more rules, written the same way, are in
`threat_forms`.
"""

from __future__ import annotations

from moderation.decide.threat_words import (
    BODY, END, FAMILY, FAMILY_WORDS, FRIENDLY, KNOWS, LIKE_YOU, NOT_FIGURATIVE, OBJECT, PARTICIPLE_WORDS, PARTICIPLES, PERSON_OBJECT, PLACE,
    SUBJECT, THEIR_PEOPLE, UNTIL_STOP, VOCATIVE, WHERE_VERBS, WRITER_WILL, WRITER_WILL_THEN, YOU, YOU_ARE, YOU_WILL, YOUR, Rule, rule,
)


def act(name: str, anchors: str, pattern: str, lead: str = "") -> Rule:
    """A direct threat: what the writer will do (`pattern`, from its anchor on), after
    `WRITER_WILL` and `lead` ("pay you a" before "visit")."""
    return rule(name, "direct", anchors, pattern, f"(?:{WRITER_WILL}|{WRITER_WILL_THEN}){lead}")


ACTS = [
    act("will kill or hurt",
        "murder stab strangle lynch rape torture behead decapitate maim cripple knife punch slap smack shank castrate dismember "
        "kidnap abduct assault bludgeon pummel stomp curb pistol pistol-whip murk kill shoot hurt harm choke gut slaughter butcher "
        "skin drown poison end execute assassinate hang",
        rf"(?:(?:murder|stab|strangle|lynch|rape|torture|behead|decapitate|maim|cripple|knife|punch|slap|smack|shank|castrate"
        rf"|dismember|kidnap|abduct|assault|bludgeon|pummel|(?:curb(?:-| )?)?stomp|pistol(?:-| )?whip|murk) {OBJECT}"
        rf"|(?:kill|shoot|hurt|harm|choke|gut|slaughter|butcher|skin|drown|poison|end|execute|assassinate) {PERSON_OBJECT}"
        rf"|(?:murder|assassinate|behead|lynch|strangle|stab|hang) (?!(?:it|this|that|the|a|an|some|time|myself|yourself|ourselves"
        rf"|bills?|pizza|food|dinner|song|songs)\b)[a-z]+{END}){NOT_FIGURATIVE}"),
    act("will beat up", "beat bash kick knock",
        rf"(?:(?:beat|bash|kick|knock) (?:up )?{OBJECT} (?:up|senseless|to death|to a pulp|half to death|black and blue|bloody"
        rf"|(?:to )?within an inch|unconscious|into next week|(?:until|till) (?:you|he|she|they) (?:can't|cannot|can no longer|beg|bleed"
        rf"|pass out|stop breathing))|beat up {OBJECT}|(?:beat|knock|kick) the (?:shit|crap|hell|living daylights"
        rf"|snot|piss|fuck|life) out of {OBJECT})"),
    act("will hang or burn", "hang string burn bury set torch",
        rf"(?:hang {OBJECT}(?! (?:out|up|on|in|around|onto|over|with|loose|together))|string (?:up {OBJECT}|{OBJECT} up)"
        rf"|(?:burn|bury) {OBJECT} (?:alive|at the stake|to death|in the (?:ground|backyard|woods|desert)|six feet)"
        rf"|set {OBJECT} (?:on fire|ablaze|alight)|(?:burn|torch) (?:down )?{YOUR} (?:{PLACE}|car)(?: down| to the ground)?)"),
    act("will break bones", "break snap crack smash bash cave kick knock rip slit cut tear punch stomp blow split bust crush slash beat",
        rf"(?:break|snap|crack|smash|bash|cave|kick|knock|rip|slit|cut|tear|punch|stomp|blow|split|bust|crush|slash|beat) (?:in )?"
        rf"(?:(?:both|one|each|all|every one) of )?(?:{YOUR}|his|her|their) (?:\w+ )?{BODY}(?: (?:in|out|off|open|apart))?\b"),
    act("will put a bullet in you", "put send",
        rf"put (?:a|one|two|some|the) (?:bullet|round|slug|hole|knife|blade)s? (?:in|into|through|between)"
        rf" (?:{YOUR}|you|his|her|their|him|them|(?:this|that|the) (?:\w+ )?\w+'s|(?:this|that) (?:\w+ )?\w+)\b"
        rf"|(?:put|send) {OBJECT} (?:(?:in|into|to) (?:the ground|a box|a coffin|a body bag|(?:the )?hospital|a wheelchair|the morgue"
        rf"|an early grave|(?:the|{YOUR}|his|her|their) (?:own )?grave|the dirt|meet (?:{YOUR}|his|her|their) maker)|six feet under"
        rf"|down like a (?:\w+ )?(?:dog|animal)|out of (?:{YOUR}|his|her|their) misery|(?:home|back) in a (?:box|body bag|coffin))"),
    act("will find you", "find hunt track come get catch",
        rf"(?:find|hunt|track|hunt down|track down|come for|come after|get|catch) {YOU}(?: down)?{UNTIL_STOP}"),
    act("will find you", "hunt", rf"hunt (?:down {PERSON_OBJECT}|{PERSON_OBJECT} down)"),
    act("will make you pay", "make",
        rf"make {OBJECT} (?:pay|suffer|bleed|disappear|vanish|regret (?:it|this|that)|sorry|wish (?:you|he|she|they) (?:were dead|had never been born"
        rf"|were never born|never))(?= ?(?:[.!?,;:)]|$|for (?:this|that|what|it)|dearly|(?:in|with) (?:{YOUR} |his |her |their )?(?:life|lives|blood)"
        rf"|the (?:ultimate )?price|and\b))"
        rf"|make (?:(?:{YOUR}|his|her|their) (?:life|lives) (?:a )?(?:living )?(?:hell|misery|miserable|nightmare)|an example (?:out )?of (?:you|him|her|them|(?:this|that) \w+))\b"
        rf"|make sure (?:you|ya|u) (?:regret|pay for|suffer for) (?:it|this|that|what)\b|make {OBJECT} regret (?:every|the day|ever)\b"
        rf"|make sure (?:you|ya|u) (?:never|don't|do not|won't|will not|can't|cannot) (?:ever )?(?:write|work|walk|talk|speak|see|publish"
        rf"|post|sleep|breathe|wake up|come home|go home|get home)\b"),
    act("will visit you", "visit", r"visit\b", rf"pay {OBJECT} a (?:\w+ )?"),
    act("will visit you", "visit come show turn drop stop swing knock wait camp",
        rf"(?:visit|come to|show up at|turn up at|drop by|stop by|swing by|come by|come round to|come around to|knock on|wait outside"
        rf"|camp outside) {YOUR} {PLACE}\b|visit (?:you|ya|u)\b"),
    rule("we'll be paying you a visit", "direct", "paying visiting hunting",
         rf"(?:paying {OBJECT} a (?:\w+ )?visit|visiting {YOU}|hunting {YOU}(?: down)?{UNTIL_STOP})",
         SUBJECT + r"(?:'ll be| will be|'re| are|'m| am|'ll soon be| will soon be) "),
    act("will see to it that you suffer", "see", r"see to it that (?:you|he|she|they) (?:suffer|pay|regret|never \w+ again|get hurt)\b"),
    act("will see you outside", "see", r"see (?:you|ya|u) (?:in the (?:parking lot|car park|alley)|outside)\b"),
    act("will find out where you live", "find",
        rf"find (?:out )?(?:where (?:{THEIR_PEOPLE}) (?:live|lives|work|works|sleep|sleeps|park|parks)|{YOUR} (?:home )?address)\b"),
    act("will be waiting for you", "outside waiting",
        rf"(?:outside|waiting (?:for you )?(?:at|outside)) {YOUR} {PLACE}\b|waiting for you (?:outside|after|at|when you get home"
        rf"|in the (?:parking|car park))", "be "),
    act("will ruin your life", "ruin destroy end wreck",
        rf"(?:ruin|destroy|end|wreck) {YOUR} (?:life|lives|career|livelihood|family|reputation)\b"),
    act("will silence you", "silence shut",
        rf"(?:silence|shut) {OBJECT} (?:up )?(?:for good|permanently|forever|once and for all|one way or (?:another|the other))"
        rf"|silence (?:you|ya|u)\b"),
    act("will publish your address", "post publish share leak release spread dox doxx",
        rf"(?:post|publish|share|leak|release|spread|dox|doxx) {YOUR} (?:home |personal |real |private |family's |kids'? )?"
        rf"(?:address|phone number|location|whereabouts)|doxx? (?:you|him|her)\b"),
    act("will teach you a lesson", "teach deal wipe run blow throw bomb",
        rf"teach {OBJECT} a lesson(?! (?:in|on|about|of)\b)|deal with {OBJECT} (?:personally|myself|ourselves|my way|our way|the old(?:-| )fashioned way"
        rf"|permanently)|wipe {OBJECT} (?:out|off the (?:map|face of the earth|planet))|run {OBJECT} (?:over|off the road|out of town)"
        rf"|blow {OBJECT} (?:up|away|to (?:bits|pieces|kingdom come))|throw {OBJECT} (?:off|out of|in front of|into|under) (?:a |the )?"
        rf"(?:bridge|building|window|river|lake|train|bus|traffic|roof|cliff)|(?:blow up|bomb) {YOUR} (?:{PLACE}|car)\b"),
    act("will take care of you", "care",
        rf"care of {OBJECT} (?:permanently|for good|the old(?:-| )fashioned way|personally|myself|ourselves)", "take "),
]
"""What the writer says they will do, each after `WRITER_WILL`."""

VEILED = [
    rule("knows where you live", "veiled", "where",
         rf"where (?:exactly )?(?:{THEIR_PEOPLE} {WHERE_VERBS}\b|to find (?:{THEIR_PEOPLE})\b|{YOUR} {PLACE} is\b|they (?:live|work|park|sleep)\b"
         rf"|(?:he|she|[a-z]+) (?:lives|works|parks|sleeps|jogs|stays)\b)",
         KNOWS + r"(?:who (?:you|u) (?:are|really are),? (?:and|&) )?"),
    rule("knows where you live", "veiled", "find",
         rf"find (?:out )?(?:where (?:{THEIR_PEOPLE}) {WHERE_VERBS}|{YOUR} (?:home )?address)\b|find {YOU}{END}",
         r"\bit(?:'s| is|'d be| would be| will be| won't be| will not be| isn't| wasn't| wouldn't be)(?: not)? (?:very |that |too |so )?"
         r"(?:easy|hard|difficult) to "),
    rule("knows your car", "veiled", "drive drives park parks",
         r"(?:drive|drives|park|parks) (?:a|an|the) (?:black|white|red|blue|green|grey|gray|silver|yellow|orange|brown|gold|beige|dark \w+"
         r"|light \w+) (?:\w+ )?(?:car|truck|suv|van|honda|toyota|ford|bmw|tesla|mercedes|audi|vw"
         r"|volkswagen|jeep|nissan|mazda|subaru|hyundai|kia|chevy|prius|civic|corolla|volvo)\b", rf"\b(?:{YOUR} {FAMILY}|you) (?:still )?"),
    rule("your address is public", "veiled", "address",
         r"address (?:is|has been|will be) (?:now )?(?:public|out there|online|posted|everywhere|\d)", rf"\b{YOUR} (?:home )?"),
    rule("your kids' school", "veiled", FAMILY_WORDS,
         rf"{FAMILY} (?:still )?(?:go|goes|attend|attends) (?:to )?(?:\w+ ){{0,3}}?(?:school|elementary|academy|high|middle|daycare"
         rf"|kindergarten|preschool)\b,? (?:right|don't they|doesn't (?:she|he)|isn't (?:it|that right))\?", rf"\b{YOUR} "),
    rule("knows what you look like", "veiled", "look looks", r"looks? like\b", KNOWS + rf"what {THEIR_PEOPLE} "),
    rule("knows your routine", "veiled", FAMILY_WORDS,
         rf"{FAMILY} (?:still )?(?:leaves|gets home|comes home|goes out|jogs|runs|walks|takes|picks up|drops off|drives) (?:\w+ ){{0,4}}?"
         rf"(?:(?:at )?\d{{1,2}}(?::\d\d| ?[ap]\.?m\b)|every (?:morning|night|day|evening)|alone|[^.!?\n]{{0,60}}?,? (?:doesn't|don't)"
         rf" (?:she|he|they)(?:,[^!?\n]{{1,30}})?\?)", rf"\b{YOUR} "),
    rule("your family is alone", "veiled", "alone", r"alone(?: at night| tonight)?\b",
         rf"\bdoes (?:she|he|they|{YOUR} \w+) (?:still )?(?:walk|jog|run|go|get|drive|come|stay)(?: home| out| to school)? "),
    rule("hopes your family is safe", "veiled", "safe",
         r"safe(?:ly)? (?:walking|going|getting|on (?:the|their|her|his) way) (?:to|home|from)\b",
         rf"\bhope {YOUR} {FAMILY} (?:is|are|stays?|remains?|gets?)(?: home)? "),
    rule("knows your routine", "veiled", "leave leaves get come jog run walk",
         r"(?:leave|leaves|get home|come home|jog|run|walk) (?:\w+ ){0,4}?at \d+(?::\d\d)?(?: ?[ap]\.?m\.?)?,? (?:right|don't you|every day)\b",
         r"\byou (?:still |usually |always )?"),
    rule("you won't be around much longer", "veiled",
         "writing working around alive breathing talking posting publishing walking smiling laughing smirking",
         r"(?:writing|working|around|alive|breathing|talking|posting|publishing|walking|smiling|laughing|smirking)"
         r" (?:(?:at|for|on) (?:that|this|the|your) \w+ )?(?:for )?(?:much |very |that )?(?:longer|long)\b(?!,? (?:if|unless|when|once|because)\b)",
         r"\byou(?:'ll| will)? (?:won't|wont|will not|not) be |\byou(?:'re| are|re) not (?:gonna|going to) be "),
    rule("has eyes on you", "veiled", "eyes",
         rf"eyes on (?:{YOUR} (?:{PLACE}|{FAMILY}|every move)|you)\b", r"\b(?:we|i)(?:'ve| have)? (?:got )?"),
    rule("if I were you", "veiled", "were",
         r"were you,? i(?:'d| would) (?:be (?:very )?(?:careful|afraid|scared)(?= ?(?:[.!,]|$))|watch (?:my|your) back"
         r"|lock (?:my|your) doors|leave town|sleep with one eye open|get a bodyguard|keep (?:my|your) head down|stop writing"
         r"|(?:start )?look(?:ing)? over (?:my|your) shoulder)\b", r"\bif i "),
    rule("if I were you", "veiled", "were", r"were you\b",
         r"\bi(?:'d| would) (?:be (?:very )?(?:careful|afraid|scared)|watch (?:my|your) back|lock (?:my|your) doors|leave town"
         r"|sleep with one eye open|get a bodyguard|keep (?:my|your) head down|stop writing"
         r"|(?:start )?look(?:ing)? over (?:my|your) shoulder) if i "),
    rule("you should be afraid", "veiled", "afraid scared worried nervous frightened",
         rf"(?:afraid|scared|worried|nervous|frightened)(?:{END}| of (?:us|me|what(?:'s| is) coming))",
         r"\b(?:you|ya|u) (?:should|better|'d better|had better|ought to) be (?:very |really )?"),
    rule("don't make me come over there", "conditional", "make",
         rf"make me (?:come (?:over )?(?:there|to {YOUR} \w+|find you|for you)|find you|hurt you|visit you"
         rf"|do something (?:you'll|you will) regret)",
         r"\b(?:don't|do not) "),
    rule("if you know what's good for you", "conditional", "good", r"good for (?:you|ya|u)\b", r"\bif (?:you|u|ya) know what(?:'s| is|s) "),
    rule("you will pay with your life", "direct", "pay",
         rf"pay (?:for (?:this|that|it) )?(?:with|in) (?:{YOUR} (?:life|lives|blood)|blood)\b", YOU_WILL),
    rule("hope you die", "direct", "die drop", r"(?:die|drop dead)\b(?!(?:\.{2,}|\u2026|,)? ?(?:happy|rich|laughing|of (?:old age|laughter|laughing|shame|embarrassment|boredom"
         r"|envy)|peacefully))",
         r"\b(?:i |we )?hope (?:you|u|ya) (?:(?!never |not |won't |don't )\w+ ){0,3}"),
    rule("leave town while you can", "veiled", "leave run flee hide",
         rf"(?:leave (?:town|the country)|run|flee|hide)(?: now)? while (?:you|u|ya) (?:still )?can(?:{END}(?!,)|{VOCATIVE}|\b(?= ?[.!]))",
         mode="imperative"),
    rule("your time is coming", "veiled", "coming near", r"(?:coming|near)\b", rf"\b{YOUR} time is "),
    rule("wait till I see you", "veiled", "see meet catch find get",
         r"(?:see|meet|catch|find|get (?:hold of|my hands on)) (?:you|ya|u)\b", r"\bwait (?:till|until|til|'til) (?:i|we) "),
    rule("nobody would miss you", "veiled", "miss",
         r"miss (?:you|ya|u) if (?:you|u) (?:disappeared|vanished|were gone|died|went missing|were dead)\b",
         r"\b(?:nobody|no one|no-one|noone) (?:would|will|'d|is going to|gonna) (?:even )?"),
    rule("we are coming", "veiled", "way", rf"way (?:over )?to (?:{YOUR} {PLACE}|you)\b", r"(?:\b(?:i'm|i am|we're|we are) )?\bon (?:my|our) "),
    rule("knows where you live", "veiled",
         "school car house street gym church bus train route park daycare office building road neighbourhood neighborhood town "
         "floor apartment door time times",
         rf"(?:school|car|house|street|gym|church|bus|train|route|park|daycare|office|building|road|neighbou?rhood|town|floor"
         rf"|apartment|door|time|times) {THEIR_PEOPLE}\b", KNOWS + "(?:which|what) "),
    rule("knows your address", "veiled", "address postcode postal zip location whereabouts routine schedule license licence plate "
         "phone movements names route jogging running walking",
         r"(?:address|postcode|postal code|zip code|location|whereabouts|routine|schedule|licen[cs]e plate|plate number|phone number"
         r"|movements|names|(?:jogging|running|walking) route|route (?:to (?:work|school)|home))\b(?! (?:on file|in our (?:records|system|files|database)))",
         rf"{KNOWS}{YOUR} (?:home |exact |new |current |real |daily |kids'? |children's |daughter's |son's |wife's |family's )?"),
    rule("has been watching you", "veiled", "watching following tracking monitoring stalking",
         rf"(?:watching|following|tracking|monitoring|stalking) (?:{YOUR} (?:every (?:move|step)|house|home|place|movements|moves)"
         rf"|{YOU})(?= ?(?:[.!?,;:)]|$|and\b|closely|very|every|day|night|24|all the time|always))",
         r"\b(?:i|we|some of us)(?:'ve| have)? been "),
    rule("has been watching you", "veiled", "watching following stalking",
         rf"(?:watching|following|stalking) (?:{YOUR} every move|every (?:move|step) you (?:make|take)|{YOU}){END}",
         r"\b(?:i|we)(?:'m|'re| am| are) "),
    rule("we are everywhere", "veiled", "everywhere", rf"everywhere{END}", r"\bwe(?:'re| are) "),
    rule("saw your family", "veiled", "saw seen spotted watched followed tailed",
         rf"(?:saw|seen|spotted|watched|followed|tailed) (?:{YOUR} (?:{FAMILY}|car)|you) (?:leaving|walking|jogging|outside|getting (?:in|out)|home"
         rf"|to (?:work|school)"
         rf"|drop(?:ping)? off|pick(?:ing)? up|coming home|going home|at (?:{YOUR}|the) (?:\w+ )?(?:{PLACE}|car|bus stop|park|playground|rink|arena"
         rf"|pool|mall|supermarket)|at (?:school|daycare|kindergarten|practice)|(?:in|at) (?:the|{YOUR}) (?:parking lot|lot|car park|garage|driveway))\b{FRIENDLY}",
         r"\b(?:i|we)(?:'ve| have)? "),
    rule("watch your back", "veiled", "watch", rf"watch {YOUR} (?:back|six)\b", mode="imperative"),
    rule("watch your back", "veiled", "shoulder", r"shoulder\b", rf"\b(?:keep |start |be )?look(?:ing)? over {YOUR} ", mode="imperative"),
    rule("you had better", "veiled", "better best",
         rf"(?:better|best) (?:watch (?:it|out|yourself|{YOUR} (?:back|step|mouth|tongue|{FAMILY}))(?! (?:for|when|if))"
         rf"|sleep with one eye open|lock {YOUR} doors|(?:pray|start praying)(?:{END}| (?:hard )?(?:that )?(?:i|we) (?:never|don't|do not)"
         rf" (?:find|see|meet|catch|come))|(?:run|hide){END}|(?:hire|get) (?:a )?(?:bodyguard|security)"
         rf"|leave (?:town|the country|the city|the province|the state)"
         rf"|be (?:very )?careful(?! (?:what you wish|about|with|when|not to|of|in|to))"
         rf"|hope (?:i|we) (?:never|don't) (?:find|see|meet|catch)|think twice before (?:you )?(?:writ|post|publish|print|show|com|open|say)\w*"
         rf"|keep {YOUR} (?:mouth shut|head down|doors locked|{FAMILY} (?:close|inside|safe)))",
         rf"\b(?:you|ya|u|y'all)(?: and {YOUR} \w+)?(?:'d| had)? |^ ?|(?<=[.!?]\s)"),
    rule("be careful", "veiled", "careful",
         r"careful (?:(?:what|who|whom|where) (?:you|ya|u) (?:write|say|post|publish|print|go|walk|park|drive|insult|mess with|cross"
         r"|piss off|talk about|criticize|criticise|attack|report on)\b|(?:when you are |when you're )?(?:walking|going|driving|getting)"
         r" home|(?:late )?at night|walking (?:to|from) (?:your|ur) (?:car|house|home|office|door|work)(?: (?:late |alone )?at night| alone))",
         r"\bbe (?:very |extra |really )?", mode="imperative"),
    rule("be careful", "veiled", "careful", rf"careful{END}", r"\bbe (?:very|extra|really) ", mode="imperative"),
    rule("be careful", "veiled", "careful", rf"careful{VOCATIVE}", r"\bbe (?:very |extra |really )?", mode="imperative"),
    rule("be careful", "veiled", "careful", rf"careful(?:{END}|{VOCATIVE})",
         r"\b(?:you|u|ya) (?:should|need to|ought to|might want to|may want to|want to) be (?:very |extra |really )?"),
    rule("would be a shame if", "veiled", "shame pity terrible awful unfortunate",
         rf"(?:shame|pity|terrible|awful|unfortunate) if (?:(?:something|anything) (?:bad |terrible |awful |unfortunate |nasty )?"
         rf"(?:were to |was to |should |did )?happen(?:ed|s)?\b(?: to (?:{YOUR} (?:\w+ )?\w+|you|it|him|her|them)\b|(?! to (?:the|a|an|our|my|this (?:country|city|bill|plan))\b))"
         rf"|(?:{YOUR} {FAMILY}|you) (?:got hurt|were hurt|was hurt|had an accident|fell|disappeared|went missing|caught fire|never came home"
         rf"|didn't make it home|got run over|met with an accident)|{YOUR} (?:house|home|car|office|place|windows|tires|tyres|shop|store)"
         rf" (?:caught fire|burned|burnt|blew up|(?:got|were|was) (?:torched|smashed|vandali[sz]ed|keyed|slashed|broken|burned|burnt|firebombed))"
         rf"|(?:someone|somebody) (?:keyed|torched|burned|burnt|smashed|slashed|vandali[sz]ed|broke into|set fire to|firebombed) {YOUR} \w+)",
         r"(?:\b(?:would|'d|will|might|could) )?\bbe (?:a (?:real |terrible |damn |crying )?)?|^ ?(?:a (?:real )?)?|(?<=[.!?]\s)(?:a (?:real )?)?"),
    rule("something could happen to you", "veiled", "happen happened",
         rf"happen(?:ed)? to (?:{YOUR} {FAMILY}|{YOUR} (?:house|home|car)|you)\b",
         r"\b(?:something|anything) (?:bad |terrible |awful |unfortunate |nasty )?(?:could|might|may|will|is going to|is gonna) "
         r"|(?:\b(?:i|we)(?:'d| would| do)?(?:n't| not)? |\b(?:wouldn't|would not) )?(?:hate|want) (?:for |to see )?(?:something|anything)"
         r" (?:bad )?(?:to )?"),
    rule("would hate for you to get hurt", "veiled", "hurt", r"hurt\b(?! (?:by|financially|economically|in the (?:wallet|pocketbook))\b)",
         rf"(?:\b(?:i|we)(?:'d| would)? |\b(?:i|we) (?:wouldn't|would not) |(?:^|(?<=[.!?]\s)) ?would )(?:hate|want) (?:for |to see )?"
         rf"(?:{YOUR} {FAMILY}|you) (?:to )?"
         rf"(?:get|getting|be) "),
    rule("accidents happen", "veiled", "accidents",
         r"accidents (?:can |do )?happen(?:,? (?:you know|just saying|all the time(?= ?(?:[.!]|$))|to (?:nosy \w+|\w+ like you|(?:people"
         r"|journalists|reporters|folks|those) who|(?:journalists|reporters|snitches|rats|traitors)(?= ?(?:[.!]|$))))"
         r"|(?= ?[.!]* ?(?:;\)|:\)|$)))"),
    rule("accidents happen", "veiled", "accidents", r"accidents (?:can |do )?happen",
         r"\b(?:you know|just saying|remember|be careful|careful),? "),
    rule("accidents happen", "veiled", "accident", r"accident\b",
         rf"\b(?:{YOUR} \w+|you) (?:might|could|may) (?:have|meet with|suffer) an? (?:unfortunate|little|nasty) "),
    rule("sleep well", "veiled", "sleep lock check look",
         rf"(?:sleep (?:well|tight|soundly)(?:,? (?:tonight|while (?:you|u) (?:still )?can)|{VOCATIVE})|sleep with one eye open"
         rf"|lock {YOUR} doors?(?: (?:tonight|at night)|{END})|(?:check|look) under {YOUR} (?:car|bed)"
         rf"|check {YOUR} brakes)\b", mode="imperative"),
    rule("enjoy it while you can", "veiled", "enjoy",
         rf"enjoy (?:it|{YOUR} (?:life|lives|{FAMILY}|health|last \w+|remaining \w+|freedom|days|nights|time|sleep|walks?"
         rf"|house|home|car)|life) while (?:you|u|ya) (?:still )?can\b"),
    rule("your days are numbered", "veiled", "numbered", r"numbered\b(?! (?:in|as|at) )", rf"\b{YOUR} days (?:are|r) "),
    rule("you have been warned", "veiled", "warned", r"warned(?= ?(?:[.!,]|$|\.\.\.))",
         r"\b(?:(?:you|y'all|ya)(?:'ve| have| are|'re)? (?:been )?|consider (?:yourself|yourselves) )"),
    rule("this is your last warning", "veiled", "warning", r"warning\b(?! ?: ?(?:the|a|an|this|our|its?|there|all|every)\b)",
         r"\b(?:consider this (?:your |a )?(?:final |last |only )?|this is (?:your|a) (?:final|last|only|first and last) )"),
    rule("your family is alone", "veiled", FAMILY_WORDS,
         rf"{FAMILY} (?:still )?(?:walks?|walking|goes|going|go|gets|getting|get|plays?|playing|waits?|waiting|stays?|is|are)"
         rf" (?:home )?(?:alone(?: at night| tonight)?|by (?:her|him|them)sel(?:f|ves)|at night|home from (?:school|work)(?: alone)?)\b"
         rf"|{FAMILY} (?:won't|will not|wouldn't|would not|will never|might not|may not|isn't|aren't|is not|are not) (?:be )?safe"
         rf"(?: (?:anymore|for long|forever|either|now|any ?more))?(?= ?(?:[.!]|$))|{FAMILY} (?:is|are) (?:safe|fine) for now\b",
         rf"\b{YOUR} "),
    rule("asks after your family", "veiled", "hi hello", rf"(?:hi|hello) to {YOUR} {FAMILY}\b{FRIENDLY}", r"\bsay "),
    rule("asks after your family", "veiled", "tell warn remind pretty cute lovely beautiful nice sweet pictures photos pics",
         rf"(?:tell|warn|remind) {YOUR} {FAMILY} to (?:be careful|watch|lock|stay inside|stay home)"
         rf"|(?:pretty|cute|lovely|beautiful|nice|sweet) {FAMILY} (?:you(?:'ve| have)? got|you have)(?: there)?\b"
         rf"|(?:pictures|photos|pics) of {YOUR} (?:{FAMILY}|house|home|car)"),
    rule("we are coming", "veiled", "coming",
         rf"coming(?: (?:for|after|to (?:get|find|visit|see)) (?:{YOUR} (?:{PLACE}|{FAMILY})|{YOU}|(?:every|each|all)(?: last)?(?: one)? of you\b)"
         rf"|(?: over| round| around)? to {YOUR} {PLACE}\b(?!(?: \w+){{0,2}} to (?:drop|pick|deliver|sign|meet|discuss|return|bring|give|help"
         rf"|fix|show|talk|apologi[sz]e|interview|thank))|(?: for you)?(?: soon)?(?= ?(?:[.!]|$)))",
         r"\b(?:(?:we|i|they)(?:'re| are|'m| am)|we) (?:all )?"),
    rule("we'll be seeing you", "veiled", "seeing visiting", r"(?:seeing|visiting) (?:you|ya|u)\b", r"\b(?:we|i)(?:'ll| will) be "),
    rule("people like you disappear", "veiled", "disappear missing hurt dead hospital hospitals ditch ditches river rivers morgue body last",
         r"(?:disappear|missing|hurt|dead|hospitals?|ditch(?:es)?|rivers?|morgue|body bags?|last long)\b",
         LIKE_YOU + r"(?:go |get |end up (?:in (?:a |the )?)?|(?:don't|do not) )?"),
    rule("people like you disappear", "veiled", "get",
         r"get what(?: they|'s| is) (?:deserve|coming)(?: to them)?(?= ?(?:[.!]|$|eventually|in the end|sooner or later|one day|soon))", LIKE_YOU + r"(?:always |eventually |all )?"),
    rule("a dangerous world for you", "veiled", "dangerous scary risky unsafe",
         r"(?:dangerous|scary|risky|unsafe) (?:world|place|city|town|neighbou?rhood|time)(?: out there)? for (?:(?:someone|people|a (?:girl"
         r"|woman|journalist|reporter|man|guy)|journalists|reporters) like you|you)\b", r"\bit(?:'s| is) (?:a )?"),
    rule("remember what happened to", "veiled", "remember end finish ask",
         r"remember what happened to (?:the last (?:\w+ )?(?:journalist|reporter|one|guy|person|woman|man|writer|girl) who|khashoggi"
         r"|(?:the|that|this) (?:\w+ )?(?:journalist|reporter|columnist|editor|writer|blogger)s? (?:who|in|before you|from)"
         r"|the (?:\w+ )?(?:one|guy|person|woman|man|girl) before you)"
         r"|ask the last (?:\w+ )?(?:journalist|reporter|one|guy|person|woman|man|writer|girl|editor)(?: who [^.!?\n]{0,40}?)? what happened\b"
         r"|(?:end up|finish) like (?:khashoggi|jo cox|daphne|politkovskaya|the last (?:\w+ )?(?:journalist|reporter|one|guy|woman|man"
         r"|writer|girl))\b"),
    rule("you won't see it coming", "veiled", "coming", r"coming\b",
         r"\byou(?:'ll| will)? (?:never|not|won't|will not) see (?:it|us|me|them) "),
    rule("you can run but you can't hide", "veiled", "hide", r"hide\b(?! from (?!(?:us|me)\b))", r"\byou can run but (?:you |u )?can(?:'t|not|t) "),
    rule("a bullet with your name", "veiled", "bullet round gun rifle knife",
         rf"bullet with {YOUR} name on it|(?:bullet|round|gun|rifle|knife) (?:with {YOUR} name|for you)\b",
         r"\ba |\b(?:i|we) (?:have|'ve got|got) a "),
    rule("you will need a bodyguard", "veiled", "insurance", r"insurance (?:is )?(?:paid up|up to date)\b",
         rf"\bhope {YOUR} (?:home |house |car |life )?"),
    rule("you will need a bodyguard", "veiled", "locks", r"locks\b", r"\bhope (?:you|u) (?:have|got|'ve got) (?:good |strong )"),
    rule("you will need a bodyguard", "veiled", "bodyguard security insurance",
         r"(?:bodyguard|security detail)|insurance",
         rf"\b(?:you(?:'ll| will)? (?:need|want)|(?:better|might want to|should) (?:get|hire)) (?:a )?"
         rf"|\bhope (?:{YOUR} \w+|you) (?:has|have|got) (?:good |enough )?(?:life|fire) "),
    rule("only a matter of time", "veiled", "matter",
         r"matter of time (?:before|until) (?:someone|somebody|something) (?:gets|finds|hurts|shoots|happens to)(?: to)? (?:you|ya|u)\b",
         r"\bonly a "),
    rule("lives near you", "veiled", "close near nearby",
         rf"(?:close|near|nearby)(?: to)? (?:{YOUR} (?:{PLACE}|{FAMILY})|you)\b", r"\b(?:i|we) (?:live|am|'m|are|'re) (?:very |really |so )?"),
    rule("lives near you", "veiled", "far road street corner",
         rf"(?:far|road|street|corner)(?: from)? (?:{YOUR} (?:{PLACE}|{FAMILY})|you)\b",
         r"\b(?:i|we) (?:live|am|'m|are|'re) (?:not |down the |around the )"),
    rule("has people everywhere", "veiled", "people friends eyes guys contacts",
         rf"(?:people|friends|eyes|guys|contacts) (?:everywhere|in {YOUR} (?:town|city|area|neighbou?rhood|street|{PLACE})(?= ?(?:[.!]|$))"
         rf"|watching you|near you)", r"\b(?:i|we) (?:have|'ve got|got) "),
    rule("you don't know who you're dealing with", "veiled", "dealing messing fucking screwing",
         r"(?:dealing|messing|fucking|screwing) with\b", r"\byou (?:don't|do not|have no idea) (?:know )?who you(?:'re| are) "),
    rule("messing with the wrong people", "veiled", "wrong", r"wrong (?:person|people|guy|family|man|woman|crowd)\b",
         r"\byou(?:'re| are|'ve| have)? (?:messing|fucking|screwing|picked a fight) with the "),
    rule("you are dead", "direct", "dead",
         r"dead(?: (?:man|woman|meat|men)(?: walking)?)?(?= ?(?:[.!]|$|,? (?:journalist|reporter|bitch|pal|buddy|mate)))", YOU_ARE),
    rule("you will regret this", "veiled", "regret",
         r"regret (?:writing|publishing|printing|posting|saying|this article|that article|this story|that story|the day you)\b",
         YOU_WILL),
    rule("you are next", "veiled", "next", r"next(?: on (?:the|my|our) (?:hit |kill |death )?list)?(?= ?(?:[.!]|$))",
         r"\byou(?:'re| are|r|re| will be|'ll be) "),
    rule("you'll get what's coming", "veiled", "coming",
         r"coming(?: to you)?(?= ?(?:[.!]|$|,|soon|one day|eventually))", YOU_WILL + r"(?:get|have) what(?:'s| is) "),
    rule("won't rest until", "veiled", "stop rest",
         r"(?:stop|rest) (?:until|till|til) (?:you(?:'re| are)|we (?:find|get) you)(?: (?:dead|gone|silenced|six feet under|found"
         r"|in the ground))?", r"\b(?:i|we)(?:'ll| will)? (?:never|not|won't|will not) "),
    rule("should be shot", "direct", PARTICIPLE_WORDS, PARTICIPLES,
         r"(?<!')\b(?!(?:it|film|scene|movie|video|photos?|pictures?|footage|episode|ads?|commercials?|documentary|show|series|season|which"
         r"|this|that|scenes|movies|films|videos|shots?|ball|puck|plane|drone|missile|proposal|bill|idea|plan)\b)\w+ (?:should|ought to"
         r"|needs? to|must|has to|have to|gotta|deserves? to) (?:all )?be (?:publicly |summarily |just |immediately |slowly |simply )?"),
    rule("deserves a bullet", "direct", "bullet rope noose beating kicking", r"(?:bullet|rope|noose|(?:good )?beating|kicking)\b",
         r"\b(?:deserves?|needs?|should get|ought to get) (?:a|the) (?:good |real |proper )?"),
    rule("hope someone kills you", "direct",
         "shoot shoots kill kills stab stabs rape rapes murder murders lynch lynches hang hangs run runs beat beats torture tortures",
         rf"(?:shoots?|kills?|stabs?|rapes?|murders?|lynch(?:es)?|hangs?|runs? over|beats? up|tortures?) {PERSON_OBJECT}",
         r"\b(?:hope|hoping|pray|praying)(?: that)? (?:some(?:one|body)|one of (?:us|them)|they|a \w+) (?:\w+ )?"),
    rule("hope someone kills you", "direct", "run runs push pushes", r"(?:runs?|push(?:es)?) (?:you|u|ya|him|her|them) (?:over|off|in front of)\b",
         r"\b(?:hope|hoping|pray|praying)(?: that)? (?:some(?:one|body)|one of (?:us|them)|they|a \w+) (?:\w+ )?"),
    rule("hope you get shot", "direct", PARTICIPLE_WORDS + " raped run blown hit",
         r"(?:shot|stabbed|killed|murdered|raped|lynched|hanged|hung|beaten(?: up| to death)?|run over|blown up|tortured"
         r"|burned alive|burnt alive|hit by a (?:\w+ )?(?:truck|bus|car|train|semi))\b", rf"\b(?:hope|hoping|pray|praying)(?: that)? (?:{YOUR} {FAMILY}|you|he|she|they) (?:gets?|get) "),
    rule("or else", "conditional", "else", r"else(?= ?(?:[.!]|$|\.\.\.|\u2026|!+|\?!))",
         r"(?<=[\w,])\s+or "),  # after a demand in its sentence, not "Or else..." after a full stop
]
"""Intimidation without a stated act, and a few direct threats with no "I will"."""

CONSEQUENCES = [
    rule("if you ..., you will regret it", "conditional", "regret sorry pay learn wish disappear",
         r"(?:regret (?:it|this|that|the day|ever)|sorry|pay(?: for (?:it|this|that))?(?= ?(?:[.!,]|$|dearly))|learn (?:the hard way"
         r"|your lesson)|wish (?:you|u)(?:'d| had| were)? (?:hadn't|had not|not|never|dead)|disappear)\b", YOU_WILL + "(?:be )?",
         "consequence"),
    rule("if you ..., you will regret it", "conditional", "hurt shot killed stabbed beaten next dead missing",
         r"(?:hurt|shot|killed|stabbed|beaten|next|dead|missing)\b", YOU_WILL + "(?:get |be |go )", "consequence"),
    rule("if you ..., you will regret it", "conditional", "ditch morgue river body grave ambulance box coffin wheelchair",
         r"(?:ditch|morgue|river|body bag|grave|ambulance|box|coffin|wheelchair)\b",
         YOU_WILL + "(?:end up|leave|go home|come home|be going home) (?:in (?:a |an |the )?)?", "consequence"),
    rule("if you ..., you will regret it", "conditional", "walk see work write talk speak sleep safe",
         r"(?:walk|see|work|write|talk|speak|sleep|safe)(?: \w+){0,3}? again\b", YOU_WILL + r"(?:never|not) (?:be )?", "consequence"),
    rule("touch my family and you die", "conditional", "die", r"die\b", r"\b(?:and |or )?(?:you|ya|u)(?:'ll| will)? ", "consequence"),
    rule("if you ..., you are dead", "conditional", "dead next finished toast done",
         r"(?:dead|dead (?:man|woman)|next|finished|toast|done for)(?= ?(?:[.!,]|$))", YOU_ARE, "consequence"),
    rule("try it and see what happens", "conditional", "happens",
         r"happens(?= ?(?:[.!,]|$|next|to (?:you\b|people|reporters|journalists|those|nosy \w+|snitches|rats|traitors|\w+ like you)))",
         r"(?:\byou(?:'ll| will) )?(?:see|watch|find out) what |\byou (?:won't|will not|wouldn't|would not|aren't going to|are not going to"
         r"|'re not going to|'re not gonna) (?:like|enjoy) what ", "consequence"),
    rule("things will get ugly", "conditional", "ugly bloody violent nasty messy physical",
         r"(?:ugly|bloody|violent|nasty|messy|physical)\b",
         r"\b(?:things|it|this|shit) (?:will|'ll|is gonna|are gonna|is going to|are going to) get ", "consequence"),
    rule("it won't end well", "conditional", "end", r"end well(?: for you)?\b", r"\b(?:it|this) (?:won't|will not) ", "consequence"),
    rule("there will be consequences", "conditional", "consequences blood hell", r"(?:consequences|blood|hell to pay)\b",
         r"\bthere (?:will|'ll) be ", "consequence"),
    rule("the last thing you write", "conditional", "last", r"last (?:thing|article|story|time|piece|word) you (?:ever )?\w+",
         r"\b(?:that|it)(?:'ll| will) be the |\b(?:make sure|see to it that) (?:that|it)(?:'s| is| will be|'ll be) the ", "consequence"),
]
"""What follows a condition to make it a threat: none of these is one on its own ("you'll
regret it" after "if you vote for them" is advice), so each needs `CONDITION` before it."""

IF_YOU_DO = (
    r"(?:you|u|ya|any of you) (?:\w+ ){0,3}?(?:write|publish|print|post|say|mention|come|show (?:up|your face)|touch|mess|cross|talk|dox|report|name"
    r"|call|contact|keep|continue|ever|dare|try|go near|open|lie|insult|bother|harass|stop|retract|delete|take (?:it|this|that) down"
    r"|apologi[sz]e)"
)
"""What the reader does to bring a threat on: write, publish, come near, keep on."""
CONDITION = (
    rf"\b(?:if {IF_YOU_DO}|if (?:ur|your) \w+|if (?:i|we) (?:ever )?(?:see|catch|find|meet|hear|run into|bump into|spot)"
    r"|unless (?:you|u|ya)|next time (?:you|u|i|we)|one more (?:\w+ )?\w+|try (?:it|that|this|me|anything|something)"
    r"|(?:do|say|write|print|publish|post) (?:that|this|it|something like that) (?:again|one more time)|keep (?:it|this|that) up"
    r"|(?:come|show (?:your face|up)) (?:here|near|around|again|back)|go ahead and|dare to|don't make me|keep (?:on )?(?!(?:eating|drinking|smoking|speeding|driving|spending|borrowing|voting|skipping|ignoring|gambling)\b)\w+ing"
    r"|(?:touch|hurt|harm|come near|go near|mess with|cross|insult) (?:my|our|me|us)\b|again,? (?:and|&)"
    r"|(?:print|publish|write|post|say|do|try|run) (?:that|this|it|my name|another \w+|one more \w+)(?: \w+){0,4}? (?:and|&))\b"
)
"""The head of a conditional threat, looked for in the sentence before a consequence:
"if you", "one more article like this", "try it", "next time you"."""
OR_BEFORE = r"\bor(?: else)?,?\s*$"
"""A consequence right after "or" is conditional too: "stop writing or you'll regret it"."""
CONDITION_AFTER = rf" ?,? ?(?:if|unless|the (?:next|moment|minute|day) (?:time )?|next time|should) {IF_YOU_DO}\b"
"""A condition after a threat or a consequence: "there will be blood if you publish this"."""

RULES: list[Rule] = [*ACTS, *VEILED, *CONSEQUENCES]
