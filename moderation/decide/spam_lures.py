"""The phrases `spam_signals` looks for beside those of `spam_patterns` and `spam_testimonials`:
lures that name no income and no hero.

Phishing ("your account will be suspended", "verify your account at <site>"), homework mills
("plagiarism-free papers", "take my online class"), lists of search keywords ("cheap flights,
cheap hotels, last minute deals, ..."), links in forum markup ("[url=...]"; not "<a href=...>", which a site may write itself),
payouts to claim ("claim your $1,400 now"), referral codes, money flips ("send $50 to my Cash
App and I will send back $500"), mining apps, "check my profile", letters spaced out to dodge
filters ("W.h.a.t.s.A.p.p"), and the short plea to see a site ("nice post, visit ours: <site>").
Most are `WEAK`: an honest reader warns of "your account has been locked" or recommends a
homework club, and spam puts a second lure or a link beside it. A few say spam alone
(`STRONG`): "use my referral code", "send $50 get $500", "you'll love my cover of it".
"""

from __future__ import annotations

from moderation.decide.spam_patterns import DRUGS, HOME, PERIOD, STRONG, SUM, WEAK, A, rule

HELD = "suspended limited locked disabled deleted terminated closed flagged hold cancelled canceled compromised restricted deactivated blocked expired"
YOUR_ACCOUNT = (r"\byour (?:[a-z0-9-]{1,12} ){0,2}(?:account|id|membership|subscription|channel|page|order|package|parcel|card|mailbox"
                r"|license|licence|profile|payment|device|computer|pc)(?: (?:has|have|will|is|was|may|might|could))?(?: (?:been|be|being"
                r"|now|temporarily|permanently|currently))?(?: (?:been|be))?(?: on)? \Z")
"""Before what befalls "your account" in phishing: "has been suspended", "is on hold", "will be closed"."""
LETTERS = r"[\s.*_,-]{1,3}"  # what stands between letters spaced out to dodge a filter: "W.h.a.t.s.A.p.p", "t e l e g r a m"
WORKS = r"(?:homework|essays?|assignments?|exams?|class|classes|test|tests|quiz|quizzes|papers?|dissertation|thesis|coursework|course)"
ITEM = r"[a-z0-9&'+-]{1,20}(?: [a-z0-9&'+-]{1,20}){0,4}"  # one entry of a keyword list: up to five words
PAY_APPS = r"(?:cash ?app|venmo|paypal|zelle|chime|wallet|btc wallet|usdt wallet|account)"
PROFILE = r"(?:profile|pr0file|profil|bio|page)"

