"""More forms of threat for `threats`, in the registers comment sections use beside the
careful one: slang and trolling ("ima smoke u", "ur gonna get got", "i'll fuck u up"), calls
on others and bounties ("who's gonna teach this hack a lesson", "a beer to whoever punches
him"), threats to a crowd or a group ("those protesters should be run over", "traitors will
hang", "open season on journalists"), militia talk ("the day of the rope is coming", "we'll
settle this with lead"), threats to a car, a shop or a pet ("i'll slash your tires", "your
dog's gonna have an accident"), and the "jokes" that end one ("jk... unless").

Written as `threat_patterns` is (see `threat_words` for how a pattern reads): each rule
starts at one of a few words and names what must stand right before them.
"""

from __future__ import annotations

from moderation.decide.threat_patterns import act
from moderation.decide.threat_words import (
    END, FAMILY, PLACE, VOCATIVE, WRITER_WILL, YOU_ARE, YOU_WILL, YOUR, Rule, rule,
)

STOP = r"(?= ?(?:[.!]+|$))"
"""Nothing after it in the sentence: "i'll spray you." but not "i'll spray you with the hose"."""
CLOSE = rf"(?:{END}|{VOCATIVE}|(?=,? (?:clown|loser|hack|dude|bro|boy|homie|fool|buddy|pal)\b))"
"""The end of the clause, or a word of address after it ("you're finished, clown")."""
THEIRS = rf"(?:{YOUR}|his|her|their)"
PROPERTY = r"(?:car|cars|truck|tires|tyres|windows?|windshield|house|home|shop|store|office|restaurant|mailbox|door|garage|cottage)"
CALL = (
    r"(?:(?:^|(?<=[.!?;:,\n\"(])|(?<=[.!?;:,\n\"(]\s)) ?(?:(?:just|now|please|so|then|go|someone|somebody|everyone|y'all|guys|boys"
    r"|people),? ){0,2}|\b(?:should|must|ought to|oughta|needs? to|gotta|got to|have to|let's|lets|let us|(?:it's |its )?time to)"
    r" (?:(?:all|just|go|finally|simply|and|start) ){0,2})"
)
WHO_WILL = r"(?:^|(?<=[.!?,\n]\s)|(?<=[.!?,\n])) ?who(?:'s| is|s)? (?:gonna|going to|wants? to|wanna|will)(?: (?:go|finally|be the (?:one|first) to))? "
"""A call on the readers as a question at the head of a sentence: "who's gonna teach him"."""
REWARD = (
    r"(?:hero|medal|beer|drink|coffee|reward|prize|bonus|legend|free \w+|\d+|bucks|dollars|round on me|on me|pay|buy)"
)
U = r"(?:you|ya|u|ye|y'all|yall)(?![\w'])"
"""The reader alone: fewer words than `threat_words.YOU`, since these rules start at many words."""
HIM = r"(?:you|ya|u|ye|y'all|yall|him|her|them)(?![\w'])"
WHOM = r"(?:him|her|them|(?:this|that|these|those) (?:\w+ )?(?:guy|guys|hack|clown|idiot|moron|traitor|bitch|bastard|ref|woman|man|reporter))\b"
"""Whom an act is done to, in few words: the reader, him, her or them."""
GROUP_NOUNS = (
    r"(?:protest[eo]rs|rioters|looters|cops|libs|leftists|liberals|commies|fascists|nazis|antifa|immigrants|muslims|jews|refugees|gays"
    r"|traitors|journalists|reporters|politicians)"
)
WHOEVER = r"(?:whoever|anyone who|anybody who|the (?:first )?(?:guy|person|one|man|woman) who) (?:finally |actually )?"
HIT_VERBS = (
    r"(?:kills?|shoots?|stabs?|punch(?:es)?|smacks?|slaps?|knocks? out|knocks?|decks?|hits?|runs? over|runs?|takes? out|takes?|beats? up|beats?"
    r"|hangs?|lynch(?:es)?|murders?|knifes?|curb ?stomps?|clocks?|drops?|snipes?|pushes)"
)
UPRISING = r"(?:shooting|revolution|purge|hangings|uprising|killing|reckoning|boogaloo)"
EXTREMITY = rf"{UPRISING} (?:starts|comes|begins|kicks off|gets here|arrives)"
"""When the violence the writer hopes for begins: "when the shooting starts"."""

