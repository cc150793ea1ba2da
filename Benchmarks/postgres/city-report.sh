#!/usr/bin/env bash
# The city-wide yearly report from PostgreSQL, on demand (not in make test):
#   `hoctap report yearly --year 2026 --city --format json` (every commune's report from the year rollups, merged
#   as `hoctap report merge` merges them), best of RUNS, against the same year's figures counted from the raw
#   tables in psql (\timing) with the coverage, award candidates and unit award counts counted from the
#   completions, and the same figures from the year rollups in psql, on the same throwaway cluster.
# Data, generated in SQL straight into a database migrated by the real binary: COMMUNES communes (100) of ten
# units each, LEARNERS learners (3,000,000, each registered in 2025 and placed once), ATTEMPTS attempts
# (60,000,000) inside reporting year 2026 (11 Dec 2025 – 10 Dec 2026, Asia/Ho_Chi_Minh): per learner 20 attempts
# over 5 sittings in 3 courses, every fourth a final quiz (percent 40–100, passed from 80), the first passed final
# of each course a completion (percents drawn by hashint8, so that some complete a whole basic-level list); the
# basic level's lists of Content/campaign.yaml kept in every commune; the day, year and completion rollups
# computed from those rows as the store keeps them.
# Left out, and said so in the output: lesson events, attempt answers (no report reads them), consents (every
# award candidate is withheld), drafts, summaries (course_progress), staff; and two indexes of attempt that no
# report reads (unique submission ids, attempts by learner and quiz), to keep the disk under 30 GB.
# Environment: COMMUNES, LEARNERS, ATTEMPTS (a multiple of 20 × LEARNERS is not needed: learner = attempt / 20),
# RUNS (3), PG_BENCH_PORT (55471), HOCTAP (a hoctap binary to measure instead of building one in release).
# Needs about 25 GB of disk at full size (a 22 GB database); the cluster and its data are removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
communes=${COMMUNES:-100}
learners=${LEARNERS:-3000000}
attempts=${ATTEMPTS:-60000000}
runs=${RUNS:-3}
port=${PG_BENCH_PORT:-55471}
work=$(mktemp -d /tmp/hoctap-bench-city.XXXXXX)
cluster=$(mktemp -d /tmp/hoctap-bench-city-cluster.XXXXXX)  # its own folder: the cluster runs as another user
hoctap=$(bash Benchmarks/hoctap-binary.sh)
trap 'bash scripts/postgres-cluster.sh stop "$cluster"; rm -rf "$work"' EXIT
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_owner() { if [ "$(id -u)" -eq 0 ]; then su hoctap-ci -s /bin/sh -c "$(printf '%q ' "$@")"; else "$@"; fi; }
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$@"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
say() { echo "[$(date +%H:%M:%S)] $*" >&2; }

address=$(bash scripts/postgres-cluster.sh start "$cluster" "$port")
server=${address%/postgres}
# For the bulk load only: tables truncated in the loading transaction skip the WAL (wal_level = minimal), and
# index builds get memory. Commits stay durable (synchronous_commit = on, fsync = on: the store checks).
psql "$address" -c "ALTER SYSTEM SET wal_level = minimal" -c "ALTER SYSTEM SET max_wal_senders = 0" \
  -c "ALTER SYSTEM SET max_wal_size = '4GB'" -c "ALTER SYSTEM SET maintenance_work_mem = '1GB'" \
  -c "ALTER SYSTEM SET log_min_duration_statement = -1"
as_owner "$bin/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 restart > /dev/null
psql "$address" -c "CREATE DATABASE city"
city="$server/city"
# The real binary migrates the empty database (a commune's report of nothing: all zeros).
"$hoctap" report yearly --year 2026 --format json --database "$city" --commune warm-up > /dev/null

# The award criteria, and the courses of the unit award's content (their `contents:`), as the report reads them.
read -r award_courses award_average award_content < <(sed -n \
  -e 's/^  individual: { min_courses: \([0-9]*\), min_average: \([0-9]*\) }.*/\1 \2/p' \
  -e 's/^  unit: { content: \([0-9]*\),.*/\1/p' Content/campaign.yaml | paste -sd' ' -)
