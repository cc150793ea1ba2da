#!/usr/bin/env python3
"""Simulated kiosks against `hoctap serve` on loopback, through the JSON API only (docs/openapi.json).

Each kiosk registers (or signs in) a learner, opens its course, reads every lesson to the end, then makes its
submissions: start an attempt (a lesson's check, or the final quiz now and then), answer every question with
PUT .../answers/{questionId}, submit with a client submission id. Every so often a submission is sent twice with
the same id; both replies must be the same acknowledged result. Every acknowledged submission is written to a
JSON-lines file, with the attempt id, the learner and the result, for the checks against the database
(check_db.py).

Two modes:
  load  the server runs undisturbed; any failed request, 5xx, 401 or hang is an error.
  kill  a killer thread sends SIGKILL to the server at random moments and restarts it on the same file; kiosks
        retry what was not acknowledged (same submission id), sign in again when their token is gone (sessions
        live in memory), and keep going until they have their submissions and the killer its kills; the run
        ends with a last SIGKILL, so the checks read the file exactly as a crash leaves it.

Standard library only. Figures go to a JSON summary (--summary).
"""
import argparse
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

CONNECTION_ERRORS = (ConnectionError, http.client.HTTPException, OSError)


class Server:
    """One `hoctap serve` process at a time on the same database file."""

    def __init__(self, hoctap, port, db, log_path, courses, content):
        self.command = [hoctap, "serve", "--host", "127.0.0.1", "--port", str(port), "--db", db,
                        "--courses", courses, "--content", content]
        self.port = port
        self.log = open(log_path, "ab")
        self.process = None
        self.starts = 0
        self.startup_seconds = []

    def start(self):
        began = time.monotonic()
        self.process = subprocess.Popen(self.command, stdout=self.log, stderr=self.log, stdin=subprocess.DEVNULL)
        self.starts += 1
        self.wait_ready(began)

    def wait_ready(self, began, limit=30.0):
        """Polls /healthz until it answers 200; bounded, and fails fast when the process died."""
        while time.monotonic() - began < limit:
            if self.process.poll() is not None:
                raise RuntimeError(f"hoctap serve exited with {self.process.returncode} while starting")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                connection.request("GET", "/healthz")
                response = connection.getresponse()
                response.read()
                connection.close()
                if response.status == 200:
                    self.startup_seconds.append(time.monotonic() - began)
                    return
            except CONNECTION_ERRORS:
                pass
            time.sleep(0.02)
        raise RuntimeError(f"hoctap serve not ready after {limit:.0f} s")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise RuntimeError("hoctap serve did not stop within 60 s of SIGTERM")


