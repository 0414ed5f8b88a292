"""News-style spam and the comments that look like it but are not, written for this
project: `news_spam.csv` (training) and `news_spam_test.csv` (held out: other templates,
other fillers), both from templates below with a fixed seed.

    python data/spam/make_spam.py

Spam on news sites: money from home, loans, crypto and investment tips, SEO and shop links,
giveaways, dating and pills, copy-paste promotions. Not spam: comments that cite sources,
figures and links to reporting, as readers of news do.
"""

from __future__ import annotations

import csv
import itertools
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 13

FILL = {
    "money": ["$5000 a week", "$350 a day", "£4,800 a month", "$92 an hour", "over $12k a month", "€600 a day"],
    "site": ["easy-cash-now.example", "workfromhome-today.example", "bit.ly/3xQ9rich", "quickprofit.example/join",
             "cheap-loans4u.example", "get-paid-daily.example", "tinyurl.com/cashflow77", "mega-deals.example/shop"],
    "coin": ["Bitcoin", "a new crypto token", "forex signals", "an AI trading bot", "gold futures"],
    "prize": ["an iPhone 16", "a $1000 gift card", "free PS5 consoles", "a trip to Dubai", "$500 in vouchers"],
    "product": ["weight loss pills", "cheap Ray-Ban sunglasses", "replica watches", "diet tea", "hair growth serum"],
    "name": ["Mrs Sandra", "Dr. Williams", "Agent Mike", "Linda Johnson", "Mr. Kelvin"],
    "topic": ["the ferry cuts", "the housing plan", "the school closures", "the hospital budget", "the new bus lanes"],
    "source": ["the council's own minutes", "Statistics Canada's 2021 census", "the auditor's report", "last year's budget",
               "the transit authority's ridership table"],
    "figure": ["41 %", "12,400 households", "$3.2 million", "one in five riders", "down 18 % since 2019"],
    "link": ["https://www.cbc.ca/news/canada/ferry-schedule-1.712", "https://www.statcan.gc.ca/census/2021",
             "https://www.theglobeandmail.com/canada/article-housing-plan", "https://council.example.gov/minutes/2026-11"],
}

FILL_TEST = {
    "money": ["$7,500 a month", "$220 a day", "£900 a week", "$15k a month"],
    "site": ["fastmoneyclub.example", "cutt.ly/earnbig", "loans-approved.example/apply", "winner-claims.example",
             "rx-discount.example", "dating-near-you.example"],
    "coin": ["Ethereum", "a crypto mining app", "binary options"],
    "prize": ["a Samsung Galaxy", "a $750 Walmart card", "free AirPods"],
    "product": ["Viagra", "keto gummies", "designer handbags"],
    "name": ["Mrs Abigail", "Coach Daniel", "Dr. Patricia"],
    "topic": ["the library hours", "the water rates", "the stadium deal"],
    "source": ["the province's open data portal", "the city's 2025 annual report", "the school board's own survey"],
    "figure": ["27 %", "8,900 residents", "$740,000", "two in three parents"],
    "link": ["https://www.bbc.co.uk/news/uk-england-61234567", "https://data.example.gov/water-rates-2026",
             "https://www.nytimes.com/2026/10/02/nyregion/stadium.html"],
}
"""The held-out set's own fillers: other sites, sums, names and sources than training's."""

