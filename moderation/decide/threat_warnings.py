"""Warnings, taunts and dares for `threats`, beside `threat_patterns` and `threat_forms`.

A veiled threat is often written as a warning the reader had better heed ("watch
yourself, Sarah", "don't be surprised if your windows get broken", "last warning."), as
an interest in the reader's family, house and day ("your kids look happy at that school",
"I drive past your house every day", "do you still jog by the river? Asking for a
friend"), or as a taunt ("tick tock, reporter", "let's see how brave you are in a dark
alley"). A conditional one ends a dare in a consequence that `threat_patterns` does not
know ("say that again and you'll find out", "next time you come here, bring a helmet",
"one more word and...").

Each of these is also the wording of advice, news or a joke ("be careful walking home,
the ice is bad", "keep eating like that and you'll end up in the hospital", "tick tock,
the tax deadline is Monday"), so most rules here need the reader addressed or nothing
more in the sentence, and the consequences of a health or money risk need a dare before
them: the reader writing, saying or coming near (`DARE`), not eating or driving.
Written as `threat_patterns` is (see `threat_words` for how a pattern reads).
"""

from __future__ import annotations

from moderation.decide.threat_words import END, FAMILY, FRIENDLY, KNOWS, LIKE_YOU, VOCATIVE, YOU_WILL, YOUR, Rule, rule

HOUSE = r"(?:house|home|office|door|front door|car|truck|school|work|place|newsroom|building|apartment|flat|street|shop|store|desk|gym)"
"""Where the reader lives, works or parks: fewer words than `threat_words.PLACE`, since these
rules start at many words each and every word of a pattern is compiled once for each."""

SAID = r"(?= ?(?:[.!]+|$))"
"""The end of the sentence: "watch yourself." but not "watch yourself on the stairs"."""
NAME = (
    rf"(?:{VOCATIVE}|(?=, (?:(?:mr|mrs|ms|miss|dr)\.? )?(?!(?:everyone|everybody|folks|all|guys|people|y'all|friends|kids|ladies"
    r"|gentlemen|then|now|too|though|again|tonight|today|ok|okay|lol|please|eh|seriously|really|honestly|canada|toronto|ottawa)\b)"
    r"[a-z][a-z'-]+ ?(?:[.!]+|$)))"
)
"""A word of address or a name closing the sentence: "sleep tight, Karen." but not "sleep
tight, everyone, big game tomorrow"."""
NAMED = f"(?:{SAID}|{NAME})"
"""The end of the sentence, or a name or word of address closing it."""
ADDRESSED = rf"(?:{VOCATIVE}|(?=,? (?:hack|liar|rat|snitch|darling|dear|sir|loser|clown)\b))"
"""A word of address closing the clause, which makes a remark that is also said of an
election or a market one to the reader ("tick tock, reporter", not "tick tock, Ottawa")."""
NOT_YET_DONE = (
    r"(?:won't|wont|will not|aren't going to|are not going to|'re not going to|'re not gonna|isn't going to|is not going to"
    r"|'s not going to|ain't gonna|not|never|'ll never|will never)"
)
KIN = "wife husband kids children daughter son family"
"""Words for the reader's family that a rule starts at; its pattern reads the word itself as
any word ("[a-z]+"), which compiles faster, once for each, than the whole of `FAMILY`."""
DARE = (
    r"(?:\b(?:say|do|write|print|publish|post|try|call me|mention|insult|touch|push|test|cross)\b[^.!?\n]{{0,40}}?\b(?:again|one more time"
    r"|once more|to my face|in public)|\b(?:try (?:it|that|this|me)|go ahead|push me|test me|provoke me|keep (?:it|this|that) up"
    r"|cross (?:me|us)|(?:keep (?:on )?|continue )(?:talking|lying|poking|snooping|running (?:your|ur|yer) mouth|mouthing|insulting"
    r"|harassing|bothering|meddling|snitching|ratting{})|(?:come|go) near (?:me|us|my|our)|show (?:your (?:\w+ )?face|up)"
    r"|touch (?:me|us|my|our)|mess with (?:me|us|my|our)|ignore (?:this|my|our) (?:\w+ )?(?:warning|message)"
    r"|one more (?:\w+ ){{0,3}}?))\b[^.!?\n]{{0,60}}?,? (?:and|&|or) (?:you(?:'ll| will|'re gonna|'re going to| are going to| are gonna) )?"
)
"""What the reader does to bring on a consequence that is also a risk of health or money, up
to the "and" after it: say it again, come near, keep on talking ("keep talking and you'll
end up in the hospital", but not "keep eating like that and ..."). A template: the keeping
on that `DARE_THEN` adds, writing or digging, is also what a journalist is urged to do
("keep digging and you'll find out"), so `FIRM_DARE_THEN` leaves it out."""
FIRM_DARE_THEN = DARE.format("")
DARE_THEN = DARE.format("|writing|digging|asking|publishing|printing|posting|following|spreading|sticking")

