#!/usr/bin/env python3
"""Durable quiz submissions through HTTP at 50 connections, against bare one-row INSERT transactions from 16
sqlite3 processes (WAL, synchronous=FULL) on the same disk. Part of Benchmarks/web/run.sh; prints two figures.

Preparation (not timed): registers learners through the API and opens one attempt per learner and quiz, each
answered once. Then 50 threads, each with its own keep-alive connection, submit every attempt once, each with
its own submission id; the rate is submissions acknowledged per second of wall time."""
import http.client, json, os, subprocess, sys, tempfile, threading, time

host, port = "127.0.0.1", int(sys.argv[1])
workdir = sys.argv[2]
learners = int(os.environ.get("BENCH_LEARNERS", "60"))
connections = 50

def call(conn, method, path, body=None, token=None):
    headers = {"content-type": "application/json"}
    if token: headers["authorization"] = "Bearer " + token
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, (json.loads(data) if data else None)

conn = http.client.HTTPConnection(host, port)
_, units = call(conn, "GET", "/api/v1/units")
unit = units["units"][0]["id"]
_, catalog = call(conn, "GET", "/api/v1/courses")
quizzes = []
for course in catalog["courses"]:
    _, detail = call(conn, "GET", "/api/v1/courses/" + course["id"])
    for lesson in detail["lessons"]:
        if lesson.get("check"): quizzes.append((course["id"], lesson["check"]["id"]))
    if detail.get("finalQuiz"): quizzes.append((course["id"], detail["finalQuiz"]["id"]))

jobs = []  # (token, attemptId)
def prepare(index):
    c = http.client.HTTPConnection(host, port)
    status, session = call(c, "POST", "/api/v1/learners", {
        "unitId": unit, "name": "Người thử %d %d" % (os.getpid(), index), "category": "nguoi-dan",
        "pin": "%04d" % (1000 + index), "consent": {"learning": True}})
    if status != 201: raise SystemExit("register failed: %s %s" % (status, session))
    token = session["token"]
    for course_id, quiz_id in quizzes:
        status, attempt = call(c, "POST", "/api/v1/attempts", {"courseId": course_id, "quizId": quiz_id}, token)
        if status != 200: continue
        question = attempt["questions"][0]
        answer = question["choices"][0]["id"] if question.get("choices") else "1"
        call(c, "PUT", "/api/v1/attempts/%s/answers/%s" % (attempt["attemptId"], question["id"].replace("/", "%2F")),
             {"response": answer}, token)
        jobs.append((token, attempt["attemptId"]))
threads = [threading.Thread(target=prepare, args=(i,)) for i in range(learners)]
for t in threads: t.start()
for t in threads: t.join()

lock = threading.Lock()
queue = list(jobs)
failures = [0]
def submit(worker):
    c = http.client.HTTPConnection(host, port)
    while True:
        with lock:
            if not queue: return
            token, attempt = queue.pop()
        status, _ = call(c, "POST", "/api/v1/attempts/%s/submission" % attempt, {"submissionId": "b-" + attempt}, token)
        if status != 200:
            with lock: failures[0] += 1
start = time.monotonic()
threads = [threading.Thread(target=submit, args=(i,)) for i in range(connections)]
for t in threads: t.start()
for t in threads: t.join()
http_rate = len(jobs) / (time.monotonic() - start)

# Bare one-row INSERT transactions from 16 sqlite3 processes, WAL, synchronous=FULL, same disk.
db = os.path.join(workdir, "bare.sqlite")
subprocess.run(["sqlite3", db, "PRAGMA journal_mode=WAL; CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT);"],
               check=True, capture_output=True)
per_process = max(50, len(jobs) // 16)
script = "PRAGMA busy_timeout=10000; PRAGMA synchronous=FULL;\n" + \
    "".join("BEGIN IMMEDIATE; INSERT INTO t(v) VALUES('x'); COMMIT;\n" for _ in range(per_process))
start = time.monotonic()
procs = [subprocess.Popen(["sqlite3", db], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL) for _ in range(16)]
for p in procs: p.stdin.write(script.encode()); p.stdin.close()
for p in procs: p.wait()
bare_rate = 16 * per_process / (time.monotonic() - start)
print("%d %.0f %.0f %d" % (len(jobs), http_rate, bare_rate, failures[0]))