content_courses=$(grep -l "^contents: \[.*\b$award_content\b" Courses/*/course.md | xargs -n1 dirname \
  | xargs -n1 basename | sed "s/.*/'&'/" | paste -sd, -)
# The basic level's lists as SQL rows ('category', 'course'), read from the configuration the report reads.
lists=$(python3 - Content/campaign.yaml <<'PY'
import re, sys
block = open(sys.argv[1]).read().split("\nbasic_level:\n", 1)[1]
rows = []
for line in block.splitlines():
    found = re.match(r"^  ([a-z-]+): \[(.*)\]\s*$", line)
    if not found:
        break
    rows += [f"('{found.group(1)}', '{course.strip()}')" for course in found.group(2).split(",")]
print(", ".join(rows))
PY
)
say "loading $communes communes, $learners learners, $attempts attempts"
load_start=$(now_ms)
psql "$city" -v communes="$communes" -v learners="$learners" -v attempts="$attempts" -v lists="$lists" >&2 <<'SQL'
\timing on
SET work_mem = '256MB';
BEGIN;
-- Truncated here, so that (with wal_level = minimal) the rows written below skip the WAL.
TRUNCATE unit, learner, learner_placement, attempt, attempt_answer, course_completion, registration_day,
         day_figures, activity_day, activity_year, learner_year, year_figures, year_groups, basic_level_course,
         basic_level_reach, completion_year, completion_unit_year CASCADE;
-- The big tables' keys, references and indexes, dropped for the load and made again after it.
CREATE TEMP TABLE saved_constraints AS
  SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def, contype
  FROM pg_constraint
  WHERE contype IN ('p', 'u', 'f')
    AND (conrelid::regclass::text IN ('attempt', 'activity_day', 'activity_year', 'course_completion')
         OR confrelid::regclass::text = 'attempt');
CREATE TEMP TABLE saved_indexes AS
  SELECT indexname, indexdef FROM pg_indexes
  WHERE tablename IN ('attempt', 'activity_day', 'activity_year', 'course_completion')
    AND indexname NOT IN (SELECT conname FROM saved_constraints);
SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', tbl, conname) FROM saved_constraints ORDER BY contype = 'f' DESC
\gexec
SELECT format('DROP INDEX %I', indexname) FROM saved_indexes
\gexec

-- Communes xa-001 …, ten units each.
CREATE TEMP TABLE commune AS SELECT c, 'xa-' || lpad(c::text, 3, '0') AS id FROM generate_series(1, :communes) c;
INSERT INTO unit (commune_id, id, name, kind)
SELECT commune.id, 'thon-' || lpad(u::text, 2, '0'), 'Thôn ' || u, CASE WHEN u <= 8 THEN 'thon' ELSE 'phong-ban' END
FROM commune, generate_series(1, 10) u;
-- Learner l: commune by blocks, unit and category spread, registered in 2025 (before the period).
CREATE TEMP TABLE person AS
  SELECT l, 'xa-' || lpad((1 + (l - 1) * :communes / :learners)::text, 3, '0') AS commune_id,
         'thon-' || lpad((1 + (l * 7) % 10)::text, 2, '0') AS unit_id,
         (ARRAY['nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'can-bo', 'dang-vien',
                'nguoi-lao-dong', 'doanh-nghiep'])[1 + l % 10] AS category,
         TIMESTAMPTZ '2025-06-01 08:00:00+07' + (l % 180) * INTERVAL '1 day' AS created_at
  FROM generate_series(1, :learners) l;
INSERT INTO learner (id, commune_id, display_name, unit_id, category, created_at)
SELECT l, commune_id, 'Người học ' || l, unit_id, category, created_at FROM person;
SELECT setval(pg_get_serial_sequence('learner', 'id'), :learners);
INSERT INTO learner_placement (commune_id, learner_id, unit_id, category, at)
SELECT commune_id, l, unit_id, category, created_at FROM person;

-- Attempt n belongs to learner n / 20 + 1 (its commune, unit and category as in person, computed again rather
-- than joined); its k = n % 20 puts it in sitting k / 4 (a week apart, from the learner's first day in the
-- period) and course k * 3 / 20 of the learner's three (half of the learners take the citizens' basic courses);
-- every fourth is a final quiz.
INSERT INTO attempt (commune_id, id, learner_id, course_id, course_version, quiz_id, is_final, seed, started_at,
                     submitted_at, earned_numerator, earned_denominator, possible, percent, pass_mark, passed,
                     unit_id, category)
