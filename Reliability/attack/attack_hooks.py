"""Schemathesis hooks (SCHEMATHESIS_HOOKS=attack_hooks): every generated request goes out signed in, so the
operations behind a sign-in are tested past their 401/303 too.

- /api/v1: the bearer token of a learner registered through POST /api/v1/learners (a new one when the token
  stops working, e.g. after a generated DELETE /api/v1/session);
- the kiosk pages: the cookie of a learner registered through the /dang-ky form, and that session's CSRF token
  in place of the generated `csrf` field;
- /can-bo: an administrator's staff cookie and the staff CSRF token.

Half of the cases (chosen by the case's id) get real path parameters instead of generated ones: the course
ky-nang-so-co-ban, its lessons and quizzes, the signed-in learner's own open attempt and its questions, a
learner id that exists, so the operations are tested past "not found" too.

The generated `csrf` is left as generated on the sign-out forms (/ket-thuc, /can-bo/dang-xuat) and on the
staff sign-in (whose wrong tries lock the address out): there they are refused as forged (403), which the
document describes, and the sessions of the run survive. Forged, missing and replayed tokens are the hostile
corpus's job.
"""
import itertools
import os
import re
import threading

import requests
import schemathesis

BASE = os.environ["ATTACK_BASE_URL"]
STAFF_USER = os.environ["ATTACK_STAFF_USER"]
STAFF_PASSWORD = os.environ["ATTACK_STAFF_PASSWORD"]
UNIT = os.environ.get("ATTACK_UNIT", "thon-2")
CSRF = re.compile(r'name="csrf" value="([^"]*)"')
KEEP_GENERATED_CSRF = {"/ket-thuc", "/can-bo/dang-xuat", "/can-bo/dang-nhap"}

_lock = threading.Lock()
_numbers = itertools.count(1)
_state = {"token": None, "kiosk": None, "staff": None, "course": None}
COURSE = "ky-nang-so-co-ban"
refreshes = {"token": 0, "kiosk": 0, "staff": 0}


def _name():
    # A name the registration accepts, different each time (PINs must differ between namesakes anyway).
    n = next(_numbers)
    return f"Người Thử {os.getpid()} Lần {n}", f"{4000 + n % 5000:04d}{n // 5000 % 10}"


def _csrf(session, path):
    match = CSRF.search(session.get(BASE + path, allow_redirects=False, timeout=30).text)
    return match.group(1) if match else ""


def _token():
    if _state["token"] is None:
        name, pin = _name()
        reply = requests.post(BASE + "/api/v1/learners", timeout=30, json={
            "unitId": UNIT, "name": name, "category": "nguoi-dan", "pin": pin, "consent": {"learning": True}})
        reply.raise_for_status()
        _state["token"] = reply.json()["token"]
        refreshes["token"] += 1
    return _state["token"]


def _kiosk():
    if _state["kiosk"] is None:
        session = requests.Session()
        name, pin = _name()
        csrf = _csrf(session, f"/dang-ky?don-vi={UNIT}")
        reply = session.post(BASE + "/dang-ky", allow_redirects=False, timeout=30, data={
            "csrf": csrf, "unitId": UNIT, "name": name, "category": "nguoi-dan", "pin": pin, "pinAgain": pin,
            "consentLearning": "1"})
        if reply.status_code != 303:
            raise RuntimeError(f"kiosk registration gave {reply.status_code}")
        _state["kiosk"] = (session.cookies.get("hoctap_phien"), _csrf(session, "/cua-toi"))
        refreshes["kiosk"] += 1
    return _state["kiosk"]


def _staff():
    if _state["staff"] is None:
        session = requests.Session()
        csrf = _csrf(session, "/can-bo/dang-nhap")
        reply = session.post(BASE + "/can-bo/dang-nhap", allow_redirects=False, timeout=30,
                             data={"csrf": csrf, "username": STAFF_USER, "password": STAFF_PASSWORD})
        if reply.status_code != 303:
            raise RuntimeError(f"staff sign-in gave {reply.status_code}")
        cookie = session.cookies.get("hoctap_can_bo")
        match = CSRF.search(session.get(BASE + "/can-bo/nguoi-hoc", timeout=30,
                                        cookies={"hoctap_can_bo": cookie}).text)
        _state["staff"] = (session.cookies.get("hoctap_phien"), cookie, match.group(1) if match else "")
        refreshes["staff"] += 1
    return _state["staff"]


