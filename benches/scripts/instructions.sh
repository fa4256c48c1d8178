#!/usr/bin/env bash
# Instructions per decision, every case and way, counted by callgrind: the difference between
# deciding N+1000 times and 1000 times, divided by N. Not disturbed by other work on the machine.
#
#   bash scripts/instructions.sh [CASE_REGEX] [WAYS]     (from benches/; needs valgrind)
#   bash scripts/instructions.sh scaling from_json       (the action index against policy size)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
filter="${1:-.}"
ways="${2:-policy! from_json reference}"
n=20000
cargo build --release --quiet --example instructions
bin="${CARGO_TARGET_DIR:-target}/release/examples/instructions"
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*refs: *//p' | tr -d ,
}
cases=$(grep -o 'name: "[a-z0-9_]*"' src/lib.rs | cut -d'"' -f2 | grep -E "$filter" || true)
if [ "$filter" = scaling ]; then
    # The action index against policy size: bash scripts/instructions.sh scaling from_json
    cases=$(for kind in hit miss; do for size in 1 10 100 1000 10000; do echo "scaling-$kind-$size"; done; done)
fi
printf '%-34s' case; for way in $ways; do printf '%12s' "$way"; done; echo
for case in $cases; do
    printf '%-34s' "$case"
    for way in $ways; do
        base=$(count "$case" "$way" 1000)
        more=$(count "$case" "$way" $((n + 1000)))
        printf '%12.1f' "$(echo "($more - $base) / $n" | bc -l)"
    done
    echo
done
