"""The HTTP hook, served for real by uvicorn on a loopback port, called over HTTP."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

SECRET = "test-signing-secret"
LONG = "The ferry timetable cut will hurt island commuters, and the council should say how it will help."


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(tmp_path: Path, policy: str) -> Iterator[str]:
    port = _free_port()
    policy_file = tmp_path / f"policy-{port}.toml"
    policy_file.write_text(policy)
    env = {**os.environ, "MODERATION_CORAL_SECRET": SECRET}
    process = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "--port", str(port), "--policy", str(policy_file)],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
            if process.poll() is not None:
                pytest.fail(f"server exited: {process.stderr.read()}")
        else:
            pytest.fail("server did not start in 60 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    yield from _serve(tmp_path_factory.mktemp("serve"), 'banned_terms = ["scumbag"]\nmax_request_kb = 8\ntimeout_ms = 5000\n')


def sign(body: bytes, secret: str = SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def coral_body(text: str, action: str = "NEW") -> bytes:
    return json.dumps({
        "action": action, "comment": {"body": text, "parentID": None}, "author": {"id": "u1", "role": "COMMENTER"},
        "story": {"id": "s1", "url": "https://news.example/s1"}, "site": {"id": "site"}, "tenantID": "t",
        "tenantDomain": "news.example",
    }).encode()  # fmt: skip


def test_healthz_names_the_model(server):
    answer = httpx.get(f"{server}/healthz").json()
    assert answer["status"] == "ok" and answer["model"].startswith("default@")


def test_check_and_score(server):
    decision = httpx.post(f"{server}/v1/check", json={"text": LONG, "article_title": "Ferry timetable cut"}).json()
    assert decision["action"] == "publish" and "civility" in decision["scores"]
    batch = httpx.post(f"{server}/v1/score", json={"comments": [{"text": LONG + " Really."}, {"text": "Too short."}]}).json()
    assert [d["action"] for d in batch["decisions"]] == ["publish", "reject"]


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [(b"{oops", 400, "invalid JSON"), (b"[1, 2]", 422, "expected a JSON object"), (b'{"text": "   "}', 422, "empty comment text"),
     (json.dumps({"text": LONG, "author": ["ana"]}).encode(), 422, "author must be a string or a whole number, got list"),
     (json.dumps({"text": LONG, "article_title": 5}).encode(), 422, "article_title must be a string, got int")],
)
def test_bad_requests_get_a_4xx_json_error(server, body, status, message):
    answer = httpx.post(f"{server}/v1/check", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == status
    assert message in answer.json()["error"]


DEEP = b'{"text": ' + b"[" * 4000 + b"]" * 4000 + b"}"  # under the 8 KiB cap, far past json's recursion limit


@pytest.mark.parametrize("body", [DEEP, b'{"text": "caf\xe9"}', b"\xff\xfe{}"])
@pytest.mark.parametrize("path", ["/v1/check", "/v1/score", "/coral"])
def test_bodies_that_cannot_be_decoded_are_400_and_the_server_stays_healthy(server, path, body):
    headers = {"content-type": "application/json", "X-Coral-Signature": sign(body)}
    answer = httpx.post(f"{server}{path}", content=body, headers=headers)
    assert answer.status_code == 400, answer.text
    assert "request body" in answer.json()["error"]
    assert httpx.get(f"{server}/healthz").status_code == 200
    assert httpx.post(f"{server}/v1/check", json={"text": LONG}).status_code == 200


def test_a_numeric_author_is_remembered_as_text(server):
    """Platforms key authors by number as often as by name; both are the same author."""
    first = httpx.post(f"{server}/v1/check", json={"text": LONG + " Numbers.", "author": 4242})
    second = httpx.post(f"{server}/v1/check", json={"text": LONG + " Numbers.", "author": "4242"})
    assert first.status_code == second.status_code == 200
    assert [reason["rule"] for reason in second.json()["reasons"]] == ["repeat"]


def test_body_over_the_cap_is_413(server):
    answer = httpx.post(f"{server}/v1/check", json={"text": "word " * 5000})
    assert answer.status_code == 413


def test_coral_signed_toxic_comment_is_withheld_or_rejected(server):
    body = coral_body("<p>You are a <b>brainless moron</b> and an idiot, and so is everyone who agrees with you.</p>")
    answer = httpx.post(f"{server}/coral", content=body, headers={"X-Coral-Signature": sign(body)})
    assert answer.status_code == 200
    result = answer.json()
    assert result["status"] in ("SYSTEM_WITHHELD", "REJECTED")
    assert result["actions"] == [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"}]


def test_coral_banned_term_is_rejected_with_a_reason_code(server):
    body = coral_body(LONG + " What a s.c.u.m.b.a.g.")
    answer = httpx.post(f"{server}/coral", content=body, headers={"X-Coral-Signature": sign(body)})
    result = answer.json()
    assert result["status"] == "REJECTED"
    assert result["moderationAction"]["rejectionReason"]["code"] == "BANNED_WORD"


def test_coral_too_short_is_a_rejection_for_length_not_a_toxic_flag(server):
    body = coral_body("Rubbish.")
    result = httpx.post(f"{server}/coral", content=body, headers={"X-Coral-Signature": sign(body)}).json()
    assert result["status"] == "REJECTED" and result["actions"] == []
    assert "characters" in result["moderationAction"]["rejectionReason"]["detailedExplanation"]


def test_coral_publish_is_204_and_rotated_secrets_verify(server):
    body = coral_body(LONG, action="EDIT")
    header = f"{sign(body, 'old-secret')}, {sign(body)}"
    answer = httpx.post(f"{server}/coral", content=body, headers={"X-Coral-Signature": header})
    assert answer.status_code == 204


@pytest.mark.parametrize("header", [None, "sha256=00", "md5=abc"])
def test_coral_bad_signature_is_401(server, header):
    body = coral_body(LONG)
    headers = {"X-Coral-Signature": header} if header else {}
    answer = httpx.post(f"{server}/coral", content=body, headers=headers)
    assert answer.status_code == 401 and "X-Coral-Signature" in answer.json()["error"]


def test_coral_unknown_action_is_400(server):
    body = coral_body(LONG, action="DELETE")
    answer = httpx.post(f"{server}/coral", content=body, headers={"X-Coral-Signature": sign(body)})
    assert answer.status_code == 400 and "unknown action" in answer.json()["error"]


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory) -> Iterator[str]:
    # One millisecond is less than any model decision takes: every decision times out.
    yield from _serve(tmp_path_factory.mktemp("slow"), "timeout_ms = 1\n")


def test_timeouts_fail_closed_by_default(slow_server):
    answer = httpx.post(f"{slow_server}/v1/check", json={"text": LONG})
    assert answer.status_code == 503 and answer.json()["action"] == "hold"
    body = coral_body(LONG)
    coral = httpx.post(f"{slow_server}/coral", content=body, headers={"X-Coral-Signature": sign(body)})
    assert coral.status_code == 200 and coral.json()["status"] == "SYSTEM_WITHHELD"


@pytest.fixture(scope="module")
def open_server(tmp_path_factory) -> Iterator[str]:
    yield from _serve(tmp_path_factory.mktemp("open"), "timeout_ms = 1\nfail_open = true\n")


def test_fail_open_publishes_when_the_operator_chose_it(open_server):
    answer = httpx.post(f"{open_server}/v1/check", json={"text": LONG})
    assert answer.json()["action"] == "publish"
    body = coral_body(LONG)
    assert httpx.post(f"{open_server}/coral", content=body, headers={"X-Coral-Signature": sign(body)}).status_code == 204


@pytest.fixture(scope="module")
def tight_server(tmp_path_factory) -> Iterator[str]:
    # 60 ms is a dozen times what a decision takes once the service is warm, and about half
    # of what the first one took before the service warmed itself up at start-up.
    yield from _serve(tmp_path_factory.mktemp("tight"), "timeout_ms = 60\n")


def test_the_first_request_is_decided_in_time(tight_server):
    answer = httpx.post(f"{tight_server}/v1/check", json={"text": LONG, "explain": True})
    assert answer.status_code == 200, answer.json()
    assert answer.json()["action"] == "publish" and answer.json()["explain"]


def test_sighup_swaps_in_an_adopted_model_without_dropping_a_request(tmp_path):
    """Two tiny models trained here; the served directory is replaced by the second, and
    SIGHUP makes the server adopt it while requests keep arriving."""
    import shutil
    import signal
    import threading

    labels = Path(__file__).resolve().parents[1] / "examples" / "labels.csv"
    env = {**os.environ, "JOBLIB_MULTIPROCESSING": "0"}
    for name, tasks in (("a", ["civility"]), ("b", ["civility", "constructive"])):
        arguments = [sys.executable, "-m", "moderation", "train", str(labels), "-o", str(tmp_path / name)]
        arguments += [part for task in tasks for part in ("--tasks", task)]
        assert subprocess.run(arguments, env=env, capture_output=True, timeout=300).returncode == 0
    served = tmp_path / "served"
    shutil.copytree(tmp_path / "a", served)
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "moderation", "serve", "--port", str(port), "--model", str(served)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                first = httpx.get(f"{base}/healthz").json()["model"]
                break
            except httpx.TransportError:
                time.sleep(0.1)
        statuses: list[int] = []
        stop = threading.Event()

        def ask() -> None:
            with httpx.Client() as client:
                while not stop.is_set():
                    statuses.append(client.post(f"{base}/v1/check", json={"text": LONG}).status_code)

        asker = threading.Thread(target=ask)
        asker.start()
        time.sleep(0.5)
        shutil.rmtree(served)
        shutil.copytree(tmp_path / "b", served)
        process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while httpx.get(f"{base}/healthz").json()["model"] == first and time.monotonic() < deadline:
            time.sleep(0.1)
        second = httpx.get(f"{base}/healthz").json()["model"]
        time.sleep(0.3)
        stop.set()
        asker.join()
    finally:
        process.terminate()
        stderr = process.communicate(timeout=10)[1]
    assert first.startswith("a@") and second.startswith("b@") and "reloaded: now serving b@" in stderr
    assert statuses and set(statuses) == {200}  # nothing dropped or failed while it swapped


def test_coral_flags_spam_signals_as_spam_and_threat_phrases_as_toxic():
    from moderation.decide.moderator import Moderator
    from moderation.decide.policy import make_policy
    from moderation.serve import coral_answer

    moderator = Moderator(policy=make_policy({"spam_hold": 1.0, "spam_reject": 1.0, "threat_hold": 1.0, "threat_reject": 1.0,
                                              "threat_phrases": "reject", "civility_hold": 1.0, "civility_reject": 1.0}))  # fmt: skip
    spam = moderator.check("My aunt makes $87 an hour from home on her laptop. Start today at quick-cash-now.example/join")
    status, answer = coral_answer(spam)
    assert status == 200 and answer["status"] == "SYSTEM_WITHHELD"
    assert answer["actions"] == [{"actionType": "FLAG", "reason": "COMMENT_DETECTED_SPAM"}]
    threat = moderator.check("We know where you live now, and which school your kids go to. Keep writing, see what happens.")
    status, answer = coral_answer(threat)
    assert answer["status"] == "REJECTED" and answer["actions"][0]["reason"] == "COMMENT_DETECTED_TOXIC"
    assert answer["moderationAction"]["rejectionReason"]["code"] == "ABUSIVE"
