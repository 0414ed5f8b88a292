"""The phrases `spam_signals` looks for beside those of `spam_patterns`: testimonials that
give a contact instead of a link, and the contacts they give.

News-site spam often carries no link. It tells a story ("thanks to Coach Daniel I paid off my
mortgage", "Agent Sarah got all my bitcoin back", "the herbalist who cured my herpes", "a
hacker named Chris cleared my student loan", "Mrs Joyce gave me a loan with no credit check")
and then names a way to reach the hero: an e-mail address, a phone number, "message Coach
Daniel now", "reach out to Mr. Holt". Each half is common enough in honest comments (readers
thank doctors and coaches, tell how they got their money back, give a help line), so each is
`WEAK`, and `PITCHES` (the stories) count only beside one of `CONTACTS` (the ways to reach
someone) or a link: a story with a contact is spam, two stories or two contacts are not.
`CONTACTS` holds the contacts of `spam_patterns` too, so that a help line beside an e-mail
address is no spam either; but a hero of spam to reach by name ("message Coach Daniel now",
`NAMED_CONTACTS`) is spam beside a contact too, where "reach out to Dr. Kwan" is not. A title
anyone has ("Mr.", "Dr.", `GENERIC`) names a hero only beside what the hero did for the writer
("thanks to Dr. Patricia I paid off my mortgage"), not in "thanks to Mr. Trudeau I pay more".

`RESCUED` names what a spam story says to take back its own talk of scams ("I was scammed
twice before Mrs Sandra recovered my funds"), `TOLD` what a reader says to report another's
instruction ("the suspect told victims to contact him on WhatsApp"), and `FULL_STOP` a full
stop that ends a sentence, not a title's ("Dr. Zuma").

The rest reads more of news-site spam that `spam_patterns` has no word for: a job that
pays by the hour, a paycheck of thousands, money flips, online casinos, fake documents, "for
the best roofing in Toronto visit <site>", "I wrote about this on my blog: <site>".
"""

from __future__ import annotations

from moderation.decide.spam_patterns import (
    APP, EARNS, HOME, LINKED, NOW, PERIOD, PHONE, STRONG, SUM, TITLES, WEAK, W, A, SpamRule, rule,
)

EXPERTS = TITLES + " sheikh mallam trader manager specialist investigator healer herbalist spiritualist psychic"
GENERIC = "mr mrs ms miss dr doctor prof professor sir"
"""The titles of anyone (a minister, a reporter's source), beside those that spam gives its heroes ("Coach", "Agent", "Prophet")."""
NOT_A_NAME = (r"(?!(?:about|and|or|of|for|to|in|on|at|the|a|an|is|was|who|that|if|when|with|he|she|they|it|you|your|my|now|today"
              r"|directly|office|team|staff|department|account|instead|again)\b)[a-z]{2,20}")
PRAISED = r"(?:the (?:great |powerful |legit |real |trusted |reliable |genuine |certified )?)?"
TITLED = PRAISED + r"(?:" + EXPERTS.replace(" ", "|") + r")(?:\. ?| )" + NOT_A_NAME
"""A named expert ("Coach Daniel", "Mrs. Abigail", "the great Dr. Ogun"), not "the coach about it"."""
HERO = PRAISED + r"(?!(?:" + GENERIC.replace(" ", "|") + r")\b)(?:" + EXPERTS.replace(" ", "|") + r")(?:\. ?| )" + NOT_A_NAME
"""A named expert whose title is spam's ("Coach Daniel", "Agent Sarah"), not anyone's ("Dr. Kwan")."""
ANYONE = PRAISED + r"(?:" + GENERIC.replace(" ", "|") + r")(?:\. ?| )" + NOT_A_NAME
"""A named person whose title is anyone's ("Dr. Kwan", "Mrs. Abigail")."""
NAMED = rf"(?:(?:{W} )?{TITLED}|him|her|them)"
THANKS = r"(?:thanks|thank you|thank|grateful|thankful|bless) (?:so much |a lot )?(?:to )?"
OUTCOME = (r"(?:paid off|cleared|earn|earned|make|made|recovered|got back|got my|debt[-\s]free|financially|profits?|retired|bought|won"
           r"|cured|healed|rich|income|now (?:have|own|earn|make|live))")
