#!/usr/bin/env python3
"""A city's kiosks submitting through `hoctap serve` instances (one per commune) into one PostgreSQL.

Part of Benchmarks/postgres/run.sh (PARTS=city). Reads `commune port` lines, one per running server. Preparation
(not timed): on each server, KIOSKS learners register through the API (one per kiosk), and each opens SUBMISSIONS
attempts at the courses' lesson checks (a different check each time) and answers their first question. Then
every kiosk, on its own keep-alive connection, submits its attempts one after another, each with its own
submission id; a submission counts once its 200 has come back, which the server sends after the commit.

The kiosks are coroutines on one event loop, each with its own HTTP/1.1 connection (a small client over asyncio
streams), so that the driver spends little of the two cores the servers and PostgreSQL share with it.

Prints one JSON object: acknowledged submissions, failures, seconds, rate, the processor time each kind of process
(PostgreSQL, the hoctap servers, this driver, anything else) used while the kiosks submitted, and the acknowledged
submission ids' file for the caller to count in the database."""
import argparse, asyncio, collections, json, os, time
from urllib.parse import quote

parser = argparse.ArgumentParser()
parser.add_argument("--servers", required=True, help="file of `commune port` lines")
parser.add_argument("--kiosks", type=int, default=20)
parser.add_argument("--submissions", type=int, default=5)
parser.add_argument("--acks", required=True, help="file the acknowledged submission ids are written to")
args = parser.parse_args()


class Refused(Exception):
    pass


class Connection:
    """One keep-alive HTTP/1.1 connection to a server on 127.0.0.1."""

    def __init__(self, port):
        self.port, self.reader, self.writer = port, None, None

    async def request(self, method, path, body, headers):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        payload = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: {len(payload)}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
        self.writer.write(head.encode() + payload)
        status_line = await self.reader.readline()
        if not status_line:
            raise Refused(f"{method} {path}: the server closed the connection")
        status = int(status_line.split()[1])
        length, chunked, fields = 0, False, {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            fields[name.strip().lower()] = value.strip()
        if fields.get("transfer-encoding", "").lower() == "chunked":
            data = b""
            while (size := int((await self.reader.readline()).split(b";")[0], 16)) > 0:
                data += await self.reader.readexactly(size)
                await self.reader.readline()
            await self.reader.readline()
        else:
            data = await self.reader.readexactly(int(fields.get("content-length", 0)))
        if fields.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return status, fields, data


async def call(conn, method, path, body=None, token=None, expect=(200,)):
    """One request; a 429 (the server's registration pace) is waited out, anything else unexpected is fatal."""
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = "Bearer " + token
    for _ in range(50):
        status, fields, data = await conn.request(method, path, body, headers)
        if status == 429:
            await asyncio.sleep(float(fields.get("retry-after") or 1))
            continue
        if status not in expect:
            raise Refused(f"{method} {path}: {status} {data[:200]!r}")
        return json.loads(data) if data else None
    raise Refused(f"{method} {path}: still 429")


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
        # A binary measured through HOCTAP may be named hoctap-something.
        kind = "hoctap" if command.startswith("hoctap") else \
            {"postgres": "postgres", "python3": "driver"}.get(command, "other")
        used[kind] += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return used


class Kiosk:
    def __init__(self, commune, port, index, unit, checks):
        self.commune, self.port, self.index, self.unit, self.checks = commune, port, index, unit, checks
        self.jobs, self.acked, self.failure = [], [], None

    async def prepare(self):
        try:
            conn = Connection(self.port)
            reply = await call(conn, "POST", "/api/v1/learners", {
                "unitId": self.unit, "name": f"Người thử {self.commune} {self.index}", "category": "nguoi-dan",
                "pin": f"{1000 + self.index:04d}", "consent": {"learning": True}}, expect=(201,))
            token = reply["token"]
            for number in range(args.submissions):
                course, quiz = self.checks[(self.index + number) % len(self.checks)]
                attempt = await call(conn, "POST", "/api/v1/attempts", {"courseId": course, "quizId": quiz}, token,
                                     expect=(200, 201))
                question = attempt["questions"][0]
                answer = question["choices"][0]["id"] if question.get("choices") else "1"
                await call(conn, "PUT",
                           f"/api/v1/attempts/{attempt['attemptId']}/answers/{quote(question['id'], safe='')}",
                           {"response": answer}, token, expect=(200, 204))
                self.jobs.append((token, attempt["attemptId"]))
        except Exception as error:  # noqa: BLE001 - any failure of a kiosk fails the run, with its reason
            self.failure = f"{self.commune}/{self.index} preparing: {error!r}"

    async def submit(self):
        if self.failure:
            return
        try:
            conn = Connection(self.port)
            for token, attempt in self.jobs:
                submission = f"city-{self.commune}-{attempt}"
                await call(conn, "POST", f"/api/v1/attempts/{attempt}/submission", {"submissionId": submission}, token)
                self.acked.append(submission)
        except Exception as error:  # noqa: BLE001
            self.failure = f"{self.commune}/{self.index} submitting: {error!r}"


async def main():
    servers = [line.split() for line in open(args.servers) if line.strip()]
    first = Connection(int(servers[0][1]))
    checks = []  # (course, quiz): every lesson check of the bundled courses
    for course in (await call(first, "GET", "/api/v1/courses"))["courses"]:
        detail = await call(first, "GET", "/api/v1/courses/" + course["id"])
        checks += [(course["id"], lesson["check"]["id"]) for lesson in detail["lessons"] if lesson.get("check")]
    if len(checks) < args.submissions:
        raise SystemExit(f"only {len(checks)} lesson checks for {args.submissions} submissions per kiosk")
    kiosks = []
    for commune, port in servers:
        unit = (await call(Connection(int(port)), "GET", "/api/v1/units"))["units"][0]["id"]
        kiosks += [Kiosk(commune, int(port), index, unit, checks) for index in range(args.kiosks)]
    prepare_start = time.monotonic()
    await asyncio.gather(*(kiosk.prepare() for kiosk in kiosks))
    prepared = time.monotonic() - prepare_start
    cpu_before = cpu_seconds()
    start = time.monotonic()
    await asyncio.gather(*(kiosk.submit() for kiosk in kiosks))
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


asyncio.run(main())
