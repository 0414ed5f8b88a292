"""Spam signals are found in what a comment offers, promotes or asks readers to contact, in
forms the spam head has not seen; not in comments that cite sources, figures and links to
reporting, talk about scams, recommend a book, or mention a TV channel or a subscription."""

from __future__ import annotations

import csv
import dataclasses
import time

import pytest

from conftest import ROOT, shared_path
from moderation.decide.spam_patterns import STRONG, WEAK
from moderation.decide.spam_signals import RULES, MAX_SIGNALS, SpamSignal, find_spam_signals, looks_like_spam, spam_verdict, strength
from moderation.decide.spam_testimonials import CONTACTS, NAMED_CONTACTS, PITCHES

SPAM = [
    # income claims and work from home
    "My aunt pulls in $7,200 a month working part time from her couch. Details at richmom-daily.example",
    "I'm now earning $450 per day online, no experience needed. Ask me how!",
    "Quit my 9-5 last spring and I make over $18k a month from my laptop. It's real, look up cashcafe.example",
    "Earn up to $900 weekly with simple copy-paste tasks: paydaytasks.example/start",
    "Working from home I made $6,310 last month. You can too, click here to find out how.",
    "Tired of low pay? Make money online in your spare time. Sign up today at homeprofit.example",
    "Job vacancy: online data entry, get paid weekly, no experience required. Apply now!",
    "I've been getting paid $85 an hour doing online surveys. Go to surveycash.example to start.",
    "Making $12,000 a month from home is possible. I did it in 3 months. Info here → bit.ly/homecash99",
    "100% working method to earn $200 daily. Reply 'INFO' and I'll send you the details.",
    "Wow, I just received $850 from an online job. Everyone can do it, go here: cash-jobs.example",
    "Stop scrolling and start earning! My cousin makes $95 an hour from home, see how at earnwise.example",
    # loans and grants
    "Bad credit? No problem! Personal loans approved within 15 minutes, visit fastcash-loans.example",
    "We offer business loans at 2% interest to everyone. Email us: loans@quickfund.example",
    "Hi, I am a loan lender offering loans at 3% interest rate. Contact us today.",
    "Urgent loan available! No collateral, bad credit accepted. WhatsApp +1 (302) 555-0184",
    "GOOD NEWS!!! Apply for a $5,000 personal loan today with no credit check at quickloan.example",
    "Are you struggling financially? Get a grant from the government today, apply at freegrants.example",
    # crypto, forex, investment
    "Forex trading with Mrs Helen Carter changed my life, I started with $500 and got $12,400 in two weeks.",
    "Crypto made me over $30,000 this year. Contact my account manager on Telegram @profitmaster_amy",
    "I lost everything to fake brokers until I met Agent Lewis who helped me recover my lost funds. WhatsApp +1 415 555 0199",
    "I invested $1,000 with Mr. Robert Hayes and received $15,000 after 10 days. Contact him via email robert.hayes@mail.example",
    "Join my Telegram group for free forex signals: t.me/forexkings",
    "Earn Bitcoin daily with our AI trading bot. Minimum deposit only $100. Register at aibtc.example",
    # giveaways
    "CONGRATULATIONS!!! You have been selected to receive a $1,000 Costco gift card. Claim your reward at prizes-now.example",
    "You've won a brand new iPhone! Enter your details here: bit.ly/win-ip15",
    "Massive giveaway: free PS5 consoles for the first 100 people, register at gamedrop.example",
    "Get free gift cards every day just for watching videos!",
    "Win a free iPhone 15 Pro! Just share this post and tag 3 friends.",
    # self-promotion
    "Great article!! Please subscribe to my YouTube channel for daily news analysis",
    "sub4sub anyone? I'll subscribe back to everyone who comments",
    "Follow me on Instagram @travelwithjen for more photos like this",
    "Hey everyone, I'm an aspiring rapper, check out my latest track on SoundCloud!",
    "please like and subscribe, it would mean a lot",
    "Help me reach 1000 subscribers before the end of the year!!",
    "I'm a 19 year old singer, please check out my covers on YouTube and subscribe!",
    "New video out now on my channel, go watch it!!",
    "hey guys my band just dropped our first single, stream it on spotify!! link below",
    # contact off the site
    "For a quick job that pays well, contact me on WhatsApp: +44 7700 900123",
    "Need cash fast? DM me for details, link in my bio",
    "Message me on Telegram @easyprofits for the signals group",
    "Thank you Dr. Okoro for bringing my husband back, contact him on WhatsApp +234 803 555 1234",
    "Hi dear, I am Jessica, I saw your profile and want to be friends, email me at jessica_love88@mail.example",
    "Need a hacker? Contact hackerpro on Telegram, we recover accounts, change grades, track phones",
    # pharmacy, diets, dating
    "Buy cheap Cialis online, no prescription needed, discreet shipping worldwide",
    "Keto gummies helped me lose 30 lbs in 4 weeks! Order now: slimfast-keto.example",
    "Do you want to lose belly fat fast? This one weird tip melts 2 lbs a day: slimtip.example",
    "Lonely housewives in your area want to meet you tonight: hotdates.example",
    "Hot singles are waiting to chat with you. Join free: flirtzone.example",
    "I highly recommend this spell caster, he brought my ex back in 3 days",
    # shops and SEO
    "Best cheap car insurance quotes at insurequote.example, compare now!",
    "Professional SEO services: get your website on the first page of Google in 14 days.",
    "Replica Rolex watches 70% off, free shipping: luxurytime.example",
    "Buy 5000 real Instagram followers for $9.99 at growfast.example",
    "Limited time offer! 60% off all designer handbags, shop now at bagdeals.example",
    "Need an essay written? Professional writers, 24/7 support, visit essaypro.example",
    "Call now for a free quote on roof repair: 1-888-555-0172, visit roofpros.example",
    "Watch free movies and TV shows online in HD at freeflix.example",
    # testimonials that give a contact instead of a link
    "Thanks to Coach Miriam I cleared my car loan with Solana in a month. Message Coach Miriam today, you won't regret it.",
    "So sorry for the family. On another note, Agent Harold Finch got all my stolen crypto back in a week. "
    "Email him: harold.finch.recovery@mail.example",
    "I owe my new house to Mr. Gideon Vale, who manages my trades. Text him on +1 (604) 555-0138 for guidance.",
    "After losing $22,000 to a fake trading app, I was scammed again before Ms. Rowena Lake recovered my funds. "
    "Her WhatsApp: +1 (250) 555-0144",
    "Great article. I want to use this medium to appreciate Mama Kemi, the powerful herbalist who cured my diabetes. "
    "Reach her on kemiherbs@mail.example",
    "My wife walked out on me last spring. Dr. Osaze cast a spell and she came home in 72 hours. Call him +234 805 555 0110",
    "Need to catch a cheating spouse or change your school grades? A private hacker named Viktor can do it. viktorhacks@mail.example",
    "Do you need a business or personal loan? Fast approval, low interest, no collateral. Email quickfund.agent@mail.example",
    "Mrs. Delia Marsh gave me a loan when my bank said no. Contact her now on delia.marsh.loans@mail.example",
    # income stories and offers without a shop word
    "Honestly the economy is rough, but I clear $6,400 a month working from my couch. Message me for details.",
    "I'm a stay at home dad who makes $310 a day on my laptop. Ask me how.",
    "Amazon is paying $48 per hour for simple tasks. Last week my paycheck was $9,812. See jobs-amazon-home.example",
    "Cash App flip! Send $200 and get $2,000 back in an hour. DM me.",
    "Claim 300 free spins and a $1,500 welcome bonus today at northernspins.example",
    "For the best drywall repair in Winnipeg visit wpgdrywall.example",
    "I wrote a longer piece about this on my blog: condo-truths.example",
    # e-mail addresses spelled out, and the domains reserved for tests
    "A herbalist named Mama Tolu cleared my psoriasis in a month. Write to her: mamatolu at gmail dot com",
    "Personal loans at 2% interest, approval in 24 hours. okafor.debt(at)mail(dot)com",
    "Trusted loan lender, fast approval, low interest: lendfast(at)example(dot)test",
    "Get 5,000 real followers overnight, cheapest prices. Order now at instafans-fast.test",
]

