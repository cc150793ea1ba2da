#!/usr/bin/env bash
# Part 6 of `make reliability`: the terminal journey (journey.py) in tmux, about 30 s. Writes
# $RELIABILITY_OUT/terminal.md, terminal.verdict and the screens in $RELIABILITY_OUT/terminal/.
set -uo pipefail
: "${HOCTAP:?}" "${RELIABILITY_OUT:?}" "${RELIABILITY_VENV:?}"
mkdir -p "$RELIABILITY_OUT"
"$RELIABILITY_VENV/bin/python" Reliability/terminal/journey.py "$HOCTAP" . "$RELIABILITY_OUT"
status=$?
"$RELIABILITY_VENV/bin/python" - "$RELIABILITY_OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
try:
    r = json.load(open(os.path.join(out, "terminal.json"), encoding="utf-8"))
except (OSError, ValueError):
    r = {"passed": False, "failure": "journey.py wrote no result", "screens": [], "seconds": 0}
screens = len(r.get("screens", []))
lines = ["## 6. The terminal journey (tmux)", ""]
lines.append("`hoctap learn` on a fresh database in a 100×32 tmux window, driven by `Reliability/terminal/journey.py`: "
             "every screen is checked against the words of `Content/strings/vi.yaml`, and the right answers come "
             "from the course's Markdown files.")
lines.append("")
lines += ["| step | result |", "| --- | --- |"]
if r["passed"]:
    lines += [
        "| register (unit typed as text, PIN not echoed, consent after the privacy notice) | ok |",
        "| read lesson \"%s\" page by page (%d pages), marked read | ok |" % (r["lesson"], r["lesson_pages"]),
        "| its check: %d questions, each said right, 100%%, passed | ok |" % r["check_questions"],
        "| final quiz (second attempt): %d of %d answered, then Ctrl-C | exit status %d, \"answers kept\" said |"
        % (r["answered_before_ctrl_c"], r["final_questions"], r["ctrl_c_exit_status"]),
        "| `hoctap learn` again, sign in, the quiz resumes at question %d of %d (the same question, its choices in the same order) | ok |"
        % (r["answered_before_ctrl_c"] + 1, r["final_questions"]),
        "| the rest answered: %d/%d right (the answers given before Ctrl-C kept), passed | ok |"
        % (r["final_questions"], r["final_questions"]),
        "| leave through the menus | exit status 0 |",
    ]
else:
    lines.append("| journey | FAILED: %s |" % r.get("failure", "?"))
lines += ["", "%d screens saved in `.build-reliability/out/terminal/`; %.1f s in all, longest wait for a screen %.2f s."
          % (screens, r.get("seconds", 0), r.get("longest_wait_seconds", 0))]
open(os.path.join(out, "terminal.md"), "w", encoding="utf-8").write("\n".join(lines) + "\n")
verdict = ("sign-up to passed quiz, Ctrl-C mid-attempt resumed with answers kept; %d screens checked" % screens
           if r["passed"] else "FAILED: " + r.get("failure", "?"))
open(os.path.join(out, "terminal.verdict"), "w", encoding="utf-8").write(verdict + "\n")
PY
exit $status