WARNING_CONDITIONS = (
    r"\b(?:(?:print|publish|post|share|leak|put|release|mention) (?:my|the|those|these|that|this) (?:\w+(?:'s|')? )?\w+(?: \w+){0,4}? (?:and|&)"
    r"|(?:show (?:your (?:\w+ )?face|up)|come (?:back|around|round|near|here)|set foot) (?:\w+ ){0,4}?(?:and|&)"
    r"|(?:push|test|provoke|annoy|threaten|call) (?:me|us)\b(?: \w+){0,4}? (?:and|&)"
    r"|another (?:\w+ ){0,2}?(?:article|story|column|piece|word|lie|post|comment|photo|tweet|attack|insult|smear)s?(?: \w+){0,3}? (?:and|&)"
    r"|ignore (?:this|my|our) (?:\w+ )?(?:warning|message)|if (?:that|this|the|my|any) (?:\w+ ){0,2}?(?:article|story|piece|column"
    r"|photo|picture|video|name|report)s? (?:runs|goes (?:up|out|live|to print)|is (?:published|printed|posted|aired)|gets (?:published"
    r"|printed|posted)|airs|comes out|appears))\b|^ ?(?:you|u) (?:publish|print|write|post|run|name|mention|put)\w* (?:that|this|it|my"
    r"|one more|another)\b[^,.!?\n]{0,40},"
)
"""More heads of a conditional threat, for `threats` beside `threat_patterns.CONDITION`:
"publish my address and", "show your face in this town and", "another article like this
and", "if that story runs", "you publish that story, ..."."""