NOT_SPAM = [
    # sources, figures and links to reporting
    "The budget was $4.5 billion, see https://www.cbc.ca/news/politics/budget-2024-1.7165432 for the breakdown.",
    "StatsCan says wages rose 3% a year, which barely keeps up with rents.",
    "According to the auditor's report, the project ran $312 million over budget.",
    "The original study is here: https://www.nature.com/articles/s41586-023-06000-1",
    "Read the council minutes yourself: https://www.toronto.ca/legdocs/mmis/2023/ex/bgrd/backgroundfile-240123.pdf",
    "Read the full decision here: https://decisions.scc-csc.ca/scc-csc/scc-csc/en/item/19952/index.do",
    "The Fraser Institute report is on their site, fraserinstitute.org, if anyone wants to check the numbers.",
    "Loan approvals at the big banks dropped by 12% last quarter, see the Bank of Canada data.",
    "Teachers were offered 1% a year; the union wanted 4%.",
    "Gas went from $1.40 to $1.90 a litre in a month. Explain that, oil companies.",
    # wages, salaries and money in the news
    "I make $22 an hour and rent takes half of it. The minimum wage debate misses that.",
    "I've been getting paid $17 an hour for the same job for six years while rents doubled.",
    "Teachers here earn about $95,000 a year after ten years, according to the union's own figures.",
    "The premier makes $208,000 a year plus expenses, more than most of his counterparts.",
    "My neighbour makes $30 an hour as an electrician and still can't afford a house in this city.",
    "My wife and I make about $120,000 a year combined and we still can't buy.",
    "He made $4 million last year as CEO while laying off 300 workers.",
    "I received $850 from the CRA after my tax return was reassessed, two years late.",
    "Investing $10,000 in an index fund in 2010 would have tripled by now.",
    # talk about scams and spam
    "My mother got a text saying she had won a $1,000 gift card. It was a scam, of course.",
    "Beware of these crypto scams: nobody gives you 40% returns every week.",
    "These loan sharks advertise 'bad credit OK, approval in 15 minutes' and then charge 60% interest.",
    "The comments under every article are full of spam about making $500 a day from home.",
    "Anyone who falls for 'you have been selected to win an iPhone' deserves a lesson, honestly.",
    "The CRA will never ask you to pay in gift cards or bitcoin.",
    "Anyone who says you can lose 2 lbs a day is lying to you.",
    # books, articles, recommendations
    "If you want to understand the housing crisis, read 'The Case for Housing' by Mike Moffatt. Highly recommend it.",
    "There is a great book on this, Doughnut Economics by Kate Raworth. Worth the read.",
    "Check out the Globe's investigation from last year, it covered exactly this.",
    "Great interview. I shared it with my book club.",
    # TV channels and subscriptions
    "CBC News Network is the only channel I watch anymore.",
    "I switched channels after five minutes of that interview.",
    "You can watch the whole debate on CPAC's YouTube channel.",
    "I've been a subscriber to this paper for 30 years and this editorial made me cancel.",
    "Please subscribe to your local paper, journalism costs money.",
    "I subscribe to the Star and the Globe and neither covered this properly.",
    "Subscribe to the idea that government can fix everything and you'll be disappointed.",
    # ordinary talk that brushes against the forms
    "Free tuition would cost less than the corporate tax cuts, look at the PBO numbers.",
    "The government offered a loan guarantee to the company, which is a terrible deal for taxpayers.",
    "If you need a loan to buy groceries, something is very wrong with the economy.",
    "Follow the money and you'll see who benefits from this contract.",
    "My son works from home three days a week and his productivity went up.",
    "Please share this article with your MP, they need to read it.",
    "Click on the link in the article and you'll see the figures don't match.",
    "Congratulations to the team, they won the championship fair and square.",
    "Thanks Mr. Ford, another billion for a highway nobody asked for.",
    "The women in my area are waiting years for a family doctor.",
    "I called 1-800-268-8228 three times and nobody at the agency picked up.",
    "Order now, pay later: that's how the province runs its books.",
    "The 30% off sale at the Bay was the only good news this week.",
    "Email the minister at minister@example.gc.ca and tell her what you think.",
    "Hurry up and pass the bill before the session ends.",
    "Hackers stole the data of 3 million customers, according to the company.",
    # readers' stories, warnings and quoted scams beside the testimonial forms
    "Scammers post 'thanks to Coach Miriam I paid off my loan, message Coach Miriam now' under every story. Report them.",
    'These sections fill up with "Dr. Osaze brought my husband back, contact him on WhatsApp". Ignore it, it is always a scam.',
    "My aunt lost $9,000 to a 'recovery agent' who promised to get her crypto back. The police say the second scam is common.",
    "The court heard the fraudster told victims to contact him on WhatsApp and send gift cards.",
    "Reach out to Dr. Farah Aziz, she studies housing policy at McGill: farah.aziz@mcgill.example",
    "Thanks to Mr. Ford I pay twice as much for my licence plate. Write to him at doug@ontariopc.example and complain.",
    "If you are in crisis, call 1-833-456-4566 or email help@crisisline.example, someone will answer.",
    "I made $900 a week working from home during the lockdowns, then my job moved back downtown.",
    "Hackers for hire are a growing problem, the RCMP says in the report.",
    "A legit lender would never ask you to pay fees upfront by gift card.",
    "Private lenders are filling the gap at 12% interest, which says a lot about the banks.",
    "I paid off my mortgage by working two jobs for a decade, no magic.",
    "Thank you Dr. Lam for your years at the clinic, you helped my whole family.",
    "My daughter makes $31 an hour as an electrician and she's hiring apprentices.",
    "He claims a spell of bad luck cost him the election.",
    "My uncle lost everything at pets dot com in 2000, the dot com bubble was brutal.",
    "I failed the driving test. Test centres here book three months out.",
    "The article's link to shelter-finder dot org is helpful, thank you.",
    "Loved the recipe in this piece. If anyone wants my grandmother's version, write to me at kate.m at gmail dot com",
]