class Stats:
    """Latencies per request kind, errors by kind, and the records the checks need; shared by the threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.errors = {}  # (kind, reason) -> count
        self.error_samples = []
        self.interrupted = 0  # requests cut by a kill (kill mode): retried, not errors
        self.acks = []
        self.starts = {}  # attemptId -> learner name that started it
        self.duplicate_mismatches = []
        self.duplicates_sent = 0
        self.signins = 0

    def latency(self, kind, seconds):
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)

    def error(self, kind, reason, sample):
        with self.lock:
            self.errors[(kind, reason)] = self.errors.get((kind, reason), 0) + 1
            if len(self.error_samples) < 20:
                self.error_samples.append(f"{kind}: {reason}: {sample}"[:400])


class KioskFailed(Exception):
    pass


class Kiosk(threading.Thread):
    def __init__(self, index, args, plan, stats, book, killer, unit, category):
        super().__init__(name=f"kiosk-{index}", daemon=True)
        self.index = index
        self.args = args
        self.plan = plan  # the course: id, lesson ids, lesson check quiz ids, final quiz id and attempts allowed
        self.stats = stats
        self.book = book  # question id -> a right response, learnt from the feedback after submission
        self.killer = killer
        self.unit = unit
        self.category = category
        self.learner = f"Người thử tải {args.run_id} số {index:03d}"
        self.registered = threading.Event()
        self.pin = f"{2000 + index:04d}"
        self.token = None
        self.connection = None
        self.acked = 0
        self.failure = None
        self.random = random.Random(args.seed * 1000 + index)

    # --- HTTP ---------------------------------------------------------------------------------------------

    def connect(self):
        if self.connection:
            self.connection.close()
        self.connection = http.client.HTTPConnection("127.0.0.1", self.args.port, timeout=self.args.request_timeout)

    def call(self, kind, method, path, body=None, auth=True, expect=(200,)):
        """One request of the journey, retried as a kiosk would: after a cut connection (a kill), after 401
        (token gone with the restarted server: sign in again). Returns the decoded JSON of an expected status."""
        deadline = time.monotonic() + self.args.step_deadline
        attempts = 0
        while True:
            attempts += 1
            if time.monotonic() > deadline:
                self.stats.error(kind, "no answer within the step deadline", path)
                raise KioskFailed(f"{kind} {path}: no answer within {self.args.step_deadline} s")
            headers = {}
            if auth:
                headers["Authorization"] = "Bearer " + self.token
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                headers["Content-Type"] = "application/json"
            began = time.monotonic()
            try:
                if self.connection is None:
                    self.connect()
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                payload = response.read()
            except socket.timeout:
                self.stats.error(kind, "hang (no reply within the request timeout)", path)
                self.connect()
                if attempts > 3:
                    raise KioskFailed(f"{kind} {path}: hangs")
                continue
            except CONNECTION_ERRORS as error:
                self.connection.close()
                self.connection = None
                if self.args.mode == "kill":
                    with self.stats.lock:
                        self.stats.interrupted += 1
                    time.sleep(0.05 + self.random.random() * 0.2)
                    continue
                self.stats.error(kind, type(error).__name__, path)
                if attempts > 3:
                    raise KioskFailed(f"{kind} {path}: {error!r}")
                time.sleep(0.1)
                continue
            elapsed = time.monotonic() - began
            status = response.status
            if status in expect:
                self.stats.latency(kind, elapsed)
                return status, (json.loads(payload) if payload else None)
            if status == 401 and auth:
                if self.args.mode != "kill":
                    self.stats.error(kind, "401 (session lost)", path)
                self.sign_in()
                continue
            if status == 429:
                time.sleep(min(5.0, float(response.getheader("Retry-After", "1"))))
                self.stats.error(kind, "429", path)
                continue
            reason = "5xx" if status >= 500 else f"unexpected {status}"
            self.stats.error(kind, reason, f"{path} {payload[:200]!r}")
            if status >= 500 and attempts <= 3:
                time.sleep(0.1)
                continue
            raise KioskFailed(f"{kind} {path}: {status} {payload[:200]!r}")

    def sign_in(self):
        _, reply = self.call("sign-in", "POST", "/api/v1/session",
                             {"unitId": self.unit, "name": self.learner, "pin": self.pin}, auth=False, expect=(201,))
        self.token = reply["token"]
        with self.stats.lock:
            self.stats.signins += 1

    # --- journey ------------------------------------------------------------------------------------------

    def run(self):
        try:
            self.journey()
        except KioskFailed as failure:
            self.failure = str(failure)
        except Exception as error:  # a bug of the driver must fail the run, not vanish with the thread
            self.failure = f"driver error: {error!r}"
        finally:
            self.registered.set()

    def journey(self):
        # Registering is not idempotent (a lost reply and a retry make a second learner of the same name), so
        # in kill mode the kiosks register before the killer starts, then sign in again after each restart.
        _, reply = self.call("register", "POST", "/api/v1/learners", {
            "unitId": self.unit, "name": self.learner, "category": self.category, "pin": self.pin,
            "consent": {"learning": True, "reporting": self.index % 2 == 0}}, auth=False, expect=(201,))
        self.token = reply["token"]
        self.registered.set()
        if self.killer:
            self.killer.started.wait(self.args.time_limit)
        self.sign_in()
        course = self.plan["id"]
        self.call("course", "GET", f"/api/v1/courses/{course}", auth=False)
        for lesson in self.plan["lessons"]:
            _, page = self.call("lesson", "GET", f"/api/v1/courses/{course}/lessons/{lesson}")
            if page.get("recorded") is not True:
                self.stats.error("lesson", "visit not recorded", lesson)
            self.call("lesson-done", "POST", f"/api/v1/courses/{course}/lessons/{lesson}/completion")
        checks = self.plan["checks"]
        finals = 0
        number = 0
        while self.acked < self.args.submissions or (self.killer and not self.killer.enough()):
            if self.acked >= self.args.max_submissions:
                break
            use_final = (self.plan["final"] and number % self.args.final_every == self.args.final_every - 1
                         and finals < self.plan["final_attempts"])
            quiz = self.plan["final"] if use_final else checks[number % len(checks)]
            if use_final:
                finals += 1
            self.submit_one(course, quiz, number)
            number += 1

    def submit_one(self, course, quiz, number):
        _, attempt = self.call("start", "POST", "/api/v1/attempts", {"courseId": course, "quizId": quiz})
        attempt_id = attempt["attemptId"]
        with self.stats.lock:
            self.stats.starts[attempt_id] = self.learner
        for question in attempt["questions"]:
            encoded = urllib.parse.quote(question["id"], safe="")
            self.call("answer", "PUT", f"/api/v1/attempts/{attempt_id}/answers/{encoded}",
                      {"response": self.response(question)})
        submission_id = f"{self.args.mode}-{self.args.run_id}-k{self.index:03d}-{number:04d}"
        path = f"/api/v1/attempts/{attempt_id}/submission"
        _, result = self.call("submit", "POST", path, {"submissionId": submission_id})
        if result.get("attemptId") != attempt_id:
            self.stats.error("submit", "reply for another attempt", f"{attempt_id} -> {result.get('attemptId')}")
            raise KioskFailed(f"submission {submission_id} answered for another attempt")
        completion = result.get("completion")
        record = {"mode": self.args.mode, "kiosk": self.index, "learner": self.learner, "unitId": self.unit,
                  "courseId": course, "quizId": quiz, "attemptId": attempt_id, "submissionId": submission_id,
                  "percent": result["percent"], "passed": result["passed"],
                  "questionCount": result["questionCount"],
                  "verificationCode": completion["verificationCode"] if completion else None}
        with self.stats.lock:
            self.stats.acks.append(record)
        self.acked += 1
        self.learn(result)
        if number % self.args.duplicate_every == self.args.duplicate_every - 1:
            _, again = self.call("submit-again", "POST", path, {"submissionId": submission_id})
            with self.stats.lock:
                self.stats.duplicates_sent += 1
                if again != result:
                    self.stats.duplicate_mismatches.append(submission_id)

    def response(self, question):
        known = self.book.get(question["id"])
        if known is not None and self.random.random() < self.args.know_rate:
            return known
        kind = question["kind"]
        choices = [choice["id"] for choice in question.get("choices", [])]
        if kind in ("single", "true-false"):
            return self.random.choice(choices)
        if kind == "multiple":
            return sorted(self.random.sample(choices, self.random.randint(1, len(choices))))
        if kind == "number":
            return str(self.random.randint(1, 10))
        return "không nhớ"

    def learn(self, result):
        for question in result.get("questions", []):
            feedback = question.get("feedback")
            if not feedback:
                continue
            kind = question["kind"]
            right = feedback.get("rightChoiceIds") or []
            if kind in ("single", "true-false") and right:
                self.book[question["id"]] = right[0]
            elif kind == "multiple" and right:
                self.book[question["id"]] = sorted(right)
            elif kind in ("text", "number") and feedback.get("rightAnswer"):
                self.book[question["id"]] = feedback["rightAnswer"]


class Killer(threading.Thread):
    """SIGKILL at a random moment of each run of the server, then a restart on the same file, until told to stop."""

    def __init__(self, server, target, uptime, seed):
        super().__init__(name="killer", daemon=True)
        self.server = server
        self.target = target
        self.uptime = uptime
        self.random = random.Random(seed)
        self.kills = 0
        self.stop_requested = threading.Event()
        self.started = threading.Event()
        self.failure = None

    def enough(self):
        return self.kills >= self.target

    def run(self):
        self.started.set()
        try:
            while not self.stop_requested.is_set():
                if self.stop_requested.wait(self.random.uniform(*self.uptime)):
                    break
                self.server.kill()
                self.kills += 1
                self.server.start()
        except Exception as error:
            self.failure = repr(error)


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


def course_plans(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def get(path):
        connection.request("GET", path)
        response = connection.getresponse()
        payload = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path}: {response.status}")
        return json.loads(payload)

    plans = []
    for summary in get("/api/v1/courses")["courses"]:
        detail = get(f"/api/v1/courses/{summary['id']}")
        checks = [lesson["check"]["id"] for lesson in detail["lessons"] if lesson.get("check")]
        if not checks:
            continue
        final = detail.get("finalQuiz")
        plans.append({"id": detail["id"], "lessons": [lesson["id"] for lesson in detail["lessons"]],
                      "checks": checks, "final": final["id"] if final else None,
                      "final_attempts": (final.get("attemptsAllowed") or 3) if final else 0,
                      "audience": detail["audience"]})
    units = [unit["id"] for unit in get("/api/v1/units")["units"]]
    connection.close()
    return plans, units


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["load", "kill"], required=True)
    parser.add_argument("--hoctap", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--courses", default="Courses")
    parser.add_argument("--content", default="Content")
    parser.add_argument("--kiosks", type=int, default=100)
    parser.add_argument("--submissions", type=int, default=50)
    parser.add_argument("--max-submissions", type=int, default=400)
    parser.add_argument("--duplicate-every", type=int, default=5)
    parser.add_argument("--final-every", type=int, default=12)
    parser.add_argument("--know-rate", type=float, default=0.9)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--uptime", type=float, nargs=2, default=[0.5, 8.0])
    parser.add_argument("--request-timeout", type=float, default=60.0)
    parser.add_argument("--step-deadline", type=float, default=120.0)
    parser.add_argument("--time-limit", type=float, default=300.0, help="the whole run, in seconds")
    parser.add_argument("--run-id", default=None)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--acks", required=True, help="JSON lines of the acknowledged submissions (appended)")
    parser.add_argument("--starts", required=True, help="JSON: attempt id -> learner who started it (merged)")
    parser.add_argument("--summary", required=True)
    parser.add_argument("--server-log", required=True)
    args = parser.parse_args()
    args.run_id = args.run_id or f"{int(time.time()) % 100000}"
    random.seed(args.seed)

    server = Server(args.hoctap, args.port, args.db, args.server_log, args.courses, args.content)
    server.start()
    plans, units = course_plans(args.port)
    stats = Stats()
    book = {}
    killer = Killer(server, args.kills, tuple(args.uptime), args.seed) if args.mode == "kill" else None

    kiosks = []
    for index in range(args.kiosks):
        plan = plans[index % len(plans)]
        kiosks.append(Kiosk(index, args, plan, stats, book, killer, unit=units[index % len(units)],
                            category=plan["audience"][index % len(plan["audience"])]))
    began = time.monotonic()
    for kiosk in kiosks:
        kiosk.start()
    if killer:
        for kiosk in kiosks:
            kiosk.registered.wait(max(0.0, args.time_limit - (time.monotonic() - began)))
        killer.start()
    for kiosk in kiosks:
        kiosk.join(max(0.0, args.time_limit - (time.monotonic() - began)))
    hung = [kiosk.index for kiosk in kiosks if kiosk.is_alive()]
    duration = time.monotonic() - began
    if killer:
        killer.stop_requested.set()
        killer.join(30)
        # The last act is a kill: the checks read the file as a crash leaves it.
        if server.process.poll() is None:
            server.kill()
            killer.kills += 1
    else:
        server.stop()

    with open(args.acks, "a", encoding="utf-8") as out:
        for record in stats.acks:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    starts = {}
    if os.path.exists(args.starts):
        with open(args.starts, encoding="utf-8") as existing:
            starts = json.load(existing)
    starts.update(stats.starts)
    with open(args.starts, "w", encoding="utf-8") as out:
        json.dump(starts, out, ensure_ascii=False)

    kinds = {}
    requests = 0
    for kind, values in sorted(stats.latencies.items()):
        requests += len(values)
        kinds[kind] = {"count": len(values), "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                       "p99_ms": round(percentile(values, 0.99) * 1000, 1),
                       "max_ms": round(max(values) * 1000, 1)}
    errors = sum(stats.errors.values())
    summary = {
        "mode": args.mode, "kiosks": args.kiosks, "submissions_per_kiosk": args.submissions,
        "duration_s": round(duration, 1), "acknowledged": len(stats.acks),
        "submissions_per_s": round(len(stats.acks) / duration, 1) if duration else None,
        "requests": requests, "errors": errors,
        "error_rate": errors / max(1, requests + errors),
        "errors_by_kind": {f"{kind}: {reason}": count for (kind, reason), count in sorted(stats.errors.items())},
        "error_samples": stats.error_samples, "fivexx": sum(c for (k, r), c in stats.errors.items() if r == "5xx"),
        "hangs": sum(c for (k, r), c in stats.errors.items() if r.startswith("hang")),
        "kinds": kinds, "duplicates_sent": stats.duplicates_sent,
        "duplicate_mismatches": stats.duplicate_mismatches[:20],
        "kiosk_failures": [f"kiosk {k.index}: {k.failure}" for k in kiosks if k.failure][:20],
        "kiosks_short": sum(1 for k in kiosks if k.acked < args.submissions),
        "hung_kiosks": hung, "kills": killer.kills if killer else 0,
        "killer_failure": killer.failure if killer else None,
        "server_starts": server.starts, "interrupted_requests": stats.interrupted, "sign_ins": stats.signins,
        "startup_p50_s": round(percentile(server.startup_seconds, 0.5), 2),
        "startup_max_s": round(max(server.startup_seconds), 2),
        "passed": sum(1 for r in stats.acks if r["passed"]),
        "completions": sum(1 for r in stats.acks if r["verificationCode"]),
        "learnt_answers": len(book),
    }
    with open(args.summary, "w", encoding="utf-8") as out:
        json.dump(summary, out, ensure_ascii=False, indent=1)
    ok = (not hung and not summary["kiosk_failures"] and not summary["duplicate_mismatches"]
          and summary["fivexx"] == 0 and summary["hangs"] == 0 and summary["kiosks_short"] == 0
          and not summary["killer_failure"] and (args.mode == "kill" or errors == 0)
          and (args.mode == "load" or summary["kills"] >= args.kills))
    print(json.dumps({k: summary[k] for k in ("mode", "duration_s", "acknowledged", "submissions_per_s", "errors",
                                               "kills", "kiosk_failures", "duplicate_mismatches")},
                     ensure_ascii=False))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
