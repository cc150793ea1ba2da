#!/usr/bin/env python3
"""Writes load.md (sections 2 and 3 of the suite's summary) and load.verdict from the JSON the runs left."""
import json
import os
import sys

KIND_ORDER = ["register", "sign-in", "course", "lesson", "lesson-done", "start", "answer", "submit", "submit-again"]


def load(path):
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError):
        return None


def latency_table(run):
    lines = ["| request | count | p50 ms | p99 ms | max ms |", "| --- | ---: | ---: | ---: | ---: |"]
    kinds = run.get("kinds", {})
    for kind in KIND_ORDER + sorted(set(kinds) - set(KIND_ORDER)):
        if kind in kinds:
            k = kinds[kind]
            lines.append(f"| {kind} | {k['count']:,} | {k['p50_ms']} | {k['p99_ms']} | {k['max_ms']} |")
    return lines


def check_rows(check):
    if not check:
        return ["| database checks | not run |"]
    return [
        f"| `PRAGMA integrity_check` | {check['integrity_check']} |",
        f"| acknowledged submissions / attempts stored | {check['acknowledged']:,} / {check['stored_attempts']:,} |",
        f"| acknowledged but missing / stored but never acknowledged | {check['missing']} / {check['extra']} |",
        f"| submission ids stored twice | {check['duplicate_submission_ids']} |",
        f"| stored attempts differing from their acknowledgement | {check['mismatched']} |",
        f"| completions acknowledged / stored | {check['acknowledged_completions']} / {check['stored_completions']} |",
        f"| passed final attempts / without their completion | {check['passed_final_attempts']} / "
        f"{check['passed_finals_without_completion']} |",
        f"| drafts left / of the wrong learner | {check['drafts_left']} / {check['drafts_of_wrong_learner']} |",
        f"| attempts stored for the wrong learner | {check['attempts_of_wrong_learner']} |",
    ]


def problems(run, check):
    found = []
    if run is None:
        found.append("the run left no summary")
    else:
        found += run.get("kiosk_failures", [])
        found += [f"duplicate reply differs: {s}" for s in run.get("duplicate_mismatches", [])]
        if run.get("hung_kiosks"):
            found.append(f"kiosks still running at the time limit: {run['hung_kiosks'][:10]}")
        if run.get("killer_failure"):
            found.append(f"restart failed: {run['killer_failure']}")
        if run.get("mode") == "load" and run.get("errors"):
            found += [f"{count} × {what}" for what, count in run.get("errors_by_kind", {}).items()]
        elif run.get("fivexx") or run.get("hangs"):
            found += [f"{count} × {what}" for what, count in run.get("errors_by_kind", {}).items()
                      if "5xx" in what or "hang" in what]
    if check is None:
        found.append("the database checks left no summary")
    else:
        found += check.get("problems", [])
    return found


def main():
    out, work, passed = sys.argv[1], sys.argv[2], sys.argv[3] == "0"
    load_run = load(os.path.join(work, "summary-load.json"))
    load_check = load(os.path.join(work, "check-load.json"))
    kill_run = load(os.path.join(work, "summary-kill.json"))
    kill_check = load(os.path.join(work, "check-kill.json"))
    lines = ["## 2. Load without loss", ""]
    if load_run:
        lines += [
            f"{load_run['kiosks']} simulated kiosks against `hoctap serve` on loopback, each through the JSON API: "
            f"register, sign in, open the course, read every lesson, then {load_run['submissions_per_kiosk']} "
            "submissions (start, answer every question, submit with a submission id; every fifth sent twice "
            "with the same id, a final quiz now and then).", "",
            "| figure | value |", "| --- | --- |",
            f"| duration | {load_run['duration_s']} s |",
            f"| acknowledged submissions | {load_run['acknowledged']:,} ({load_run['submissions_per_s']} per s) |",
            f"| requests / errors | {load_run['requests']:,} / {load_run['errors']} "
            f"(error rate {load_run['error_rate']:.4%}) |",
            f"| 5xx / hangs | {load_run['fivexx']} / {load_run['hangs']} |",
            f"| submissions sent twice / replies that differed | {load_run['duplicates_sent']} / "
            f"{len(load_run['duplicate_mismatches'])} |",
            f"| passed / earning a completion | {load_run['passed']:,} / {load_run['completions']} |",
        ] + check_rows(load_check) + [""] + latency_table(load_run) + [""]
    for problem in problems(load_run, load_check):
        lines.append(f"- FAILED: {problem}")
    lines += ["", "## 3. Killed without loss", ""]
    if kill_run:
        lines += [
            f"The same journey by {kill_run['kiosks']} new kiosks on the same file (at least "
            f"{kill_run['submissions_per_kiosk']} submissions each) while the server was killed "
            "with SIGKILL at random moments (0.5 to 8 s after each start) and restarted; kiosks retried what was "
            "not acknowledged with the same submission id and signed in again after each restart. The run ended "
            "with a last SIGKILL; the checks read the file as it left it, over both runs' acknowledgements.", "",
            "| figure | value |", "| --- | --- |",
            f"| SIGKILLs / server starts | {kill_run['kills']} / {kill_run['server_starts']} |",
            f"| duration | {kill_run['duration_s']} s |",
            f"| acknowledged submissions | {kill_run['acknowledged']:,} |",
            f"| requests cut by a kill (retried) | {kill_run['interrupted_requests']:,} |",
            f"| sign-ins (again after restarts) | {kill_run['sign_ins']:,} |",
            f"| 5xx / hangs | {kill_run['fivexx']} / {kill_run['hangs']} |",
            f"| start to /healthz ready, p50 / max | {kill_run['startup_p50_s']} s / {kill_run['startup_max_s']} s |",
        ] + check_rows(kill_check)
        try:
            with open(os.path.join(work, "integrity-sqlite3.txt"), encoding="utf-8") as file:
                lines.append(f"| `sqlite3 -readonly` integrity_check | {file.read().strip()[:200]} |")
        except OSError:
            lines.append("| `sqlite3 -readonly` integrity_check | not run |")
        lines.append("")
    for problem in problems(kill_run, kill_check):
        lines.append(f"- FAILED: {problem}")
    lines.append("")
    with open(os.path.join(out, "load.md"), "w", encoding="utf-8") as file:
        file.write("\n".join(lines))

    if load_run and kill_run and load_check and kill_check:
        verdict = (f"{load_run['kiosks']} kiosks × {load_run['submissions_per_kiosk']}: "
                   f"{load_check['acknowledged']:,} acknowledged = {load_check['stored_attempts']:,} stored, "
                   f"{load_run['errors']} errors, submit p99 {load_run['kinds'].get('submit', {}).get('p99_ms')} ms; "
                   f"{kill_run['kills']} SIGKILLs: {kill_check['missing']} lost, {kill_check['duplicate_submission_ids']}"
                   f" duplicated, integrity {kill_check['integrity_check']}")
    else:
        verdict = "did not complete"
    if not passed:
        verdict = "FAILED: " + verdict
    with open(os.path.join(out, "load.verdict"), "w", encoding="utf-8") as file:
        file.write(verdict + "\n")


if __name__ == "__main__":
    main()