@pytest.mark.parametrize("text", SPAM)
def test_spam_in_forms_the_model_has_not_seen_is_found(text):
    signal = looks_like_spam(text)
    assert signal is not None, (text, find_spam_signals(text))
    assert strength(signal) in {STRONG, WEAK} and signal.kind != "link_drop"
    assert signal.text == text[signal.start : signal.end] and signal.text.strip()


@pytest.mark.parametrize("text", NOT_SPAM)
def test_news_comments_with_sources_figures_and_talk_about_scams_are_not_spam(text):
    assert looks_like_spam(text) is None, find_spam_signals(text)


@pytest.mark.parametrize(("text", "kind", "pattern", "found"), [
    ("I make $5,000 a week from home!", "money_offer", "income from home", "I make $5,000 a week from home"),
    ("Bad credit OK, apply today.", "loan_or_crypto", "loan offer", "Bad credit OK"),
    ("Subscribe to my new channel please", "self_promotion", "subscribe to my channel", "Subscribe to my new channel"),
    ("WhatsApp +1 202 555 0147 for details", "contact_off_site", "messaging app number", "WhatsApp +1 202 555 0147"),
    ("Reach her on WhatsApp now", "contact_off_site", "contact on a messaging app", "Reach her on WhatsApp"),
    ("You have won a $500 voucher", "giveaway", "you have won", "You have won a $500"),
    ("Cheap Viagra online!", "pharmacy", "pills without prescription", "Cheap Viagra"),
])  # fmt: skip
def test_the_kind_pattern_and_span_name_what_the_moderator_reads(text, kind, pattern, found):
    signal = looks_like_spam(text)
    assert (signal.kind, signal.pattern, signal.text) == (kind, pattern, found)


