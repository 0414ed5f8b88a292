# The shipped default model, rebuilt from the shared datasets beside the checkout.
SHARED ?= ../shared/datasets
PREPARED ?= build/prepared

.PHONY: model data
data:
	mkdir -p $(PREPARED)
	for set in c3 davidson olid arc fnc1; do \
	  moderation data prepare $$set $(SHARED)/$$set -o $(PREPARED)/$$set.parquet --force || exit 1; \
	done

model: data
	moderation train $(PREPARED)/c3.parquet $(PREPARED)/davidson.parquet $(PREPARED)/olid.parquet \
	  $(PREPARED)/arc.parquet $(PREPARED)/fnc1.parquet -o models/default --force