VEILED = [
    rule("watch yourself", "veiled", "watch",
         rf"watch (?:yourself|urself|yer ?self)(?:,? (?:tonight|out there))?{NAMED}|watch (?:your step|your mouth|your tongue){ADDRESSED}",
         mode="imperative"),
    rule("be careful", "veiled", "careful",
         rf"careful (?:when (?:you(?:'re| are) )?)?(?:walking|going|getting|heading|coming) home(?: (?:tonight|from (?:work|the office)"
         rf"|late|alone|at night))*{NAMED}", mode="imperative"),
    rule("be careful", "veiled", "careful",
         r"careful (?:who|whom) (?:you|ya|u) (?:write about|insult|name|piss off|mess with|cross|talk about|criticize|criticise|attack"
         r"|report on|go after|make (?:fun of|enemies of))\b",
         r"\b(?:you|ya|u)(?:'d| had)? (?:should|better|need to|ought to|might want to|may want to|want to) (?:be |get )?(?:a (?:lot|bit"
         r"|little) )?(?:more |very |extra |really )?"),
    rule("sleep well", "veiled", "sleep", rf"sleep (?:well|tight|soundly){NAME}", mode="imperative"),
    rule("tick tock", "veiled", "tock", rf"tock(?:,? tick,? tock)*{ADDRESSED}", r"\btick,? "),
    rule("you had better", "veiled", "alone",
         rf"alone(?: (?:at night|after dark|tonight|anymore|any ?more|for a while))?{ADDRESSED}",
         r"\b(?:don't|do not|never|dont|better not|'d better not) (?:go|walk|jog|run) (?:out |home |anywhere |outside )?", mode="imperative"),
    rule("you had better", "veiled", "grow", rf"grow (?:some )?eyes (?:in|on) the back of {YOUR} head",
         r"\b(?:you|ya|u)(?:'d| had)? (?:better|best) |\byou(?:'ll| will)? (?:need|want) to |(?:^|(?<=[.!?]\s)) ?(?:better|best) "),
    rule("don't be surprised if", "veiled", "surprised",
         rf"surprised (?:if|when) (?:(?:you|ya|u) (?:get|receive|have|find|got) (?:a |an |some )?(?:\w+ )?(?:visit|visitors|company)"
         rf"(?= ?(?:[.!,]|$| (?:one|some|soon|tonight|from (?:us|me|my|our|some|one of)\b)))"
         rf"|{YOUR} (?:\w+ )?(?:windows?|tires|tyres|car|truck|house|home|brakes|door|office|shop|store|windshield|garage|mailbox)"
         rf" (?:get |gets |got |are |is |were |was |end up |ends up )?(?:broken|smashed|slashed|keyed|torched|burned|burnt|vandali[sz]ed|cut|kicked in"
         rf"|set on fire|firebombed|on fire|catch(?:es)? fire|burns? down|go(?:es)? up in flames)"
         rf"|(?:someone|somebody|people|we|they|a few (?:of us|guys|friends)|some of us|some (?:guys|friends)) (?:\w+ )?(?:shows? up|turns? up"
         rf"|comes? (?:by|round|around|knocking)|knocks?|(?:is|are) waiting|waits?|pays? you a visit|visits? you)(?: \w+){{0,2}}?"
         rf" (?:at|on|outside|near) {YOUR} (?:\w+ )?{HOUSE}(?: (?:one|some|late at|in the middle of the) (?:night|morning|evening))?{SAID}"
         rf"|(?:something|anything) (?:bad |terrible |unfortunate |nasty )?happens to (?:you|ya|{YOUR} \w+))",
         r"\b(?:don't|do not|dont|(?:i |we )?wouldn't|(?:i |we )?would not|nobody (?:will|would|should)) be (?:too )?"),
    rule("this is your last warning", "veiled", "warning", rf"warning(?:{SAID}|{ADDRESSED})",
         r"(?:^|(?<=[.!?]\s)) ?(?:this is |consider this )?(?:your |my |our )?(?:final|last|only) "),
    rule("think of your family", "veiled", "family kids children wife safety",
         rf"[a-z]+(?: and (?:\w+ )?\w+)?,? (?:before|next time|the next time|when"
         rf"|if) (?:you )?(?:ever )?(?:write (?:another|one more|that|this|anything|about|something|more|such|again|lies)|publish|print|say (?:another"
         rf"|one more|anything|that|something)|name|mention|report|testify|speak (?:out|up)|go to the police|run (?:that|this|another"
         rf"|one more)|open {YOUR} mouth)\b", rf"\bthink (?:long and )?(?:hard |carefully |twice |very )?(?:about|of) {YOUR} (?:\w+ )?"),
    rule("knows your way home", "veiled", "way walk",
         rf"(?:way|walk)(?: home)? (?:to|from) {YOUR} (?:\w+ )?(?:car|office|door|desk|house|home|apartment"
         rf"|building|flat)(?: (?:to|from) (?:the |that |your )?(?:\w+ )?(?:car park|parking lot|parking garage|garage|lot|office|gym|car"
         rf"|door))?(?: (?:at night|after dark|alone|tonight))?(?= ?(?:[.!]|$|,? isn't it)|{ADDRESSED})",
         r"\b(?:it(?:'s| is)|that(?:'s| is)|must be) (?:a |such a )?(?:very |pretty |really )?(?:long|dark|lonely|quiet) "),
    rule("your kids' school", "veiled", "look looks",
         r"looks? (?:so |very |really )?\w+ (?:at|in|outside|on) (?:that|their|his|her|your) (?:new |little )?(?:school|daycare|playground"
         rf"|park|kindergarten|bus stop|schoolyard|soccer field|field|practice|pool|camp)\b{FRIENDLY}",
         rf"\b{YOUR} (?:\w+ )?{FAMILY} (?:(?:always|really|sure) )?"),
    rule("you'd look good in a wheelchair", "veiled", "look looks",
         r"looks? (?:good|better|great|nice|cute|pretty|lovely|best) (?:in|with|on) (?:a |an |the )?(?:wheelchair|coffin|casket|body bag"
         r"|neck brace|(?:full[- ]body )?cast|hospital bed|stretcher|toe tag|noose|broken \w+|black eyes?|few (?:less|fewer) teeth|missing teeth"
         r"|stitches|bruises)",
         rf"\b(?:you|ya|u|{YOUR} (?:\w+ )?{FAMILY})(?:'d| would|'ll| will)? "),
    rule("would be a shame if", "veiled", "nice lovely pretty",
         r"(?:nice|lovely|beautiful|pretty|cute|sweet) (?:little )?(?:\w+ )?(?:house|home|place|car|shop|store|restaurant|cottage|bakery"
         r"|business|garden|family|kids|wife|daughter|son|dog|cat|truck|boat|office|windows)s? (?:you(?:'ve| have)? got|you have)"
         r"(?: there| here)?[.,!;:-]* ?(?:it )?(?:(?:would|'d|will|could|might) )?(?:be )?(?:a (?:real )?)?(?:shame|pity)\b"),
    rule("nobody would miss you", "veiled", "miss",
         r"miss (?:you|ya|u)(?: (?:so much|a lot|terribly))? if (?:anything|something) (?:\w+ )?(?:happened|were to happen|was to happen"
         rf"|happens) to (?:you|ya|u)(?:{SAID}|{ADDRESSED}|,? (?:you know|just saying|think about it))", rf"\b{YOUR} (?:\w+ )?{FAMILY} (?:would|will|'d|is going to|are going to|are gonna|is gonna) "
         r"(?:really |so |sure )?"),
    rule("nobody would miss you", "veiled", "miss", r"miss (?:a|an|one) (?:\w+ )?\w+ like (?:you|ya|u)\b",
         r"\b(?:nobody|no one|no-one|noone) (?:would|will|'d|is going to|gonna) (?:even |really )?"),
    rule("people like you disappear", "veiled", "missing dead killed hurt",
         r"(?:missing|dead|killed|hurt)(?: in (?:a |the )?(?:ditch|river|hospital|morgue))? for (?:(?:saying|writing|doing|posting"
         r"|publishing|printing) )?(?:(?:much|a lot|far) )?(?:less\b|(?:\w+ )?(?:stuff|things|articles|stories|lies) like (?:this|that|yours)\b)",
         r"\b(?:people|men|women|journalists|reporters|others|folks|guys)(?:'ve| have)? (?:been |gone |went |go |ended up |turned up |wound up"
         r"|been found )?"),
    rule("accidents happen", "veiled", "happen",
         r"happen(?:ing)? to (?:(?:nosy|\w+) )?(?:journalists|reporters|snitches|rats|traitors|hacks|writers|columnists|(?:\w+ )?like you)\b"
         r"|happen(?:ing)? to (?:people|folks|those|anyone|men|women|guys) who (?:\w+ ){0,2}?(?:talk|write|dig|ask|snitch|snoop|poke|stick"
         r"|meddle|mess|run (?:their|his|her) mouths?|spread|publish|print|cross|rat|report|can't keep)\w*(?![^.!?\n]{0,60}\b(?:driv\w*"
         r"|road|traffic|phone|smok\w*|drink\w*|eat\w*)\b)",
         r"\b(?:bad|terrible|nasty|awful|unfortunate|ugly|strange|funny) things (?:can |do |tend to |often |always |sometimes |have a way of "
         r"|seem to )?"),
    rule("accidents happen", "veiled", "happen happens",
         rf"happens? (?:to (?:you|people) )?(?:on|in|at|along|down) (?:(?:a|an|such a) (?:\w+ )?(?:street|road|block|cul-de-sac|lane|drive"
         rf"|neighbou?rhood|route|walk|path|parking lot|car park|town|place) like yours|{YOUR} (?:(?:quiet|dark|lonely|empty|little|nice) ){{0,2}}"
         rf"(?:street|road|block|cul-de-sac|lane|neighbou?rhood|route|walk home|path|driveway|way home))(?= ?(?:[.!]|$|,? (?:you know"
         r"|just saying|at night|late at night))|{ADDRESSED})",
         r"\b(?:anything|something|things|a lot|stuff|bad things)(?: (?:could|can|might|may|will|do|does|often|tend to))? "),
    rule("knows your routine", "veiled", "friend", r"friend(?= ?(?:[.!?]|$))",
         rf"\bdo(?:es)? (?:you|ya|u|{YOUR} (?:\w+ )?{FAMILY}) (?:still |usually |always )?(?:jog|run|walk|park|pick|take|drive|leave|go|get|catch"
         r"|ride|drop|live|work|sleep|stay|shop|train|swim|bike|cycle)\b[^.!?\n]{0,60}\? ?(?:just )?asking for a "),
    rule("has been watching you", "veiled", "waiting following watching behind",
         rf"(?:waiting) (?:for (?:you|ya)|outside|near|by|around|in) (?:{YOUR} (?:\w+ )?{HOUSE}|you)\b"
         rf"|(?:following|watching) (?:you|{YOUR} (?:\w+ )?(?:kids|children|wife|husband|family|daughter|son|house|home|car))\b"
         r"(?! online| on (?:the )?(?:internet|line|social))|behind (?:you|ya)\b",
         r"\b(?:you|ya|u) (?:never|don't|do not|can't|cannot|won't) (?:really |ever )?know who(?:'s| is|'ll be| will be|'s been| has been)"
         r" (?:in the car |driving the car )?"),
    rule("asks after your family", "veiled", "enjoying liking",
         r"(?:enjoying|liking) (?:\w+ ){0,3}?(?:school|elementary|academy|daycare|kindergarten|preschool|camp|practice|class|classes|lessons"
         r"|swim team|bus)\b[^.!?\n]{0,30}\?",
         rf"\bhow(?:'s| is| are) {YOUR} (?:\w+ )?{FAMILY} "),
    rule("you will need a bodyguard", "veiled", "insurance locks lock",
         rf"(?:(?:health |medical |dental |life )?insurance|(?:a |an )?locks?(?: on (?:that|your|the) (?:front )?doors?)?)"
         rf"(?= ?(?:[.!]|$)|{ADDRESSED})",
         r"\b(?:i |we )?hope (?:you|ya|u) (?:have|got|'ve got) (?:a |an )?(?:good|great|decent|plenty of|enough|a lot of|strong|solid|really good) "),
    rule("you will need a bodyguard", "veiled", "hospital eating drinking wheelchair wheelchairs",
         r"(?:hospital (?:food|beds?)|(?:eating|drinking) (?:through|from) (?:a )?straws?|wheelchairs?)\b(?!,? (?:because|since|as|cause|'cause)\b)", r"\b(?:i |we )?hope (?:you|ya|u) (?:like|enjoy|love) "),
    rule("enjoy it while you can", "veiled", "enjoy",
         rf"enjoy {YOUR} (?:\w+ ){{0,2}}(?:life|lives|career|face|family|kids|looks|teeth|legs|knees|house|home|car|nights?|sleep|days|walks?"
         rf"|safety) while (?:it|they) (?:lasts?|can)\b"),
    rule("you are next", "veiled", "next", rf"next(?: on (?:the|my|our) (?:hit |kill |death )?list)?(?:{SAID}|{ADDRESSED})",
         rf"\b{YOUR} (?:whole |entire |little |precious )?(?:{FAMILY}|house|home|car) (?:is|are|'s|will be|'ll be|could be) "),
    rule("knows your address", "veiled", KIN,
         r"[a-z]+(?:'s|') (?:(?:home|real|new|private|exact) )?(?:instagram|facebook|tiktok|snapchat|school|address|names?|schedule|photos"
         r"|pictures|pics|car)\b(?! (?:from|in|on|because|since)\b)", rf"{KNOWS}{YOUR} "),
    rule("lot of windows in your house", "veiled", "windows",
         rf"windows (?:in|on|at) {YOUR} (?:\w+ )?{HOUSE}(?= ?(?:[.!]|$)|{ADDRESSED})",
         r"\b(?:a )?(?:lot|lots|plenty) of (?:big |nice |glass )?|\bso many (?:big |glass )?|\bnice (?:big )?"),
    rule("lot of windows in your house", "veiled", "windows", rf"windows(?= ?(?:[.!]|$)|{ADDRESSED})",
         rf"\b{YOUR} (?:\w+ )?{HOUSE} (?:has|have|'s got|sure has) (?:a lot of|lots of|so many|plenty of|such|big|nice|large)"
         r"(?: big| nice| large| glass)? "),
    rule("won't end well for you", "veiled", "end",
         rf"end well for (?:you|ya|u)(?: or {YOUR} (?:\w+ )?{FAMILY}{SAID}|{ADDRESSED})",
         r"\b(?:this|it|that|things) (?:won't|will not|is not going to|isn't going to|'s not going to|ain't gonna|isn't gonna|is not gonna) "),
    rule("won't end well for you", "veiled", "game", rf"game{ADDRESSED}",
         r"\byou(?:'re| are|re) playing (?:a |with )?(?:very |really )?(?:dangerous|risky|deadly) "),
    rule("your time is coming", "veiled", "running", rf"running out{ADDRESSED}",
         rf"\b{YOUR} time(?:'s| is) "),
    rule("your time is coming", "veiled", "coming", rf"coming(?: (?:for|to) (?:you|ya|u){SAID}|{ADDRESSED})",
         r"\b(?:you|ya|u) (?:have no idea|don't know|do not know|haven't a clue|have no clue) what(?:'s| is) "),
    rule("knows your routine", "veiled", "drive walk",
         rf"(?:drive|walk)(?: right)? (?:past|by) {YOUR} (?:\w+'? )?{HOUSE}\b (?:every (?:day|night"
         rf"|morning|evening)|daily|most (?:days|nights)|all the time|a lot|often|twice a day|at night|sometimes)(?:{SAID}|{ADDRESSED})",
         r"\b(?:i|we)(?: (?:still|often|usually|sometimes|always|now))? "),
    rule("let's see how brave you are", "veiled", "brave tough",
         r"(?:brave|tough) (?:you(?:'re| are| really are|'ll be| will be))(?: (?:then|now))?"
         r" (?:in (?:a |the )?(?:dark )?(?:alley|parking lot|car park|person|real life)|when (?:we|i|my (?:boys|friends|guys)) (?:meet|find you"
         r"|see you|show up|come|get (?:there|to you|hold of you)|catch you)|without (?:your|a) (?:keyboard|computer|screen|phone|paper|pen"
         r"|bodyguards?|security|editor)|face to face|in person|offline|irl)\b",
         r"\b(?:let's|lets|we'll|we will|i'll|i will|we'd like to|i'd like to|we're gonna|i'm gonna) see how "),
    rule("in for a surprise", "veiled", "surprise surprises",
         rf"surprises?(?: (?:one of these (?:nights|days)|one night|some night|tonight|late at night))(?:{SAID}|{ADDRESSED})",
         rf"\b(?:{YOUR} (?:\w+ )?(?:{FAMILY}|house|home|car|office|place)|you|ya|u)(?:'re| are|'s| is|re| will be|'ll be) in for"
         r" (?:a |an |one |some )?(?:\w+ )?"),
    rule("people like you disappear", "veiled", "funny strange",
         r"(?:funny|strange) how (?:\w+ ){0,3}?(?:reporters|journalists|\w+ like you|critics|writers"
         r"|columnists|snitches|people who(?: \w+){1,3}?)(?: (?:of|at|for) (?:the |this |that )?\w+)? (?:keep |always |tend to |seem to |often |sometimes |end up )?(?:having accidents"
         r"|have accidents|disappearing|disappear|getting hurt|get hurt|going missing|go missing|falling (?:out of|from) (?:windows|balconies)"
         r"|fall (?:out of|from) (?:windows|balconies)|ending up dead|end up dead|turning up dead|turn up dead|getting shot|get shot)\b(?! (?:wrong|right|last|on|by|financially|in the)\b)"),
    rule("people like you disappear", "veiled", "accidents accident", r"(?:accidents|an accident)\b",
         LIKE_YOU + r"(?:have |having |get into |meet with |end up in )"),
    rule("will leave on a stretcher", "veiled", "stretcher ambulance", r"(?:stretcher|ambulance)\b(?! (?:if|unless|when|because)\b)",
         r"\b(?:you|he|she|they)(?:'ll| will) (?:be )?(?:leaving|leave|going home|go home|carried out|coming out|come out|walking out"
         r"|walk out)(?: of (?:there|here|it))? (?:on|in) (?:a|an) "),
]
"""Intimidation without a stated act."""