SELECT 'xa-' || lpad((1 + (l - 1) * :communes / :learners)::text, 3, '0'), 'a' || n, l, course, 1,
       course || CASE WHEN final THEN '/quiz' ELSE '/kiem-tra' END, final, n, at - INTERVAL '10 minutes', at,
       pct, 100, 10, pct, 80, pct >= 80,
       'thon-' || lpad((1 + (l * 7) % 10)::text, 2, '0'),
       (ARRAY['nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'nguoi-dan', 'can-bo', 'dang-vien',
              'nguoi-lao-dong', 'doanh-nghiep'])[1 + l % 10]
FROM (SELECT n, l, final, pct, at,
             (ARRAY['an-toan-thong-tin-can-bo', 'bao-ve-du-lieu-ca-nhan', 'chuyen-doi-so-ho-kinh-doanh',
                    'dich-vu-cong-truc-tuyen', 'dinh-danh-dien-tu-vneid', 'ky-nang-so-co-ban',
                    'phong-tranh-lua-dao-truc-tuyen', 'su-dung-tri-tue-nhan-tao', 'thanh-toan-so-an-toan'])
               [1 + CASE WHEN l % 2 = 0 THEN (ARRAY[5, 4, 6])[1 + k * 3 / 20] ELSE (l + k * 3 / 20 * 4) % 9 END]
               AS course
      FROM (SELECT n, n / 20 + 1 AS l, n % 20 AS k, n % 4 = 3 AS final,
                   40 + (hashint8(n) % 61 + 61) % 61 AS pct,
                   TIMESTAMPTZ '2025-12-11 08:00:00+07'
                     + (((n / 20 + 1) * 37) % 330 + (n % 20 / 4) * 7) * INTERVAL '1 day'
                     + (n % 540) * INTERVAL '1 minute' AS at
            FROM generate_series(0::bigint, :attempts - 1) n) AS a) AS b;

-- Completions: each learner's first passed final in a course.
INSERT INTO course_completion (commune_id, learner_id, course_id, course_version, completed_at, percent,
                               verification_code, attempt_id, unit_id, category)
SELECT DISTINCT ON (commune_id, learner_id, course_id) commune_id, learner_id, course_id, 1, submitted_at, percent,
       substr(md5(learner_id::text || course_id), 1, 16), id, unit_id, category
FROM attempt WHERE is_final AND passed
ORDER BY commune_id, learner_id, course_id, submitted_at, id;

-- The day rollups, as the store keeps them (PostgresRebuild, for every commune at once).
INSERT INTO registration_day (commune_id, day, unit_id, category, delta)
SELECT commune_id, hoctap_day(at), unit_id, category, COUNT(*) FROM learner_placement GROUP BY 1, 2, 3, 4;
INSERT INTO activity_day (commune_id, day, unit_id, category, learner_id, course_id)
SELECT DISTINCT commune_id, hoctap_day(submitted_at), unit_id, category, learner_id, course_id FROM attempt;
INSERT INTO day_figures (commune_id, day, unit_id, category, course_id, course_completions, final_attempts,
                         passed_attempts, percent_sum)
SELECT commune_id, day, unit_id, category, course_id, SUM(courses), SUM(finals), SUM(passed), SUM(percents)
FROM (SELECT commune_id, hoctap_day(completed_at) AS day, unit_id, category, course_id, 1 AS courses, 0 AS finals,
             0 AS passed, 0 AS percents FROM course_completion
      UNION ALL
      SELECT commune_id, hoctap_day(submitted_at), unit_id, category, course_id, 0, 1,
             CASE WHEN passed THEN 1 ELSE 0 END, percent FROM attempt WHERE is_final) AS figures
GROUP BY 1, 2, 3, 4, 5;
-- The year rollups, by the function of migration 005 that the store's rebuild calls.
SELECT hoctap_fill_year_rollups();
-- The basic level's lists of Content/campaign.yaml in every commune (what `hoctap serve` keeps at start), and
-- the completions' rollups, by the function of migration 009 that the store's rebuild calls.
INSERT INTO basic_level_course (commune_id, category, course_id)
SELECT commune.id, list.category, list.course_id FROM commune, (VALUES :lists) AS list (category, course_id);
SELECT hoctap_fill_completion_rollups();

