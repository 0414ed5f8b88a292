"""Decisions: the site's policy and the moderator that turns scores into publish, hold or
reject, each with its named reasons.

Owns the policy settings and the model-free rules (`policy`), banned and suspect terms
matched through obfuscation (`terms`), and `moderator.Moderator`, which runs the rules,
then the model, and remembers authors for the repeat and flood rules.

May import: `learn` (to load a model), `features`, `io`, `moderation.errors`,
`moderation.records`.
"""