ACTS = [
    act("will beat up", "fuck light", rf"(?:fuck|light) {HIM} up(?! (?:with|on|in|at|for|by|about|over)\b)"),
    act("will beat up", "whoop beat kick bust wreck", rf"(?:whoop|beat|kick|bust) {THEIRS} (?:\w+ )?(?:ass|arse)|wreck {THEIRS} (?:\w+ )?face"),
    act("will beat up", "knock lay", rf"(?:knock|lay) {U} (?:out|down)(?: cold)?"),
    act("will beat up", "drop smoke clap cut wreck spray",
        rf"(?:drop|smoke|pop|clap|cut|wreck|spray|body) {U}(?:{CLOSE}| (?:like (?:a|the) \w+|where (?:you|u) stand|on sight|in {YOUR} sleep|up{STOP}))"),
    act("will beat up", "bust", rf"(?:pop|bust) (?:a |one |two )?caps? in {THEIRS}? ?\w+"),
    act("will beat up", "slide pull", rf"slide on {U}|pull up on {U}{CLOSE}"),
    act("will beat up", "rearrange fix", rf"(?:rearrange|fix) {THEIRS} (?:\w+ )?(?:face|smile|jaw|teeth)(?! for free)"),
    act("will kill or hurt", "ruin hit",
        rf"ruin {U}{STOP}|hit {HIM} with (?:my|our|a|the) (?:\w+ )?(?:car|truck|van|suv|bus|pickup)"),
    act("will damage your property", "key egg trash vandalize vandalise spray",
        rf"(?:key|egg|trash|spray ?paint|vandali[sz]e) (?:{THEIRS}|the) (?:\w+ )?{PROPERTY}\b"),
    rule("will send people after you", "direct", "whacked taken roughed iced offed clipped",
         r"(?:whacked|taken care of|taken out|roughed up|iced|offed|clipped)(?= ?(?:[.!]+|$))",
         rf"{WRITER_WILL}have {HIM} "),
    rule("will send people after you", "direct", "boys guys friends cousins",
         rf"(?:boys|guys|friends|cousins) (?:(?:over |round |around )?to {YOUR} (?:{PLACE})\b|(?:after|for) (?:you|ya|u)\b|over{STOP})"
         rf"(?!(?: \w+){{0,2}} to (?:pick|drop|deliver|fix|help|return|bring|move|get))",
         rf"{WRITER_WILL}send (?:my|our|the|some) "),
    act("will settle it with violence", "settle respond answer",
        r"(?:settle (?:this|it|that|things)|respond|answer) (?:with (?:lead|bullets|guns|fists|knives|a bat"
        r"|violence|force|rope)|outside|in the (?:parking lot|alley|street))\b(?! (?:if|unless) )"),
    act("will find you", "find track hunt",
        rf"(?:find|track down|hunt down|hunt|track) (?:{YOUR} (?:whole |entire )?(?:family|kids|children|wife|husband|house|home)|(?:each and |every )?(?:every|each) "
        rf"(?:last |single )?one of (?:you|ya|them|y'all))(?: down)?(?= ?(?:[.!,]|$|too|next|one (?:day|by one)|like|wherever))"
        rf"|hunt {U} (?:like (?:the )?(?:\w+ )?(?:animals?|dogs?|rats?|vermin)|for sport)"),
    act("will make you pay", "make", rf"make {HIM} (?:beg|cry|scream|squeal)\b(?! (?:with laughter|laughing))"),
]
"""What the writer says they will do, in slang and plain words, each after `WRITER_WILL`."""

