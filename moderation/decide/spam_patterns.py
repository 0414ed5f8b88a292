"""The phrases `spam_signals` looks for: its rules, and the lists that tell a link to
reporting from a link drop, and a spam offer from talk about one.

A rule is tried only where one of its anchors stands ("subscribe", "loans", or a mark: "$",
"@"): `pattern` is matched from there on, and `before`, if given, must end right before it
("bad " before "credit ok"). `needs` names words of which the comment must hold one (of each
group, when "|" splits them); a `site` rule ("visit", "order at") needs a link right after its
match. Patterns read the comment in lower case, apostrophes folded; a space in one stands for
one to three white-space characters ("?" after it: up to three). Every repeat is bounded and
every pattern starts at a literal word, so none can backtrack without end. `STRONG` is spam
alone ("bad credit OK"); `WEAK` needs a second weak signal or a link ("click here"); `LINK`,
a link, is never spam alone.
"""

from __future__ import annotations

from dataclasses import dataclass

STRONG, WEAK, LINK = 3, 2, 1
MARKS = frozenset({"$", "£", "€", "@", "%", "+"})  # anchors and needs found anywhere, not as words
LINKED = "<link>"  # a need met by a comment that may hold a link


@dataclass(frozen=True)
class SpamRule:
    """A pattern, and what a match means: `name` for the moderator, `kind` of spam, `strength`."""

    name: str
    kind: str
    strength: int
    anchors: tuple[str, ...]
    pattern: str
    before: str = ""
    needs: tuple[tuple[str, ...], ...] = ()
    site: bool = False


def rule(name: str, kind: str, strength: int, anchors: str, pattern: str, before: str = "", needs: str = "",
         site: bool = False) -> SpamRule:  # fmt: skip
    """A `SpamRule`, its anchors and needs written as space-separated words."""
    groups = tuple(tuple(group.split()) for group in needs.split("|") if group.strip())
    return SpamRule(name, kind, strength, tuple(anchors.split()), pattern, before, groups, site)


A = r"(?:'|&#39;)?"  # an apostrophe, maybe an HTML entity, maybe left out
W = r"[a-z0-9'-]{1,25}"  # one word, bounded so that no pattern runs on through a wordless text
HEAD = r"(?:^|[.!?:;\n(\"])\W{0,4}(?:(?:please|plz|pls|just|simply|so|now|then|and|also|guys|everyone|hey|hi|ok|okay|btw)\W{1,3}){0,3}"
START = HEAD + r"\Z"  # before an order at the head of a sentence ("Hurry!", "so just act now")
ONLY = r"^\W{0,5}(?:(?:please|plz|pls|pleas|come|go|guys|hey|hi|everyone|and|like|take a)\W{1,3}){0,3}\Z"  # the whole comment

SUM = r"[$£€] ?\d[\d,]{0,12}+(?:\.\d{1,2})?+(?: ?k\b| ?(?:thousand|grand)\b)?\+?(?: ?(?:to|-) ?[$£€]? ?\d[\d,]{0,12}+)?"  # read once
NUMBER = r"\d[\d,]{0,12}+(?:\.\d{1,2})? ?k? ?"
CURRENCY_WORDS = "dollars usd bucks pounds euros"
CURRENCY = r"(?:dollars|usd|bucks|pounds|euros)\b"
PERIOD = (r" ?(?:(?:a|an|per|each|every|/|in a|in one|in just one|in a single|within a|last|this) ?(?:day|week|month|hour|hr|night"
          r"|weekend|wk|mo)\b|daily|weekly|monthly|hourly|(?:in|within) (?:just |only )?(?:\d{1,3}|two|three|four|five|six|seven|ten"
          r"|a few) (?:days|weeks|hours|minutes)\b|every (?:other |single |two )?(?:[a-z]{3,6}day|weeks|fortnight)\b|bi-?weekly)")
"""Spam's income comes by the hour, day, week or month; a salary in the news by the year."""
EARNER = (r"(?:(?:^|[.!?:;\n(])\W{0,4}(?:getting )?(?=making|earning|paid)|\b(?:i|i" + A + r"m|i am|im|i" + A + r"ve|i have|i was|we|we" + A
          + r"re|we are|(?:my|our) (?:[a-z]{1,12} )?(?:[a-z]{1,12}" + A + r"s )?(?:aunt|auntie|uncle|neighbou?r|friend|buddy|cousin"
          r"|sister|brother|mom|mum|mother|dad|father|wife|husband|girlfriend|boyfriend|roommate|co-?worker|colleague|classmate|son"
          r"|daughter|niece|nephew|grandma|granny|grandpa|step-?(?:mom|mother|dad|father|sister|brother)|mate|boss|sister-in-law"
          r"|brother-in-law))(?: " + W + r"){0,2} )")
"""Who claims it: the writer or their kin ("my aunt makes $97 an hour"), never a third party."""
EARNS = "make makes made making earn earns earned earning paid receive received pull pulls bring brings bringing rake rakes raking home getting clear clears pocket pockets"
EARN = (r"(?:make|makes|made|making|earn|earns|earned|earning|paid|receive|received|getting|clear|clears|pocket|pockets|(?:pull|pulls|bring|brings|rake|rakes|raking) in"
        r"|(?:take|takes|taking|bring|brings|bringing) home|bringing(?: in)?) ")
ON_TOP = r"(?:up to |over |about |around |at least |more than |almost |nearly |roughly |an extra |extra |between )?"
CLAIM = EARNER + EARN + ON_TOP  # "I make over ", "my aunt earns "
NOW = EARNER + r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bused\sto\s)(?!made|earned|received)" + EARN + ON_TOP  # not "my husband made $900 a week"
HOME = (r"(?:from (?:my |the |your |her |his )?(?:home|house|couch|sofa|bed|laptop|phone|computer|pc)|at home|online|on-line"
        r"|on (?:my|the|a|her|his|your) (?:laptop|computer|pc|phone|iphone|mac)|in (?:my|your|her|his) (?:spare|free) time"
        r"|from the comfort of|without (?:leaving|any experience)|no experience|on the internet|with google|taking (?:online )?surveys"
        r"|doing (?:simple|easy|small) (?:tasks|jobs|work)|by (?:just )?(?:clicking|sharing|liking|posting|copy)|just by|with (?:just )?"
        r"(?:your|my|a) (?:smart ?phone|phone|laptop|computer)|just (?:answering|replying|filling|typing|reviewing|watching|chatting))")