def test_a_link_alone_is_not_spam_and_a_link_to_reporting_is_no_link_drop():
    assert looks_like_spam("https://www.somesite.example/page") is None
    assert [s.pattern for s in find_spam_signals("See zonepa.com and bit.ly/x1y2 and www.shop.example/?ref=77")] == [
        "link", "short link", "referral link"]  # fmt: skip
    for reporting in ("https://www.cbc.ca/news/canada/x-1.7012345", "https://data.example.gov/rates", "www.thestar.com/opinion/a.html",
                      "https://www.city.example/reports/2023/budget.pdf", "https://en.wikipedia.org/wiki/Ferry"):  # fmt: skip
        assert find_spam_signals(reporting) == [], reporting
        assert looks_like_spam("Click here for the details: " + reporting) is None


def test_a_weak_signal_needs_a_second_one_or_a_link():
    assert looks_like_spam("Click here.") is None
    assert looks_like_spam("Click here: winbig.example").pattern == "click here"
    assert looks_like_spam("Free shipping on everything. Order now!").pattern == "sale pitch"
    assert looks_like_spam("Click here. Click here.") is None  # the same words twice are one signal


def test_what_is_reported_quoted_or_called_a_scam_is_not_sent():
    assert find_spam_signals("I got an email saying you have been selected to win a gift card.") == []
    assert find_spam_signals('The flyer read "bad credit ok, apply today".') == []
    assert find_spam_signals("Bad credit OK loans are a scam.") == []
    assert looks_like_spam("This is not a scam: bad credit OK, apply at loans.example") is not None


