#!/usr/bin/env python3
"""A city's kiosks submitting through `hoctap serve` instances (one per commune) into one PostgreSQL.

Part of Benchmarks/postgres/city-kiosks.sh. Reads `commune port` lines, one per running server. Preparation (not
timed): on each server, KIOSKS learners register through the API (one per kiosk), and each opens SUBMISSIONS
attempts at the courses' lesson checks (a different check each time) and answers their first question. Then
every kiosk, on its own keep-alive connection, submits its attempts one after another, each with its own
submission id; a submission counts once its 200 has come back, which the server sends after the commit.

Prints one JSON object: acknowledged submissions, failures, seconds, rate, the processor time each kind of process
(PostgreSQL, the hoctap servers, this driver, anything else) used while the kiosks submitted, and the acknowledged
submission ids' file for the caller to count in the database."""
import argparse, collections, http.client, json, os, threading, time
from urllib.parse import quote

parser = argparse.ArgumentParser()
parser.add_argument("--servers", required=True, help="file of `commune port` lines")
parser.add_argument("--kiosks", type=int, default=20)
parser.add_argument("--submissions", type=int, default=5)
parser.add_argument("--acks", required=True, help="file the acknowledged submission ids are written to")
args = parser.parse_args()


class Refused(Exception):
    pass


def call(conn, method, path, body=None, token=None, expect=(200,)):
    """One request; a 429 (the server's registration pace) is waited out, anything else unexpected is fatal."""
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
    for _ in range(50):
        conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.status == 429:
            time.sleep(float(response.getheader("retry-after") or 1))
            continue
        if response.status not in expect:
            raise Refused(f"{method} {path}: {response.status} {data[:200]!r}")
        return json.loads(data) if data else None
    raise Refused(f"{method} {path}: still 429")


servers = [line.split() for line in open(args.servers) if line.strip()]
first = http.client.HTTPConnection("127.0.0.1", int(servers[0][1]))
checks = []  # (course, quiz): every lesson check of the bundled courses
for course in call(first, "GET", "/api/v1/courses")["courses"]:
    detail = call(first, "GET", "/api/v1/courses/" + course["id"])
    checks += [(course["id"], lesson["check"]["id"]) for lesson in detail["lessons"] if lesson.get("check")]
if len(checks) < args.submissions:
    raise SystemExit(f"only {len(checks)} lesson checks for {args.submissions} submissions per kiosk")


class Kiosk(threading.Thread):
    def __init__(self, commune, port, index, unit):
        super().__init__(daemon=True)
        self.commune, self.port, self.index, self.unit = commune, port, index, unit
        self.jobs, self.acked, self.failure = [], [], None
        self.prepared = threading.Event()
        self.go = None

    def run(self):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            reply = call(conn, "POST", "/api/v1/learners", {
                "unitId": self.unit, "name": f"Người thử {self.commune} {self.index}", "category": "nguoi-dan",
                "pin": f"{1000 + self.index:04d}", "consent": {"learning": True}}, expect=(201,))
            token = reply["token"]
            for number in range(args.submissions):
                course, quiz = checks[(self.index + number) % len(checks)]
                attempt = call(conn, "POST", "/api/v1/attempts", {"courseId": course, "quizId": quiz}, token, expect=(200, 201))
                question = attempt["questions"][0]
                answer = question["choices"][0]["id"] if question.get("choices") else "1"
                call(conn, "PUT", f"/api/v1/attempts/{attempt['attemptId']}/answers/{quote(question['id'], safe='')}",
                     {"response": answer}, token, expect=(200, 204))
                self.jobs.append((token, attempt["attemptId"]))
        except Exception as error:  # noqa: BLE001 - any failure of a kiosk fails the run, with its reason
            self.failure = f"{self.commune}/{self.index} preparing: {error!r}"
        self.prepared.set()
        self.go.wait()
        if self.failure:
            return
        try:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
            for token, attempt in self.jobs:
                submission = f"city-{self.commune}-{attempt}"
                call(conn, "POST", f"/api/v1/attempts/{attempt}/submission", {"submissionId": submission}, token)
                self.acked.append(submission)
        except Exception as error:  # noqa: BLE001
            self.failure = f"{self.commune}/{self.index} submitting: {error!r}"


def cpu_seconds():
    """Processor seconds (user and system) used so far by every process on the machine, by command name."""
    used = collections.Counter()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                text = stat.read()
        except OSError:  # the process ended meanwhile
            continue
        command = text[text.index("(") + 1:text.rindex(")")]
        fields = text[text.rindex(")") + 2:].split()
        kind = {"postgres": "postgres", "hoctap": "hoctap", "python3": "driver"}.get(command, "other")
        used[kind] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


go = threading.Event()
kiosks = []
for commune, port in servers:
    conn = http.client.HTTPConnection("127.0.0.1", int(port))
    unit = call(conn, "GET", "/api/v1/units")["units"][0]["id"]
    for index in range(args.kiosks):
        kiosk = Kiosk(commune, int(port), index, unit)
        kiosk.go = go
        kiosks.append(kiosk)
prepare_start = time.monotonic()
for kiosk in kiosks:
    kiosk.start()
for kiosk in kiosks:
    kiosk.prepared.wait()
prepared = time.monotonic() - prepare_start
cpu_before = cpu_seconds()
start = time.monotonic()
go.set()
for kiosk in kiosks:
    kiosk.join()
seconds = time.monotonic() - start
cpu = cpu_seconds()
cpu.subtract(cpu_before)
acked = [submission for kiosk in kiosks for submission in kiosk.acked]
with open(args.acks, "w") as out:
    out.write("".join(submission + "\n" for submission in acked))
failures = [kiosk.failure for kiosk in kiosks if kiosk.failure]
print(json.dumps({"servers": len(servers), "kiosks": len(kiosks), "acknowledged": len(acked),
                  "failures": len(failures), "first_failure": failures[0] if failures else None,
                  "prepare_seconds": round(prepared, 1), "seconds": round(seconds, 3),
                  "rate": round(len(acked) / max(seconds, 1e-6), 1),
                  "cpu_seconds": {kind: round(cpu[kind], 1) for kind in ("postgres", "hoctap", "driver", "other")}}))
