"""Part 6 of `make reliability`: a learner's journey through `hoctap learn` in a real terminal (tmux).

A fresh database; register, choose a course, read its first lesson page by page, pass the lesson's check; start
the final quiz (the second attempt), answer part of it, press Ctrl-C; start `hoctap learn` again, sign in, and
check that the attempt resumes at the first unanswered question with the earlier answers kept (the finished quiz
then scores every question right). Every screen is saved to OUT/terminal/NN-step.txt and checked against the
words of Content/strings/vi.yaml; the right answers are read from the course's Markdown files, as a test would.

Usage: journey.py HOCTAP REPO OUT  (writes OUT/terminal/ and OUT/terminal.json; exits 1 on the first failure).
"""

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

import yaml

COURSE = "ky-nang-so-co-ban"
NAME = "Nguyễn Thị Lan"
UNIT_TYPED = "thon 1"
PIN = "2468"
ANSWERED_BEFORE_CTRL_C = 4
WIDTH, HEIGHT = 100, 32
WAIT_SECONDS = 20


class JourneyFailed(Exception):
    pass


def nfc(text):
    return unicodedata.normalize("NFC", text)


def squash(text):
    """Markdown marks dropped and white space collapsed, for comparing course text with what the screen shows."""
    text = nfc(text).replace("**", "").replace("`", "").replace("\\", "")
    text = re.sub(r"(?<!\w)\*(?!\s)|(?<!\s)\*(?!\w)", "", text)
    return re.sub(r"\s+", " ", text).strip()


# MARK: The words of the interface


class Strings:
    def __init__(self, path):
        with open(path, encoding="utf-8") as handle:
            self.tree = yaml.safe_load(handle)

    def text(self, key, *arguments):
        node = self.tree
        for part in key.split("."):
            node = node[part]
        text = nfc(str(node))
        for index, argument in enumerate(arguments):
            text = text.replace("{%d}" % index, str(argument))
        return text

    def pattern(self, key):
        """The message as a regular expression, each placeholder a group (the screen wraps it: any space may be a
        line break)."""
        template = re.escape(self.text(key))
        template = re.sub(r"\\\{\d\\\}|\{\d\}", "(.+?)", template)
        return re.sub(r"(\\ )+", r"\\s+", template)


# MARK: The right answers, from the course files


def front_matter_title(path):
    with open(path, encoding="utf-8") as handle:
        match = re.search(r"^title:\s*(.+)$", handle.read(), re.M)
    return nfc(match.group(1).strip().strip('"'))


def questions_in(text):
    """Each `## ` question of a quiz section: its heading (without `{…}` attributes), kind and right answer."""
    questions = []
    current = None
    for line in text.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            attributes = ""
            match = re.search(r"\s*\{([^}]*)\}\s*$", heading)
            if match:
                attributes = match.group(1)
                heading = heading[: match.start()]
            current = {"heading": squash(heading), "multiple": "multiple" in attributes.split(),
                       "choices": [], "text": None, "number": None}
            questions.append(current)
            continue
        if current is None:
            continue
        choice = re.match(r"^- \[( |x|X)\] (.+)$", line)
        if choice:
            current["choices"].append((squash(choice.group(2)), choice.group(1) != " "))
        number = re.match(r"^Đáp án số:\s*`([^`]+)`", nfc(line))
        if number:
            current["number"] = number.group(1)
        answer = re.match(r"^Đáp án:\s*`([^`]+)`", nfc(line))
        if answer:
            current["text"] = answer.group(1)
    return questions


def course_questions(folder):
    """The questions of the final quiz and of every lesson check of a course folder."""
    found = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md") or name == "course.md":
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            text = nfc(handle.read())
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        if name != "quiz.md":
            check = re.search(r"^# Kiểm tra.*$", body, re.M | re.I)
            if not check:
                continue
            body = body[check.end():]
        found += questions_in(body)
    return found


# MARK: The terminal


