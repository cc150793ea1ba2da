"""Part 4 of `make reliability`: bad input.

1. schemathesis over every operation of the served /api/v1/openapi.json (kiosk pages, staff area and JSON API),
   signed in through attack_hooks.py, with the not-a-server-error and response-conformance checks (status codes,
   content types, headers, schemas), bounded by --max-examples; against its own server and fresh database.
2. The hostile corpus (corpus.json, also run in process by `make test`) against a second server started with
   1-minute idle time-outs, a fresh database, a unit clerk and five learners.

Writes $RELIABILITY_OUT/attack.md and attack.verdict; exits 0 only when both found nothing.
"""
import argparse
import base64
import glob
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_runner  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,"
          "response_schema_conformance")
UNIT, OTHER_UNIT = "thon-1", "thon-2"
CLERK, CLERK_PASSWORD = "thuky-thon-1", "mat-khau-thu-ky-1"
ADMIN, ADMIN_PASSWORD = "quan-tri-thu", "mat-khau-quan-tri-thu"
COURSE = "ky-nang-so-co-ban"
TEXT_LESSON, TEXT_ANSWER = "04-tim-kiem-va-luu-thong-tin", "Tải xuống"
LEARNERS = {  # sender -> (name, unit, PIN)
    "A": ("Nguyễn Thị Lan", UNIT, "2468"),
    "B": ("Trần Văn Bình", UNIT, "1357"),
    "C": ("Lê Thị Cúc", OTHER_UNIT, "8642"),
    "D": ("Phạm Văn Dũng", UNIT, "9753"),
    "E": ("Hoàng Thị Ểnh", UNIT, "3141"),
    "F": ("Đỗ Văn Phúc", UNIT, "5792"),
}