SPAM_TRAIN = [
    "I make {money} working from home on my laptop. Start today at {site}",
    "My neighbour earns {money} online and now I do too!!! Visit {site} and thank me later",
    "Need a loan fast? Bad credit OK, approval in 10 minutes at {site}",
    "Stop reading news and start earning. {coin} made me {money}, see how at {site}",
    "Congratulations! You have been selected to win {prize}. Claim it now: {site}",
    "Best {product} at 80% off, free shipping worldwide, order at {site}",
    "I was broke until {name} showed me how to trade {coin}. Contact {name} on WhatsApp, life changing!!",
    "Check out my channel and subscribe, I post daily deals on {product}: {site}",
    "Limited offer!!! Only today: {product} for half price. Order now {site}",
    "Want to meet lonely women near you? Free registration tonight at {site}",
    "Act fast: investors are making {money} with {coin}. Register free before it closes: {site}",
    "You have won {prize}! To receive your reward, enter your details at {site}",
    "Cheap {product}, no prescription needed, fast discreet delivery: {site}",
    "Great article. By the way, I earn {money} part time online, google {site} to see how.",
    "Guaranteed loan for everyone, no credit check, money in your account today. Apply at {site}",
    "SEO services for your business: first page of Google in 7 days, cheap! {site}",
]
SPAM_TEST = [
    "Earn {money} from home, no experience needed. Sign up free: {site}",
    "URGENT: last 3 spots left to make {money} with {coin}. Join before midnight at {site}",
    "Hot singles in your area want to meet you tonight, click {site}",
    "FREE {prize} for the first 100 readers who register at {site} !!!",
    "Thanks to {name} I paid off my mortgage with {coin}. Message {name} now, you won't regret it.",
    "Buy {product} without prescription, discreet delivery, best price at {site}",
]
HAM_TRAIN = [
    "According to {source}, ridership on the route is {figure}, so the cut to {topic} is not what the article says. {link}",
    "The figures are public: {source} puts it at {figure}. Worth reading before we argue about {topic}: {link}",
    "I checked {source} and the number is {figure}. The reporter should have said where the article's number came from.",
    "For anyone who wants the detail on {topic}, the original report is here: {link}. Page 12 has the table.",
    "The article says {figure}, but {source} shows something different. Can the paper publish its source?",
    "My rent went up {figure} this year. {source} says the same for most of the city, so {topic} matters.",
    "The paper covered this last year too: {link}. Back then the figure was {figure}, according to {source}.",
    "Free bus passes for seniors would cost less than {topic}. {source} has the numbers: {figure}.",
    "If you want to check the claim about {topic}, the data is online at {link}, and it shows {figure}.",
    "The offer the council made on {topic} is in {source}. Read it yourself rather than take my word: {link}",
]
HAM_TEST = [
    "Good piece. The background on {topic} is in {source} ({link}), which says {figure}.",
    "Before anyone blames the mayor for {topic}, read {source}: the drop was {figure} before she took office.",
    "The reporter links to {link}, and the numbers there ({figure}) support the headline about {topic}.",
    "Where does {figure} come from? {source} gives a different number for {topic}.",
]


def expand(templates: list[str], label: str, per_template: int, rng: random.Random, prefix: str,
           fill: dict[str, list[str]] = FILL) -> list[dict[str, str]]:  # fmt: skip
    rows = []
    for number, template in enumerate(templates, start=1):
        names = [name for name in fill if "{" + name + "}" in template]
        choices = list(itertools.product(*(fill[name] for name in names)))
        rng.shuffle(choices)
        for values in choices[:per_template]:
            rows.append({"text": template.format(**dict(zip(names, values, strict=True))), "spam": label,
                         "group": f"news_spam:{prefix}{number}", "source": "news_spam"})  # fmt: skip
    return rows


def main() -> None:
    rng = random.Random(SEED)
    train = expand(SPAM_TRAIN, "spam", 12, rng, "s") + expand(HAM_TRAIN, "ham", 16, rng, "h")
    test = expand(SPAM_TEST, "spam", 8, rng, "ts", FILL_TEST) + expand(HAM_TEST, "ham", 8, rng, "th", FILL_TEST)
    for name, rows in (("news_spam.csv", train), ("news_spam_test.csv", test)):
        with (HERE / name).open("w", newline="", encoding="utf-8") as stream:
            writer = csv.DictWriter(stream, fieldnames=["text", "spam", "group", "source"], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
