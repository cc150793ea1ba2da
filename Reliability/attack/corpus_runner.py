"""The hostile corpus (Reliability/attack/corpus.json) against a live `hoctap serve`.

Each case's senders are signed in first (fresh for every case), the stored data the case names under `unchanged`
is read from the SQLite file, the steps run in order, and the data is read again. Requests go out byte for byte
as written (http.client, no path normalisation), so `..` and `%2e%2e` reach the server as sent. The sender
keeps a cookie the server asked to clear, as an attacker replaying it would.
"""
import hashlib
import http.client
import json
import re
import sqlite3
import time
import unicodedata
import urllib.parse

VIETNAMESE = re.compile("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)
# A message key of Content/strings/vi.yaml shown as is (its top-level groups, then a dotted path).
RAW_KEY = re.compile(r"(?<![\w/.-])(?:diagnostic|diagnostics|categories|cli|staff|errors|import|learner|merge|report"
                     r"|web|terminal|can_bo)\.[a-z0-9_]+(?:[.-][a-z0-9_]+)*")
# What a developer's error says and a person must never read.
LEAKS = ["SQLite", "SQLITE_", "GRDB", "DatabaseError", "DecodingError", "EncodingError", "Swift.",
         "Foundation.", "NIOCore", "HTTPError", "Error Domain", "Optional(", "Fatal error", "{{", "}}"]
CSRF = re.compile(r'name="csrf" value="([^"]*)"')


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # list of (lower-case name, value)
        self.body = body

    def header(self, name):
        return next((v for k, v in self.headers if k == name), None)

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Sender:
    """A browser or an API client: its cookies, its bearer token, the last CSRF token each area showed it."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}
        self.token = None
        self.csrf = {}  # "staff" or "kiosk" -> token

    def send(self, method, path, body=None, content_type=None, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        sent = dict(headers or {})
        jar = [f"{k}={v}" for k, v in self.cookies.items() if k != "hoctap_can_bo" or path.startswith("/can-bo")]
        if jar:
            sent["Cookie"] = "; ".join(jar)
        if self.token:
            sent["Authorization"] = f"Bearer {self.token}"
        if content_type:
            sent["Content-Type"] = content_type
        conn.putrequest(method, path, skip_accept_encoding=True)
        for k, v in sent.items():
            conn.putheader(k, v.encode("utf-8") if isinstance(v, str) else v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        reply = Reply(response.status, [(k.lower(), v) for k, v in response.getheaders()], response.read())
        conn.close()
        for name, value in reply.headers:
            if name == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                if val:  # a cleared cookie is kept: the replay is the attack
                    self.cookies[key] = val
        found = CSRF.findall(reply.text) if "html" in (reply.header("content-type") or "") else []
        if found:
            self.csrf[area(path)] = found[0]
        return reply


def area(path):
    return "staff" if path.startswith("/can-bo") else "kiosk"


def form_body(fields):
    return "&".join(f"{urllib.parse.quote(k, safe='')}={urllib.parse.quote(v, safe='')}" for k, v in fields.items())


def vietnamese_refusal(reply):
    """Why a 4xx body is not a Vietnamese refusal, or None."""
    kind = reply.header("content-type") or ""
    text = reply.text
    if "application/problem+json" in kind:
        try:
            problem = reply.json()
        except ValueError:
            return "problem+json that is not JSON"
        for field in ("title", "detail"):
            if not VIETNAMESE.search(str(problem.get(field, ""))):
                return f"problem {field} not Vietnamese: {problem.get(field)!r}"
        return None
    if "text/html" in kind:
        if 'lang="vi"' not in text:
            return "page without lang=\"vi\""
        visible = re.sub(r"<[^>]+>", " ", text)
        if not VIETNAMESE.search(visible):
            return "page without Vietnamese text"
        return None
    return f"a refusal as {kind or 'no content type'} ({len(reply.body)} bytes)"


def leaks(reply):
    text = reply.text
    found = [word for word in LEAKS if word in text]
    found += RAW_KEY.findall(re.sub(r"<(link|script|meta)[^>]*>", " ", text))
    return found


class Environment:
    """The live server, its database file and the context values the corpus names."""

    def __init__(self, port, db, context, accounts):
        self.port = port
        self.db = db
        self.context = context
        self.accounts = accounts  # sender name -> how to sign it in

    def snapshot(self, tables):
        connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)
        try:
            digest = {}
            for table in tables:
                # Views of personal data are audited too (xem-…); a case must only leave no action behind.
                where = " WHERE action NOT LIKE 'xem-%'" if table == "auditEvent" else ""
                rows = connection.execute(f'SELECT * FROM "{table}"{where} ORDER BY rowid').fetchall()
                digest[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
            return digest
        finally:
            connection.close()

    def sign_in(self, name):
        sender = Sender(self.port)
        if name == "visitor":
            return sender
        kind, who = self.accounts[name]
        if kind == "api":
            reply = sender.send("POST", "/api/v1/session", json.dumps(who).encode(), "application/json")
            if reply.status != 201:
                raise RuntimeError(f"{name}: POST /api/v1/session gave {reply.status}")
            sender.token = reply.json()["token"]
        elif kind == "page":
            sender.send("GET", f"/dang-nhap?don-vi={urllib.parse.quote(who['unitId'])}")
            fields = dict(who, csrf=sender.csrf.get("kiosk", ""))
            reply = sender.send("POST", "/dang-nhap", form_body(fields).encode(), "application/x-www-form-urlencoded")
            if reply.status != 303:
                raise RuntimeError(f"{name}: POST /dang-nhap gave {reply.status}")
            sender.csrf.pop("kiosk", None)  # the signed-in session has a token of its own
        elif kind == "staff":
            sender.send("GET", "/can-bo/dang-nhap")
            fields = dict(who, csrf=sender.csrf.get("staff", ""))
            reply = sender.send("POST", "/can-bo/dang-nhap", form_body(fields).encode(),
                                "application/x-www-form-urlencoded")
            if reply.status != 303:
                raise RuntimeError(f"{name}: POST /can-bo/dang-nhap gave {reply.status}")
            sender.csrf.pop("staff", None)
        return sender


def lookup(value, path):
    """A dotted path into JSON: `questions.0.id`, or `questions.?kind=text.id` (the first item whose kind is text)."""
    for part in path.split("."):
        if part.startswith("?"):
            key, _, wanted = part[1:].partition("=")
            value = next((item for item in value if str(item.get(key)) == wanted), None)
        elif isinstance(value, list):
            value = value[int(part)] if part.isdigit() and int(part) < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
        if value is None:
            return None
    return value


class CaseRun:
    def __init__(self, environment, case, idle_seconds):
        self.environment = environment
        self.case = case
        self.idle_seconds = idle_seconds
        self.saved = {}
        self.senders = {}
        self.failures = []
        self.requests = 0

    def fill(self, text, sender=None, path=""):
        def replace(match):
            name = match.group(1)
            if name == "csrf":
                return self.csrf(sender, path)
            if name == "token":
                return sender.token or ""
            if name.startswith("nfd:"):
                return unicodedata.normalize("NFD", str(self.value(name[4:])))
            if name.startswith("url:"):
                return urllib.parse.quote(str(self.value(name[4:])), safe="")
            return str(self.value(name))
        return re.sub(r"\{([A-Za-z][A-Za-z0-9:]*)\}", replace, text)

    def value(self, name):
        if name in self.saved:
            return self.saved[name]
        if name in self.environment.context:
            return self.environment.context[name]
        raise KeyError(f"no value for {{{name}}}")

    def csrf(self, sender, path):
        where = area(path)
        for page in (["/can-bo/nguoi-hoc"] if where == "staff" else ["/dang-nhap", "/cua-toi"]):
            if where in sender.csrf:
                break
            sender.send("GET", page)
        return sender.csrf.get(where, "")

    def fill_json(self, value, sender, path):
        if isinstance(value, str):
            return self.fill(value, sender, path)
        if isinstance(value, list):
            return [self.fill_json(v, sender, path) for v in value]
        if isinstance(value, dict):
            return {k: self.fill_json(v, sender, path) for k, v in value.items()}
        return value

    def run(self):
        names = sorted({step["as"] for step in self.case["steps"] if "as" in step})
        for name in names:
            self.senders[name] = self.environment.sign_in(name)
        tables = self.case.get("unchanged", [])
        before = self.environment.snapshot(tables) if tables else None
        for number, step in enumerate(self.case["steps"], 1):
            if step.get("wait") == "idle":
                time.sleep(self.idle_seconds)
                continue
            self.step(number, step)
        if tables:
            after = self.environment.snapshot(tables)
            for table in tables:
                if before[table] != after[table]:
                    self.failures.append(f"{table} changed: {before[table][0]} rows before, {after[table][0]} after")
        return not self.failures

    def step(self, number, step):
        sender = self.senders[step["as"]]
        path = self.fill(step["path"], sender, step["path"])
        content_type = step.get("contentType")
        body = None
        if "json" in step:
            body = json.dumps(self.fill_json(step["json"], sender, path), ensure_ascii=False).encode("utf-8")
            content_type = content_type or "application/json"
        elif "form" in step:
            form = step["form"]
            text = self.fill(form, sender, path) if isinstance(form, str) else form_body(self.fill_json(form, sender, path))
            body = text.encode("utf-8")
            content_type = content_type or "application/x-www-form-urlencoded"
        elif "text" in step:
            body = self.fill(step["text"], sender, path).encode("utf-8")
        elif "hex" in step:
            body = bytes.fromhex(step["hex"].replace(" ", ""))
        elif "repeat" in step:
            spec = step["repeat"]
            body = (self.fill(spec["prefix"], sender, path) + self.fill(spec["unit"], sender, path) * spec["count"]
                    + self.fill(spec.get("suffix", ""), sender, path)).encode("utf-8")
        reply = sender.send(step["method"], path, body, content_type, step.get("headers"))
        self.requests += 1
        where = f"step {number} ({step['method']} {path[:80]})"
        expect = step.get("expect", {})
        wanted = expect.get("status")
        wanted = [wanted] if isinstance(wanted, int) else wanted
        if reply.status >= 500:
            self.failures.append(f"{where}: server error {reply.status}")
        elif wanted and reply.status not in wanted:
            self.failures.append(f"{where}: status {reply.status}, expected {wanted}: {reply.text[:200]!r}")
        if reply.status >= 400:
            problem = vietnamese_refusal(reply)
            if problem:
                self.failures.append(f"{where}: {problem}")
            found = leaks(reply)
            if found:
                self.failures.append(f"{where}: internal text reached the person: {found[:5]}")
        if "location" in expect and reply.header("location") != expect["location"]:
            self.failures.append(f"{where}: Location {reply.header('location')!r}, expected {expect['location']!r}")
        for text in expect.get("bodyContains", []):
            if self.fill(text) not in reply.text:
                self.failures.append(f"{where}: body lacks {self.fill(text)!r}")
        for text in expect.get("bodyLacks", []):
            if self.fill(text) in reply.text:
                self.failures.append(f"{where}: body shows {self.fill(text)!r}")
        for name in expect.get("header", {}):
            if reply.header(name.lower()) is None:
                self.failures.append(f"{where}: no {name} header")
        if "json" in expect:
            try:
                document = reply.json()
            except ValueError:
                document = None
                self.failures.append(f"{where}: body is not JSON")
            if document is not None:
                for key, value in expect["json"].items():
                    got = lookup(document, key)
                    wanted_value = self.fill(value) if isinstance(value, str) else value
                    if got != wanted_value:
                        self.failures.append(f"{where}: {key} is {got!r}, expected {wanted_value!r}")
        for name, key in step.get("save", {}).items():
            if key == "csrf":
                self.saved[name] = sender.csrf.get(area(path), "")
            else:
                try:
                    self.saved[name] = lookup(reply.json(), key)
                except ValueError:
                    self.saved[name] = None
                if self.saved[name] is None:
                    self.failures.append(f"{where}: nothing at {key} to save as {name}")


def run_corpus(environment, corpus, idle_seconds, log):
    results = []
    for case in corpus["cases"]:
        run = CaseRun(environment, case, idle_seconds)
        started = time.monotonic()
        try:
            passed = run.run()
        except Exception as error:  # a sender that cannot sign in, a value missing: the case fails, the run goes on
            run.failures.append(f"could not run: {type(error).__name__}: {error}")
            passed = False
        seconds = time.monotonic() - started
        results.append({"id": case["id"], "item": case["item"], "front": case["front"], "passed": passed,
                        "requests": run.requests, "failures": run.failures, "seconds": round(seconds, 2)})
        log(f"  {'ok  ' if passed else 'FAIL'} {case['id']} ({run.requests} requests, {seconds:.1f} s)")
        for failure in run.failures:
            log(f"       {failure}")
    return results