"""What a spam hero did for the writer, after "thanks to Dr. Patricia I": not "I pay more for gas"."""
VERBS = "contact contacting message text email e-mail inbox dm whatsapp telegram reach call consult"
CONTACT = r"(?:contact|contacting|message|text|e-?mail|inbox|dm|whatsapp|telegram|call|consult|reach out to|reach)"
FUNDS = r"(?:funds|money|bitcoin|btc|crypto\w{0,8}|usdt|eth|ethereum|savings|investments?|wallet|coins|account|[$£€] ?\d[\d,.]{0,12}k?)"
FUND_WORDS = "funds money bitcoin btc crypto cryptocurrency usdt eth ethereum savings investment investments wallet coins $ £ €"
ILLS = (r"(?:herpes|hiv|aids|hpv|diabetes|cancer|hepatitis|hep ?b|als|autism|stroke|fibroids?|infertility|barrenness|epilepsy|copd"
        r"|parkinson\w{0,4}|dementia|erectile|std|stds|asthma|arthritis)")

CONTACTS = frozenset({"email address", "contact them", "email me", "dm me", "phone number to call", "contact a named expert"})
"""Ways to reach someone: spam beside a story (`PITCHES`) or another weak signal, not beside one another (a help line
and its e-mail address)."""
NAMED_CONTACTS = frozenset({"contact a named hero"})
"""A named hero of spam to reach ("message Coach Daniel now"): spam beside any other weak signal, a contact too."""
PITCHES = frozenset({"thanks to an expert", "recovered funds", "healer", "hacker service", "loan terms", "vouching",
                     "invest with an expert", "paid off with crypto"})  # fmt: skip
"""Stories and praise for a person or service: spam beside a contact or a link, not alone or together."""