CONSEQUENCES = [
    rule("say that again and you'll find out", "conditional", "find", rf"find out{END}", FIRM_DARE_THEN),
    rule("say that again and you'll find out", "conditional", "find",
         r"find out (?:the hard way|soon enough|what happens(?: next)?|what (?:i|we)(?:'m| am|'re| are) (?:capable of|made of)|what (?:i|we)"
         r" (?:can|will) do|what (?:real )?pain (?:is|feels like))\b", YOU_WILL, "consequence"),
    rule("if you ..., you are dead", "conditional", "done", r"done(?= ?(?:[.!,]|$))",
         r"(?<!when\s)(?<!until\s)(?<!after\s)(?<!once\s)\b(?:you(?:'re| are|re)|ur|u r) (?:so )?", "consequence"),
    rule("if you ..., you will regret it", "conditional", "walk", r"walk (?:away|out of (?:here|there))(?: from (?:this|it|that))?"
         r"(?: (?:alive|in one piece|on your own|unhurt))?(?= ?(?:[.!,]|$))", rf"\b(?:you|ya|u)(?:'ll| will)? {NOT_YET_DONE} ", "consequence"),
    rule("if you ..., you will regret it", "conditional", "make",
         r"make it (?:home|back|out)(?: (?:alive|in one piece|tonight|one night|some night|one of these nights|safely))?(?= ?(?:[.!,]|$))",
         rf"\b(?:you|ya|u)(?:'ll| will)? {NOT_YET_DONE} ", "consequence"),
    rule("if you ..., you will regret it", "conditional", "safe",
         r"safe(?: (?:in this town|in this city|here|anywhere|at home|on (?:the|these) streets|in (?:your|this|ur) \w+|again|anymore"
         r"|any ?more))?(?= ?(?:[.!,]|$))", rf"\b(?:you|ya|u|{YOUR} (?:\w+ )?{FAMILY})(?:'ll| will)? {NOT_YET_DONE} (?:be |feel )?",
         "consequence"),
    rule("next time, bring a helmet", "conditional", "helmet helmets bodyguard bodyguards armour armor ambulance stretcher vest",
         r"(?:helmet|bodyguard|armou?r|ambulance|stretcher|vest)s?(?= ?(?:[.!]|$))",
         r"\b(?:next time|if|when|before) (?:you|ya|u) (?:ever )?(?:come|show|write|publish|print|post|say|knock|set foot|mention|name|talk"
         r"|open)\b[^.!?\n]{0,60}?,? (?:you(?:'d| had)? better |you should |you'll need to |make sure (?:you )?)?(?:bring|pack) (?:a |an |your |some )?"
         r"(?:body ?|bulletproof )?"),
    rule("unless you want trouble", "conditional", "trouble hurt",
         rf"(?:trouble|to get hurt)(?= ?(?:[.!]|$| with (?:me|us|my \w+))|{ADDRESSED})",
         r"(?:\b(?:don't|do not|dont|never) [^.!?\n]{0,60}? )?\b(?:unless|if) (?:you|ya|u) (?:want|wanna|are looking for|'re looking for|like|fancy|feel like) (?:some |any |a lot of |big |real "
         r"|serious )?"),
    rule("you will end up in a body bag", "conditional", "hospital icu cemetery graveyard",
         r"(?:hospital|icu|cemetery|graveyard)\b",
         rf"{DARE_THEN}(?:end up|wind up|land|be|go home|leave)(?: in| at)? (?:the |a |an )?"),
    rule("you will get a bullet", "conditional", "eating drinking picking",
         rf"(?:eating|drinking)(?: (?:your )?(?:meals|food|dinner|soup))? (?:through|from|with) (?:a )?straws?|picking (?:up )?{YOUR} teeth",
         YOU_WILL + "(?:be )?", "consequence"),
    rule("the last thing you write", "conditional", "last",
         r"last(?: (?:article|story|word|column|piece|post|comment|one))?(?= ?(?:[.!]|$))",
         rf"\b(?:it|that|this)(?:'ll| will|'s gonna|'s going to| is going to| is gonna) be {YOUR} ", "consequence"),
    rule("try it and see what happens", "conditional", "ready prepared",
         r"(?:ready|prepared) for what(?:'s| is)? (?:comes?|coming|happens?|follows?)(?: next)?(?= ?(?:[.!]|$))",
         r"\b(?:you(?:'d| had)? (?:better|best) |(?:you )?(?:should|must|need to) |get |be )(?:be )?", "consequence"),
    rule("try it and see what happens", "conditional", "ahead",
         r"ahead,? (?:and )?(?:print|publish|write|post|run|name|mention)\w* (?:it|that|this|me|us|my name|the \w+)[.!,]*"
         r" (?:and )?(?:see|watch|find out) what happens\b", r"\bgo "),
    rule("one more word and", "conditional", "and... and\u2026 &... &\u2026",
         r"(?:and|&)(?:\.{2,}|\u2026)",
         r"\bone more (?:\w+ ){0,2}?(?:word|words|article|story|lie|lies|column|piece|post|comment|peep|remark|crack|joke|insult|stunt"
         r"|photo|tweet)s?(?: (?:like (?:this|that|it)|about (?:me|us|my \w+)|out of (?:you|your mouth)))?,? "
         r"|\b(?:say|do|write|print|publish|try|call me)\b[^.!?\n]{0,30}? again,? "),
    rule("if you ..., you will regret it", "conditional", "lose",
         r"lose (?:some |a few |all |both |your |a couple of |several )?(?:of your )?(?:teeth|fingers|kneecaps|eyes?|legs?|arms?|hands?"
         r"|limbs?)\b", YOU_WILL + "(?:probably |definitely )?", "consequence"),
]
"""Consequences of a dare, beside those of `threat_patterns` and `threat_forms`."""

WARNINGS: list[Rule] = [*VEILED, *CONSEQUENCES]
