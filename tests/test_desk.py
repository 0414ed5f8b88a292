"""The moderation desk: its database keeps every decision, and a real browser (Playwright
driving Debian's chromium) clears a queue with the keyboard, undoes, and never runs
script from a comment."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from moderation.desk.store import Conflict, DeskStore

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = [
    "<script>window.__pwned = 1</script>", "<img src=x onerror=\"window.__pwned = 1\">", "<a href=\"javascript:window.__pwned=1\">x</a>",
    "\"><svg onload=window.__pwned=1>", "</textarea><script>window.__pwned=1</script>", "{{ 7*7 }} {% raw %}", "<iframe src=javascript:alert(1)>",
    "' onmouseover='window.__pwned=1", "<style>*{display:none}</style>", "<b>unclosed <i>markup",
] + [f'{breaker}<{tag} {handler}="window.__pwned=1">' for breaker, tag, handler in zip(
    ["", "\"/>", "'>", "</span>", "-->"] * 8,
    ["img src=x", "svg", "body", "details open", "video src=x", "audio src=x", "input autofocus", "marquee"] * 5,
    ["onerror", "onload", "onfocus", "ontoggle", "onmouseover"] * 8, strict=False)][:40]  # fmt: skip
"""Fifty payloads: script, event handlers on many tags, javascript: URLs, quotes and
comments that try to break out of an attribute or an element, template syntax."""


def _record(i: int, text: str, author: str = "reader", title: str = "Ferry cuts", action: str = "hold") -> dict:
    uncivil = 0.4 + (i % 5) / 10
    return {"id": str(i), "text": text, "author": author, "article_title": title, "action": action, "reasons": [],
            "scores": {"civility": {"civil": 1 - uncivil, "uncivil": uncivil}}, "predicted": {"civility": "uncivil"},
            "explain": {"civility": {"uncivil": [["'idiot'", 2.5]]}}, "model": "default@test", "policy_hash": "abc"}  # fmt: skip


def test_every_decision_is_a_new_row_and_undo_names_what_it_undoes(tmp_path):
    store = DeskStore(tmp_path / "desk.sqlite")
    store.add([_record(1, "You idiot."), _record(2, "Fine piece.")])
    first = store.queue()[0]
    store.decide(first["id"], "reject", None, "ana", reason="abuse")
    store.decide(first["id"], "civility", "uncivil", "ana")
    after = store.undo(first["id"], "ana")
    assert after["decision"] == "reject" and after["labels"] == {}  # the label was the latest: it is undone
    history = store.history(first["id"])
    assert [row["kind"] for row in history] == ["reject", "civility", "undo"] and history[2]["undoes"] == history[1]["id"]
    assert history[0]["model"] == "default@test" and json.loads(history[0]["scores"])["civility"]["uncivil"] > 0


def test_an_action_on_a_comment_someone_else_changed_is_a_conflict(tmp_path):
    store = DeskStore(tmp_path / "desk.sqlite")
    store.add([_record(1, "text")])
    seen = store.comment(1)["seen"]
    store.decide(1, "approve", None, "ana", seen=seen)
    with pytest.raises(Conflict):
        store.decide(1, "reject", None, "ben", seen=seen)
    assert [row["kind"] for row in store.history(1)] == ["approve"]


def test_two_moderators_at_once_lose_and_duplicate_nothing(tmp_path):
    path = tmp_path / "desk.sqlite"
    DeskStore(path).add([_record(i, f"comment {i}") for i in range(50)])

    def work(name: str) -> None:
        store = DeskStore(path)  # a connection of its own, as a second desk process has
        for n in range(200):
            store.decide(1 + n % 50, "skip", None, name)

    threads = [threading.Thread(target=work, args=(name,)) for name in ("ana", "ben")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    rows = sqlite3.connect(path).execute("SELECT moderator, COUNT(*), COUNT(DISTINCT id) FROM decisions GROUP BY moderator").fetchall()
    assert sorted(rows) == [("ana", 200, 200), ("ben", 200, 200)]


def test_export_writes_the_labels_as_a_training_table(tmp_path):
    store = DeskStore(tmp_path / "desk.sqlite")
    store.add([_record(1, "You idiot."), _record(2, "Fine piece."), _record(3, "unreviewed")])
    store.decide(1, "civility", "uncivil", "ana")
    store.decide(2, "civility", "civil", "ana")
    store.decide(2, "stance", "agree", "ana")
    done = subprocess.run([sys.executable, "-m", "moderation", "desk", "export", "--db", str(tmp_path / "desk.sqlite"),
                           "-o", str(tmp_path / "labels.csv")], capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stderr
    import pandas as pd

    table = pd.read_csv(tmp_path / "labels.csv")
    assert list(table["civility"]) == ["uncivil", "civil"] and table["stance"].tolist()[1] == "agree"


def test_a_newer_database_and_a_missing_token_are_refused(tmp_path):
    path = tmp_path / "desk.sqlite"
    DeskStore(path).connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    done = subprocess.run([sys.executable, "-m", "moderation", "desk", "--db", str(path)], capture_output=True, text=True)
    assert done.returncode == 65 and "newer moderation" in done.stderr
    env = {key: value for key, value in os.environ.items() if key != "MODERATION_DESK_TOKEN"}
    done = subprocess.run([sys.executable, "-m", "moderation", "desk", "--db", str(tmp_path / "b.sqlite"), "--host", "0.0.0.0"],
                          capture_output=True, text=True, env=env)  # fmt: skip
    assert done.returncode == 2 and "MODERATION_DESK_TOKEN" in done.stderr


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def desk(tmp_path):
    """A real desk server on a database holding a queue with hostile payloads."""
    path = tmp_path / "desk.sqlite"
    store = DeskStore(path)
    records = [_record(i, f"Comment {i} about the ferry: {payload}", author=payload, title=payload) for i, payload in enumerate(HOSTILE)]
    store.add(records)
    store.close()
    port = _free_port()
    env = {**os.environ, "MODERATION_DESK_TOKEN": "t0ken"}
    process = subprocess.Popen([sys.executable, "-m", "moderation", "desk", "--db", str(path), "-p", str(port), "--moderator", "tester"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}", path
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium); .ci/run installs it")
def test_a_moderator_clears_three_comments_by_keyboard_undoes_one_and_no_payload_runs(desk):
    from playwright.sync_api import sync_playwright

    base, path = desk
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        assert page.goto(base + "/").status == 401  # the desk has a token: nothing without it
        page.goto(base + "/?token=t0ken")  # sets the cookie, then shows the queue
        page.wait_for_selector(".comment")
        for key in ("a", "r", "h"):
            page.keyboard.press(key)
            page.wait_for_timeout(150)
        page.keyboard.press("k")  # back to the third, which was held
        page.keyboard.press("u")
        page.wait_for_timeout(300)
        cards = page.locator(".comment")
        states = [cards.nth(i).locator(".state").text_content() for i in range(3)]
        pwned = page.evaluate("window.__pwned")
        for i in range(cards.count()):  # hover every card and its author: no handler fires
            cards.nth(i).hover()
        pwned_after = page.evaluate("window.__pwned")
        browser.close()
    assert states == ["approve", "reject", "not reviewed"]
    assert pwned is None and pwned_after is None and dialogs == []
    kinds = [row[0] for row in sqlite3.connect(path).execute("SELECT kind FROM decisions ORDER BY id")]
    assert kinds == ["approve", "reject", "hold", "undo"]


def test_train_reads_a_desk_database_directly(tmp_path):
    store = DeskStore(tmp_path / "desk.sqlite")
    texts = [("You are a clueless idiot and a liar.", "uncivil"), ("What a pathetic moron, shut up.", "uncivil"),
             ("Stupid garbage written by an imbecile.", "uncivil"), ("Thanks, a careful and fair piece.", "civil"),
             ("The ferry numbers were well explained.", "civil"), ("Good reporting on the council budget.", "civil")]  # fmt: skip
    store.add([_record(i, text, title=f"Article {i}") for i, (text, _label) in enumerate(texts)])
    for row in store.queue(limit=10):
        store.decide(row["id"], "civility", dict(texts)[row["text"]], "ana")
    done = subprocess.run([sys.executable, "-m", "moderation", "train", str(tmp_path / "desk.sqlite"), "-o", str(tmp_path / "m")],
                          capture_output=True, text=True, env={**os.environ, "JOBLIB_MULTIPROCESSING": "0"}, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    meta = json.loads((tmp_path / "m" / "meta.json").read_text())
    assert meta["tasks"]["civility"]["rows"] == 6


def test_the_article_pages_count_and_plot_through_the_real_server(desk):
    import httpx

    base, _path = desk
    with httpx.Client(base_url=base, follow_redirects=True) as client:
        client.get("/?token=t0ken")  # the desk fixture has a token: the cookie first
        listing = client.get("/articles")
        assert listing.status_code == 200 and "<script>" not in listing.text  # titles are hostile payloads: escaped
        title = HOSTILE[1]
        page = client.get("/article", params={"title": title})
        assert page.status_code == 200 and "1 comments" in page.text and "hold 1" in page.text
        plot = client.get("/article.png", params={"title": title})
        assert plot.status_code == 200 and plot.content[:4] == b"\x89PNG"
        second = client.get("/second-look")
        assert second.status_code == 200 and "nothing is labelled yet" in second.text


def test_the_second_look_lists_labels_the_model_confidently_disputes(tmp_path):
    from moderation.desk.app import suspects

    store = DeskStore(tmp_path / "desk.sqlite")
    scores = [0.95, 0.9, 0.92, 0.05, 0.1, 0.08, 0.97]  # the model's p(uncivil)
    labels = ["uncivil", "uncivil", "uncivil", "civil", "civil", "civil", "civil"]  # the last one looks wrong
    store.add([{**_record(i, f"comment {i}"), "scores": {"civility": {"civil": 1 - p, "uncivil": p}}} for i, p in enumerate(scores)])
    for row, label in zip(sorted(store.queue(limit=10), key=lambda r: r["id"]), labels, strict=True):
        store.decide(row["id"], "civility", label, "ana")
    found = suspects(store.reviewed())
    assert [(row["text"], row["labels"]["civility"], row["model_label"]) for row in found] == [("comment 6", "civil", "uncivil")]


def test_a_database_another_process_keeps_locked_is_one_clear_error(tmp_path):
    from moderation.desk.store import DeskBusyError

    path = tmp_path / "desk.sqlite"
    store = DeskStore(path)
    store.add([_record(1, "text")])
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DeskBusyError, match="another process holds the database"):
            store.decide(1, "approve", None, "ana")
    finally:
        holder.execute("ROLLBACK")
    assert store.decide(1, "approve", None, "ana")["decision"] == "approve"  # nothing lost once it is free