def test_a_story_for_a_person_or_service_is_spam_beside_a_way_to_reach_them_and_not_alone():
    story = "Thanks to Coach Ines I paid off my student loans."
    assert [s.pattern for s in find_spam_signals(story)] == ["thanks to an expert"] and looks_like_spam(story) is None
    assert looks_like_spam(story + " Email ines.fx@mail.example").pattern == "thanks to an expert"
    assert looks_like_spam(story + " Her friend Dr. Bo cured my asthma with herbal medicine.") is None  # two stories, no contact
    assert looks_like_spam("Call 1-800-555-0134 or email help@support.example.") is None  # two ways to reach, no story
    assert looks_like_spam("Message Coach Ines now: ines.fx@mail.example").pattern == "contact a named hero"
    assert looks_like_spam("Reach out to Dr. Ines Roy: ines.roy@mail.example") is None  # anyone's title, no story
    assert {"email address", "phone number to call"} <= CONTACTS and "contact a named hero" in NAMED_CONTACTS
    assert {"thanks to an expert", "recovered funds", "healer", "hacker service", "loan terms"} <= PITCHES


def test_a_title_does_not_end_the_sentence_that_quotes_or_reports_a_scam():
    quoted = 'Spam like "thanks to Dr. Ade who brought my wife back, contact him on WhatsApp" is everywhere.'
    assert find_spam_signals(quoted) == []
    assert looks_like_spam("The scammer said: 'Mr. Obi will recover your funds, contact him on WhatsApp'. Classic.") is None
    rescued = "I was scammed twice before Mrs. Ada recovered my funds, contact her on WhatsApp +1 202 555 0190"
    assert looks_like_spam(rescued).pattern == "contact on a messaging app"  # the story takes back its own talk of scams
    assert looks_like_spam("I was scammed twice, contact my bank on WhatsApp +1 202 555 0190 and ask") is None


def test_self_promotion_is_spam_even_when_it_apologises_for_the_spam():
    assert looks_like_spam("Sorry for the spam, but please check out my music channel").kind == "self_promotion"


def test_looks_like_spam_reads_the_signals_find_spam_signals_finds():
    for text in SPAM + NOT_SPAM:
        assert looks_like_spam(text) == spam_verdict(find_spam_signals(text)), text


def test_spans_are_those_of_the_original_text_whatever_its_characters():
    text = "\U0001F6A8\U0001F6A8SUBSCRIBE TO MY CHANNEL \u2014 caf\u00e9 \u0130stanbul \u2019 I\u2019ll sub back\ufeff"
    found = find_spam_signals(text)
    assert [s.pattern for s in found] == ["subscribe to my channel", "sub for sub"]
    assert all(s.text == text[s.start : s.end] for s in found)


def test_every_rule_has_a_known_kind_one_strength_per_name_and_no_anchor_the_split_cannot_see():
    kinds = {"money_offer", "call_to_action", "self_promotion", "contact_off_site", "testimonial", "loan_or_crypto", "giveaway",
             "pharmacy", "dating", "seo", "shop"}  # fmt: skip
    strengths: dict[str, set[int]] = {}
    for spam_rule in RULES:
        assert spam_rule.kind in kinds and spam_rule.strength in {STRONG, WEAK}, spam_rule.name
        assert all(not any(c in word for c in ".,!?;:()/'\"") for word in spam_rule.anchors), spam_rule.name
        strengths.setdefault(spam_rule.name, set()).add(spam_rule.strength)
    assert all(len(found) == 1 for found in strengths.values())  # a signal's strength is read off its pattern's name


def test_a_long_comment_is_read_in_pieces_and_its_spans_stay_its_own():
    text = "The council met on Tuesday about the ferry budget. " * 200 + "Questions? DM me. " + "More about ferries. " * 200
    signal = looks_like_spam(text + " Details: quickcash.example")
    assert signal is not None and signal.text == "DM me" == text[signal.start : signal.end]
    assert looks_like_spam(text) is None  # a weak signal alone, even in a long comment