CALLS = [
    rule("calls to kill", "direct", "run shoot kill hang lynch gas behead mow slaughter exterminate",
         rf"(?:run (?:over|down)|shoot|kill|hang|lynch|gas|behead|mow down|slaughter|exterminate) (?:(?:these|those|the|all (?:the|these|those"
         rf"|of the)|every|all) )?(?:\w+ )?{GROUP_NOUNS}\b(?!')", rf"{CALL}|{WRITER_WILL}|{WHO_WILL}"),
    rule("calls to kill", "direct", "run", rf"run (?:{HIM}|'em)(?: all)? (?:over|down)\b", rf"{CALL}|{WRITER_WILL}|{WHO_WILL}"),
    rule("calls to kill", "direct", "sight", r"sight\b", r"\bshoot (?:(?:them|'em|him|her|you)(?: all)? )?on "),
    rule("calls to kill", "direct", "drive plow plough",
         r"(?:drive|plow|plough) (?:a |my |the |your )?(?:truck|car|van|bus|pickup|semi) (?:through|into) (?:(?:that|the|those|these|this) )?"
         r"(?:crowd|protest\w*|rioters|march|them)\b", rf"{CALL}|{WRITER_WILL}|{WHO_WILL}"),
    rule("calls to kill", "direct", "who's whos",
         rf"{WHO_WILL}(?:(?:kill|shoot|stab|punch|smack|slap|deck|hang|lynch|knife|clock|beat up|take out) {WHOM}"
         rf"|teach {WHOM} a lesson(?! (?:in|on|about|of)\b)|put (?:a|one) (?:bullet|round) in {WHOM}"
         rf"|knock (?:on )?(?:his|her|their) (?:\w+ )?(?:door|teeth)|knock {WHOM} out)"),
    rule("offers a reward for violence", "direct", "whoever anyone anybody",
         rf"(?:{WHOEVER}){HIT_VERBS} (?:{HIM}|(?:this|that) \w+|{THEIRS} (?:\w+ )?(?:teeth|face|head|lights))"
         rf"(?: (?:out|over|off the road|down|up|first))?\b(?:[^.!?\n]{{0,30}}?\b(?:is|will be|gets?|deserves?|earns?|wins?|'s) (?:a |an |the )?"
         rf"(?:\w+ )?{REWARD})"),
    rule("offers a reward for violence", "direct", "whoever",
         rf"{WHOEVER}{HIT_VERBS} (?:{HIM}|(?:this|that) \w+|{THEIRS} (?:\w+ )?(?:teeth|face|head|lights))(?: (?:out|over|off the road|down|up))?\b",
         rf"(?:\b{REWARD}\b|\$\d+)[^.!?\n]{{0,40}}?\b(?:to |for )?"),
    rule("should be shot", "direct", "run taken silenced put eliminated shot",
         r"(?:run (?:over|down|off the road)|taken out|silenced|put down|eliminated|shot on sight)(?= ?(?:[.!,]|$|like|already|now|too))",
         r"(?<!')\b(?:he|she|they|him|her|them|(?:every|each) (?:last |single )?one of (?:them|you|those \w+|these \w+)|\w+s|(?:this|that) \w+)"
         r" (?:all )?(?:should|ought to|oughta|needs? to|must|has to|have to|gotta|deserves? to) (?:all )?be (?:just |all |simply )?"),
    rule("people like you will hang", "direct", "hang swing",
         r"(?:hang|swing)(?= ?(?:[.!,]|$|for (?:this|that|it|treason|what)|from|high|soon|one day|too|together))",
         r"\b(?:traitors|they|you|y'all|ya|u|all of (?:you|them|ya)|(?:all |every (?:last |single )?one of )?(?:you |these |those |the )?"
         r"(?:traitors|\w+ like (?:you|him|her|them)))(?:'ll| will| shall| should| must|'re gonna| are gonna| are going to| deserve to)"
         r" (?:all |soon |one day )?"),
    rule("calls for a purge", "direct", "rope",
         r"rope (?:is (?:coming|near|almost here|soon)|can'?t come soon enough|will come|for (?:you|\w+ like you))", r"\bday of (?:the )?"),
    rule("calls for a purge", "direct", "liberty", r"liberty (?:with|needs|is thirsty)[^.!?\n]{0,30}?(?:your|their|traitors'?|you)\b",
         r"\b(?:water|refresh|feed) the tree of "),
    rule("calls for a purge", "direct", "open time",
         r"open season on (?:(?:these|those|the|all) )?(?:journalists|reporters|cops|police|libs|liberals|conservatives|commies|leftists"
         r"|protest[eo]rs|\w+ like you|you|traitors|immigrants|muslims|jews|gays|politicians|judges)\b"
         r"|time to (?:start )?hunt(?:ing)? (?:down )?(?:some |these |those |the )?(?:libs|liberals|commies|leftists|conservatives|traitors"
         r"|journalists|reporters|cops|protest[eo]rs|immigrants|muslims|jews|gays|politicians)\b"),
    rule("calls for a purge", "direct", "shooting revolution purge hangings uprising killing reckoning boogaloo",
         rf"{UPRISING}(?: (?:starts|comes|begins|kicks off|gets here|arrives))?,? (?:you|ya|u|\w+ like you)(?:'ll| will|'re| are|re)? (?:all )?"
         r"(?:be )?(?:the )?first(?: (?:in line|to go|ones?|against the wall))?(?= ?(?:[.!,]|$))", r"\b(?:when|once|come) the "),
    rule("calls for a purge", "direct", "shooting revolution purge hangings uprising killing reckoning boogaloo", rf"{EXTREMITY}\b",
         r"\b(?:you|ya|u|\w+ like you)(?:'ll| will)? be (?:the )?first(?: (?:in line|to go|against the wall))? (?:when|once) the "),
    rule("volunteers for the firing squad", "direct", "firing pull volunteer",
         r"(?:firing squad|pull the trigger(?= ?(?:[.!]|$|myself|on (?:him|her|them|you)))|hang (?:him|her|them|you))\b",
         r"\b(?:(?:i |i'd |i'll |i will |i would |ill )?(?:gladly |happily )?volunteer (?:for|to) |sign me up (?:for|to) |count me in (?:for|to) "
         r"|(?:i'd|i would|i'll|i will) (?:gladly|happily|proudly) |(?:i'll|i will) (?:be (?:glad|happy|honou?red) to )?)(?:be on |join )?(?:the )?"),
]
"""Calls on others: orders, questions, bounties, and what a crowd or a group should suffer."""

