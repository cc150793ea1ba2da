#!/usr/bin/env bash
# Importing officials' lists, and kiosk sign-ins, at the production bcrypt cost (PIN cost 10):
#  1. `hoctap learners import` of a generated CSV of ROWS rows (default 1000), each with a PIN, into a new
#     database: wall time (bcrypt dominates; the import hashes on every core), best of RUNS (default 3); then the
#     same file again, which must add nobody;
#  2. PIN sign-ins per second (`hoctap db pin-probe`), SIGNINS of them (default 40), 1 and then 2 at a time.
# Environment: HOCTAP (a hoctap binary to measure instead of building one, e.g. an older build to compare),
# ROWS, RUNS, SIGNINS, PARTS ("import signin": either or both).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p .build-bench
work=$(mktemp -d "$PWD/.build-bench/import.XXXXXX")
trap 'rm -rf "$work"' EXIT
hoctap=$(bash Benchmarks/hoctap-binary.sh)
rows=${ROWS:-1000}
runs=${RUNS:-3}
signins=${SIGNINS:-40}
parts=${PARTS:-import signin}
echo "cores: $(nproc)"

if [[ " $parts " == *" import "* ]]; then
  python3 - "$rows" > "$work/learners.csv" <<'PY'
import sys
rows = int(sys.argv[1])
units = ["thon-1", "thon-2", "thon-3", "thon-4", "thon-5", "thon-6"]
family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
given = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Văn Giang", "Thị Hạnh", "Văn Khoa", "Thị Lan"]
print("ho_ten,don_vi,doi_tuong,so_dien_thoai,ma_pin")
for i in range(rows):
    name = f"{family[i % len(family)]} {given[(i // len(family)) % len(given)]} {i}"
    print(f"{name},{units[i % len(units)]},nguoi-dan,09{i:08d},{(i * 7919) % 10000:04d}")
PY
  best=""
  for run in $(seq "$runs"); do
    rm -f "$work/import.sqlite"*
    start=$(date +%s%N)
    "$hoctap" learners import "$work/learners.csv" --db "$work/import.sqlite" > "$work/import.out" 2>&1 \
      || { cat "$work/import.out"; exit 1; }
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "import of $rows rows with PINs, run $run: $ms ms ($(tail -1 "$work/import.out"))"
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "import of $rows rows with PINs: best $best ms"
  start=$(date +%s%N)
  "$hoctap" learners import "$work/learners.csv" --db "$work/import.sqlite" > "$work/again.out" 2>&1 || true
  echo "the same file again: $(( ($(date +%s%N) - start) / 1000000 )) ms ($(tail -1 "$work/again.out"))"
fi

if [[ " $parts " == *" signin "* ]]; then
  for threads in 1 2; do
    rm -f "$work/pin.sqlite"*
    "$hoctap" db pin-probe --db "$work/pin.sqlite" --threads "$threads" --count "$signins"
  done
fi