def log(text):
    print(text, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`hoctap serve` on a free loopback port with its own database file."""

    def __init__(self, hoctap, folder, name, extra=()):
        self.hoctap = hoctap
        self.db = os.path.join(folder, f"{name}.sqlite")
        self.log_path = os.path.join(folder, f"{name}.log")
        self.port = free_port()
        self.extra = list(extra)
        self.process = None

    def cli(self, *args, stdin=None):
        return subprocess.run([self.hoctap, *args, "--db", self.db], input=stdin, text=True, capture_output=True,
                              cwd=ROOT, check=True)

    def start(self):
        self.log_file = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [self.hoctap, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--db", self.db, *self.extra],
            cwd=ROOT, stdout=self.log_file, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"hoctap serve did not answer on {self.url} (see {self.log_path})")

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def stop(self):
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_file.close()

    def logged_errors(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return [line.rstrip() for line in f if " error " in line or "critical" in line]


def request(url, method="GET", body=None, token=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(url, data, headers, method=method), timeout=30) as reply:
        return json.loads(reply.read() or b"null")


# 1. schemathesis

def run_schemathesis(args, folder):
    server = Server(args.hoctap, folder, "schemathesis")
    server.cli("staff", "add", ADMIN, "--role", "admin", stdin=ADMIN_PASSWORD + "\n")
    server.start()
    report = os.path.join(folder, "schemathesis-report")
    env = dict(os.environ, SCHEMATHESIS_HOOKS="attack_hooks", PYTHONPATH=HERE, ATTACK_BASE_URL=server.url,
               ATTACK_STAFF_USER=ADMIN, ATTACK_STAFF_PASSWORD=ADMIN_PASSWORD, ATTACK_UNIT=OTHER_UNIT,
               NO_COLOR="1")
    command = [os.path.join(args.venv, "bin", "schemathesis"), "run", f"{server.url}/api/v1/openapi.json",
               "--checks", CHECKS, "--max-examples", str(args.max_examples), "--phases", "examples,coverage,fuzzing",
               "--seed", str(args.seed), "--max-redirects", "0", "--workers", "1", "--continue-on-failure",
               "--request-timeout", "30", "--report", "junit,ndjson", "--report-dir", report]
    log(f"schemathesis: {args.max_examples} examples per operation, seed {args.seed}, against {server.url}")
    started = time.monotonic()
    try:
        result = subprocess.run(command, env=env, cwd=folder, capture_output=True, text=True, timeout=args.st_timeout)
        output, code = result.stdout + result.stderr, result.returncode
    except subprocess.TimeoutExpired as error:
        output, code = (error.stdout or b"").decode() + "\n(timed out)", -1
    seconds = time.monotonic() - started
    with open(os.path.join(folder, "schemathesis.log"), "w") as f:
        f.write(output)
    figures = read_schemathesis(report, output)
    figures.update(seconds=round(seconds), exit=code, server_alive=server.alive(),
                   server_errors=server.logged_errors())
    server.stop()
    log(f"schemathesis: exit {code}, {figures['operations']} operations, {figures['cases']} test cases, "
        f"{figures['requests']} requests, {figures['server_errors_5xx']} responses 5xx, "
        f"{figures['conformance']} conformance failures, {figures['errors']} errors, {seconds:.0f} s")
    if code != 0:
        log("\n".join(output.splitlines()[-60:]))
    return figures


def read_schemathesis(report, output):
    """Counts from the NDJSON event stream (every request, every check); every 4xx body schemathesis received is
    also held to the corpus's rule: Vietnamese, no raw message key, Swift type or SQLite text."""
    figures = {"operations": 0, "cases": 0, "requests": 0, "statuses": {}, "server_errors_5xx": 0,
               "conformance": 0, "server_error_checks": 0, "errors": 0, "refusals": 0, "bad_refusals": 0,
               "failures": []}
    operations = set()
    for path in glob.glob(os.path.join(report, "*.ndjson")):
        with open(path) as f:
            for line in f:
                event = json.loads(line)
                for kind, data in event.items():
                    if kind == "NonFatalError":
                        figures["errors"] += 1
                        figures["failures"].append(f"error: {str(data.get('info', data))[:200]}")
                    if kind != "ScenarioFinished":
                        continue
                    recorder = data.get("recorder", {})
                    label = recorder.get("label")
                    operations.add(label)
                    figures["cases"] += len(recorder.get("cases", {}))
                    for interaction in recorder.get("interactions", {}).values():
                        response = interaction.get("response") or {}
                        status = response.get("status_code")
                        if status is None:
                            continue
                        figures["requests"] += 1
                        figures["statuses"][str(status)] = figures["statuses"].get(str(status), 0) + 1
                        if status >= 500:
                            figures["server_errors_5xx"] += 1
                            figures["failures"].append(f"{label}: {status}")
                        elif status >= 400:
                            figures["refusals"] += 1
                            problem = refusal_problem(response)
                            if problem:
                                figures["bad_refusals"] += 1
                                figures["failures"].append(f"{label}: {status} {problem}")
                    for checks in recorder.get("checks", {}).values():
                        for check in checks:
                            if check.get("status") != "failure":
                                continue
                            name = check.get("name")
                            figures["server_error_checks" if name == "not_a_server_error" else "conformance"] += 1
                            message = ((check.get("failure_info") or {}).get("failure") or {}).get("message", "")
                            figures["failures"].append(f"{label}: {name}: {message.replace(chr(10), ' ')[:160]}")
    figures["operations"] = len(operations - {None})
    figures["failures"] = sorted(set(figures["failures"]))
    return figures


def refusal_problem(response):
    """Why a recorded 4xx response is not a Vietnamese refusal free of internal text, or None."""
    content = response.get("content") or {}
    if "$base64" in content:
        body = base64.b64decode(content["$base64"])
    else:
        body = str(content.get("text", content if isinstance(content, str) else "")).encode()
    headers = [(k.lower(), v) for k, values in (response.get("headers") or {}).items() for v in values]
    reply = corpus_runner.Reply(response["status_code"], headers, body)
    found = corpus_runner.leaks(reply)
    return corpus_runner.vietnamese_refusal(reply) or (f"internal text: {found[:3]}" if found else None)


# 2. the hostile corpus

def run_corpus(args, folder):
    server = Server(args.hoctap, folder, "corpus", ["--idle-minutes", "1", "--staff-idle-minutes", "1"])
    server.cli("staff", "add", CLERK, "--role", "clerk", "--unit", UNIT, stdin=CLERK_PASSWORD + "\n")
    server.start()
    base = server.url
    for name, unit, pin in LEARNERS.values():
        request(f"{base}/api/v1/learners", "POST", {"unitId": unit, "name": name, "category": "nguoi-dan", "pin": pin,
                                                    "consent": {"learning": True, "reporting": True}})
    connection = sqlite3.connect(f"file:{server.db}?mode=ro", uri=True)
    ids = {key: connection.execute("SELECT id FROM learner WHERE displayName = ?", (name,)).fetchone()[0]
           for key, (name, _, _) in LEARNERS.items()}
    connection.close()
    course = request(f"{base}/api/v1/courses/{COURSE}")
    quiz_id = course["finalQuiz"]["id"]
    name_b, _, pin_b = LEARNERS["B"]
    token_b = request(f"{base}/api/v1/session", "POST", {"unitId": UNIT, "name": name_b, "pin": pin_b})["token"]
    attempt = request(f"{base}/api/v1/attempts", "POST", {"courseId": COURSE, "quizId": quiz_id}, token_b)
    context = {
        "unit": UNIT, "otherUnit": OTHER_UNIT, "course": COURSE, "lesson": course["lessons"][0]["id"],
        "quizId": quiz_id, "quizKey": quiz_id[len(COURSE) + 1:] if quiz_id.startswith(COURSE + "/") else quiz_id,
        "textCourse": COURSE, "textQuizId": f"{COURSE}/{TEXT_LESSON}", "textAnswer": TEXT_ANSWER,
        "otherAttempt": attempt["attemptId"], "otherQuestion": attempt["questions"][0]["id"],
        "clerkUser": CLERK, "clerkPassword": CLERK_PASSWORD,
    }
    for key, (name, _, pin) in LEARNERS.items():
        context.update({f"name{key}": name, f"pin{key}": pin, f"learner{key}": ids[key]})
    accounts = {"clerk": ("staff", {"username": CLERK, "password": CLERK_PASSWORD})}
    for key, (name, unit, pin) in LEARNERS.items():
        accounts[f"learner{key}"] = ("page", {"unitId": unit, "name": name, "pin": pin})
        accounts[f"api{key}"] = ("api", {"unitId": unit, "name": name, "pin": pin})
    with open(os.path.join(HERE, "corpus.json"), encoding="utf-8") as f:
        corpus = json.load(f)
    environment = corpus_runner.Environment(server.port, server.db, context, accounts)
    log(f"hostile corpus: {len(corpus['cases'])} cases against {base} (idle time-outs 1 minute)")
    started = time.monotonic()
    results = corpus_runner.run_corpus(environment, corpus, args.idle_seconds, log)
    seconds = time.monotonic() - started
    alive, errors = server.alive(), server.logged_errors()
    server.stop()
    return {"results": results, "seconds": round(seconds), "server_alive": alive, "server_errors": errors}


# The report

def write_report(out, st, corpus):
    passed_cases = sum(r["passed"] for r in corpus["results"])
    total_cases = len(corpus["results"])
    requests = sum(r["requests"] for r in corpus["results"])
    st_ok = (st["exit"] == 0 and st["server_errors_5xx"] == 0 and st["conformance"] == 0 and st["errors"] == 0
             and st["bad_refusals"] == 0
             and st["server_alive"] and not st["server_errors"] and st["operations"] > 0)
    corpus_ok = passed_cases == total_cases and corpus["server_alive"] and not corpus["server_errors"]
    lines = ["## 4. Bad input: schemathesis and a hostile corpus", ""]
    lines += [f"schemathesis {schemathesis_version()} over the served `/api/v1/openapi.json` (every operation: kiosk "
              "pages, staff area, JSON API), signed in as a learner (bearer token and page cookie) and as an "
              "administrator, with the real CSRF token of each session; checks: " + CHECKS.replace(",", ", ") + ".", ""]
    lines += ["| schemathesis | figure |", "| --- | --- |",
              f"| operations tested | {st['operations']} |",
              f"| test cases generated | {st['cases']:,} |",
              f"| requests sent | {st['requests']:,} |",
              f"| responses 5xx | {st['server_errors_5xx']} |",
              f"| conformance failures (status, content type, headers, schema) | {st['conformance']} |",
              f"| refusals (4xx) read: not Vietnamese or showing internal text | {st['refusals']:,}: "
              f"{st['bad_refusals']} |",
              f"| errors (hooks, network) | {st['errors']} |",
              f"| server still running, errors in its log | {'yes' if st['server_alive'] else 'NO'}, "
              f"{len(st['server_errors'])} |",
              f"| statuses seen | {', '.join(f'{k}: {v:,}' for k, v in sorted(st['statuses'].items()))} |",
              f"| time | {st['seconds']} s |", ""]
    for failure in st["failures"][:40]:
        lines.append(f"- schemathesis failure: {failure}")
    if st["failures"]:
        lines.append("")
    lines += [f"Hostile corpus (`Reliability/attack/corpus.json`, {total_cases} cases, {requests} requests) against "
              "a live server with 1-minute idle time-outs: each case's expected refusal (status), a Vietnamese body "
              "with no raw message key, Swift type or SQLite text, and the stored rows it names unchanged.", ""]
    by_item = {}
    for r in corpus["results"]:
        by_item.setdefault(r["item"], []).append(r)
    lines += ["| hostile input | cases | passed | requests |", "| --- | --- | --- | --- |"]
    for item, rs in by_item.items():
        lines.append(f"| {item} | {len(rs)} | {sum(r['passed'] for r in rs)} | {sum(r['requests'] for r in rs)} |")
    lines += [f"| **all** | **{total_cases}** | **{passed_cases}** | **{requests}** |", ""]
    for r in corpus["results"]:
        for failure in r["failures"]:
            lines.append(f"- `{r['id']}`: {failure}")
    if not corpus["server_alive"]:
        lines.append("- the corpus's server stopped during the run")
    for line in (st["server_errors"] + corpus["server_errors"])[:20]:
        lines.append(f"- server log: `{line[:200]}`")
    lines.append(f"\nCorpus time {corpus['seconds']} s (includes one idle wait).")
    with open(os.path.join(out, "attack.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    verdict = (f"schemathesis: {st['operations']} operations, {st['cases']:,} cases, {st['server_errors_5xx']} 5xx, "
               f"{st['conformance']} conformance failures; hostile corpus: {passed_cases}/{total_cases} cases refused "
               f"as expected ({requests} requests)")
    with open(os.path.join(out, "attack.verdict"), "w", encoding="utf-8") as f:
        f.write(verdict + "\n")
    log(verdict)
    return st_ok and corpus_ok


def schemathesis_version():
    try:
        from importlib.metadata import version
        return version("schemathesis")
    except Exception:
        return "(version unknown)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hoctap", default=os.environ.get("HOCTAP"))
    parser.add_argument("--out", default=os.environ.get("RELIABILITY_OUT", os.path.join(ROOT, ".build-reliability/out")))
    parser.add_argument("--venv", default=os.environ.get("RELIABILITY_VENV", os.path.join(ROOT, ".build-reliability/venv")))
    parser.add_argument("--max-examples", type=int, default=int(os.environ.get("ATTACK_MAX_EXAMPLES", "100")))
    parser.add_argument("--seed", type=int, default=int(os.environ.get("ATTACK_SEED", "2026")))
    parser.add_argument("--st-timeout", type=int, default=330)
    parser.add_argument("--idle-seconds", type=float, default=65)
    parser.add_argument("--only", choices=["schemathesis", "corpus"])
    args = parser.parse_args()
    if not args.hoctap:
        sys.exit("HOCTAP is not set")
    os.makedirs(args.out, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="hoctap-attack-")
    empty = {"refusals": 0, "bad_refusals": 0, "operations": 0, "cases": 0, "requests": 0, "statuses": {}, "server_errors_5xx": 0, "conformance": 0,
             "errors": 0, "failures": ["not run"], "seconds": 0, "exit": -1, "server_alive": True, "server_errors": []}
    try:
        st = run_schemathesis(args, folder) if args.only != "corpus" else dict(empty, exit=0, failures=[])
        corpus = run_corpus(args, folder) if args.only != "schemathesis" else {
            "results": [], "seconds": 0, "server_alive": True, "server_errors": []}
        ok = write_report(args.out, st, corpus)
    finally:
        keep = os.environ.get("ATTACK_KEEP")
        if keep:
            log(f"logs and databases kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
