# The shipped default model, rebuilt from the shared datasets beside the checkout.
#   make model    prepare the datasets, train models/default, record held-out figures
SHARED ?= ../shared
PREPARED ?= build/prepared
PYTHON ?= python

.PHONY: model data heldout
data:
	mkdir -p $(PREPARED)
	for set in c3 davidson olid arc fnc1; do \
	  moderation data prepare $$set $(SHARED)/datasets/$$set -o $(PREPARED)/$$set.parquet --force || exit 1; \
	done

model: data
	moderation train $(PREPARED)/c3.parquet $(PREPARED)/davidson.parquet $(PREPARED)/olid.parquet \
	  $(PREPARED)/arc.parquet $(PREPARED)/fnc1.parquet -o models/default --force
	$(MAKE) heldout

heldout:
	$(PYTHON) benchmarks/quality.py --shared $(SHARED) --attach models/default