LOOK_WORDS = "check checking chek chck look looking watch watching go visit visiting listen listening"
LOOK = (r"(?:check|checking|chek|chck|look|looking|watch|watching|go|visit|visiting|listen|listening)(?: (?:out|at|to|on|in|into|by"
        r"|over))?(?: (?:out|at|to))?")
MINE = (r"(?:my|our|mine|me)(?: (?:new|newest|latest|first|own|little|small|official|youtube|yt|music|gaming|rap|dance|dubstep"
        r"|cover|fb|facebook|insta|instagram|twitter|twitch|tiktok|soundcloud|etsy|ebay|online|awesome|cool|funny|comedy|cooking"
        r"|beauty|vlog|art|google\+?)){0,2}")
PROMOTED_WORDS = ("channel chanel chanell channels chhanel vid vids video videos vidios vlog vlogs music song songs track tracks "
                  "beat beats mixtape album cover covers remix remixes rap raps page profile playlist stream streams shop store app "
                  "stuff content insta instagram twitter tiktok twitch soundcloud youtube yt art artwork designs products "
                  "clothing merch brand band")
PROMOTED = r"(?:" + PROMOTED_WORDS.replace(" ", "|") + r")\b"
SUBSCRIBE_WORDS = "subscribe subcribe suscribe subscibe sucscribe subscrible subscrib"
SUBSCRIBE = r"(?:" + SUBSCRIBE_WORDS.replace(" ", "|") + r")"
SUBS = SUBSCRIBE_WORDS + " sub subs"
SUB = r"(?:" + SUBS.replace(" ", "|") + r")"
AND = r"(?:and|&|&amp;|n|\+)"
APPS = "whatsapp whatsap watsapp whatapp telegram viber wechat kik skype signal snapchat instagram insta ig wickr threema"
APP = r"(?:" + APPS.replace(" ", "|") + r"|whats app|what" + A + r"s app)"
TITLES = "mr mrs ms miss dr doctor prof professor agent coach sir madam madame lady prophet pastor priest chief expert hacker broker mentor mama papa baba lord wizard"
TITLE = r"(?:" + TITLES.replace(" ", "|") + r")"
PHONE = r"\+?\(?\d[\d\s().-]{6,18}\d"
DRUGS = "viagra cialis levitra kamagra propecia phentermine modafinil xanax valium tramadol oxycodone oxycontin percocet adderall ambien"
PRIZES = ("iphone ipad samsung galaxy ps4 ps5 playstation xbox gift giftcard giftcards card cards voucher vouchers trip laptop macbook "
          "airpods prize reward $ £ €")
PRIZE = (r"(?:iphone|ipad|samsung|galaxy|ps\d|playstation|xbox|gift ?cards?|vouchers?|[$£€]\d[\d,]{0,9}|trip to|laptop|macbook|airpods"
         r"|cash prize|prize|reward)")
CRYPTO = r"(?:bitcoin|btc|crypto\w{0,8}|forex|binary options?|ethereum|eth|usdt|nfts?|stocks?|gold)"
EXPERT = rf"(?:{TITLE}|her|him|a (?:reliable|legit|trusted))\b"