def _course():
    if _state["course"] is None:
        course = requests.get(f"{BASE}/api/v1/courses/{COURSE}", timeout=30).json()
        _state["course"] = {"lessons": [lesson["id"] for lesson in course["lessons"]],
                            "quizId": course["finalQuiz"]["id"]}
    return _state["course"]


def _api_attempt(token):
    """The API learner's open attempt of the final quiz: (attempt id, question ids)."""
    key = ("api-attempt", token)
    if key not in _state:
        reply = requests.post(BASE + "/api/v1/attempts", timeout=30, headers={"Authorization": f"Bearer {token}"},
                              json={"courseId": COURSE, "quizId": _course()["quizId"]})
        body = reply.json() if reply.status_code == 200 else {}
        _state[key] = (body.get("attemptId", "none"), [q["id"] for q in body.get("questions", [])] or ["none"])
    return _state[key]


def _kiosk_attempt(cookie, csrf):
    """The kiosk learner's open attempt of the final quiz, started through its form."""
    key = ("kiosk-attempt", cookie)
    if key not in _state:
        reply = requests.post(f"{BASE}/khoa-hoc/{COURSE}/kiem-tra/quiz", data={"csrf": csrf}, timeout=30,
                              cookies={"hoctap_phien": cookie}, allow_redirects=False)
        location = reply.headers.get("location", "")
        _state[key] = location.split("/")[2] if location.startswith("/bai-lam/") else "none"
    return _state[key]


def _real_parameters(case, kiosk=None, token=None):
    """Real values for the path parameters of half of the cases (those whose id hashes even)."""
    if not case.path_parameters or sum(map(ord, case.id)) % 2:
        return
    course = _course()
    n = sum(map(ord, case.id))
    values = {"courseId": COURSE, "lessonId": course["lessons"][n % len(course["lessons"])],
              "quizKey": "quiz" if n % 3 else course["lessons"][n % len(course["lessons"])],
              "number": 1 + n % 10, "id": 1 + n % 8}
    if token:
        attempt, questions = _api_attempt(token)
        values.update(attemptId=attempt, questionId=questions[n % len(questions)])
    if kiosk:
        values["attemptId"] = _kiosk_attempt(*kiosk)
    for name in list(case.path_parameters):
        if name in values:
            case.path_parameters[name] = values[name]


def _set_csrf(case, token):
    if case.operation.path in KEEP_GENERATED_CSRF or not isinstance(case.body, dict) or "csrf" not in case.body:
        return
    case.body["csrf"] = token


@schemathesis.hook
def before_call(context, case, **kwargs):
    path = case.operation.path
    with _lock:
        if path.startswith("/api/"):
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {_token()}"
            _real_parameters(case, token=_token())
        elif path.startswith("/can-bo"):
            kiosk_cookie, staff_cookie, csrf = _staff()
            case.headers = case.headers or {}
            case.headers["Cookie"] = f"hoctap_phien={kiosk_cookie}; hoctap_can_bo={staff_cookie}"
            _set_csrf(case, csrf)
            _real_parameters(case)
        elif not path.startswith("/static/") and path != "/healthz":
            cookie, csrf = _kiosk()
            case.headers = case.headers or {}
            case.headers["Cookie"] = f"hoctap_phien={cookie}"
            _set_csrf(case, csrf)
            _real_parameters(case, kiosk=(cookie, csrf))


@schemathesis.hook
def after_call(context, case, response):
    path = case.operation.path
    cleared = any(v.startswith(("hoctap_phien=;", "hoctap_can_bo=;"))
                  for v in response.headers.get("set-cookie", []) or [])
    with _lock:
        if path.startswith("/api/") and response.status_code == 401 and case.operation.definition.raw.get("security"):
            _state["token"] = None
        elif path.startswith("/can-bo"):
            location = (response.headers.get("location") or [""])[0]
            if cleared or location == "/can-bo/dang-nhap":
                _state["staff"] = None
        elif cleared or (response.status_code == 303 and (response.headers.get("location") or [""])[0] in ("/", "/dang-nhap")
                         and path not in ("/dang-nhap", "/dang-ky")):
            _state["kiosk"] = None