TESTIMONIAL_RULES: list[SpamRule] = [
    # Contacts: an e-mail address, a phone number, a named expert or "him" to reach now.
    rule("email address", "contact_off_site", WEAK, "@",
         r"@(?![\w.-]{0,60}\.(?:gov|gc|gouv|parl|edu|mil)\b)[a-z0-9-]{1,40}(?:\.[a-z0-9-]{1,40}){0,3}\.[a-z]{2,12}\b",
         r"[a-z0-9][a-z0-9._%+-]{0,40}\Z"),
    rule("email address", "contact_off_site", WEAK, "dot",  # spelled out: "kate at gmail dot com", "kate(at)mail(dot)com"
         r"dot[)\]]? ?(?:com|net|org|co|info|example|test)\b(?! (?:bubble|boom|bust|crash|era|compan\w+|days|stocks))",
         r"\b[a-z0-9][a-z0-9._-]{1,40}(?: ?(?:\(at\)|\[at\]) ?[a-z0-9-]{2,30}| at (?:g ?mail|yahoo|hotmail|outlook|proton ?mail"
         r"|proton|aol|icloud|mail|ymail|gmx|zoho|yandex|live|msn)) ?[(\[]?\Z"),
    rule("contact a named hero", "contact_off_site", WEAK, VERBS, rf"{CONTACT} (?:now |today |directly )?(?:{W} )?{HERO}",
         needs=EXPERTS),
    rule("contact a named hero", "contact_off_site", WEAK, "touch", rf"touch with (?:{W} )?{HERO}", r"\bget in \Z", EXPERTS),
    rule("contact a named expert", "contact_off_site", WEAK, VERBS, rf"{CONTACT} (?:now |today |directly )?{ANYONE}", needs=GENERIC),
    rule("contact a named expert", "contact_off_site", WEAK, "touch", rf"touch with {ANYONE}", r"\bget in \Z", GENERIC),
    rule("contact them", "contact_off_site", WEAK, VERBS, rf"{CONTACT} (?:(?:him|her|them|me|us) (?:now|today|right now|asap"
         rf"|immediately|directly|right away)\b|(?:{NAMED} )?(?:now |today |directly )?(?:on|at|via|through|:) (?:his |her |their |this )?"
         rf"(?:number |phone |cell |mobile )?:? ?{PHONE})"),
    rule("contact them", "contact_off_site", WEAK, "send", r"(?:send|drop|shoot) (?:him|her|them|me|us) (?:a |an )?"
         r"(?:message|text|mail|email|dm|line)\b"),
    rule("messaging app number", "contact_off_site", STRONG, "whatsapp whatsap watsapp telegram viber signal",
         rf"{APP} (?:number |no\.? |id |handle |contact )?(?:is|=) ?:? ?(?:{PHONE}|@[a-z0-9_.]{{3,30}})"),
    # Stories: thanks to a named expert, funds got back, cures, hackers, loans, vouching.
    rule("thanks to an expert", "testimonial", WEAK, "thanks thank grateful thankful bless",
         rf"{THANKS}{HERO}(?:" + A + r"s(?: \w{1,15}){1,2})?,? (?:i|i" + A + r"ve|i" + A + r"m|my|we|our|me|for (?:his |her |their )?"
         r"[a-z]{2,15}ing)\b", needs=EXPERTS),
    rule("thanks to an expert", "testimonial", WEAK, "thanks thank grateful thankful bless",
         rf"{THANKS}{TITLED}(?:" + A + r"s(?: \w{1,15}){1,2})?,? (?:(?:i|i" + A + r"ve|i" + A + r"m|my|we|our|me)(?: \w{1,15}){0,4}? "
         rf"{OUTCOME}|for (?:his |her |their )?(?:helping|bringing|getting|recovering|restoring|curing|saving|changing|turning|clearing"
         r"|granting|approving|giving))\b", needs=GENERIC),
    rule("thanks to an expert", "testimonial", WEAK, "helped helps recovered retrieved restored cured brought taught showed gave "
         "manages handles", r"(?:helped|helps|recovered|retrieved|restored|cured|brought|taught|showed|gave|manages|handles) (?:me|us|my"
         r"|our|all of it|it all|everything)\b",
         rf"{TITLED}(?: [a-z]{{2,20}})?,? (?:who |that |has |have )?\Z", EXPERTS),
    rule("thanks to an expert", "testimonial", WEAK, "introduced referred recommended directed recommend recommending",
         rf"(?:(?:introduced|referred|recommended|directed) me to (?:a |an |this )?(?:\w{{1,15}} )?|recommend(?:ed|ing)? ){TITLED}",
         needs=EXPERTS),
    rule("thanks to an expert", "testimonial", WEAK, "owe", rf"owe (?:it all |everything |all )?(?:(?:my|our) (?:\w{{1,15}} ){{0,2}})?"
         rf"to {TITLED}", needs=EXPERTS),
    rule("thanks to an expert", "testimonial", WEAK, "medium", r"medium to (?:thank|appreciate|testify|share"
         r"|inform|recommend|introduce)\b", r"\b(?:use|using) this \Z"),
    rule("thanks to an expert", "testimonial", WEAK, "testify testimony", r"testify (?:about|of) (?:the )?(?:great|good|wonderful"
         r"|powerful)\b|testify (?:about|of|to) how\b|testimony (?:of|about|on) (?:how|what)\b"),
    rule("thanks to an expert", "testimonial", WEAK, "testimony", r"testimony\b", r"\btrue \Z"),
    rule("invest with an expert", "loan_or_crypto", WEAK, "invest investing invested investment trading trade traded trades started",
         rf"(?:invest|investing|invested|investment|trading|trade|traded|trades|started)(?: \w{{1,15}}){{0,3}}? (?:with|under|through"
         rf"|by) (?:the (?:help|guidance|supervision|management) of )?{TITLED}", needs=EXPERTS),
    rule("invest with an expert", "loan_or_crypto", WEAK, "supervision guidance",
         rf"(?:supervision|guidance) of {TITLED}", needs=EXPERTS),
    rule("recovered funds", "testimonial", WEAK, "recover recovered recovering retrieve retrieved",
         rf"(?:recover|recovered|recovering|retrieve|retrieved) (?:back )?(?:all |every \w{{1,6}} of )?(?:of )?(?:my|our|her|his|their)"
         rf" (?:lost |stolen |scammed |hacked |frozen )?{FUNDS}", needs=FUND_WORDS),
    rule("recovered funds", "testimonial", WEAK, "got get getting gotten",
         rf"(?:got|get|getting|gotten) (?:back )?(?:all )?(?:of )?(?:my|our|her|his|their) (?:lost |stolen |scammed |hacked |frozen )?"
         rf"{FUNDS}(?: \w{{1,12}})? back\b|(?:got|get|getting|gotten) back (?:all )?(?:of )?(?:my|our|her|his|their) (?:lost |stolen "
         rf"|scammed |hacked )?{FUNDS}|(?:got|getting) back \d[\d,.]{{0,8}} ?(?:btc|bitcoin|eth|usdt)\b", needs=f"{FUND_WORDS}|back"),
    rule("healer", "testimonial", WEAK, "herbalist herbal herbs spiritualist spiritual native witch witchdoctor psychic powerful "
         "lucky voodoo juju sangoma illuminati prophet priest baba wizard prayers prayer",
         r"herbalist|herbal (?:doctor|medicine|cure|remedy|remedies|mixture|treatment|product|herbs?)|herbs cured|spiritualist"
         r"|spiritual (?:healer|doctor|father|mother|home|temple|helper|help|power|powers|healing)|native doctor|witch ?doctor"
         r"|psychic (?:reading|readings|healer)|powerful (?:prophet|priest|prayers?|spell|herbalist|spiritualist|native|doctor)"
         r"|lucky numbers?|(?:voodoo|juju) (?:priest|priestess|spells?|doctor|man|queen|temple)|sangoma"
         r"|illuminati (?:brotherhood|membership|agent|kingdom|temple|society)|(?:prophet|priest|baba|wizard) [a-z]{2,20}" + A
         + r"s prayers?\b|prayers? (?:got|brought|gave|healed|cured|fixed) (?:me|my|us|our)\b"),
    rule("healer", "testimonial", WEAK, "join joining", r"join(?:ing)? (?:the )?(?:great |powerful |mighty |secret )?illuminati\b",
         needs="illuminati"),
    rule("healer", "testimonial", WEAK, "cured cure cures curing healed", rf"(?:cured|cure|cures|curing|healed) (?:me|my|her|his|their"
         rf"|your)(?: \w{{1,15}}){{0,3}}? (?:of )?{ILLS}\b"),
    rule("healer", "testimonial", WEAK, "brought bring brings bringing restored", r"(?:brought|bring|brings|bringing|restored) (?:back )?"
         r"(?:my|your|her|his) (?:ex|lover|husband|wife|partner|boyfriend|girlfriend|marriage|relationship)(?: back)?\b",
         needs="ex lover husband wife partner boyfriend girlfriend marriage relationship"),
    rule("hacker service", "testimonial", WEAK, "hacker hackers", r"hackers? (?:named|called|who (?:can|helped|recovered|fixed"
         r"|cleared|changed|unlocked))\b"),
    rule("hacker service", "testimonial", WEAK, "hacker hackers", r"hackers?(?: for hire)?\b", r"\b(?:hire (?:a |an )?(?:\w{1,12} )?|"
         r"(?:private|professional|ethical|legit|genuine|certified|reliable|trusted) )\Z"),
    rule("hacker service", "testimonial", WEAK, "hackers hacker", r"hackers? for hire\b", needs="hire"),
    rule("hacker service", "testimonial", WEAK, "hack", r"hack (?:into )?any (?:phone|email|facebook|whatsapp|bank|account|social"
         r"|device|instagram)"),
    rule("hacker service", "testimonial", WEAK, "cheating", r"cheating\b", r"\b(?:spouse|partner|husband|wife|boyfriend|girlfriend"
         r"|lover) (?:is )?\Z"),
    rule("hacker service", "testimonial", WEAK, "spouse partner husband wife boyfriend girlfriend lover",
         r"(?:spouse|partner|husband|wife|boyfriend|girlfriend|lover)\b", r"\b(?:catch|caught|spy on|spying on|track|monitor|hack into)"
         r" (?:a |your |my |their |his |her )?cheating \Z|\b(?:spy on|spying on|hack into|monitor) (?:a |your |my |their |his |her )\Z",
         "cheating spy spying hack monitor"),
    rule("hacker service", "testimonial", WEAK, "cloning clone", r"cloning\b|clone (?:a |any |your )?phone", r"(?:\bphone )?\Z",
         "phone phones"),
    rule("hacker service", "testimonial", WEAK, "grades records", r"(?:grades|records)\b", r"\b(?:change|changed|upgrade|delete|clear"
         r"|cleared|wipe|remove|deleted|wiped|removed)(?: your| my| school| university| college| criminal| dui| police){1,2} \Z"),
    rule("hacker service", "testimonial", WEAK, "credit score", r"(?:credit )?(?:score|report)\b", r"\b(?:fix|fixed|boost|boosted"
         r"|raise|raised|repair|repaired) (?:your |my )?\Z", "fix fixed boost boosted raise raised repair repaired"),
    rule("hacker service", "testimonial", WEAK, "credit", r"credit (?:repair|fix) (?:specialist|expert|hacker|guy|company)\b"
         r"|credit score (?:went|jumped|rose|increased|was boosted) (?:up )?from \d{3} to \d{3}", needs="repair fix score"),
    rule("loan terms", "loan_or_crypto", WEAK, "approval", r"approval\b", r"\b(?:fast|quick|instant|easy|same[-\s]day|guaranteed"
         r"|speedy) (?:loan )?\Z", "loan loans lender lending funding financing"),
    rule("loan terms", "loan_or_crypto", WEAK, "interest", r"interest(?: rates?)?\b", r"\blow \Z", "loan loans lender lending funding "
         "financing"),
    rule("loan terms", "loan_or_crypto", WEAK, "lender officer agent", r"(?:lender|loan officer|loan agent)\b", r"\b(?:private"
         r"|certified|licensed|legit|reliable|genuine|trusted) (?:loan )?\Z"),
    rule("loan terms", "loan_or_crypto", WEAK, "collateral upfront", r"(?:collateral|upfront (?:fees?|payment))\b", r"\b(?:no|without)"
         r" \Z", "loan loans lender lending funding financing"),
    rule("loan terms", "loan_or_crypto", WEAK, "loan", r"loan (?:from|through) " + TITLED, needs=EXPERTS),
    rule("loan terms", "loan_or_crypto", WEAK, "loan loans", r"loans?\b", rf"{TITLED}(?: [a-z]{{2,20}})? (?:gave|granted|approved"
         r"|offered|got) (?:me|us) (?:a |the |my )?(?:\w{1,12} )?\Z", EXPERTS),
    rule("local business", "shop", WEAK, "realtor contractor plumber electrician roofer mortgage", r"(?:realtor|contractor|plumber"
         r"|electrician|roofer|mortgage (?:broker|agent))\b",
         r"\bi(?:" + A + r"m| am) a (?:licensed |certified |local |registered |professional )?\Z"),
    rule("loan terms", "loan_or_crypto", WEAK, "loan", r"loan\b", r"\b(?:need|needing|in need of) (?:a |an )?(?:\w{1,12} )?(?:or|and"
         r"|/) (?:a |an )?(?:\w{1,12} )?\Z", "need needing"),
    rule("vouching", "testimonial", WEAK, "legit genuine trustworthy reliable godsent", r"(?:legit|genuine|trustworthy|reliable"
         r"|god ?sent)\b", r"\b(?:he|she|they) (?:is|are) (?:so |a )?\Z"),
    rule("vouching", "testimonial", WEAK, "solved fixed helped saved", r"(?:solved|fixed|helped|saved) (?:my|me|our|us)\b",
         r"\b(?:he|she|they) \Z"),
    rule("vouching", "testimonial", WEAK, "spell spells", r"spells? (?:to|for|that (?:can|will)) (?:stop|win|bring|get|make|return|fix"
         r"|save|cure|heal)\b"),
    rule("vouching", "testimonial", WEAK, "cast casts casted", r"cast(?:s|ed)? (?:a |the |his |her )?(?:\w{1,12} )?spell\b", needs="spell"),
    rule("crypto pitch", "loan_or_crypto", WEAK, "%", r"% ?(?:accurate|accuracy|win rate|success rate)\b",
         r"\b\d{2,3}(?:\.\d{1,2})? ?\Z", "accurate accuracy win success"),
    rule("vouching", "testimonial", WEAK, "regret", r"regret (?:it|this|contacting)\b", r"\byou (?:won" + A + r"t|will not|wont|will "
         r"never) \Z"),
    # Income stories and offers that name no home, and shops that name no shop word.
    rule("income from home", "money_offer", STRONG, "$ £ €", SUM + PERIOD, rf"{NOW}(?:a |an )?(?:\w{{1,12}} )?(?:salary|income|living"
         rf"|paycheck|paycheque|wage)s? {HOME} \Z", EARNS),
    rule("pays by the hour", "money_offer", WEAK, "$ £ €", SUM + PERIOD, r"\b(?:(?:job|work|gig|site|app|program|platform|google"
         r"|facebook|amazon|company|opportunity|that|which|it) (?:is |now |still )?(?:pays?|paying|paid me)|(?:earns|makes|brings|pays)"
         r" me) (?:me )?(?:up to |over |about |around )?\Z", "pays paying paid earns makes brings"),
    rule("income from home", "money_offer", STRONG, "$ £ €", rf"{SUM}{PERIOD}[^.!?\n]{{0,50}}?{HOME}", r"\b(?:i|i" + A + r"m|i am"
         r"|im)\b[^.!?\n]{0,50}? (?:who|that) (?:now |still )?(?:makes|earns|brings in|pulls in|takes home|clears) (?:up to |over "
         r"|about |around |more than )?\Z", "makes earns brings pulls home clears"),
    rule("sale pitch", "shop", WEAK, "best lowest cheapest", r"(?:best|lowest|cheapest) (?:prices?|rates|deals) (?:guaranteed|in town"
         r"|around|in (?:the )?(?:gta|city|canada|area))\b", needs="prices price rates deals"),
    rule("free stream", "call_to_action", WEAK, "free", r"free (?:at|on|here) ?:? ?", r"\b(?:watch|stream|download)(?: \w{1,15}){1,5}"
         r" (?:live )?(?:for )?\Z", f"watch stream download|{LINKED}", site=True),
    rule("pays by the hour", "money_offer", WEAK, "$ £ €", SUM, r"\b(?:pay ?check|pay ?cheque|payout|payment|check|cheque) (?:of|was"
         r"|for) (?:over |about |just )?\Z", "paycheck paycheque payout payment check cheque"),
    rule("pays by the hour", "money_offer", WEAK, "teach", r"(?:teach|show) you how(?: to (?:make|earn|trade|invest|do (?:it|the"
         r" same))|\W{1,3}(?:$|dm|message|follow|contact|inbox))", r"\bi(?:" + A + r"ll| will| can) \Z"),
    rule("money flip", "giveaway", STRONG, "flip flips", r"flips?\b", r"\b(?:cash ?app|paypal|venmo|zelle|money|bitcoin|btc) \Z"),
    rule("money flip", "giveaway", STRONG, "send", rf"send (?:me )?{SUM} (?:and |& )?(?:get|receive|you(?:" + A + rf"ll| will) get) "
         rf"(?:back )?{SUM}", needs="$ £ €|get receive"),
    rule("quick returns", "loan_or_crypto", STRONG, "turn turned turns turning", rf"turn(?:ed|s|ing)? (?:your |my |their |\w{{1,12}}"
         rf"{A}s )?{SUM} (?:investment )?into {SUM} (?:in|within) (?:just |only )?(?:\d{{1,3}}|a|one|two|three|four|five|six|seven"
         r"|ten) (?:days?|weeks?|hours?)\b", needs="$ £ €"),
    rule("paid off with crypto", "loan_or_crypto", WEAK, "paid", r"paid off (?:my|our|all my|all our) (?:mortgage|debts?|loans?"
         r"|student loans?|house|credit cards?) (?:with|using|through|thanks to|by trading) (?:\w{1,15} ){0,2}?(?:bitcoin|btc"
         r"|crypto\w{0,8}|ethereum|forex|binary options?|trading|mining|an? (?:app|program|platform|bot|system))\b",
         needs="off"),
    rule("casino", "shop", WEAK, "casino spins bonus", r"(?:casino (?:bonus|bonuses)|spins|bonus code)\b", r"(?:\bfree )?\Z",
         "casino free|spins bonus bonuses code"),
    rule("casino", "shop", WEAK, "bonus", r"bonus\b", r"\b(?:welcome|(?:no[-\s])?deposit) \Z", "welcome deposit"),
    rule("casino", "shop", WEAK, "iptv", r"iptv\b"),
    rule("casino", "shop", WEAK, "channels", r"channels for [$£€]", r"\b\d[\d,]{0,6} (?:live |hd |premium )?(?:tv )?\Z", "$ £ €"),
    rule("shop pitch", "shop", WEAK, "doctors", r"doctors (?:hate|are (?:shocked|stunned|baffled))\b"),
    rule("shop pitch", "shop", WEAK, "trick hack secret tip", r"(?:trick|hack|secret|tip)\b", r"\b(?:this|one) (?:simple |weird "
         r"|natural |strange |odd |little |secret )\Z"),
    rule("shop pitch", "pharmacy", WEAK, "melted melt melts", r"(?:melted|melt|melts) (?:over |about )?\d{1,3} ?(?:pounds|lbs|kg"
         r"|kilos) (?:off|of (?:belly )?fat)"),
    rule("shop pitch", "pharmacy", WEAK, "bed enhancement", r"(?:bed|enhancement)\b", r"\b(?:(?:last|lasts|lasting) (?:\d{1,2} times "
         r"|hours |much )?longer in|male) \Z"),
    rule("shop pitch", "pharmacy", WEAK, "prescription rx overnight worldwide discreetly", r"(?:prescription|rx|note|overnight"
         r"|worldwide|discreetly)\b", r"\b(?:without (?:a |any )?(?:doctor" + A + r"s? )?|(?:shipped|delivered) )\Z",
         "without shipped delivered"),
    rule("shop pitch", "shop", WEAK, "passport passports ids diploma diplomas licence license licenses licences banknotes",
         r"(?:passports?|ids|diplomas?|licen[cs]es?|banknotes)\b", r"\b(?:sell|selling|buy|order|get) (?:\w{1,12} ){0,2}?(?:fake"
         r"|counterfeit|registered|undetectable|novelty|real and fake|genuine|real|verified) (?:\w{1,12} )?(?:driver" + A + r"s? )?\Z"),
    rule("shop pitch", "dating", WEAK, "sugar", r"sugar (?:daddy|daddies|mommy|mommies|mummy|baby|babies)\b"),
    rule("shop pitch", "shop", WEAK, "warranty", r"warranty (?:is )?(?:about to |will )?(?:expire|expiring|expires)", r"\bextended \Z",
         "extended"),
    rule("shop pitch", "shop", WEAK, "%", "%", r"\b(?:reduce|cut|lower|slash|eliminate) (?:your |their )?(?:debts?|debt payments) "
         r"(?:by )?(?:up to )?\d{1,3} ?\Z", "debt debts"),
    rule("free quote", "call_to_action", WEAK, "free", r"free (?:webinar|masterclass|master class|consultation)\b",
         needs="webinar masterclass master consultation"),
    rule("free quote", "call_to_action", WEAK, "book", r"book (?:a |your )?free (?:session|call|consultation|trial|reading|class)\b",
         needs="free"),
    rule("sign up now", "call_to_action", WEAK, "limited", r"limited (?:spots|places|seats|slots)\b", needs="spots places seats slots"),
    rule("sign up now", "call_to_action", WEAK, "filling", r"filling (?:up )?fast\b", r"\b(?:spots|slots|places|seats) (?:are )?\Z",
         "fast"),
    rule("grant offer", "loan_or_crypto", WEAK, "eligible eligibility qualify", r"(?:eligible|eligibility|qualify)\b",
         r"\b(?:check|see|find out) (?:your |if you" + A + r"re |if you are |if you )\Z"),
    rule("giveaway prize", "giveaway", WEAK, "gift giftcard giftcards", r"gift ?cards? (?:for|by|just)\b",
         r"\b(?:earn|get|win) (?:free )?(?:\w{1,12} )?\Z", "earn get win"),
    rule("please subscribe", "self_promotion", WEAK, "subscribe", r"subscribe\b", r"\bcome (?:and |& |n )?\Z", "come"),
    rule("go to this site", "call_to_action", WEAK, "site website link page", r"(?:site|website|link|page) (?:for|to (?:get|see|learn"
         r"|find)) (?:more )?(?:info|details|information)\b", r"\b(?:visit|check|open|copy|go to) (?:this|the following|that) \Z",
         "info details information"),
    rule("go to this site", "call_to_action", WEAK, "visit check", r"(?:visit|check out) ?:? ?", rf"\b(?:(?:best|affordable|cheapest"
         rf"|top|reliable|professional|trusted|quality)(?: {W}){{1,6}} (?:in|near|around)(?: {W}){{1,3}}?|(?:looking for|in need of|need"
         rf"|needing) (?:a |an |some )?(?:cheap|cheapest|affordable|best|good|reliable|professional|quality|top|trusted)(?: {W}){{0,6}}?"
         r"(?: should| can| must| just)?),? \Z", LINKED, site=True),
    rule("check out my site", "self_promotion", WEAK, "blog website site substack podcast newsletter web", r"(?:blog|website|web site"
         r"|site|substack|podcast|newsletter) ?:? ?-? ?", r"\b(?:on|at|in) (?:my|our) (?:own )?\Z", f"{LINKED}|my our", site=True),
]
"""The rules, read beside `spam_patterns.RULES`."""

RESCUED = (r"\b(?:recovered|retrieved|got back|gotten back) (?:all |every \w{1,6} of )?(?:of )?(?:my|our) |\bgot (?:all )?(?:of )?(?:my"
           r"|our) (?:\w{1,12} ){1,2}back\b|\b(?:he|she|they) (?:is|are) (?:so )?(?:real|legit|genuine|the real deal)\b|\breal deal\b")
"""What a spam story says beside its talk of scams: funds got back, a hero vouched for."""
TOLD = (r"\b(?:told|tells|telling|asked|instructed|urged|directed) (?!me\b|us\b)\w{1,15}(?: \w{1,15})? to\b|\b(?:was|were|been|being)"
        r" (?:told|asked|instructed|urged|directed) (?:by|to)\b")
"""Before a signal another was told to do ("the suspect told victims to contact him"): the comment reports it."""
FULL_STOP = r"\.(?<!\bmr\.)(?<!\bmrs\.)(?<!\bms\.)(?<!\bdr\.)(?<!\bst\.)(?<!\bprof\.)(?<!\bsr\.)(?<!\bjr\.)"
"""A full stop that ends a sentence, not that of a title: "Dr. Zuma", "Mr. Roberts"."""