RULES: list[SpamRule] = [
    # Money offers: income claims, work from home, easy money.
    rule("income from home", "money_offer", STRONG, "$ £ €", rf"{SUM}{PERIOD}[^.!?\n]{{0,50}}?{HOME}", rf"{NOW}\Z", EARNS),
    rule("income from home", "money_offer", STRONG, "$ £ €", SUM + PERIOD, rf"{HOME}[^.!?\n]{{0,50}}?{NOW}\Z", EARNS),
    rule("income from home", "money_offer", STRONG, CURRENCY_WORDS, rf"{CURRENCY}{PERIOD}[^.!?\n]{{0,50}}?{HOME}",
         rf"{NOW}{NUMBER}\Z", EARNS),
    rule("income claim", "money_offer", WEAK, "$ £ €", SUM + PERIOD, rf"{CLAIM}\Z", EARNS),
    rule("income claim", "money_offer", WEAK, CURRENCY_WORDS, CURRENCY + PERIOD, rf"{CLAIM}{NUMBER}\Z", EARNS),
    rule("income claim", "money_offer", WEAK, "$ £ €", rf"{SUM}(?: [a-z]{{1,12}}){{0,3}} {HOME}", rf"{CLAIM}\Z", EARNS),
    rule("earn up to", "money_offer", WEAK, "$ £ €", SUM + PERIOD, r"\b(?:earn|earning|make|making|paid|receive|bring(?:ing)?(?: in)?)"
         r" (?:over |up to |at least |as much as |upwards of |an extra |extra )?\Z", EARNS),
    rule("make money online", "money_offer", WEAK, "money cash income",
         r"(?:money|cash|income) (?:online|from home|at home|from your (?:home|phone|couch)|on the internet|while you sleep|in your"
         r" spare time|with your (?:phone|computer|laptop)|without leaving|by clicking|by sharing)",
         r"\b(?:make|making|earn|earning|generate|generating) (?:(?:real|extra|easy|good|big|serious|quick|fast|some|more|passive"
         r"|a lot of|lots of|free) )?\Z", "online home internet sleep spare phone computer laptop leaving clicking sharing"),
    rule("easy money", "money_offer", WEAK, "easy quick fast extra", r"(?:easy|quick|fast|extra) (?:cash|money|income)\b",
         r"\b(?:make|making|earn|earning|get|getting|want|need|for) (?:some |an |)\Z", "cash money income"),
    rule("easy money", "money_offer", WEAK, "money cash", r"(?:money|cash)\b", HEAD + r"(?:need|needing|wanna|want) (?:some |"
         r"easy |real |extra |more )?\Z", "need needing wanna"),
    rule("easy money", "money_offer", WEAK, "get earn make", r"(?:get|earn|make) (?:free |easy |real |extra )?(?:money|cash) (?:here|now"
         r"|fast|today)\b", needs="money cash|here now fast today"),
    rule("easy money", "money_offer", WEAK, "passive financial quit",
         r"passive income|financial freedom|quit (?:my|your) (?:day )?job (?:and|to|for)", needs="income freedom job"),
    rule("job offer", "money_offer", WEAK, "experience", r"experience (?:needed|required|necessary)", r"\b(?:no|without) (?:any )?\Z",
         "no without"),
    rule("job offer", "money_offer", WEAK, "online home-based work-from-home hiring", r"(?:online|home[-\s]based|work[-\s]from[-\s]home)"
         r" (?:jobs?|business|opportunit\w{1,5}|income) (?:available|offer|for you|that pays?)|hiring (?:now|from home|online)\b"),
    rule("job offer", "money_offer", WEAK, "legit legitimate", r"(?:legit|legitimate|real|easy) (?:online|home|work from home|"
         r"part[-\s]time) (?:jobs?|work|income)\b", needs="online home work part-time part"),
    rule("job offer", "money_offer", WEAK, "paid", r"paid (?:daily|weekly|to (?:watch|share|like|post|take|click)|for (?:taking|doing"
         r"|sharing|liking|watching|posting))", r"\b(?:get|gets|getting) \Z", "daily weekly watch share like post take click taking "
         "doing sharing liking watching posting"),
    rule("job offer", "money_offer", WEAK, "home", r"home (?:opportunit\w{1,5}|jobs?|available|offer|today|now)\b",
         r"\b(?:work|jobs?|earn) from \Z", "work jobs job earn"),
    # Calls to action: click, sign up, a site to go to.
    rule("click here", "call_to_action", WEAK, "click clik", r"(?:click|clik) (?:here|below|now|this link|the link below|my link"
         r"|the button|on my)\b"),
    rule("click here", "call_to_action", WEAK, "click clik", r"(?:click|clik) on (?:the|this) link", START),
    rule("sign up now", "call_to_action", WEAK, "sign signup register join apply start claim",
         r"(?:sign ?up|signup|register|join) (?:now|today|here|free|for free|us (?:now|today))\b|apply (?:now|today|here|online)\b"
         r"|start (?:earning|making (?:money|cash)|working from home)\b|claim it (?:now|here|today)\b",
         needs="now today here free earning making working online"),
    rule("sign up now", "call_to_action", WEAK, "miss", r"miss (?:out|this (?:chance|opportunity))", r"\bdon" + A + r"t \Z"),
    rule("sign up now", "call_to_action", WEAK, "start", r"start (?:today|now)\b", START, "today now"),
    rule("sign up now", "call_to_action", WEAK, "spots places seats", r"(?:spots|places|seats) (?:are )?left\b",
         r"\bonly (?:\d{1,3}|a few) \Z"),
    rule("thank me later", "call_to_action", WEAK, "thank", r"thank me later", needs="later"),
    rule("bait phrase", "call_to_action", WEAK, "reply working weird", r"reply (?:with )?[\"'\u201c\u2018]?(?:info|yes|interested|me"
         r"|now)\b|working method\b|weird (?:trick|tip)s?\b", needs="reply method trick tip tricks tips"),
    rule("free stream", "call_to_action", WEAK, "stream watch download", r"(?:stream|watch|download) (?:it|them|free|all) (?:on "
         r"(?:spotify|soundcloud|youtube|apple music|itunes)\b|(?:movies|films|tv shows|series|sports|games|episodes)\b)"),
    rule("free quote", "call_to_action", WEAK, "claim free call", r"claim (?:your|a) free (?:trial|sample|bottle|gift|quote)|free (?:quote"
         r"|estimate|consultation|trial)s?\b|call (?:now|today|us (?:now|today))\b", needs="quote quotes estimate estimates trial trials consultation now today"),
    rule("go to this site", "call_to_action", WEAK, "visit go goto head log",
         r"(?:visit|go to|go here|goto|head (?:over )?to|log ?on to) ?:? ?", START.replace(":;", ":;,"), LINKED, site=True),
    rule("go to this site", "call_to_action", WEAK, "sign register apply order shop google search type info details",
         r"(?:sign up (?:at|on)|register (?:at|on)|apply (?:at|on|here)|order (?:at|on|from)|shop (?:at|on)|google|search|type in"
         r"|(?:info|details) (?:at|on)) ?:? ?", needs=LINKED, site=True),
    # Self-promotion: channels, pages, follows.
    rule("subscribe to my channel", "self_promotion", STRONG, SUBS,
         rf"{SUBSCRIBE} ?(?:to|on|for|in)? ?(?:me|my|our|mine|us)\b(?! (?:local |hometown |daily |own |favou?rite )?(?:paper"
         r"|newspaper|daily|magazine|news|cable|tv|television|views?|opinion|theory|belief))(?: (?:\w{1,12} )?" + PROMOTED + ")?"
         r"|subs? (?:to me\b|(?:(?:to|on|for) )?(?:my|our) (?:\w{1,12} )?(?:channel|chanel|page|vids|videos|youtube)\b)"),
    rule("subscribe to my channel", "self_promotion", STRONG, "channel chanel", r"(?:channel|chanel)\b",
         r"\b(?:videos?|vids|songs?|music|vlogs?|clips?|covers?|animations?|remix(?:es)?|tracks?|content|stuff|raps?|beats?)"
         r"(?: \w{1,12}){0,2} (?:on|in|at) (?:my|our) (?:youtube |yt |new )?\Z"),
    rule("subscribe, and nothing else", "self_promotion", STRONG, SUBS, rf"{SUB}(?: ?(?:please|plz|pls|now|guys|everyone|thanks|thx"
         rf"|back|like|comment|share|and|&amp;|&|,)){{0,4}}[\W\d]{{0,12}}\Z", ONLY),
    rule("please subscribe", "self_promotion", WEAK, SUBSCRIBE_WORDS, rf"{SUBSCRIBE}\b(?! to (?:the|your|a|our local|this|my local)\b)",
         HEAD + r"(?:please|plz|pls|don" + A + r"t forget to|do not forget to|remember to) \Z"),
    rule("sub for sub", "self_promotion", STRONG, SUBS + " sub4sub s4s f4f l4l follow4follow like4like",
         rf"sub ?(?:4|for) ?sub|sub4sub|s4s|f4f|l4l|follow4follow|like4like|{SUB} back\b"),
    rule("sub for sub", "self_promotion", STRONG, "4", r"4 ?(?:like|follow|sub)\b", r"\b(?:like|follow|sub) ?\Z", "like follow sub"),
    rule("sub for sub", "self_promotion", STRONG, "follow", r"follow (?:for follow|(?:you )?back)\b",
         r"\b(?:i|i" + A + r"ll|ill|i will|and i will|and i" + A + r"ll|100%|guaranteed) (?:also )?\Z", "for back"),
    rule("sub for sub", "self_promotion", STRONG, SUBS + " follow", rf"(?:{SUB}|follow) (?:to )?(?:you|yours|your channel)\b",
         r"\b(?:i|i" + A + r"ll|ill|i will|and i will) (?:also )?\Z"),
    rule("follow back", "self_promotion", WEAK, "follow", r"follow (?:you )?back\b", needs="back"),
    rule("follow back", "self_promotion", WEAK, "follow", r"follow (?:my|this|our) (?:channel|page|stream|account|company|band)\b"),
    rule("like and subscribe", "self_promotion", STRONG, SUBS, rf"{SUB}\b", rf"\blike,? {AND} \Z", "like"),
    rule("like and subscribe", "self_promotion", STRONG, SUBS, rf"{SUB}(?:,| and| &| &amp;| n| \+) (?:like|share)\b"),
    rule("like and share", "self_promotion", WEAK, "like", rf"like,? {AND} share\b", START, "share"),
    rule("subscribers wanted", "self_promotion", STRONG, "subs subscribers followers", r"(?:subs|subscribers|followers)\b",
         r"\b(?:help me (?:get|reach|hit|to)|if i (?:get|reach|hit)|road to|goal(?: is)?:?|trying to (?:get|reach|hit)|want to (?:get"
         r"|reach|hit)|when i (?:get|hit|reach)) (?:\d[\d,.]{0,9}k?|a (?:few|couple)|more|some|\w{3,9} hundred|\w{3,9} thousand) \Z",
         "get reach hit road goal"),
    rule("subscriber count", "self_promotion", WEAK, "subscribers subs followers", r"(?:subscribers|subs|followers)\b",
         r"\b(?:i|we) (?:have|got|just hit|hit|reached) (?:over |almost |nearly )?\d[\d,.]{0,7}k? \Z", "have got hit reached"),
    rule("check out my channel", "self_promotion", STRONG, LOOK_WORDS, rf"{LOOK} ?{MINE} {PROMOTED}", needs=f"my our me|{PROMOTED_WORDS}"),
    rule("follow me on", "self_promotion", STRONG, "follow add", r"(?:follow|add) (?:me|us|my \w{1,12}|our \w{1,12}) (?:on|at|@|in"
         r"|here) ?:? ?(?:twitter|insta|instagram|ig|tiktok|tik tok|twitch|facebook|fb|snapchat|snap|youtube|soundcloud|spotify"
         r"|tumblr|pinterest|@|https?:)", START, "me us my our"),
    rule("link in bio", "self_promotion", STRONG, "link links", r"links? (?:is )?in (?:my )?(?:bio|profile)\b"),
    rule("check out my site", "self_promotion", WEAK, LOOK_WORDS,
         rf"{LOOK} (?:my|our)(?: new| own| free)? (?:website|web site|site|blog|podcast|newsletter|ebook|e-book|course)\b",
         needs="my our|website site blog podcast newsletter ebook e-book web"),
    rule("check out my site", "self_promotion", WEAK, "read download", r"(?:read|download) (?:my|our) (?:free )?(?:new )?(?:blog|ebook"
         r"|e-book|newsletter|guide)\b", START, "my our|blog ebook e-book newsletter guide"),
    rule("my channel", "self_promotion", WEAK, "channel chanel", r"(?:channel|chanel)\b",
         r"\b(?:my|our) (?:new |own |small |little |first )?(?:youtube |yt |gaming |music )?\Z"),
    rule("check us out", "self_promotion", WEAK, "check come", r"(?:check|come check) (?:us|me) out\b|come check (?:it out|(?:out )?(?:my"
         r"|our))\b", needs="check"),
    rule("aspiring artist", "self_promotion", WEAK, "rapper singer youtuber producer artist musician songwriter streamer vlogger "
         "gamer band channel", r"(?:rapper|singer|youtuber|producer|artist|musician|songwriter|streamer|vlogger|gamer|band|channel)\b",
         r"\b(?:i" + A + r"m|i am|im|we" + A + r"re|we are) (?:a |an )?(?:\d{1,2} ?(?:yr|year)s?[-\s]old |young |new |upcoming |up and "
         r"coming |up-and-coming |aspiring |small |struggling |independent |unsigned )(?:[a-z]{2,12} )?\Z"),
    rule("new video out", "self_promotion", WEAK, "video song track episode vlog",
         r"(?:video|song|track|episode|vlog) (?:is )?(?:out|up) (?:now|today)\b", r"\bnew \Z"),
    rule("new video out", "self_promotion", WEAK, "single song track album mixtape", r"(?:single|song|track|album|mixtape)\b",
         r"\b(?:my|our) (?:first|new|latest|debut) \Z", "my our|first new latest debut"),
    rule("engagement bait", "self_promotion", WEAK, "share tag", r"share this (?:post|page|video|link)\b|tag (?:\d{1,2}|two|three|five"
         r"|your) (?:friends|people|buddies)\b", needs="this friends people buddies"),
    rule("engagement bait", "self_promotion", WEAK, "please", r"please (?:like|share)\b", needs="like share"),
    rule("youtube share", "self_promotion", STRONG, "check watch look",
         r"(?:check out|look at|watch) this (?:video|playlist) on youtub\w{0,2}(?:\W|<br ?/?>|\b[a-z]{1,6}\b){0,30}\Z", ONLY,
         "youtube youtub"),
    # Contact off the site.
    rule("messaging app number", "contact_off_site", STRONG, APPS + " whats", rf"{APP} ?:? ?(?:me |us |him |her )?(?:on |at "
         rf"|via |number |no\.? |id:? |handle:? |contact:? |@ |- |: |is ){{0,3}}(?:{PHONE}|@[a-z0-9_.]{{3,30}})"),
    rule("contact on a messaging app", "contact_off_site", STRONG, APPS + " whats", rf"{APP}\b",
         rf"\b(?:contact|reach|reach out to|message|text|write to|get in touch with|hit up|chat with|talk to|dm|inbox|pm|add) "
         rf"(?:him|her|them|me|us|{TITLE}\.? ?[a-z]{{2,20}}(?: [a-z]{{2,20}})?)? ?(?:now |today |directly |immediately |asap "
         r"|right now )?(?:on|via|through|at|by|with|in|:) (?:his |her |their |my |our |the )?\Z"),
    rule("email me", "contact_off_site", WEAK, "@", r"@(?![\w.-]{0,60}\.(?:gov|gc|gouv|parl|edu|mil)\b)",
         r"\b(?:e-?mail|mail|contact|reach|write to) (?:me|us|him|her)(?: directly| now| today)?(?: at| on| via| ?:) ?[a-z0-9._%+-]{1,40}"
         r"\Z"),
    rule("dm me", "contact_off_site", WEAK, "dm inbox text message hit",
         r"(?:dm|inbox|pm|text|message) (?:me|us)\b(?! (?:a|an|the|their|his|her|your|back|about|if|when|with|that|this)\b)"
         r"|hit (?:me|us) up\b|dm (?:for|me for) (?:details|info|more|prices?)\b"),
    rule("phone number to call", "contact_off_site", WEAK, "call text sms ring",
         rf"(?:call|text|sms|ring) (?:me |us |him |her )?(?:on |at |now |today |:)?{PHONE}"),
    rule("phone number to call", "contact_off_site", WEAK, "+", r"\+\d{10,13}\b|\+\d{1,3} ?\(?\d{2,4}\)?[\s.-]?\d{2,4}[\s.-]?\d{3,4}\b"),
    # Fake testimonials for a service, with a name to contact.
    rule("testimonial", "testimonial", WEAK, "thanks thank grateful kudos shout god",
         rf"(?:thanks|thank you|thank god|thank|grateful|god bless|kudos|shout ?out) (?:so much |a lot )?(?:to )?{TITLE}\.? [a-z]{{2,20}}(?: "
         r"[a-z]{2,20})?,? (?:for (?:helping|bringing|getting|recovering|restoring|curing|saving|his help|her help|the loan)|who (?:helped"
         r"|recovered|brought|cured|restored|saved))\b", needs=TITLES),
    rule("testimonial", "testimonial", WEAK, "showed taught introduced helped guided",
         r"(?:showed|taught|introduced|helped|guided) me (?:how )?(?:to )?(?:trade|invest|earn|make money|recover|mine|grow my)"),
    rule("testimonial", "testimonial", WEAK, "until till", r"(?:until|till) (?:i |my )?(?:met|found|came across|discovered|got "
         r"introduced to|was introduced to|contacted|started)\b", r"\b(?:broke|in debt|jobless|struggling|scammed|unemployed)\b"
         r"[^.!?\n]{0,40}\Z", "broke debt jobless struggling scammed unemployed"),
    rule("testimonial", "testimonial", WEAK, "testimony", r"testimony\b", r"\b(?:share|sharing|read) my \Z"),
    rule("life changing", "testimonial", WEAK, "life-changing changing changed financially debt-free", r"life-changing|(?<=life\s)"
         r"changing\b|changed my (?:life|finances)|financially free\b|debt-free\b", needs="life finances free life-changing debt-free"),
    rule("spell caster or hacker", "testimonial", STRONG, "spell spellcaster caster", r"spell ?caster|spellcaster|caster\b"),
    rule("spell caster or hacker", "testimonial", STRONG, "spell", r"spell\b", r"\blove \Z"),
    rule("spell caster or hacker", "testimonial", STRONG, "hacker hackers", r"hackers?\b(?! (?:group|groups|attack|attacks|news))",
         r"\b(?:legit|genuine|certified|reliable|hire a|hire a good|hire a legit|contact (?:this|the)) \Z"),
    rule("spell caster or hacker", "testimonial", STRONG, "hacker", r"hacker (?:who|that) (?:helped|recovered|can)\b"),
    # Loans, grants, crypto, forex and investment pitches.
    rule("loan offer", "loan_or_crypto", STRONG, "credit", r"credit (?:ok|okay|accepted|welcome|no problem|is fine|is ok|approved)\b",
         r"\bbad \Z"),
    rule("loan offer", "loan_or_crypto", STRONG, "credit", r"credit checks?\b", r"\bno \Z", "loan loans lender money cash"),
    rule("loan offer", "loan_or_crypto", STRONG, "approval approved",
         r"approv(?:al|ed) (?:in|within) (?:\d{1,3}|one|two|five|ten|fifteen|thirty) (?:minutes|mins|hours|hrs)\b"),
    rule("loan offer", "loan_or_crypto", STRONG, "loans", r"loans\b", r"\b(?:we|i|i" + A + r"m|i am|we" + A + r"re|we are) (?:a |an )?"
         r"(?:\w{1,12} )?(?:offer|offering|give out|giving out|give|grant|granting|provide|providing|lend|lending) (?:all kinds of "
         r"|personal |business |cash |quick |fast |urgent |private )?\Z"),
    rule("loan offer", "loan_or_crypto", STRONG, "lender lenders", r"lenders?\b", r"\bloan \Z"),
    rule("loan offer", "loan_or_crypto", STRONG, "apply money", r"apply for (?:a |your |an instant )?loans? (?:today|now|at|here"
         r"|online)|money in your (?:bank )?account (?:today|tomorrow|within|in \d)", needs="loan loans lender"),
    rule("need a loan", "loan_or_crypto", WEAK, "loan loans", r"loans?\b", r"\b(?:need|needing|looking for|in need of|guaranteed"
         r"|instant|quick|fast|urgent|easy|payday) (?:a |an |urgent |quick |fast )?(?:personal |business |cash )?\Z"),
    rule("need a loan", "loan_or_crypto", WEAK, "same same-day", r"same[-\s]day (?:approval|loans?|cash|funding|deposit|payout)\b",
         needs="approval loan loans cash funding deposit payout"),
    rule("grant offer", "loan_or_crypto", WEAK, "qualify", r"qualify\b", r"\bsee if you \Z", "if"),
    rule("grant offer", "loan_or_crypto", WEAK, "claim", r"claim (?:a|your) (?:[$£€]\d[\d,]{0,9} )?(?:rebate|refund|grant|payment"
         r"|stimulus|cheque|check)\b", needs="rebate refund grant payment stimulus cheque check"),
    rule("grant offer", "loan_or_crypto", WEAK, "grant grants", r"grants?\b",
         r"\b(?:get|apply for|qualify for|receive|claim) (?:a |your |free )?(?:government |federal |free )?\Z"),
    rule("made me money trading", "loan_or_crypto", STRONG, "$ £ €", SUM, r"\b(?:bitcoin|btc|crypto\w{0,8}|forex|ethereum|eth|token"
         rf"|mining|bot|investment|options?|trading|signals) (?:has |have )?(?:made|earned|got|paid|gave) (?:me|us) {ON_TOP}\Z",
         "bitcoin btc crypto cryptocurrency forex ethereum eth token mining bot investment options option trading signals"),
    rule("trade with an expert", "loan_or_crypto", STRONG, "bitcoin btc crypto forex binary",
         rf"(?:bitcoin|btc|crypto\w{{0,8}}|forex|binary options?) (?:trading|trade|investment|investing) (?:with|under|through|via"
         rf"|by) {EXPERT}"),
    rule("trade with an expert", "loan_or_crypto", STRONG, "trade trading invest investing invested investment",
         rf"(?:trade|trading|invest|investing|invested|investment) (?:in |with )?{CRYPTO} (?:with|under|through|via|by) {EXPERT}",
         needs="bitcoin btc crypto cryptocurrency forex binary ethereum eth usdt nft nfts stock stocks gold"),
    rule("quick returns", "loan_or_crypto", STRONG, "profit profits returns return roi",
         r"(?:profits?|returns?|roi) of (?:over |about )?(?:[$£€]?\d[\d,]{0,9}k?%?) (?:in|within|every|after|per) (?:just |only )?"
         r"(?:\d{1,3} |a |one |two |three |seven )?(?:days?|weeks?|hours?|hrs)\b", needs="$ £ € %"),
    rule("quick returns", "loan_or_crypto", STRONG, "double", r"double your (?:money|bitcoin|btc|crypto|investment)\b"),
    rule("quick returns", "loan_or_crypto", STRONG, "invest invested deposit deposited start started",
         r"(?:invest(?:ed)?|deposit(?:ed)?|start(?:ed)? with) (?:only |just )?[$£€]\d[\d,]{0,9}k?\b[^!?\n]{0,60}?"
         r"\b(?:got|received|made|earned|withdr[a-z]{1,6}|profit of|returns? of) (?:over |about )?[$£€]\d", needs="$ £ €"),
    rule("crypto pitch", "loan_or_crypto", WEAK, "investment", r"investment (?:opportunity|platform)\b", START),
    rule("crypto pitch", "loan_or_crypto", WEAK, "bitcoin btc crypto cryptocurrency forex binary trading mining",
         r"(?:bitcoin|btc|crypto\w{0,8}|forex|binary options|trading|mining) (?:expert|guru|mentor|account manager|broker"
         r"|signals?|bot|platform|app|opportunit\w{1,4}|plan)\b"),
    rule("crypto pitch", "loan_or_crypto", WEAK, "returns return profits", r"(?:returns?|profits?) (?:are )?guaranteed\b"),
    rule("crypto pitch", "loan_or_crypto", WEAK, "guaranteed recover recovered recovery", r"guaranteed (?:returns?|profits?)\b"
         r"|(?:recover|recovered|recovering|recovery of) (?:my |your |their |all )?(?:lost |stolen )?(?:funds|bitcoin|crypto|btc|usdt)\b"),
    # Giveaways and prizes.
    rule("you have won", "giveaway", STRONG, "congratulations congratulation congrats",
         r"congrat\w{0,10}!{0,5},? (?:you|u|dear)\b[^.!?\n]{0,30}?\b(?:selected|chosen|eligible|lucky winner|prize|reward|gift card)"),
    rule("you have won", "giveaway", STRONG, "selected chosen picked", r"(?:selected|chosen|picked) (?:as (?:a|the|our) (?:lucky )?"
         r"winner|to (?:win|receive|get)|for (?:a|our|the) (?:prize|reward|gift|giveaway))", r"\byou(?:" + A + r"ve| have)? (?:just )?"
         r"(?:been )?\Z"),
    rule("you have won", "giveaway", STRONG, "won", rf"won (?:a |an |our )?(?:free |brand new |new )?{PRIZE}",
         r"\byou(?:" + A + r"ve| have)? (?:just )?\Z", PRIZES),
    rule("you have won", "giveaway", STRONG, "claim collect redeem receive",
         r"(?:claim|collect|redeem|receive) (?:your|the) (?:free )?(?:prize|reward|gift|voucher|winnings|bonus)\b",
         needs="prize reward gift voucher winnings bonus"),
    rule("you have won", "giveaway", STRONG, "winner", r"winner\b", r"\byou are (?:the|our) lucky \Z"),
    rule("you have won", "giveaway", STRONG, "giveaway", r"giveaway\b", r"(?:paypal|cash|[$£€]\d{1,5}) \Z"),
    rule("crypto giveaway", "giveaway", STRONG, "giving give send", r"(?:giving|give) away (?:\d[\d,.]{0,9} )?(?:btc|bitcoin|eth|ethereum"
         r"|usdt|doge)\b|send (?:\d[\d.]{0,6} )?(?:btc|eth|bitcoin|ethereum|usdt) (?:and|to) (?:receive|get)\b",
         needs="btc bitcoin eth ethereum usdt doge"),
    rule("free gift cards", "giveaway", STRONG, "free", r"free (?:gift ?cards?|robux|v-?bucks|followers|likes|views|subscribers|paypal "
         r"money|itunes codes|psn codes)", needs="gift giftcard robux v-bucks followers likes views subscribers paypal itunes psn"),
    rule("free gift cards", "giveaway", STRONG, "views followers likes subscribers", r"(?:views|followers|likes|subscribers)\b",
         r"\b(?:buy (?:(?:real|cheap|instant|active|\d[\d,]{0,8}k?) ){1,2}|(?:get|gain) (?:\d[\d,]{0,8}k? (?:real |cheap |instant |active )?|real |cheap |instant |active )|cheap )"
         r"(?:youtube |instagram |insta |twitter |tiktok )?\Z", "buy cheap get gain real instant active"),
    rule("prize offer", "giveaway", WEAK, "giveaway giveaways", r"giveaways?\b", needs="iphone ipad samsung galaxy ps4 ps5 playstation "
         "xbox giftcard giftcards voucher vouchers laptop macbook airpods prize prizes winner winners enter entries"),
    rule("prize offer", "giveaway", WEAK, "free win enter chance chances",
         rf"free {PRIZE}|(?:chances? (?:to|of) win(?:ning)?|win) (?:a |an )?(?:free |brand new |new )?{PRIZE}|enter to win", needs=PRIZES),
    # Pharmacy, diets, dating and romance.
    rule("pills without prescription", "pharmacy", STRONG, "prescription", r"prescription (?:needed|required|necessary)\b", r"\bno \Z"),
    rule("pills without prescription", "pharmacy", STRONG, DRUGS, r"(?:" + DRUGS.replace(" ", "|") + r")\b",
         r"\b(?:cheap|discount|generic|buy|order)(?: \w{1,12})? \Z"),
    rule("pills without prescription", "pharmacy", STRONG, "viagra cialis levitra kamagra",
         r"(?:viagra|cialis|levitra|kamagra) (?:online|for sale|without|\d{1,3} ?mg)"),
    rule("pills and diets", "pharmacy", WEAK, "discreet meds lose melt melts burn burns shed sheds online",
         r"online pharmacy\b|discreet (?:delivery|shipping|packaging|package)|meds online|(?:lose|melt|melts|burn|burns|shed|sheds) "
         r"(?:up to )?\d{1,3} ?(?:lbs|pounds|kg|kilos) (?:in|a|per|every) (?:\d{1,2}|two|three|four|a|day|week)\b|(?:lose|melt|burn"
         r"|shed) (?:stubborn )?belly fat\b", needs="delivery shipping packaging package online lbs pounds kg kilos belly pharmacy"),
    rule("pills and diets", "pharmacy", WEAK, "pills tea gummies supplements supplement serum capsules",
         r"(?:pills|tea|gummies|supplements?|serum|capsules)\b",
         r"\b(?:weight loss|diet|slimming|keto|fat burning|male enhancement|enlargement|hair growth|anti-?aging) \Z"),
    rule("dating", "dating", STRONG, "women girls ladies singles moms mums milfs wives housewives babes chicks men guys cougars",
         r"(?:women|girls|ladies|singles|moms|mums|milfs|wives|housewives|babes|chicks|men|guys|cougars) (?:near you|in your (?:area"
         r"|city|town)|nearby|(?:are )?waiting for you|(?:who )?want(?:ing)? (?:to meet|to chat|to date|sex|to hook ?up|you)|looking"
         r" for (?:fun|sex|a date|men|you)|online now)",
         r"\b(?:lonely|hot|sexy|horny|single|beautiful|naughty|local|lovely|cute|pretty|real)(?: \w{1,12})? \Z",
         "lonely hot sexy horny single beautiful naughty local lovely cute pretty real|near nearby area city town waiting online"),
    rule("dating", "dating", STRONG, "meet",
         r"meet (?:(?:hot|sexy|lonely|local|beautiful|naughty|real|single|horny) ){1,3}(?:singles|girls|women|ladies|milfs|moms|men|guys)"),
    rule("dating", "dating", STRONG, "sex adult hookup hook-up free webcam hook", r"(?:sex|adult|hookup|hook-up) (?:dating|chat|cams?)\b"
         r"|free (?:porn|cams?|webcam|xxx|sex (?:chat|cams?|videos?|dating|tonight|now|here))\b|webcam (?:girls|show|models?)|hook ?up "
         r"(?:tonight|now|with (?:hot|sexy|local|lonely))", needs="sex porn cams cam webcam xxx hookup hook-up hook"),
    rule("romance", "dating", WEAK, "profile serious", r"profile\b(?! (?:of|on|in)\b)|serious (?:man|woman|men|gentleman|relationship)\b",
         r"\b(?:i (?:saw|viewed|came across|read|like|liked) your|looking for a) \Z", "saw viewed across read like liked looking"),
    rule("romance", "dating", WEAK, "dear", r"dear\b", r"^\W{0,3}(?:hello|hi|hey|greetings) \Z", "hello hi hey greetings"),
    # Shops and SEO.
    rule("seo service", "seo", STRONG, "backlinks backlink", r"backlinks?\b",
         r"\b(?:buy|cheap|quality|high[-\s]quality|get|sell|selling|dofollow|pbn|seo|\d{2,6}) \Z"),
    rule("seo service", "seo", STRONG, "seo guest web", r"seo (?:services?|experts?|agency|company|packages?)|guest post(?:ing|s)? "
         r"(?:services?|available)|web (?:design|development) (?:services?|company|agency)"),
    rule("seo service", "seo", STRONG, "google", r"google (?:in|within|guarantee)", r"\b(?:first|top|1st) (?:page|position|spot) (?:of|on"
         r"|in) \Z"),
    rule("seo service", "seo", STRONG, "traffic", r"traffic(?! to your (?:door|street|neighbou?rhood|area|town|city))\b",
         r"\b(?:increase|boost|grow|drive) (?:your )?(?:website |web |site |blog |online )?\Z", "website web site blog online your"),
    rule("shop link", "shop", STRONG, "cheap cheapest discount discounted wholesale affordable replica buy order",
         rf"(?:cheap|cheapest|discount(?:ed)?|wholesale|affordable|replica|buy|order) (?:{W} ){{0,6}}(?:at|on|from|visit|check out|try|here|@|:|-)"
         r" ?(?:our |my )?(?:online )?(?:store |shop )?(?:at )?", needs=LINKED, site=True),
    rule("sale pitch", "shop", WEAK, "%", r"% ?off\b", r"\b\d{1,2}(?:\.\d)? ?\Z", "off"),
    rule("sale pitch", "shop", WEAK, "shipping delivery", r"(?:shipping|delivery)\b(?! (?:of|to|for) (?:the|a|our))", r"\bfree \Z"),
    rule("sale pitch", "shop", WEAK, "order buy shop book", r"(?:order|buy|shop|book) (?:now|today|online)\b(?! (?:and|or|,) pay)",
         needs="now today online"),
    rule("sale pitch", "shop", WEAK, "yours", r"yours (?:now|today|here)\b", r"\b(?:grab|get) \Z"),
    rule("sale pitch", "shop", WEAK, "limited offer today", r"limited (?:time )?(?:offer|stock|deal)|offer (?:ends|expires|valid) "
         r"(?:today|soon|tonight)|today only\b", needs="offer stock deal ends expires valid only"),
    rule("sale pitch", "shop", WEAK, "today stock stocks supplies", r"(?:today|(?:stocks?|supplies) last)\b", r"\b(?:only|while) \Z",
         "only while"),
    rule("sale pitch", "shop", WEAK, "hurry act", r"hurry\b|act (?:fast|now)\b", START, "hurry fast now"),
    rule("sale pitch", "shop", WEAK, "essay essays 24",
         r"essays? (?:written|writing service|writers?)\b|write (?:your|my) essay|24/7 (?:support|service|customer)"),
    rule("sale pitch", "shop", WEAK, "promo coupon discount voucher replica knock-off knockoff designer",
         r"(?:promo|coupon|discount|voucher) codes?\b|(?:replica|knock-?off) (?:watches|rolex|handbags|bags|sunglasses|jerseys|shoes"
         r"|sneakers)|designer (?:handbags|bags) (?:at|for)\b"),
]