VEILED = [
    rule("you will get hurt", "direct", "get gettin getting",
         r"(?:get|gettin|getting) (?:got|smoked|popped|clapped|whacked|merked|murked|jumped|stabbed|shot|shanked|capped|dropped|wrecked"
         rf"|bodied|beat up|beaten|hurt|yours|it|what(?:'s| is) coming(?: to (?:you|ya|u))?|what (?:you|u) deserve)(?:{CLOSE}| (?:soon enough|one day|eventually|sooner or later))",
         rf"(?:{YOU_WILL}|\b(?:you|ya|u|ur|you're|youre) (?:gon|gonna|bout to|about to|finna|gon'|going to) )"),
    rule("you will pay", "direct", "pay",
         r"pay(?: (?:for (?:this|that|it|what (?:you|u) (?:wrote|did|said|posted|published))|dearly|with (?:your|ur) life))?"
         rf"(?:{STOP}|{VOCATIVE})", r"\b(?:you(?:'re| are|re)?|ur|u|ya)(?:'ll| will|ll| gonna| going to| gon| are gonna) "),
    rule("you will end up in a body bag", "direct", "eating drinking sucking spitting pissing shitting picking walk write river bag box "
         "morgue grave alive make",
         rf"(?:(?:eating|drinking|sucking (?:\w+ )?) through a straw|spitting (?:out )?teeth|pissing blood|shitting in a bag"
         rf"|picking {YOUR} teeth up(?: off the (?:floor|ground|pavement))?|(?:walk|write) (?:right |straight )?again|alive"
         rf"|make it (?:home|out)(?: alive| tonight)?|river|bag|box|morgue|grave){STOP}",
         rf"(?:{YOU_WILL}|\b(?:you|ya|u)(?:'ll| will)? (?:never|not|won't|wont|will not) )(?:be |end up |leave |go home |come home )?"
         r"(?:(?:here|there) )?(?:in (?:the|a|an) (?:body )?)?"),
    rule("you can run but you can't hide", "veiled", "hide",
         rf"hide (?:forever|from (?:us|me|my (?:boys|guys|people))){STOP}", r"\b(?:you|ya|u) (?:can't|cant|cannot|can not) "),
    rule("don't let me catch you", "veiled", "catch see find",
         rf"(?:catch|see|find) (?:you|ya|u)(?: (?:out here|around here|in (?:this|my|our) \w+|again|alone|near \w+ \w+)){{0,2}}{STOP}",
         r"\b(?:don't|dont|do not|better not|never) let (?:me|us|my (?:boys|guys)) (?:ever )?"),
    rule("don't let me catch you", "veiled", "meet",
         rf"meet(?:{STOP}| (?:you|ya|u)\b)", r"\b(?:pray|hope) (?:that )?(?:i|we) (?:never|don't|dont|do not) (?:ever )?"),
    rule("meet me outside", "veiled", "outside parking alley face",
         rf"(?:outside|in the (?:parking lot|alley|car park)|(?:behind|out back of) the \w+|face(?:,? (?:punk|bitch|coward|tough guy|clown))?)"
         rf"{STOP}", r"\b(?:meet (?:me|us)|say (?:that|it|this) to my|come say (?:that|it|this) to my) "),
    rule("people get hurt", "veiled", "hurt killed",
         rf"(?:hurt|killed|shot|stabbed)(?: (?:(?:for|by|from|when) )?(?:saying|talking|writing|posting|running (?:their|his|her) mouths?|doing)"
         rf" (?:stuff |things |shit )?(?:like (?:that|this)|that|this)|{STOP})",
         r"\b(?:that's|thats|that is) how (?:people|folks|guys|you|u|ppl) (?:get |end up )|\b(?:careful,? )?(?:people|folks|ppl|guys) get "),
    rule("people go missing", "veiled", "missing disappear notice",
         rf"(?:missing all the time|missing every day)(?:{STOP}|,? (?:you know|just saying))|(?:disappear|vanish|go missing) (?:and|&) "
         rf"(?:nobody|no one|no-one) would (?:notice|know|care|miss you)", r"\b(?:people|folks|ppl|guys like you|you|u) (?:could |can |might )?(?:go )?"),
    rule("hopes nothing happens to your family", "veiled", "nothing something",
         rf"(?:nothing|something|anything) (?:bad )?(?:happens|happened|were to happen|happen) to (?:{YOUR} (?:\w+ )?(?:{FAMILY}|car|truck"
         rf"|house|home|shop|store|business)|that (?:\w+ )?(?:\w+ )?(?:car|truck|house|shop|store|family|dog|cat) of (?:yours|ya))\b",
         r"\b(?:hope|hoping|pray|would hate (?:it )?(?:for|if)|hate (?:it )?(?:for|if)|shame if|pity if|be a shame if) "),
    rule("would be a shame if", "veiled", "shame pity",
         rf"(?:shame|pity) if (?:it|they|something|someone|somebody|{YOUR} (?:\w+ )?(?:{FAMILY}|{PROPERTY}s?)) (?:\w+ )?(?:caught fire"
         rf"|burned|burnt|burned down|went missing|got (?:out|hurt|loose|lost|smashed|torched|keyed|burned|burnt|damaged|vandali[sz]ed|broken|run over)"
         rf"|had an accident|threw (?:a )?(?:brick|rock)s?)"),
    rule("your property will be damaged", "veiled", "slashed smashed keyed torched burned burnt vandalized vandalised missing busted accident fire",
         rf"(?:slashed|smashed|keyed|torched|burned|burnt|vandali[sz]ed|missing|busted|accident|fire)(?:{STOP}|{VOCATIVE}|,? (?:just saying|you know"
         rf"|know what i mean))",
         rf"\b{YOUR} (?:\w+ )?(?:{PROPERTY}|dog|cat|pets?|dog's|cat's)(?:'s| is| are|re|'re)? (?:gonna|going to|might|could|may|will) (?:get |go )?"
         r"(?:have (?:an|a little) |catch )?"),
    rule("you have been marked", "veiled", "marked target price bounty contract",
         rf"(?:marked (?:man|woman|person|men|for death)|target(?:{STOP}| now)|(?:target|price|bounty|contract) on {YOUR} (?:head|back))\b",
         rf"(?:{YOU_ARE}(?:now )?(?:a )?|\bconsider (?:yourself|yourselves) (?:a )?|\bthere(?:'s| is) (?:now )?(?:a )?"
         rf"|\b(?:put|got|have) (?:a )?|^ ?|(?<=[.!?]\s))"),
    rule("knows where you live", "veiled", "address",
         rf"address(?:{STOP}| (?:lol|lmao|in the (?:group )?chat|online|on (?:telegram|4chan|8chan|reddit|twitter|gab|facebook)|everywhere))",
         rf"\b(?:found|posted|shared|leaked|dropped|published|got) {YOUR} (?:home |real |new )?"),
    rule("we are watching you", "veiled", "watching",
         rf"watching(?: (?:you|ya|u|{YOUR} (?:\w+ )?(?:{FAMILY}|house|home|every move)))?(?: (?:closely|always|24/7))?{STOP}",
         r"\b(?:we|i)(?:'re| are|'m| am|m|re)? (?:always |still |all )?|(?:^|(?<=[.!?]\s)) ?(?:always )?"),
    rule("say goodbye to your family", "veiled", "goodbye bye prayers peace grave",
         rf"(?:(?:goodbye|bye) to {YOUR} (?:\w+ )?{FAMILY}|{YOUR} (?:\w+ )?{FAMILY} goodbye|prayers|peace with {YOUR} (?:god|maker)"
         rf"|(?:own )?grave){STOP}",
         r"(?:^|(?<=[.!?,]\s)|(?<=[.!?,])) ?(?:you )?(?:better |(?:you )?(?:should |might want to )?(?:start |go )?)?(?:say |kiss |make |"
         r"dig(?:ging)? (?:your|ur) |saying )(?:your |ur )?", mode="imperative"),
    rule("enjoy it while you can", "veiled", "enjoy",
         rf"enjoy {YOUR} (?:last|final|remaining) (?:week|month|night|breath)(?: (?:alive|on earth|breathing))?{STOP}"),
    rule("show your face again", "veiled", "show",
         rf"show {YOUR} (?:\w+ )?face (?:(?:around|in|at|near) (?:here|this \w+|my \w+|our \w+|{YOUR} \w+) )?again{STOP}",
         r"\b(?:(?:don't|dont|do not|never) (?:you )?(?:ever |dare )?|better not |(?:^|(?<=[.!?]\s)) ?)"),
    rule("you're not so tough", "veiled", "tough brave",
         rf"(?:tough|brave|mouthy|cocky|smug) (?:when|once|after|without) (?:i|we|my (?:boys|friends|guys)|{YOUR} (?:keyboard|screen|phone))"
         rf"|(?:tough|brave) (?:you|u|ya) (?:are|r)(?: (?:then|now))? (?:(?:when|once) (?:i|we|my)|in (?:a |the )?(?:dark )?(?:alley|parking lot"
         rf"|person|real life)|face to face)",
         r"\b(?:(?:won't|wont|will not|not|aren't|ain't) be so |not so |see how )"),
    rule("bring a body bag", "veiled", "bring",
         rf"bring (?:a|an|your own|some) (?:body ?bag|coffin|casket|ambulance|stretcher|priest){STOP}", mode="imperative"),
    rule("a bullet with your name", "veiled", "rounds bullets ammo ammunition shells",
         rf"(?:rounds|bullets|ammo|ammunition|shells|lead) (?:for|with) (?:(?:people|traitors|\w+) like (?:you|ya|u)|you|ya|u|{YOUR} kind)"
         rf"(?:{STOP}|{VOCATIVE}| (?:too|here|right here|ready))"),
    rule("a bullet with your name", "veiled", "loaded",
         r"loaded(?:,| and) (?:(?:waiting|ready) for (?:you|ya|u)|come (?:and )?(?:find out|try (?:it|me)|get (?:it|some)))"),
    rule("brings a gun next time", "veiled", "bringing bring",
         r"(?:bringing|bring) (?:my|a|our) (?:gun|rifle|shotgun|pistol|ar-?15|glock|piece|knife|machete|bat)s? (?:next time|to (?:the )?"
         r"(?:next )?(?:council |town hall |school board |board )?(?:meeting|town hall|rally|protest|office|newsroom|debate|hearing))\b"),
    rule("don't be surprised", "veiled", "surprised shocked",
         r"(?:surprised|shocked) (?:if|when) (?:someone|somebody|we|i|people|my (?:boys|guys|friends)|(?:you|u) get a knock)"
         r"[^.!?\n]{0,40}?\b(?:door|house|home|doorstep|work|office)\b",
         r"\b(?:don't|dont|do not) be (?:too )?"),
    rule("just kidding... unless", "veiled", "jk kidding joking",
         r"(?:jk|kidding|joking)(?: jk)?\W{0,4}(?:unless|or am i|or not|maybe)\b\W*$", r"(?:\b(?:lol|just|only) |j/)?"),
    rule("you will regret this", "direct", "regret wish begging",
         r"(?:regret (?:this|it|that|everything)(?= ?(?:[.!]|$))|wish (?:you|u) (?:were|was|had) (?:never been born|never born|dead)"
         r"|begging (?:for (?:mercy|your life|death)|(?:me|us) to stop))",
         rf"\b(?:you|ya|u|ur)(?:'re| are|re)? (?:gonna|going to|gon) (?:be )?|{YOU_WILL}(?=wish|be)(?:be )?"),
    rule("nobody will find you", "veiled", "find",
         rf"find (?:{YOUR} (?:body|remains|corpse)|the body(?= ?(?:[.!]|$))|(?:you|ya|u){STOP})",
         r"\b(?:they|nobody|no one|no-one|noone|police|cops)(?:'ll| will| would)? (?:never |ever |won't |will never )?(?:ever )?"),
    rule("blood will flow", "veiled", "blood red",
         rf"blood (?:of (?:\w+ )?\w+ )?(?:will|shall|is going to|'s gonna|is gonna|gonna) (?:flow|be spilled|be shed|run|spill)"
         rf"(?: in the streets)?{STOP}", r"^ ?|(?<=[.!?]\s)|\bthe "),
    rule("blood will flow", "veiled", "blood", rf"blood(?: in the streets| spilled| shed)?{STOP}",
         r"\bthere(?:'ll| will|'s gonna| is gonna| is going to) be "),
    rule("things will get ugly", "veiled", "ugly bloody violent messy nasty",
         rf"(?:ugly|bloody|violent|messy|nasty) for (?:you|ya|u|{YOUR} (?:\w+ )?{FAMILY})\b|bloody{STOP}",
         r"\b(?:things|it|this|shit)(?:'s| is| are)? (?:about to|gonna|going to) get (?:real |very |really )?"),
    rule("your time is coming", "veiled", "time", rf"time(?:'s| is) (?:almost |nearly |running )?(?:up|out){STOP}", rf"\b{YOUR} "),
    rule("your time is coming", "veiled", "coming", r"coming for (?:you|ya|u)\b",
         r"\b(?:the )?(?:day of reckoning|judge?ment day|reckoning|hell|death|retribution|vengeance|winter) is "),
    rule("you should be afraid", "veiled", "fear", rf"fear (?:us|me){STOP}",
         r"\b(?:you|ya|u) (?:should|better|'d better|will|'ll|must) |^ ?|(?<=[.!?]\s)"),
    rule("leave town while you can", "veiled", "town", r"town(?: while (?:you|u|ya) (?:still )?can| before (?:it's too late|something happens))(?= ?(?:[.!]|$))",
         r"\b(?:get out of|leave) "),
    rule("hopes nothing happens to your family", "veiled", "happens", rf"happens to (?:you|ya|u|{YOUR} (?:\w+ )?{FAMILY}){STOP}",
         r"\bbefore (?:something|anything) (?:bad )?"),
    rule("hope your house burns", "direct", "burns burn", r"burns? (?:down )?with (?:you|ya|u|him|her|them) (?:in|inside)(?: it)?",
         rf"\bhope {YOUR} (?:\w+ )?(?:house|home|car|office|place) "),
    rule("hope you die", "direct", "choke", rf"choke{STOP}", r"\b(?:i |we )?hope (?:you|u|ya) "),
    rule("brings a gun next time", "veiled", "bringing", r"bringing (?:my|a|our) (?:gun|rifle|shotgun|pistol|ar-?15|glock|piece)s?\b",
         r"\bnext (?:council |town hall |board )?(?:meeting|time),? (?:i'm|im|i am|i'll be|ill be) "),
    act("will burn you out", "smoke burn drive", rf"(?:smoke|burn|drive) {U} out(?: of (?:town|{YOUR} \w+))?{STOP}"),
    rule("messing with the wrong people", "veiled", "wrong",
         r"wrong (?:person|people|guy|family|man|woman|crowd|dude)\b",
         r"\byou(?:'ve| have)? (?:messed|fucked|screwed|picked a fight|crossed|pissed off)(?: with)? the "),
    rule("messing with the wrong people", "veiled", "wrong", r"wrong (?:person|people|guy|family|man|woman|dude) to (?:mess|fuck|screw) with\b",
         r"\byou(?:'ve| have)? picked the "),
]
"""Warnings and predictions the reader is meant to fear."""

