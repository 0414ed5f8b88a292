"""Models shipped with the package (installed as `moderation._models`): `default/` is the
bundle `make model` builds from the shared datasets."""