# Links: which point to reporting (not counted), which hide where they go, which pay the poster. A
# name ending in a top-level domain that is also a word ("the end.In 2015") is a link only with a path. The names reserved
# for examples and tests (.example, .test, .invalid: RFC 2606) are links as .com is: spam in documentation and tests uses them.
BARE_TLD = r"(?:com|net|org|info|biz|io|ly|ru|xyz|example|test|invalid|tv|cc|ws|gl|gd|vip|pw|tk|ml|ga|cf|gq|su)"
PATH_TLD = r"(?:co|ca|uk|us|de|in|me|be|to|online|site|club|shop|store|app|live|top|fr|pl|br|au|nl|es|it|link|click|win)"
NEWS_SITES = frozenset("""
cbc radio-canada ctvnews ctv globalnews theglobeandmail globeandmail thestar nationalpost financialpost macleans montrealgazette
ottawacitizen vancouversun theprovince calgaryherald edmontonjournal torontosun winnipegfreepress thechronicleherald ipolitics
hilltimes thetyee nationalobserver lapresse ledevoir journaldemontreal cp24 citynews metronews huffingtonpost huffpost bbc nytimes
washingtonpost theguardian guardian reuters apnews bloomberg cnn nbcnews cbsnews abcnews npr pbs wsj ft economist theatlantic
newyorker politico foxnews aljazeera latimes usatoday time forbes businessinsider vox axios thehill propublica telegraph
independent thetimes spiegel lemonde dw france24 smh theage wikipedia wikimedia britannica statcan statista who oecd imf
worldbank un europa nature science sciencedirect ncbi nih pubmed jstor arxiv springer wiley thelancet bmj nejm project-syndicate
foreignpolicy foreignaffairs brookings theconversation snopes factcheck politifact fullfact pewresearch gallup angusreid ekos
nanos abacusdata ourworldindata canada elections parl ourcommons
""".split())  # sites a reader cites as a source
REPORTING_PATH = (r"/(?:news|article|articles|story|stories|opinion|opinions|politics|world|canada|business|editorial|editorials"
                  r"|commentary|columnists?|national|local|analysis|report|reports|research|publications?)[/_.-]"
                  r"|/(?:19|20)\d\d/|[/-](?:19|20)\d\d-\d\d|-1\.\d{6,}|\.pdf\b")  # an article, a report, a dated page