CONSEQUENCES = [
    rule("move or get moved", "conditional", "get", r"get (?:moved|smacked|slapped|punched|dealt with|hurt|shot|stabbed|beaten|wrecked"
         rf"|dropped|smoked|popped|bodied|jumped){STOP}", mode="consequence"),
    rule("see where it gets you", "conditional", "where", rf"where (?:it|that|this) (?:gets|takes|lands) (?:you|ya|u){STOP}",
         r"\bsee ", "consequence"),
    rule("if you ..., you will regret it", "conditional", "leave shoot",
         r"(?:leave|shoot)(?: (?:alive|here|there|in one piece))?(?= ?(?:[.!,]|$))",
         r"\b(?:you|ya|u) (?:won't|wont|will not|will never|'ll never) |\b(?:i|we)(?:'ll| will|ll) ", "consequence"),
]
"""What follows a condition to make it a threat."""

REGISTER_CONDITIONS = (
    r"\b(?:when (?:i|we) (?:find|catch|see|get (?:my hands on|hold of)) (?:you|ya|u)|(?:step|set) (?:foot )?(?:on|onto|in) (?:my|our)"
    r"|come (?:onto|on|to|into|round|around|near) (?:my|our|this) \w+|pull up on (?:me|us)|come (?:to|into|down to|up to|out to) \w+ (?:and|&) (?:say|do|try)|keep (?:running|flapping) (?:your|ur|that) mouth)"
)
"""More heads of a conditional threat: "when I find you", "step on my lawn again"."""

REGISTERS: list[Rule] = [*ACTS, *CALLS, *VEILED, *CONSEQUENCES]