class Terminal:
    """A tmux server of its own (its own socket), one window WIDTH×HEIGHT, the program as the pane's command."""

    def __init__(self, workdir):
        self.socket = "hoctap-journey-%d" % os.getpid()
        self.workdir = workdir
        self.started = False

    def tmux(self, *arguments, check=True):
        result = subprocess.run(["tmux", "-u", "-L", self.socket, "-f", "/dev/null", *arguments],
                                capture_output=True, text=True, encoding="utf-8")
        if check and result.returncode != 0:
            raise JourneyFailed("tmux %s: %s" % (arguments[0], result.stderr.strip()))
        return result.stdout

    def start(self, command, status_path):
        """Runs `command` in the pane, from a shell that writes its exit status to `status_path` (the shell stays
        behind when Ctrl-C ends the command: without job control it waits for the command, which handles it)."""
        self.status_path = status_path
        command = "bash -c %s" % shlex.quote("%s; echo $? > %s" % (command, shlex.quote(status_path)))
        env = ["-e", "LANG=C.UTF-8", "-e", "LC_ALL=C.UTF-8", "-e", "TZ=Asia/Ho_Chi_Minh"]
        if not self.started:
            self.tmux("new-session", "-d", "-s", "j", "-x", str(WIDTH), "-y", str(HEIGHT), "-c", self.workdir,
                      *env, "sleep 1000000")
            self.tmux("set-option", "-t", "j", "remain-on-exit", "on")
            self.tmux("set-option", "-t", "j", "history-limit", "5000")
            self.started = True
        self.tmux("respawn-pane", "-k", "-t", "j", "-c", self.workdir, *env, command)
        self.tmux("clear-history", "-t", "j")

    def screen(self):
        return nfc(self.tmux("capture-pane", "-p", "-t", "j"))

    def history(self):
        """The screen and everything scrolled off it since the program started."""
        return nfc(self.tmux("capture-pane", "-p", "-S", "-", "-t", "j"))

    def type(self, text):
        self.tmux("send-keys", "-t", "j", "-l", text)
        self.tmux("send-keys", "-t", "j", "Enter")

    def key(self, name):
        self.tmux("send-keys", "-t", "j", name)

    def exit_status(self):
        """The program's exit status once it has ended, else None. Written by the shell that started it: tmux's
        own #{pane_dead_status} sometimes stays empty when the terminal closes before the process is reaped."""
        try:
            with open(self.status_path, encoding="utf-8") as handle:
                text = handle.read().strip()
        except OSError:
            return None
        return int(text) if text else None

    def stop(self):
        if self.started:
            self.tmux("kill-server", check=False)


# MARK: The journey