REPORTING_HOST = r"(?:^|\.)(?:gov|gc|gouv|govt|gob|edu|ac|mil|int|parl|senate|legislature|court|courts)(?:\.|$)"
SHORTENERS = frozenset("""
bit.ly tinyurl.com cutt.ly goo.gl t.co ow.ly is.gd buff.ly rebrand.ly shorturl.at tiny.cc linkbucks.com adf.ly hyperurl.co
bl.ink t.ly rb.gy shorte.st ouo.io bc.vc v.gd tr.im soo.gd cli.gs s.id
""".split())
REFERRAL = (r"[?&#/](?:ref|refid|referral|aff|affid|affiliate|affiliateid|invite|invitation|friend|rb|r|promo|partner)[=/]\w"
            r"|referafriend|refer-a-friend")

# What disowns a signal: talk about spam and scams, and what others sent or said.
SCAM_TALK = (r"\b(?:scam|scams|scammer|scammers|scammed|scamming|scammy|spam|spammer|spammers|spammed|spammy|fraud|frauds|fraudster"
             r"|fraudsters|fraudulent|phishing|ponzi|pyramid scheme|con artists?|con men|con man|beware|too good to be true"
             r"|(?:don" + A + r"t|do not|never|dont) fall for|falls? for|fell for|rip-?off|bogus|predatory|shady|suckers?|gullible"
             r"|duped|swindl\w{1,5}|hoax|loan sharks?|sharks|pitches|advertis\w{1,4})\b")
NOT_SCAM = r"\b(?:not|no|isn" + A + r"t|never|wasn" + A + r"t|nor) (?:a |an |any )?(?:scam|spam|fraud|fake|joke|lie)\b|\blegit\b"
REPORTED = (r"\b(?:got|get|gets|getting|received|receive|receiving|had|keep getting|kept getting|saw|seen|read|see)\s(?:a |an |this "
            r"|these |those |the |some |many |lots of |several |another |so many |similar |such )?(?:\w{1,12} )?(?:emails?|e-mails?"
            r"|texts?|sms|calls?|messages?|dms?|letters?|robocalls?|voicemails?|ads?|adverts?|spam|pop-?ups?|comments?|posts?|flyers?"
            r"|offers?|pitch(?:es)?)\b|\b(?:ads?|adverts?|emails?|e-mails?|texts?|messages?|comments?|spam|spammers?|scammers?|posts?"
            r"|flyers?|callers?|they|guys?|someone|somebody) (?:that |which |who )?(?:say|says|said|saying|promise|promises|promising|claim"
            r"|claims|claiming|offering|offered|tell|telling|told|read|reading|like|showing|featuring)\b")
"""Before a signal someone else sent or said ("I got a text saying"): the comment reports spam."""