-- Not made again, to keep the disk under 30 GB at full size (about 3.6 GB): the unique submission ids (all
-- NULL here) and attempts by learner and quiz, which no report reads.
SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', tbl, conname, def) FROM saved_constraints
WHERE conname <> 'attempt_commune_id_submission_id_key'
ORDER BY contype = 'f', tbl
\gexec
SELECT indexdef FROM saved_indexes WHERE indexname <> 'attempt_on_learner_quiz'
\gexec
COMMIT;
VACUUM ANALYZE;
SQL
load_ms=$(( $(now_ms) - load_start ))
say "loaded in $((load_ms / 1000)) s"
sizes=$(psql "$city" -At -F ' ' -c "
  SELECT pg_size_pretty(pg_database_size('city')),
         (SELECT COUNT(*) FROM attempt), (SELECT COUNT(*) FROM learner), (SELECT COUNT(*) FROM course_completion),
         (SELECT COUNT(*) FROM activity_day), (SELECT COUNT(*) FROM activity_year), (SELECT COUNT(*) FROM year_figures),
         (SELECT COUNT(*) FROM year_groups), (SELECT COUNT(*) FROM day_figures),
         (SELECT COUNT(*) FROM basic_level_reach), (SELECT COUNT(*) FROM completion_year)")
read -r size size_unit n_attempts n_learners n_completions n_activity_day n_activity_year n_year_figures \
  n_year_groups n_day_figures n_reach n_completion_year <<< "$sizes"

# The year's figures from the raw tables (what PostgresFigureQueries.addRaw counts for one commune, here for
# every commune at once), and the same from the year rollups (addYears), each timed in psql, best of RUNS.
period="'2025-12-11 00:00:00+07', '2026-12-11 00:00:00+07'"
cat > "$work/raw.sql" <<SQL
SELECT commune_id, unit_id, category, COUNT(*) FROM (
    SELECT DISTINCT ON (commune_id, learner_id) commune_id, learner_id, unit_id, category FROM learner_placement
    WHERE at < TIMESTAMPTZ '2026-12-11 00:00:00+07' ORDER BY commune_id, learner_id, at DESC, id DESC) AS latest
GROUP BY 1, 2, 3;
WITH a AS (
    SELECT commune_id, learner_id, course_id, unit_id, category FROM lesson_event
    WHERE at >= TIMESTAMPTZ '2025-12-11 00:00:00+07' AND at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
    UNION ALL
    SELECT commune_id, learner_id, course_id, unit_id, category FROM attempt
    WHERE submitted_at >= TIMESTAMPTZ '2025-12-11 00:00:00+07' AND submitted_at < TIMESTAMPTZ '2026-12-11 00:00:00+07')
SELECT commune_id, unit_id, category, NULL, COUNT(DISTINCT learner_id) FROM a GROUP BY 1, 2, 3
UNION ALL
SELECT commune_id, unit_id, category, course_id, COUNT(DISTINCT learner_id) FROM a GROUP BY 1, 2, 3, 4;
SELECT commune_id, unit_id, category, course_id, COUNT(*) FROM (
    SELECT DISTINCT ON (commune_id, learner_id, course_id, lesson_id) commune_id, unit_id, category, course_id, at
    FROM lesson_event WHERE kind = 'complete' ORDER BY commune_id, learner_id, course_id, lesson_id, at, id) AS first
WHERE at >= TIMESTAMPTZ '2025-12-11 00:00:00+07' AND at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
GROUP BY 1, 2, 3, 4;
SELECT commune_id, unit_id, category, course_id, COUNT(*) FROM course_completion
WHERE completed_at >= TIMESTAMPTZ '2025-12-11 00:00:00+07' AND completed_at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
GROUP BY 1, 2, 3, 4;
SELECT commune_id, unit_id, category, course_id, COUNT(*), COUNT(*) FILTER (WHERE passed), SUM(percent) FROM attempt
WHERE is_final AND submitted_at >= TIMESTAMPTZ '2025-12-11 00:00:00+07'
  AND submitted_at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
GROUP BY 1, 2, 3, 4;
-- Coverage: who completed their category's list by the end (the last completion recorded in that category).
SELECT commune_id, unit_id, list, COUNT(*), COUNT(*) FILTER (WHERE completed_at >= TIMESTAMPTZ '2025-12-11 00:00:00+07')
FROM (SELECT DISTINCT ON (c.commune_id, b.category, c.learner_id) c.commune_id, b.category AS list, c.learner_id,
             c.completed_at, c.unit_id, c.category AS recorded,
             COUNT(*) OVER (PARTITION BY c.commune_id, b.category, c.learner_id) AS completed
      FROM basic_level_course b
      JOIN course_completion c ON c.commune_id = b.commune_id AND c.course_id = b.course_id
      WHERE c.completed_at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
      ORDER BY c.commune_id, b.category, c.learner_id, c.completed_at DESC, c.course_id COLLATE "C" DESC) AS last
WHERE recorded = list
  AND completed = (SELECT COUNT(*) FROM basic_level_course x WHERE x.commune_id = last.commune_id AND x.category = list)
GROUP BY 1, 2, 3;
-- Award candidates: completions in the year, their average, the unit and category of the last one.
SELECT q.commune_id, l.id, l.display_name, q.unit_id, q.category, q.completions, q.percent_sum
FROM (SELECT DISTINCT ON (commune_id, learner_id) commune_id, learner_id, unit_id, category,
             COUNT(*) OVER person AS completions, SUM(COALESCE(percent, 0)) OVER person AS percent_sum
      FROM course_completion
      WHERE completed_at >= TIMESTAMPTZ '2025-12-11 00:00:00+07' AND completed_at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
      WINDOW person AS (PARTITION BY commune_id, learner_id)
      ORDER BY commune_id, learner_id, completed_at DESC, course_id COLLATE "C" DESC) AS q
JOIN learner l ON l.commune_id = q.commune_id AND l.id = q.learner_id
WHERE l.anonymised_at IS NULL AND q.completions >= $award_courses AND q.percent_sum >= $award_average * q.completions
ORDER BY q.commune_id, q.completions DESC, q.percent_sum::float8 / q.completions DESC, l.display_name COLLATE "C", l.id;
-- The unit award: per unit, people who completed a course of the award's content in the year.
SELECT commune_id, unit_id, COUNT(DISTINCT learner_id) FROM course_completion
WHERE course_id = ANY(ARRAY[$content_courses])
  AND completed_at >= TIMESTAMPTZ '2025-12-11 00:00:00+07' AND completed_at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
GROUP BY 1, 2;
SQL
cat > "$work/years.sql" <<SQL
SELECT commune_id, unit_id, category, SUM(registered_delta), SUM(active) FILTER (WHERE year >= 2026)
FROM year_groups WHERE year < 2027 GROUP BY 1, 2, 3;
SELECT commune_id, unit_id, category, course_id, SUM(enrolments), SUM(lesson_completions), SUM(course_completions),
       SUM(final_attempts), SUM(passed_attempts), SUM(percent_sum)::bigint
FROM year_figures WHERE year >= 2026 AND year < 2027 GROUP BY 1, 2, 3, 4;
SQL
# Milliseconds of a psql script's statements together (\timing), its output thrown away.
psql_ms() {
  { echo '\timing on'; echo '\o /dev/null'; cat "$1"; } | psql "$city" 2>&1 \
    | awk '/^Time:/ { sum += $2 } END { printf "%d", sum }'
}
best() { sort -n | head -1; }

# Both sides check their totals: the raw SQL's and the report's active learners and final attempts.
raw_active=$(psql "$city" -At -c "
  SELECT COUNT(DISTINCT (commune_id, learner_id)) FROM attempt
  WHERE submitted_at >= TIMESTAMPTZ '2025-12-11 00:00:00+07' AND submitted_at < TIMESTAMPTZ '2026-12-11 00:00:00+07'")
raw_finals=$(psql "$city" -At -c "SELECT COUNT(*) FROM attempt WHERE is_final")
# People who reached their category's basic level by the year's end, from the completions.
raw_reached=$(psql "$city" -At -c "
  SELECT COUNT(*) FROM (
      SELECT DISTINCT ON (c.commune_id, b.category, c.learner_id) b.category AS list, c.category AS recorded,
             COUNT(*) OVER (PARTITION BY c.commune_id, b.category, c.learner_id) AS completed,
             (SELECT COUNT(*) FROM basic_level_course x WHERE x.commune_id = b.commune_id AND x.category = b.category) AS wanted
      FROM basic_level_course b JOIN course_completion c ON c.commune_id = b.commune_id AND c.course_id = b.course_id
      WHERE c.completed_at < TIMESTAMPTZ '2026-12-11 00:00:00+07'
      ORDER BY c.commune_id, b.category, c.learner_id, c.completed_at DESC, c.course_id COLLATE \"C\" DESC) AS last
  WHERE recorded = list AND completed = wanted")

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
psql "$address" -c "ALTER SYSTEM SET log_min_duration_statement = 100" -c "SELECT pg_reload_conf()" > /dev/null
report_times=()
raw_times=()
year_times=()
for run in $(seq 1 "$runs"); do
  say "run $run of $runs"
  start=$(now_ms)
  "$hoctap" report yearly --year 2026 --city --format json --database "$city" > "$work/city.json"
  report_times+=($(( $(now_ms) - start )))
  raw_times+=($(psql_ms "$work/raw.sql"))
  year_times+=($(psql_ms "$work/years.sql"))
done
psql "$address" -c "ALTER SYSTEM SET log_min_duration_statement = -1" -c "SELECT pg_reload_conf()" > /dev/null
report_ms=$(printf '%s\n' "${report_times[@]}" | best)
raw_ms=$(printf '%s\n' "${raw_times[@]}" | best)
year_ms=$(printf '%s\n' "${year_times[@]}" | best)
read -r report_active report_finals report_communes report_reached < <(python3 -c "
import json, sys
m = json.load(open(sys.argv[1]))
print(m['totals']['active'], m['totals']['finalAttempts'], len(m['communes']),
      sum(row['reachedByEnd'] for row in m['coverage']))" "$work/city.json")

echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1, $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB;" \
  "load average (1, 5, 15 min) before the runs: $load_before, after them: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $n_learners learners in $communes communes, $n_attempts attempts, $n_completions completions," \
  "database $size $size_unit, loaded in $((load_ms / 1000)) s (no lesson events, attempt answers, consents," \
  "drafts, summaries, nor attempt's indexes of submission ids and of learner and quiz)"
echo "rollups: activity_day $n_activity_day rows, day_figures $n_day_figures, activity_year $n_activity_year," \
  "year_figures $n_year_figures, year_groups $n_year_groups, basic_level_reach $n_reach, completion_year $n_completion_year"
echo "check: active learners $report_active (report) / $raw_active (raw SQL); final attempts $report_finals / $raw_finals;" \
  "reached the basic level $report_reached / $raw_reached; communes merged $report_communes"
echo
echo "| measure (best of $runs) | ms | ratio to the report |"
echo "| --- | ---: | ---: |"
echo "| hoctap report yearly --year 2026 --city --format json (year rollups; whole report) | $report_ms | 1.00 |"
python3 - "$report_ms" "$raw_ms" "$year_ms" <<'PY'
import sys
report, raw, years = map(int, sys.argv[1:])
print(f"| the year's figures, coverage, award candidates and unit award counts from the raw tables in psql (all communes at once) | {raw} | {raw / report:.2f} |")
print(f"| the same figures from the year rollups in psql | {years} | {years / report:.2f} |")
PY
echo "all runs (report / raw / rollups): ${report_times[*]} / ${raw_times[*]} / ${year_times[*]}"
echo
echo "Statements of the report runs over 100 ms (server log), by the tables they read:"
python3 - "$cluster/server.log" <<'PY'
import sys, re, collections
text = open(sys.argv[1], errors="replace").read()
total, count = collections.Counter(), collections.Counter()
# One entry per log line that starts with a time stamp; a statement's text runs on over the next lines.
for entry in re.split(r"\n(?=\d{4}-\d\d-\d\d )", text):
    found = re.search(r"duration: ([0-9.]+) ms +execute [^:]*: (.*)", entry, re.S)
    if not found:
        continue
    tables = sorted(set(re.findall(r"(?:FROM|JOIN) ([a-z_]+)", found.group(2))))
    key = " + ".join(tables) or found.group(2)[:40]
    total[key] += float(found.group(1))
    count[key] += 1
for key, ms in total.most_common(8):
    print(f"  {ms / 1000:8.1f} s in {count[key]:5d} statements over {key}")
PY
