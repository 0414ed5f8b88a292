"""The moderation desk: a scored queue in SQLite, reviewed in a browser, every decision
kept as a label (`store`), served by `app` (`moderation desk`)."""