LURE_RULES = [
    # Phishing: an account in danger, and where to save it.
    rule("account warning", "call_to_action", WEAK, HELD, rf"(?:{HELD.replace(' ', '|')})\b", YOUR_ACCOUNT, "your|account id membership subscription channel page order package parcel card mailbox license licence profile payment device computer pc"),
    rule("account warning", "call_to_action", WEAK, "infected slow hacked", r"(?:infected|slow|hacked)\b", YOUR_ACCOUNT, "your|account id membership subscription channel page order package parcel card mailbox license licence profile payment device computer pc"),
    rule("account warning", "call_to_action", WEAK, "dear", r"dear (?:customer|user|valued customer|client|account holder|member)\b",
         needs="customer user client holder member"),
    rule("verify your account", "call_to_action", WEAK, "verify confirm validate unlock reactivate restore update",
         r"(?:(?:verify|confirm|validate|unlock|reactivate|restore) (?:your |the )?(?:[a-z]{1,12} )?(?:account|identity|details|login"
         r"|log-?in|info|information|password|credentials|card|billing|payment)|update (?:your |the )?(?:payment|billing|card)"
         r" ?(?:info\w{0,9}|details|method)?)\b", needs="your|account identity details login log-in log info information password"
         " credentials card billing payment"),
    rule("verify your account", "call_to_action", WEAK, "verify confirm appeal reschedule unlock reactivate restore log submit",
         r"(?:verify|confirm|appeal|reschedule|unlock|reactivate|restore|log ?in|sign in|submit (?:your |a )?claim)(?: [a-z]{1,12})"
         r"{0,2}? (?:now |here |today |immediately )?(?:at|via|on|here|:) ?:? ?", needs="<link>", site=True),
    rule("verify your account", "call_to_action", WEAK, "support helpdesk customer", r"(?:support|helpdesk|customer (?:service|care"
         r"|support)) (?:now |immediately )?(?:at|on|:)? ?\+?\(?\d", r"\bcall (?:[a-z]{1,12} )?(?:tech )?\Z", "call"),
    # Homework mills.
    rule("homework mill", "shop", WEAK, "plagiarism", r"plagiarism[-\s]?free\b", needs="free plagiarism-free"),
    rule("homework mill", "shop", WEAK, "writers", r"writers (?:are )?(?:available|ready|on hand|online|will)\b",
         r"\b(?:academic|professional|expert|essay|native|qualified|experienced|our) \Z"),
    rule("homework mill", "shop", WEAK, "homework essay essays assignment assignments exam exams class classes quiz quizzes dissertation"
         " thesis coursework", rf"{WORKS}\b(?! (?:for|last|this|yesterday|in|at) (?:me|my|the|last|this|school|high)\b)",
         r"\b(?:do|take|write|complete) my (?:online |math )?\Z"),
    rule("homework mill", "shop", WEAK, "homework assignment assignments essay essays dissertation thesis coursework writing",
         r"(?:(?:homework|assignments?|essays?|dissertation|thesis|coursework) (?:help|helpers|writing)|writing services?)\b"
         r"|assignments? done\b"),
    # Search keywords in a list, and links in forum markup.
    rule("keyword list", "seo", WEAK, "cheap cheapest best buy free online custom instant emergency affordable top discount",
         rf"(?:cheap|cheapest|best|buy|free|online|custom|instant|emergency|affordable|top|discount) {ITEM}(?:, ?{ITEM}){{3,12}}",
         r"(?:^|[,\n]) ?(?:[a-z0-9&'+-]{1,20} ){0,3}\Z", "<link>"),
    rule("link markup", "seo", WEAK, "url link", r"(?:url|link)=", r"\[\Z", "<link>"),
    # Payouts to claim, flips and referral codes.
    rule("claim a payout", "loan_or_crypto", WEAK, "claim", rf"claim (?:(?:your|a|the) (?:free )?{SUM}|(?:your|a) free\b|(?:it |yours |them"
         r" )?(?:now|here|today)\b)"),
    rule("claim a payout", "loan_or_crypto", WEAK, "check", r"check (?:your )?eligibility\b", needs="eligibility"),
    rule("money flip", "giveaway", STRONG, "send", rf"send (?:me )?{SUM} (?:to (?:my|our|this) (?:[a-z$]{{1,12}} ){{1,2}})?(?:and |& |, )?"
         rf"(?:i(?:{A}ll| will| would) (?:send|give|pay) (?:you )?(?:back )?|(?:you(?:{A}ll| will) |will )?(?:get|receive) (?:back )?)"
         rf"{SUM}", needs="$ £ €"),
    rule("money flip", "giveaway", STRONG, "blessing bless", rf"bless(?:ing)? (?:\d{{1,4}}|[a-z]{{3,8}}) (?:\w{{1,12}} )?(?:people|persons"
         rf"|followers|subscribers|lucky) with {SUM}", needs="$ £ €"),
    rule("cash tag", "giveaway", WEAK, "send sending", rf"(?:send|sending) {SUM} to (?:my|our) {PAY_APPS}", needs="$ £ €"),
    rule("cash tag", "giveaway", WEAK, "comment drop leave post", rf"(?:comment|drop|leave|post) (?:your|ur) (?:\$?cashtags?|{PAY_APPS})\b",
         needs="cashtag cashtags cash cashapp venmo paypal zelle chime wallet account"),
    rule("referral code", "shop", STRONG, "code", r"code ?:? ?[a-z]{0,12}\d", r"\b(?:use|using|enter) my \Z"),
    rule("referral code", "shop", STRONG, "referral invite invitation promo affiliate bonus discount", r"(?:referral|invite|invitation"
         r"|promo|affiliate|bonus|discount) code\b", r"\b(?:use|using|enter) my \Z"),
    rule("referral code", "shop", STRONG, "referral invite invitation affiliate", r"(?:referral|invite|invitation|affiliate) (?:code|link)\b",
         r"\b(?:with|via|through|using|use) my \Z"),
    rule("referral code", "shop", STRONG, "sign signup register join", r"(?:sign ?up|signup|register|join) (?:with|using|through|via) my"
         r" (?:link|code)\b", needs="my|link code"),
    rule("invite code", "shop", WEAK, "invite referral invitation promo", r"(?:invite|referral|invitation|promo) code ?:? ?[a-z0-9]{4,12}\b"),
    # Crypto lures with no income named.
    rule("mining app", "loan_or_crypto", WEAK, "mine mining", r"(?:mine|mining) (?:free )?(?:crypto\w{0,8}|bitcoin|btc|eth|ethereum|coins?"
         r"|dogecoin|usdt) (?:from|on|with|using) (?:your|my|a) (?:phone|smartphone|laptop|computer|pc|browser)\b|mining pool\b",
         needs="crypto cryptocurrency bitcoin btc eth ethereum coin coins dogecoin usdt pool"),
    rule("mining app", "loan_or_crypto", WEAK, "cloud", r"cloud mining\b"),
    rule("mining app", "loan_or_crypto", WEAK, "%", r"% ?(?:daily|weekly|a day|per day|every day|a week|per week)\b",
         r"\b\d{1,3}(?:\.\d{1,2})? ?\Z", "daily weekly day week"),
    rule("mining app", "loan_or_crypto", WEAK, "made making", r"(?:made|making) me (?:rich|a millionaire|wealthy|financially free)\b",
         r"\b(?:app|bot|platform|program|system|trading|bitcoin|crypto|forex|investment|coin|token)(?: has| is)? \Z",
         "rich millionaire wealthy free"),
    rule("mining app", "loan_or_crypto", WEAK, "pump presale",
         r"pump (?:to )?\d{2,5} ?x\b|presale (?:ends|is live|now|live|starts)\b"),
    # Money for little: odd grammar, tasks, "$$$".
    rule("income from home", "money_offer", STRONG, "$ £ €", rf"(?:{SUM}|[$£€]){PERIOD}[^.!?\n]{{0,50}}?(?:{HOME}|on (?:laptop|computer"
         r"|pc|phone|internet)|by (?:online|internet) (?:work|working|job)|online (?:work|working|job))",
         r"\b(?:i|i am|im|i" + A + r"m|my (?:[a-z]{1,12} ){0,2}(?:is|are)) (?:now |also )?(?:make|making|earn|earning|getting|get)"
         r" (?:money |income |salary |profit )?(?:of )?(?:up to |over )?(?:\d[\d,]{0,8} ?)?\Z", "make making earn earning getting get"),
    rule("easy money", "money_offer", WEAK, "$", r"\$\$+", r"\b(?:make|earn|making|earning|get) (?:big |easy |real |some |more )?\Z",
         "make earn making earning get"),
    rule("easy money", "money_offer", WEAK, "money cash", r"(?:money|cash) (?:fast|quickly|asap|urgently)\b", r"\b(?:need|want|make"
         r"|earn|get|making|earning) (?:some |extra |quick |easy |real )?\Z", "fast quickly asap urgently"),
    rule("easy money", "money_offer", WEAK, "money cash income", r"(?:money|cash|income) (?:by|for|from) (?:just )?(?:reading|watching"
         r"|playing|typing|chatting|answering|liking|sharing|clicking|reviewing|testing|browsing|scrolling|listening)\b",
         r"\b(?:earn|make|making|earning|get) (?:extra |easy |real |free )?\Z", "reading watching playing typing chatting"
         " answering liking sharing clicking reviewing testing browsing scrolling listening"),
    rule("easy money", "money_offer", WEAK, "paid", r"paid (?:to|for) (?:use|using|chat\w{0,3}|play\w{0,3}|test\w{0,3}|review\w{0,3}"
         r"|read\w{0,3}|typ\w{1,3}|brows\w{1,3}|scroll\w{0,3}|answer\w{0,3}|listen\w{0,3}|date|dating|sleep\w{0,3})\b",
         r"\b(?:get|gets|getting|got) \Z", "get gets getting got"),
    rule("easy money", "money_offer", WEAK, "serious motivated interested hardworking honest",
         r"(?:serious|motivated|interested|hardworking|honest) (?:people|persons|individuals|candidates|ladies|moms|mums|partners)\b",
         r"\b(?:looking for|need|seeking|want) (?:\d{1,3} |a few |some )?\Z", "people persons individuals candidates ladies moms mums partners"),
    rule("bait phrase", "call_to_action", WEAK, "comment type drop write", r"(?:comment|type|drop|write) [\"'\u201c\u2018]?(?:info|yes"
         r"|interested|me|now|done)\b[\"'\u201d\u2019]? (?:and|&|below|if|to)\b", needs="info yes interested"),
    rule("dm me", "contact_off_site", WEAK, "dm inbox pm", r"(?:dm|inbox|pm) you\b",
         rf"\bi(?:{A}ll| will) \Z"),
    rule("contact them", "contact_off_site", WEAK, "contact message dm text inbox", r"(?:contact|message|dm|text|inbox|write to)"
         r" @[a-z0-9_.]{3,30}", needs="@"),
    rule("pay the delivery", "shop", WEAK, "pay", r"pay (?:for )?(?:the )?(?:shipping|delivery|postage|transport)(?: fee)?\b",
         r"\b(?:just|only) (?:need (?:you )?to )?\Z", "shipping delivery postage transport"),
    rule("pay the delivery", "shop", WEAK, "buy", r"buy (?:houses|homes|cars|junk cars|gold) (?:for )?cash\b", r"\bwe \Z", "cash"),
    # Letters spaced out, or written with look-alikes, to dodge a filter.
    rule("spaced-out app", "contact_off_site", STRONG, "w", rf"w{LETTERS}h{LETTERS}a{LETTERS}t{LETTERS}s{LETTERS}(?:a{LETTERS})?a?p"
         rf"{LETTERS}?p", needs="h"),
    rule("spaced-out app", "contact_off_site", STRONG, "g", rf"g{LETTERS}r{LETTERS}a{LETTERS}m\b", rf"\bt{LETTERS}e{LETTERS}l{LETTERS}e"
         rf"{LETTERS}\Z", "r"),
    rule("spaced-out app", "contact_off_site", STRONG, "wh@tsapp wh@ts@pp whatz@pp whats@pp wh@tsap watsap telegr@m whatsaap",
         r"(?:wh@tsapp|wh@ts@pp|whatz@pp|whats@pp|wh@tsap|watsap|telegr@m|whatsaap)\b"),
    rule("find me on", "contact_off_site", STRONG, "kik snap snapchat telegram whatsapp wickr find add hit",
         r"(?:kik|snap|snapchat|telegram|whatsapp|wickr|signal) me ?(?::|at|@|on) ?@?[a-z0-9_.]{3,30}|(?:find|add|hit) me (?:up )?"
         r"(?:on|at) (?:kik|snap|snapchat|sc|telegram|wickr|threema|line|hangouts) ?:? ?@?[a-z0-9_.]{3,30}",
         needs="kik snap snapchat sc telegram whatsapp wickr threema hangouts"),
    # Dating, profiles and channels.
    rule("nudes on my profile", "dating", STRONG, "nudes nude naughty sexy xxx pics",
         rf"(?:nudes|(?:nude|naughty|sexy|hot|xxx) (?:pics|photos|videos|content)) (?:are |is )?(?:on|in|at) my {PROFILE}\b"),
    rule("check my profile", "dating", WEAK, "profile pr0file profil bio", rf"{PROFILE}\b(?! (?:of|on|in|at|and|for a)\b)",
         r"\b(?:(?:check|see|look at|visit|view|open) (?:out )?|(?:pics|photos|pictures|content) (?:are |is )?(?:on|in|at) )my \Z",
         "check see look visit view open pics photos pictures content"),
    rule("check my profile", "dating", WEAK, "exclusive", r"exclusive (?:content|pics|photos|videos)\b"),
    rule("dating", "dating", STRONG, "chat", r"chat (?:with )?(?:(?:hot|sexy|lonely|local|horny|beautiful|naughty|real|single) ){1,3}"
         r"(?:girls|women|ladies|singles|milfs|moms|men|guys)\b", needs="girls women ladies singles milfs moms men guys"),
    rule("romance", "dating", WEAK, "credit", r"credit cards? (?:needed|required)\b", r"\bno \Z"),
    rule("dating", "dating", STRONG, "free", r"free (?:live )?(?:cams?|sex|webcams?)\b|free live (?:girls|shows?)\b",
         needs="cam cams sex webcam webcams"),
    rule("romance", "dating", WEAK, "friends friend", r"(?:friends|my friend)\b", r"\b(?:can we|we can|could we|let us|let" + A + r"s) be \Z"),
    rule("romance", "dating", WEAK, "smile pic", r"(?:smile|pic)\b", r"\b(?:i (?:saw|like|liked|love|loved)) your \Z",
         "saw like liked love loved"),
    rule("watch my videos", "self_promotion", STRONG, "cover covers remix version video videos song songs music channel track tracks beat"
         " beats content vids", r"(?:covers?|remix|version|videos?|songs?|music|channel|tracks?|beats?|content|vids)\b",
         rf"\byou(?:{A}ll|{A}d| will| would| might) (?:also |definitely |probably )?(?:love|like|enjoy|dig) my (?:new |latest |own )?\Z",
         "love like enjoy dig"),
    rule("watch my videos", "self_promotion", STRONG, "search", r"search (?:for )?(?:me|my name|us|our name|my channel|[a-z0-9_]{3,20})"
         r" (?:on|in) (?:youtube|yt|spotify|soundcloud|tiktok)\b", needs="youtube yt spotify soundcloud tiktok"),
    rule("watch my videos", "self_promotion", STRONG, "watch check see link links", r"(?:watch|check|see) (?:it|them) (?:out )?(?:on|at) (?:my|our)"
         r" (?:channel|page|profile)\b|links? (?:is )?on my (?:channel|page)\b", needs="my our|channel page profile"),
    rule("watch my videos", "self_promotion", STRONG, "subscribe sub", r"(?:subscribe|sub)(?:,| and| &| n| \+) (?:comment|turn on|hit)\b", needs="comment turn hit"),
    rule("new channel", "self_promotion", WEAK, "channel vlog", r"(?:channel|vlog)\b", r"\b(?:started|launched|created|opened) (?:a|my|our)"
         r" (?:new |own |small |little |first )?(?:youtube |yt |gaming |cooking |music |twitch )?\Z", "started launched created opened"),
    rule("new channel", "self_promotion", WEAK, "mean means", r"means? (?:a lot|the world|so much) (?:to me )?if (?:you|u|y" + A
         + r"all|anyone|someone) (?:could |would |can )?(?:check|checked|watch|watched|sub|subbed|subscribe|subscribed|listen|follow)"),
    rule("new channel", "self_promotion", WEAK, "bell notification notifications", r"(?:bell|notifications?)\b", r"\b(?:hit|ring|smash"
         r"|turn on) (?:the|that) (?:notification )?\Z", "hit ring smash turn"),
    rule("new channel", "self_promotion", WEAK, "videos vids covers beats remixes", r"(?:videos|vids|covers|beats|remixes)\b",
         r"\bi (?:do|make|post|upload) (?:the same |similar |these |this )?(?:kind of |type of |sort of )?\Z", "do make post upload"),
    # A site to see, named in a few words.
    rule("see my site", "self_promotion", WEAK, "visit see check try follow",
         r"(?:visit|see|check(?: out)?|try|follow) (?:ours|mine|us|me|our (?:site|website|page|blog|shop|store)|my (?:site|website|page"
         r"|blog|shop|store))(?: (?:at|on|here|too|also|as well|now))? ?:? ?", needs="<link>", site=True),
    rule("see my site", "self_promotion", WEAK, "site website blog page shop store",
         r"(?:site|website|blog|page|shop|store) (?:is|:|-|=) ?:? ?", r"\b(?:my|our) (?:own |new )?\Z", "<link>", site=True),
    rule("see my site", "self_promotion", WEAK, "search", r"search (?:for )?[a-z0-9_]{3,20} (?:on|in) google\b", needs="google"),
    rule("see my site", "self_promotion", WEAK, "open", r"open (?:this|the|my|our) (?:site|link|website|web site|page|url)(?: for"
         r" (?:more|details|info))? ?:? ?", needs="<link>", site=True),
    rule("see my site", "self_promotion", WEAK, "download", r"download (?:(?:it|now|here|our|the|this|free|app|apps) ){0,3}(?:at|from"
         r"|here) ?:? ?", r"\b(?:free|now)(?: [a-z]{1,12}){0,3} \Z|\Z", "<link>", site=True),
    # Streams, documents, and offers out of nowhere.
    rule("free stream", "call_to_action", WEAK, "stream streaming livestream", r"(?:stream|streaming|livestream)\b", r"\b(?:live|hd|free) ?\Z"),
    rule("free stream", "call_to_action", WEAK, "full", r"full (?:match|movie|episode|fight)\b", needs="match movie episode fight"),
    rule("free stream", "call_to_action", WEAK, "download 1080p 720p", r"download(?: free)?\b|1080p|720p", r"\b(?:free |\d{3,4}p )?\Z",
         "free 1080p 720p"),
    rule("pills without prescription", "pharmacy", STRONG, DRUGS, rf"(?:{DRUGS.replace(' ', '|')}) ?(?:\d{{1,4}} ?mg\b|for sale\b"
         r"|,? no rx\b|,? without (?:a )?(?:rx|prescription)\b|overnight\b)"),
    rule("shop pitch", "shop", WEAK, "sale", r"sale\b", r"\b(?:passports?|licen[cs]es?|ids|diplomas?|certificates?|banknotes|documents)"
         r"(?: [a-z]{1,12}){0,3} for \Z",
         "passport passports licence license licences licenses ids diploma diplomas certificate certificates banknotes documents"),
    rule("fake documents", "shop", STRONG, "buy get order", r"(?:buy|get|order) (?:[a-z0-9]{1,12} ){0,2}(?:certificates?|diplomas?|degrees?"
         r"|licen[cs]es?) without (?:an? |the |any )?(?:exams?|tests?|writing|attending|study|studying|classes)\b",
         needs="without"),
    rule("shop pitch", "shop", WEAK, "proposal proposition opportunity beneficiary trustworthy",
         r"(?:(?:business )?(?:proposal|proposition) (?:for you|worth)|opportunity for you|beneficiary (?:of|to)|trustworthy (?:person|partner|individual))\b"),
    rule("shop pitch", "shop", WEAK, "reply respond send forward", r"(?:reply|respond|send|forward) (?:me |us )?(?:with )?your (?:full"
         r" names?|phone number|address|bank details|personal (?:details|information))\b",
         needs="full phone address bank personal"),
    rule("seo service", "seo", STRONG, "provide offer sell selling", r"(?:provide|offer|sell|selling) (?:real |cheap |active |organic )?"
         r"(?:youtube |instagram |insta |tiktok |twitter |spotify )?(?:views|likes|followers|subscribers|plays)\b", r"\bwe \Z",
         "views likes followers subscribers plays"),
    rule("seo service", "seo", STRONG, "high", r"high (?:da|dr|pr|authority) (?:sites|websites|blogs|backlinks|domains)\b", needs="da dr pr authority"),
    rule("shop pitch", "shop", WEAK, "buy", r"buy (?:(?:real|cheap|instant|active|\d[\d,]{0,8}k?|youtube|instagram|insta|ig|twitter|tiktok"
         r"|facebook|spotify) ){1,3}(?:followers|subscribers|views|likes|plays|streams)\b",
         needs="followers subscribers views likes plays streams"),
    rule("free accounts", "giveaway", STRONG, "free", r"free (?:netflix|spotify|disney\+?|hulu|amazon prime|youtube premium|hbo|game pass)"
         r"(?: premium)? (?:accounts?|subscriptions?|for (?:a |1 |one )?(?:year|life|month))\b",
         needs="netflix spotify disney hulu premium hbo"),
    rule("recovered funds", "testimonial", WEAK, "money funds bitcoin crypto savings", r"(?:money|funds|bitcoin|crypto|savings)\b",
         r"\b(?:can|will|could) (?:help (?:you )?)?(?:get|recover|retrieve) (?:back )?(?:your|all your) (?:lost |stolen )?\Z", "get recover retrieve"),
    rule("recovered funds", "testimonial", WEAK, "recovery", r"recovery (?:services?|experts?|company|team|agency|specialists?)\b",
         r"\b(?:crypto|bitcoin|funds?|account|wallet|scam|asset|hacked account) \Z"),
    rule("recovered funds", "testimonial", WEAK, "restored recovered unlocked retrieved",
         r"(?:restored|recovered|unlocked|retrieved) (?:mine|it|my (?:[a-z]{1,12} )?(?:account|page|profile|wallet))\b",
         r"\b(?:he|she|they) \Z"),
    rule("hacker service", "testimonial", WEAK, "hack hacking", r"(?:hack|hacking)\b", r"\b(?:phone|social media|facebook|instagram|whatsapp"
         r"|email|snapchat|account|icloud) \Z"),
]
"""The rules, read beside `spam_patterns.RULES` and `spam_testimonials.TESTIMONIAL_RULES`."""

OFFERED = r"\b(?:can|will|could) (?:help (?:you )?)?(?:get|recover|retrieve) (?:back )?your\b|\bwe (?:can )?(?:recover|retrieve|restore|trace)\b"
"""What a recovery pitch says beside its talk of scams: it offers to get the reader's money back."""