def test_nothing_to_find_in_nothing_and_a_signal_is_a_frozen_record():
    assert find_spam_signals("") == [] == find_spam_signals("   \n ") == find_spam_signals("Thanks for the balanced article.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        SpamSignal("link_drop", 0, 1, "x", "link").start = 2  # type: ignore[misc]


HOSTILE = [
    "a" * 1_000_000,
    " " * 1_000_000,
    "subscribe " * 100_000,
    "subscribe to my channel " * 40_000,
    "channel " * 125_000,
    "I make $1 a day " * 60_000,
    "$5 a week " * 100_000 + " from home",
    "+1234567890123 " * 65_000,
    "@" * 1_000_000,
    "email me at a" * 75_000 + "@",
    "a.com" * 200_000,
    "a . com " * 125_000,
    "http://" * 140_000,
    "a dot com " * 100_000,
    "a" * 1_000_000 + " dot com",
    "/" * 1_000_000,
    '"' * 500_000 + " bad credit ok",
    "\U0001F6A8" * 1_000_000,
    "like and " * 110_000,
    "my " * 330_000 + "channel",
    "scam bad credit ok " * 52_000,
    "women near you hot " * 52_000,
    "subscribe loan bitcoin whatsapp click here free iphone $500 a week from home http://x.example " * 11_000,
    "A long, ordinary comment about the ferry timetable and the council budget, with no spam in it. " * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=lambda text: repr(text[:12]))
def test_a_megabyte_of_hostile_text_takes_well_under_a_second(text):
    looks_like_spam("warm the compiled rules: subscribe to my channel")
    began = time.perf_counter()
    found = find_spam_signals(text)
    verdict = looks_like_spam(text)
    assert time.perf_counter() - began < 1.0
    assert len(found) <= MAX_SIGNALS
    assert all(text[s.start : s.end] == s.text for s in found)
    assert verdict is None or verdict.text == text[verdict.start : verdict.end]


def test_the_projects_own_news_spam_is_found_and_its_news_comments_are_not():
    """data/spam/news_spam.csv is the spam head's training set: the rule, written apart from
    it, finds nearly all its spam and none of its comments citing sources."""
    with open(ROOT / "data" / "spam" / "news_spam.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    spam = [row["text"] for row in rows if row["spam"] == "spam"]
    ham = [row["text"] for row in rows if row["spam"] != "spam"]
    assert sum(looks_like_spam(text) is not None for text in spam) >= 0.95 * len(spam)
    assert [text for text in ham if looks_like_spam(text)] == []


@pytest.mark.shared
def test_few_news_comments_are_flagged():
    """On the C3 news comments (hardly any of which are spam) the rule fires on well under
    0.5% of them."""
    with open(shared_path("datasets", "c3", "c3_train.csv"), newline="", encoding="utf-8") as file:
        comments = [row["comment_text"] for row in csv.DictReader(file)]
    flagged = sum(1 for comment in comments if looks_like_spam(comment))
    assert len(comments) > 9000 and flagged / len(comments) < 0.005


LURES = [
    # phishing: an account in danger, and where to save it
    "Your account will be suspended within 24 hours. Verify your details at secure-login.example to keep access.",
    "Your Netflix membership is on hold, update your payment info at billing-help.example",
    "If this wasn't you verify now at appleid-check.example",
    "Your Windows license has expired, call Microsoft support at 1-888-555-0177 immediately",
    # homework mills, keyword lists and forum markup
    "Pay someone to write my essay? We got you! Plagiarism free papers delivered on time. essaypros.example",
    "do my homework for me, take my online class, take my exam, hire a tutor: classhelpers.example",
    "plumber toronto, emergency plumber, drain cleaning toronto, water heater repair, best plumber near me https://plumb-to.example",
    "[url=https://dating-hot.example]meet singles[/url] and [url=https://dating-hot.example]free dating site[/url]",
    # payouts, flips, referral codes, mining apps
    "The new stimulus payment is available, claim your $1,400 now at stimulus-claim.example",
    "Send $50 to my Cash App and I will send back $500 in one hour, only 10 spots",
    "I'm blessing 20 people with $500 today on Cash App, comment your $cashtag below",
    "Use my referral code MONEY10 on the app and get a free stock",
    "Open a bank account with my invite link and get a bonus",
    "I earn free bitcoin daily with this mining app, no investment needed. Invite code: X7K2P",
    "Start mining ethereum from your phone today! Free app download at ethminer.example",
    # odd grammar, letters spaced out, short pleas to see a site
    "My friend sister is getting 97$ every hour by working on laptop. This is what i do cashwork.example",
    "Hello everybody I am make money $5000 weekly at home by online working. you can try to do also",
    "Part time job available, salary 3000-5000 per day, interested contact on W.h.a.t.s.A.p.p +91 98765 12345",
    "Add me on Wh@tsApp for investment opportunity",
    "visit w w w . bestdeals . com for great deals",
    "good info, please visit ours: shopnow.example",
    "I really enjoy reading your article, keep it up. My site is http://mysite.example",
    # profiles, channels, recovery, odd offers
    "Looking for fun tonight? My pics are on my profile, message me ;)",
    "Nudes in my profile, don't report pls",
    "Any sugar babies here? I'm a rich man looking for someone to spoil. Kik me: daddy_rich",
    "If you love this song, you will love my cover of it, go check it out",
    "Hey guys, I just started a channel about cooking, would mean a lot if you check it out!",
    "If you have been scammed, RecoveryPro can get your money back. Email: recoverypro@mail.example",
    "Want to get your Instagram account back? Contact @ig_recovery_team, they restored mine in 2 hours",
    "Buy IELTS certificate without exam, contact +44 7700 900456",
    "I'm giving away my old PS5 for free, just need you to pay shipping, message me",
]

NOT_LURES = [
    "My bank sent me a text saying my account would be suspended unless I verified at some link. Obviously phishing.",
    "Remember: no real bank will ever ask you to \"verify your account\" through a link in a text message.",
    "If your account is locked, call the number on the back of your card, not one in an email.",
    "Please update your payment info on the city website before the parking permit deadline.",
    "Universities in the UK have banned essay writing services, and Canada should too.",
    "Free tuition, free dental care, free pharmacare, free childcare. Who pays for all of it?",
    "Check your eligibility for the Canada Child Benefit on the CRA website.",
    "Use my code? No thanks, I'll use my own judgement about these apps.",
    "Cash App flips are always a scam. Nobody sends you $500 for $50.",
    "Celebrity deepfake ads showing Elon Musk giving away bitcoin are everywhere on YouTube.",
    "Pi Network is a pyramid scheme disguised as a mining app. Read the report from the BBC.",
    "My daughter earned $15 an hour from home tutoring during COVID, on her laptop, and it was honest work.",
    "Honestly the spaced-out \"W.h.a.t.s.A.p.p\" spam is funny at this point.",
    "w w w dot nothing dot com is what my dad types into Google. Bless him.",
    "My son started a channel about trains and has 12 subscribers. I'm proud of him.",
    "The crypto recovery services advertised on Google are scams, every one of them.",
    "Anyone who says they can recover your lost crypto for a fee is running a second scam.",
    "You can read the court decision yourself at canlii.org, it's public.",
    "Passports for sale on the dark web is what the police found in the raid.",
    "<a href=\"http://www.youtube.example/watch?v=KQ6zr6kCPj8&amp;t=2m19s\">2:19</a> best part",
]


@pytest.mark.parametrize("text", LURES)
def test_lures_that_name_no_income_and_no_hero_are_spam(text):
    assert looks_like_spam(text) is not None


@pytest.mark.parametrize("text", NOT_LURES)
def test_warnings_and_news_about_those_lures_are_not(text):
    assert looks_like_spam(text) is None


def test_the_rule_named_is_the_same_whatever_the_hash_seed():
    # Two rules match this span; which one was named followed the order of a set of words,
    # which changes with Python's hash seed: the same comment read differently per process.
    import subprocess
    import sys

    script = ("from moderation.decide.spam_signals import find_spam_signals as f; print([(s.pattern, s.start, s.end) for s in f("
              "'Check your eligibility for the Winter Fuel Payment on the official government website only, not via links.')])")
    named = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3, 4)}
    assert len(named) == 1 and "claim a payout" in named.pop()


def test_compile_all_leaves_every_anchor_compiled_for_a_service():
    from moderation.decide import spam_signals

    spam_signals.compile_all()
    assert spam_signals._anchor_rules.cache_info().currsize == len(spam_signals._indexed().anchors) > 100
