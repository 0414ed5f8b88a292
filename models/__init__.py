"""Models shipped with the package (installed as `moderation._models`): `default/` is the
fast lexical bundle and `accurate/` the one that also reads the sentence encoder in
`encoder/`; `make model` builds both from the shared datasets."""