class Journey:
    def __init__(self, hoctap, repo, out):
        self.hoctap = hoctap
        self.repo = repo
        self.out = os.path.join(out, "terminal")
        shutil.rmtree(self.out, ignore_errors=True)
        os.makedirs(self.out)
        self.strings = Strings(os.path.join(repo, "Content", "strings", "vi.yaml"))
        self.folder = os.path.join(repo, "Courses", COURSE)
        self.title = front_matter_title(os.path.join(self.folder, "course.md"))
        self.questions = course_questions(self.folder)
        self.tmp = tempfile.mkdtemp(prefix="hoctap-terminal-")
        self.db = os.path.join(self.tmp, "hoctap.sqlite")
        self.terminal = Terminal(repo)
        self.step = 0
        self.steps = []
        self.waits = []

    # Waiting and recording

    def wait(self, what, predicate, history=False):
        """Polls the screen (every 50 ms, at most WAIT_SECONDS) until `predicate(screen)` holds; with `history`,
        the lines scrolled off the screen since the program started count too."""
        started = time.monotonic()
        while True:
            screen = self.terminal.history() if history else self.terminal.screen()
            if predicate(screen):
                self.waits.append(time.monotonic() - started)
                return screen
            if time.monotonic() - started > WAIT_SECONDS:
                self.save("FAILED", screen)
                raise JourneyFailed("waited %d s for %s; the screen is in %s" % (WAIT_SECONDS, what,
                                    os.path.join(self.out, "%02d-FAILED.txt" % self.step)))
            time.sleep(0.05)

    def wait_for(self, key, *arguments, history=False):
        """Waits for a message (its placeholders filled or, when not given, any text) anywhere on the screen."""
        if arguments:
            wanted = re.sub(r"(\\ )+", r"\\s+", re.escape(self.strings.text(key, *arguments)))
        else:
            wanted = self.strings.pattern(key)
        return self.wait(key, lambda screen: re.search(wanted, screen) is not None, history=history)

    def wait_prompt(self, key, *arguments):
        """Waits until the screen ends with a prompt: the program is waiting for what is typed next."""
        wanted = squash(self.strings.text(key, *arguments))
        return self.wait("the prompt " + key, lambda screen: squash(screen).endswith(wanted))

    def wait_confirm(self, key, *arguments):
        """Waits until the screen ends with a yes-or-no question."""
        wanted = squash(self.strings.text(key, *arguments) + " " + self.strings.text("terminal.yes_no"))
        return self.wait("the question " + key, lambda screen: squash(screen).endswith(wanted))

    def save(self, name, screen=None):
        self.step += 1
        screen = self.terminal.screen() if screen is None else screen
        path = os.path.join(self.out, "%02d-%s.txt" % (self.step, name))
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(screen)
        self.steps.append(os.path.basename(path))
        return screen

    def check(self, condition, what):
        if not condition:
            self.save("FAILED")
            raise JourneyFailed(what)

    # The session

    def launch(self):
        self.launches = getattr(self, "launches", 0) + 1
        self.terminal.start("%s learn --db %s --courses Courses --content Content"
                            % (shlex.quote(self.hoctap), shlex.quote(self.db)),
                            os.path.join(self.tmp, "exit-status-%d" % self.launches))
        self.wait_prompt("terminal.start.prompt")
        self.check(self.strings.text("terminal.title") in self.terminal.screen(), "the title is not shown")

    def choose_unit(self):
        self.wait_prompt("terminal.sign_in.unit")
        self.terminal.type(UNIT_TYPED)
        self.wait_for("terminal.sign_in.unit_chosen", "Thôn 1")

    def register(self):
        self.launch()
        self.save("start-menu")
        self.terminal.type("2")
        self.wait_for("terminal.register.title")
        self.choose_unit()
        self.save("register-unit")
        self.wait_prompt("terminal.register.name")
        self.terminal.type(NAME)
        self.wait_prompt("terminal.register.category")
        self.save("register-category")
        self.terminal.type("5")  # nguoi-dan, the fifth of LearnerCategory.allCases
        for key in ("terminal.register.pin", "terminal.register.pin_again"):
            self.wait_prompt(key)
            self.terminal.type(PIN)
        screen = self.wait_confirm("terminal.register.consent_learning")
        self.check(PIN not in screen, "the PIN was echoed on the screen")
        self.check(re.search(self.strings.pattern("terminal.register.notice_title"), screen) is not None,
                   "the privacy notice is not shown before consent")
        self.save("register-notice")
        self.terminal.type("c")
        self.wait_confirm("terminal.register.consent_reporting")
        self.terminal.type("k")
        self.wait_prompt("terminal.courses.prompt")
        self.wait_for("terminal.register.done", NAME, "Thôn 1")
        self.save("registered-courses")

    def sign_in(self):
        self.launch()
        self.save("restart-start-menu")
        self.terminal.type("1")
        self.wait_for("terminal.sign_in.title")
        self.choose_unit()
        self.wait_prompt("terminal.sign_in.name")
        self.terminal.type(NAME)
        self.wait_prompt("terminal.sign_in.pin")
        self.terminal.type(PIN)
        screen = self.wait_prompt("terminal.courses.prompt")
        self.check(PIN not in screen, "the PIN was echoed on the screen")
        self.wait_for("terminal.sign_in.welcome", NAME)
        self.save("signed-in-courses")

    def open_course(self):
        screen = self.terminal.screen()
        match = re.search(r"^\s*(\d+)\. %s$" % re.escape(self.title), screen, re.M)
        self.check(match is not None, "the course %s is not in the list" % self.title)
        self.terminal.type(match.group(1))
        self.wait_for("terminal.course.title", self.title, history=True)
        return self.wait_prompt("terminal.course.prompt")

    def read_first_lesson(self):
        screen = self.open_course()
        self.save("course")
        match = re.search(self.strings.pattern("terminal.course.enter_next"), squash(screen))
        self.check(match is not None, "Enter does not offer the first lesson")
        lesson = match.group(1)
        self.terminal.type("")
        pages = 0
        page = re.compile(self.strings.pattern("terminal.lesson.page") + "|"
                          + self.strings.pattern("terminal.lesson.page_last"))
        done = squash(self.strings.text("terminal.lesson.finished", lesson))
        while True:
            screen = self.wait("a lesson page or the end of the lesson",
                               lambda s: page.search(s.rstrip().splitlines()[-1] if s.strip() else "")
                               or done in squash(s))
            if done in squash(screen):
                break
            pages += 1
            last = screen.rstrip().splitlines()[-1]
            numbers = page.search(last).groups()
            shown = [n for n in numbers if n is not None]
            self.check(shown[0] == str(pages), "page %d shows as page %s" % (pages, shown[0]))
            self.save("lesson-page-%d" % pages)
            self.terminal.key("Space")
            self.wait("page %d to go" % pages, lambda s: s != screen)
        self.check(pages >= 2, "the lesson was not paged (%d page)" % pages)
        self.wait_confirm("terminal.lesson.offer_check", "3")
        self.save("lesson-finished")
        return lesson, pages

    # Quizzes

    def question_on_screen(self, screen):
        """The last question on the screen: number, total, kind, prompt text and choices (number → text)."""
        lines = screen.rstrip().splitlines()
        header = re.compile("^" + self.strings.pattern("terminal.quiz.question") + "$")
        start = max(i for i, line in enumerate(lines) if header.match(line))
        number, total, kind = header.match(lines[start]).groups()
        prompt, choices, current = [], {}, None
        for line in lines[start + 1:-1]:
            choice = re.match(r"^  (\d+)\. (.*)$", line)
            if choice:
                current = int(choice.group(1))
                choices[current] = choice.group(2)
            elif current is not None and line.startswith("   "):
                choices[current] += " " + line.strip()
            elif current is None:
                prompt.append(line)
        return int(number), int(total), kind, squash(" ".join(prompt)), {n: squash(t) for n, t in choices.items()}

    def answer_for(self, prompt, choices):
        matches = [q for q in self.questions if prompt == q["heading"] or prompt.startswith(q["heading"] + " ")]
        self.check(len(matches) == 1, "found %d questions in the course files for %r" % (len(matches), prompt))
        question = matches[0]
        if question["number"] is not None:
            return question["number"]
        if question["text"] is not None:
            return question["text"]
        right = {text for text, is_right in question["choices"] if is_right}
        numbers = [n for n, text in sorted(choices.items()) if text in right]
        self.check(len(numbers) == len(right), "the right choices of %r are not all on the screen" % prompt)
        return ",".join(map(str, numbers))

    def wait_question(self, number):
        """Waits until question `number` is the last on the screen and its answer is awaited."""
        prompts = [squash(self.strings.text("terminal.quiz.prompt." + kind))
                   for kind in ("single", "multiple", "true-false", "text", "number")]

        def ready(screen):
            try:
                shown = self.question_on_screen(screen)[0]
            except ValueError:
                return False
            return shown == number and any(squash(screen).endswith(prompt) for prompt in prompts)
        return self.wait("question %d" % number, ready)

    def answer_questions(self, first, count, name, feedback):
        """Answers right, from question `first`, `count` questions (all when None); with `feedback`, checks each
        answer is said to be right before the next question shows."""
        number = first
        while True:
            screen = self.wait_question(number)
            shown, total, _, prompt, choices = self.question_on_screen(screen)
            self.save("%s-question-%d" % (name, number))
            self.terminal.type(self.answer_for(prompt, choices))
            if number == total or (count is not None and number - first + 1 == count):
                return total
            if feedback:
                self.wait_question(number + 1)
                text = self.terminal.history()
                header = self.strings.text("terminal.quiz.question", number, total, "")
                after = text[text.rindex(header[: header.index("(")]):]
                after = after[: after.index(self.strings.text("terminal.quiz.question", number + 1, total, "")
                                            .split("(")[0])]
                self.check(self.strings.text("terminal.quiz.right") in after
                           and self.strings.text("terminal.quiz.wrong") not in after,
                           "question %d was not said to be right" % number)
            number += 1

    def run(self):
        self.register()
        lesson, pages = self.read_first_lesson()

        # The lesson's check, passed.
        self.terminal.type("c")
        self.wait_for("terminal.quiz.intro", "3", "80")
        self.answer_questions(1, None, "check", feedback=True)
        self.wait_for("terminal.quiz.score", "3", "3", "100", history=True)
        self.wait_for("terminal.quiz.passed", "80", history=True)
        self.wait_prompt("terminal.course.prompt")
        self.save("check-passed")
        screen = self.terminal.screen()
        self.check(re.search(r"✓ 1\. " + re.escape(lesson), screen) is not None, "the lesson is not marked read")

        # The second attempt: the final quiz, part of it answered, then Ctrl-C.
        self.terminal.type("K")
        self.wait_for("terminal.quiz.saved_as_you_go")
        self.answer_questions(1, ANSWERED_BEFORE_CTRL_C, "final", feedback=False)
        # The next question shows once the last answer is saved; Ctrl-C while it waits for its answer.
        interrupted = self.question_on_screen(self.wait_question(ANSWERED_BEFORE_CTRL_C + 1))
        self.save("final-question-%d" % (ANSWERED_BEFORE_CTRL_C + 1))
        self.terminal.key("C-c")
        status = None
        deadline = time.monotonic() + WAIT_SECONDS
        while status is None and time.monotonic() < deadline:
            status = self.terminal.exit_status()
            time.sleep(0.05)
        self.wait_for("terminal.quiz.kept")
        self.save("ctrl-c")
        self.check(status == 130, "hoctap learn exited with %s after Ctrl-C, not 130" % status)

        # Back again: sign in, the same quiz resumes at the first unanswered question.
        self.sign_in()
        screen = self.open_course()
        self.terminal.type("K")
        self.wait_for("terminal.quiz.resumed", ANSWERED_BEFORE_CTRL_C, 12)
        # The first question asked is the first unanswered one.
        resumed = self.question_on_screen(self.wait_question(ANSWERED_BEFORE_CTRL_C + 1))
        self.save("resumed")
        self.check(resumed == interrupted, "the resumed question is not the one left at Ctrl-C (or its choices "
                   "are in another order)")
        self.answer_questions(ANSWERED_BEFORE_CTRL_C + 1, None, "resumed", feedback=False)
        # Every answer right, the four given before Ctrl-C included: they were kept.
        self.wait_for("terminal.quiz.score", 12, 12, 100, history=True)
        self.wait_for("terminal.quiz.passed", "80", history=True)
        self.wait_prompt("terminal.course.prompt")
        self.save("final-passed")

        # Leave through the menus: back to the courses, sign out, quit.
        self.terminal.type("0")
        self.wait_prompt("terminal.courses.prompt")
        self.terminal.type("0")
        self.wait_prompt("terminal.start.prompt")
        self.terminal.type("0")
        self.wait_for("terminal.goodbye")
        deadline = time.monotonic() + WAIT_SECONDS
        status = None
        while status is None and time.monotonic() < deadline:
            status = self.terminal.exit_status()
            time.sleep(0.05)
        self.save("goodbye")
        self.check(status == 0, "hoctap learn exited with %s after 0 (Thoát), not 0" % status)
        return {"lesson": lesson, "lesson_pages": pages, "check_questions": 3, "final_questions": 12,
                "answered_before_ctrl_c": ANSWERED_BEFORE_CTRL_C, "ctrl_c_exit_status": 130}


def main():
    hoctap, repo, out = sys.argv[1:4]
    journey = Journey(os.path.abspath(hoctap), os.path.abspath(repo), os.path.abspath(out))
    started = time.monotonic()
    result = {"passed": False}
    try:
        result.update(journey.run())
        result["passed"] = True
    except JourneyFailed as failure:
        result["failure"] = str(failure)
        print("terminal: " + str(failure), file=sys.stderr)
    finally:
        journey.terminal.stop()
        shutil.rmtree(journey.tmp, ignore_errors=True)
    result["seconds"] = round(time.monotonic() - started, 1)
    result["screens"] = journey.steps
    result["longest_wait_seconds"] = round(max(journey.waits, default=0), 2)
    with open(os.path.join(out, "terminal.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, ensure_ascii=False, indent=1)
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
