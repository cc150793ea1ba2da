#!/usr/bin/env python3
"""Checks a database file left by kiosks.py against what the server acknowledged, with read-only queries.

  - PRAGMA integrity_check is ok, and PRAGMA foreign_key_check finds nothing;
  - the attempts stored are exactly the acknowledged submissions: same ids, one row each, each with the learner,
    quiz, submission id, percent, pass and number of answers that were acknowledged;
  - every acknowledged completion is stored, linked to the attempt that earned it, with the same code; every
    passed final attempt has its course's completion (the kiosks read every lesson before submitting);
  - no draft is left for an attempt that was stored, and every draft belongs to the learner who started it.

Prints a JSON summary; exits 1 when a check fails.
"""
import argparse
import json
import sqlite3
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--acks", required=True)
    parser.add_argument("--starts", required=True)
    parser.add_argument("--summary", required=True)
    args = parser.parse_args()

    acks = [json.loads(line) for line in open(args.acks, encoding="utf-8") if line.strip()]
    starts = json.load(open(args.starts, encoding="utf-8"))
    db = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    problems = []

    integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.append(f"integrity_check: {integrity[:5]}")
    foreign = db.execute("PRAGMA foreign_key_check").fetchall()
    if foreign:
        problems.append(f"foreign_key_check: {foreign[:5]}")

    learners = {}
    for learner_id, name, unit in db.execute("SELECT id, displayName, unitId FROM learner"):
        learners.setdefault((name, unit), []).append(learner_id)
    names = {}
    for (name, unit), ids in learners.items():
        if name and name.startswith("Người thử tải"):
            if len(ids) != 1:
                problems.append(f"{len(ids)} learners named {name} in {unit}")
            names[ids[0]] = name

    rows = {}
    for row in db.execute("""SELECT a.id, a.learnerId, a.quizId, a.submissionId, a.percent, a.passed, a.isFinal,
                                    a.courseId, (SELECT COUNT(*) FROM attemptAnswer WHERE attemptId = a.id)
                             FROM attempt a"""):
        rows[row[0]] = row
    by_attempt = {}
    for ack in acks:
        by_attempt.setdefault(ack["attemptId"], []).append(ack)
    duplicated_acks = [attempt for attempt, list_ in by_attempt.items() if len(list_) > 1]
    if duplicated_acks:
        problems.append(f"{len(duplicated_acks)} attempts acknowledged for two different submissions: "
                        f"{duplicated_acks[:3]}")
    submission_ids = [ack["submissionId"] for ack in acks]
    if len(set(submission_ids)) != len(submission_ids):
        problems.append("a submission id acknowledged twice for different attempts")

    missing = [a for a in by_attempt if a not in rows]
    extra = [a for a in rows if a not in by_attempt]
    if missing:
        problems.append(f"{len(missing)} acknowledged submissions not stored: {missing[:3]}")
    if extra:
        problems.append(f"{len(extra)} stored attempts never acknowledged: {extra[:3]}")
    stored_submissions = [row[3] for row in rows.values() if row[3] is not None]
    duplicates = len(stored_submissions) - len(set(stored_submissions))
    if duplicates:
        problems.append(f"{duplicates} submission ids stored twice")

    mismatched = []
    for attempt_id, (ack, *_) in by_attempt.items():
        row = rows.get(attempt_id)
        if not row:
            continue
        _, learner_id, quiz_id, submission_id, percent, passed, _, _, answers = row
        expected = (ack["learner"], ack["quizId"], ack["submissionId"], ack["percent"], ack["passed"],
                    ack["questionCount"])
        found = (names.get(learner_id), quiz_id, submission_id, percent, bool(passed), answers)
        if expected != found:
            mismatched.append(f"{attempt_id}: acknowledged {expected}, stored {found}")
    if mismatched:
        problems.append(f"{len(mismatched)} stored attempts differ from what was acknowledged: {mismatched[:3]}")

    completions = {}
    for learner_id, course_id, code, attempt_id in db.execute(
            "SELECT learnerId, courseId, verificationCode, attemptId FROM courseCompletion"):
        completions[(learner_id, course_id)] = (code, attempt_id)
    acked_completions = 0
    for ack in acks:
        if not ack["verificationCode"]:
            continue
        acked_completions += 1
        row = rows.get(ack["attemptId"])
        stored = completions.get((row[1], ack["courseId"])) if row else None
        if stored != (ack["verificationCode"], ack["attemptId"]):
            problems.append(f"completion of {ack['submissionId']} acknowledged as {ack['verificationCode']}, "
                            f"stored {stored}")
    # Every kiosk reads all its course's lessons before any submission, so each passed final attempt is due its
    # completion.
    passed_finals = 0
    without_completion = []
    for attempt_id, learner_id, quiz_id, _, _, passed, is_final, course_id, _ in rows.values():
        if not (passed and is_final):
            continue
        passed_finals += 1
        if (learner_id, course_id) not in completions:
            without_completion.append(attempt_id)
    if without_completion:
        problems.append(f"{len(without_completion)} passed final attempts without their course's completion: "
                        f"{without_completion[:3]}")
    for (learner_id, course_id), (code, attempt_id) in completions.items():
        row = rows.get(attempt_id)
        if row is None or row[1] != learner_id or not row[5] or not row[6]:
            problems.append(f"completion {code} points at {attempt_id}, not a passed final attempt of its learner")

    drafts = db.execute("SELECT attemptId, learnerId FROM attemptDraft").fetchall()
    wrong_learner = [a for a, learner in drafts if starts.get(a) is not None and starts[a] != names.get(learner)]
    unknown_drafts = [a for a, _ in drafts if a not in starts]
    stored_and_draft = [a for a, _ in drafts if a in rows]
    wrong_attempt_learner = [a for a, row in rows.items() if starts.get(a) and starts[a] != names.get(row[1])]
    if wrong_learner:
        problems.append(f"{len(wrong_learner)} drafts held by another learner than the one who started them")
    if unknown_drafts:
        problems.append(f"{len(unknown_drafts)} drafts no kiosk started: {unknown_drafts[:3]}")
    if stored_and_draft:
        problems.append(f"{len(stored_and_draft)} attempts both stored and still a draft")
    if wrong_attempt_learner:
        problems.append(f"{len(wrong_attempt_learner)} attempts stored for another learner than the one who "
                        "started them")
    orphan_answers = db.execute(
        "SELECT COUNT(*) FROM draftAnswer WHERE attemptId NOT IN (SELECT attemptId FROM attemptDraft)").fetchone()[0]
    if orphan_answers:
        problems.append(f"{orphan_answers} draft answers without their draft")

    summary = {
        "integrity_check": integrity[0] if len(integrity) == 1 else integrity[:3],
        "acknowledged": len(acks), "stored_attempts": len(rows), "missing": len(missing), "extra": len(extra),
        "duplicate_submission_ids": duplicates, "mismatched": len(mismatched),
        "acknowledged_completions": acked_completions, "stored_completions": len(completions),
        "passed_final_attempts": passed_finals, "passed_finals_without_completion": len(without_completion),
        "drafts_left": len(drafts), "drafts_of_wrong_learner": len(wrong_learner),
        "attempts_of_wrong_learner": len(wrong_attempt_learner),
        "problems": problems,
    }
    with open(args.summary, "w", encoding="utf-8") as out:
        json.dump(summary, out, ensure_ascii=False, indent=1)
    print(json.dumps(summary, ensure_ascii=False))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
